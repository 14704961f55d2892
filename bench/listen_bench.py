"""Voice commands against their targets, on speech made here with espeak-ng and noise made
with sox (both from Debian), nothing recorded from a person:

- detection: every command word in several espeak-ng voices (accents, male and female
  variants) at three speeds, mixed with pink noise about 20 dB below the voice;
- false triggers: every sentence the app says in both built-in routines, read in two voices
  with the pauses between cues, and an hour of room noise (brown noise);
- CPU: the recogniser's time per second of sound, over the script.

Without pocketsphinx (the ``listen`` extra), espeak-ng or sox it reports why and skips.
"""

from __future__ import annotations

import array
import itertools
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from stretchdesk import paths
from stretchdesk.listen.recogniser import ListenError, Recogniser
from stretchdesk.listen.words import COMMANDS
from stretchdesk.routine import load_catalog, load_library
from stretchdesk.session.cues import Say
from tools.spoken_script import cues_for

VOICES = ("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbcwmd")
VARIANTS = ("", "+f2", "+m3", "+f4")
SPEEDS = (130, 160, 190)
BYTES_PER_SECOND = 32000
GAP = b"\x00\x00" * 11200  # 0.7 s between cues


def _raw(text: str, voice: str, speed: int, work: Path) -> bytes:
    wav, raw = work / "say.wav", work / "say.raw"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text], check=True)
    subprocess.run(
        ["sox", "-V0", str(wav), "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", str(raw)],
        check=True,
    )
    return raw.read_bytes()


def _noise(kind: str, seconds: float, volume: float, work: Path) -> array.array[int]:
    target = work / f"{kind}.raw"
    subprocess.run(
        [
            *("sox", "-V0", "-n", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed"),
            *(str(target), "synth", str(seconds), kind, "vol", str(volume)),
        ],
        check=True,
    )
    return array.array("h", target.read_bytes())


def _mixed(speech: bytes, noise: array.array[int], rng: random.Random) -> bytes:
    voice = array.array("h", speech)
    start = rng.randrange(0, len(noise) - len(voice) - 1)
    return array.array(
        "h",
        (max(-32768, min(32767, v // 2 + noise[start + i])) for i, v in enumerate(voice)),
    ).tobytes()


def _script() -> list[str]:
    library = load_library(paths.exercises_dir())
    catalog = load_catalog(library, paths.builtin_routines_dir())
    said: list[str] = []
    for routine in catalog.routines:
        cues, _ = cues_for(routine)
        said += [cue.text for cue in cues if isinstance(cue, Say)]
    return said


def _heard(recogniser: Recogniser, sound: bytes) -> list[str]:
    recogniser.reset()
    words = []
    for start in range(0, len(sound), 3200):
        words += [h.word for h in recogniser.feed(sound[start : start + 3200])]
    return words


def run() -> dict[str, Any]:
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    try:
        recogniser = Recogniser()
    except ListenError as exc:
        return {"skipped": str(exc)}
    if missing:
        return {"skipped": f"needs {', '.join(missing)}"}
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="bench-listen-") as tmp:
        work = Path(tmp)
        pink = _noise("pinknoise", 30, 0.03, work)
        quiet = b"\x00\x00" * 16000
        detected: dict[str, list[int]] = {word: [0, 0] for word in COMMANDS}
        for word, voice, variant, speed in itertools.product(COMMANDS, VOICES, VARIANTS, SPEEDS):
            sound = _mixed(quiet + _raw(word, voice + variant, speed, work) + quiet, pink, rng)
            detected[word][0] += 1
            detected[word][1] += word in _heard(recogniser, sound)
        said = _script()
        script = b"".join(
            _raw(sentence, voice, 160, work) + GAP
            for voice in ("en-us", "en-gb-x-rp+f2")
            for sentence in said
        )
        began = time.process_time()
        false_script = _heard(recogniser, script)
        cpu = (time.process_time() - began) / (len(script) / BYTES_PER_SECOND)
        room = _noise("brownnoise", 3600, 0.05, work).tobytes()
        false_room = _heard(recogniser, room)
    return {
        "detected_percent": {w: round(100 * hit / n, 1) for w, (n, hit) in detected.items()},
        "utterances_per_word": detected["stop"][0],
        "false_triggers_script": len(false_script),
        "script_minutes": round(len(script) / BYTES_PER_SECOND / 60, 1),
        "false_triggers_room_noise_hour": len(false_room),
        "cpu_percent_of_one_core": round(cpu * 100, 2),
        "targets": {"stop_detected_percent": 95, "false_triggers_script": 0, "cpu_percent": 5},
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
