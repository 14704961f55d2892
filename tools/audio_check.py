"""Do the cue sounds really play, at the planned times? Finds the tones in a recording of the
sound card's output and compares them with the cue plan.

    python -m tools.audio_check RECORDING.wav ROUTINE.toml

The recording is mono 16-bit (for example ``parec -d null.monitor --channels=1
--file-format=wav``) of stretchdesk running ROUTINE with the default settings. The first
tone found is matched to the first planned sound; every later tone is compared with its
planned time from there. Prints one line per tone and the largest difference.
"""

from __future__ import annotations

import math
import sys
import wave
from pathlib import Path

from stretchdesk import paths
from stretchdesk.routine import load_library, load_routine
from stretchdesk.session.cues import Play, Sound
from tools.spoken_script import cues_for

WINDOW = 0.005  # seconds per analysis window
TONES = {Sound.TICK: 880.0, Sound.REP: 587.33, Sound.SWITCH: 523.25, Sound.STEP_DONE: 783.99}


def goertzel(samples: list[float], rate: int, freq: float) -> float:
    k = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + k * s1 - s2, s1
    return math.sqrt(max(0.0, s1 * s1 + s2 * s2 - k * s1 * s2)) / max(1, len(samples))


def read(path: Path) -> tuple[list[float], int]:
    with wave.open(str(path), "rb") as wav:
        rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
        data = wav.readframes(wav.getnframes())
    if width != 2:
        raise SystemExit("the recording must be 16-bit")
    values = memoryview(data).cast("h")
    return [values[i] / 32768 for i in range(0, len(values), channels)], rate


def onsets(samples: list[float], rate: int, threshold: float = 0.01) -> list[float]:
    """Times where sound starts after at least 40 ms of quiet."""
    size = round(WINDOW * rate)
    found: list[float] = []
    quiet = 0
    for start in range(0, len(samples) - size, size):
        chunk = samples[start : start + size]
        level = math.sqrt(sum(x * x for x in chunk) / size)
        if level > threshold and quiet >= 8:
            found.append(start / rate)
        quiet = 0 if level > threshold else quiet + 1
    return found


def classify(samples: list[float], rate: int, at: float) -> Sound:
    chunk = samples[round(at * rate) : round((at + 0.04) * rate)]
    return max(TONES, key=lambda s: goertzel(chunk, rate, TONES[s]))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__)
        return 2
    samples, rate = read(Path(args[0]))
    routine = load_routine(Path(args[1]), load_library(paths.exercises_dir()))
    cues, start = cues_for(routine)
    planned = [
        (c.at - start, c.sound)
        for c in cues
        if isinstance(c, Play) and c.sound is not Sound.COMPLETE
    ]
    heard = onsets(samples, rate)
    if not heard:
        print("no sound found in the recording")
        return 1
    offset = heard[0] - planned[0][0]
    worst = 0.0
    matched = 0
    for when, sound in planned:
        expected = when + offset
        near = min(heard, key=lambda t: abs(t - expected))
        error = near - expected
        kind = classify(samples, rate, near)
        ok = abs(error) < 0.1 and (kind is sound or sound is Sound.SWITCH)
        matched += ok
        worst = max(worst, abs(error))
        print(
            f"{when:7.2f} s  {sound.value:10} heard at {near - offset:7.2f} s  "
            f"({error * 1000:+6.1f} ms, sounds like {kind.value}){'' if ok else '  MISSING'}"
        )
    summary = f"{matched} of {len(planned)} planned sounds heard"
    print(f"{summary}; largest difference {worst * 1000:.1f} ms")
    return 0 if matched == len(planned) else 1


if __name__ == "__main__":
    sys.exit(main())
