"""Voice commands against their targets, on speech made here with espeak-ng and noise made
with sox (both from Debian), nothing recorded from a person:

- detection: every command word in several espeak-ng voices (accents, male and female
  variants) at three speeds, mixed with pink noise about 20 dB below the voice;
- false triggers: every sentence the app says in both built-in routines, read in two voices
  with the pauses between cues; about an hour of a public-domain reading (bench/corpus/, the
  command words taken out) in five voices; an hour of room noise (brown noise);
- CPU: the recogniser's time per second of sound, over the script.

Without pocketsphinx (the ``listen`` extra), espeak-ng or sox it reports why and skips.
"""

from __future__ import annotations

import array
import itertools
import random
import re
import shutil
import statistics
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
TALK_VOICES = ("en-us", "en-gb+f2", "en-gb-scotland+m3", "en-029+f4", "en-gb-x-rp+m3")
CORPUS = Path(__file__).with_name("corpus")


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
            *("sox", "-V0", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed"),
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


def _last_sound(speech: bytes) -> int:
    """Where the word really ends (espeak-ng's files end with a little silence), in bytes."""
    samples = array.array("h", speech)
    loud = [i for i, v in enumerate(samples) if abs(v) > 300]
    return (loud[-1] + 1) * 2 if loud else len(speech)


def _unrelated_text() -> str:
    """A public-domain reading (bench/corpus/) with the command words taken out."""
    text = (CORPUS / "alice-chapter-1.txt").read_text(encoding="utf-8")
    for word in sorted(COMMANDS, key=len, reverse=True):
        text = re.sub(rf"\b{word}\b", "", text, flags=re.IGNORECASE)
    return text


def _heard(recogniser: Recogniser, sound: bytes, when: list[float] | None = None) -> list[str]:
    """The words heard in ``sound`` fed as it would come; ``when`` gets, for each, the
    seconds of sound fed until it was heard plus the time the recogniser took."""
    recogniser.reset()
    words = []
    for start in range(0, len(sound), 3200):
        began = time.perf_counter()
        found = [h.word for h in recogniser.feed(sound[start : start + 3200])]
        if found and when is not None:
            when.append((start + 3200) / BYTES_PER_SECOND + time.perf_counter() - began)
        words += found
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
        after_word: list[float] = []  # seconds from the end of a heard "stop" to hearing it
        for word, voice, variant, speed in itertools.product(COMMANDS, VOICES, VARIANTS, SPEEDS):
            spoken = _raw(word, voice + variant, speed, work)
            sound = _mixed(quiet + spoken + quiet, pink, rng)
            when: list[float] = []
            detected[word][0] += 1
            if word in _heard(recogniser, sound, when):
                detected[word][1] += 1
                if word == "stop":
                    ends = (len(quiet) + _last_sound(spoken)) / BYTES_PER_SECOND
                    after_word.append(when[0] - ends)
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
        reading = _unrelated_text()
        talk = b"".join(_raw(reading, voice, 160, work) for voice in TALK_VOICES)
        false_talk = _heard(recogniser, talk)
    return {
        "detected_percent": {w: round(100 * hit / n, 1) for w, (n, hit) in detected.items()},
        "utterances_per_word": detected["stop"][0],
        "false_triggers_script": len(false_script),
        "script_minutes": round(len(script) / BYTES_PER_SECOND / 60, 1),
        "false_triggers_room_noise_hour": len(false_room),
        "false_triggers_unrelated_speech": len(false_talk),
        "unrelated_speech_minutes": round(len(talk) / BYTES_PER_SECOND / 60, 1),
        "cpu_percent_of_one_core": round(cpu * 100, 2),
        # from the last sound of the word to the recogniser's answer (the session then
        # stops and commits in about 10 ms more: see pain_stop)
        "stop_heard_after_word_ms_median": (
            round(statistics.median(after_word) * 1000) if after_word else None
        ),
        "targets": {
            "stop_detected_percent": 95,
            "false_triggers_script": 0,
            "false_triggers_unrelated_speech_per_hour": 1,
            "stop_heard_after_word_ms": 1000,
            "cpu_percent": 5,
        },
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
