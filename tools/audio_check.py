"""Do the cue sounds really play, at the planned times? Finds the tones in a recording of the
sound card's output and compares them with the cue plan.

    python -m tools.audio_check RECORDING.wav ROUTINE.toml

The recording is mono 16-bit (for example ``parec -d null.monitor --channels=1
--file-format=wav``) of stretchdesk running ROUTINE with the default settings. The recording
and the plan are lined up by every sound but the first (the offset that puts the most of
them within 30 ms of a tone heard), and then every sound, the first included, is compared
with its planned time: a first sound that comes late or not at all shows as such. Prints
one line per sound and the largest difference.
"""

from __future__ import annotations

import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

from stretchdesk import paths
from stretchdesk.routine import load_library, load_routine
from stretchdesk.session.cues import Cue, Play, Sound
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


MATCH = 0.03  # seconds: a tone this close to a planned sound lines the two up
LATE = 0.1  # seconds: a sound further off than this is reported MISSING


@dataclass(frozen=True)
class Heard:
    planned_at: float  # seconds after the session started
    sound: Sound
    heard_at: float  # on the plan's time line
    error: float  # heard - planned, seconds
    heard_as: Sound

    @property
    def ok(self) -> bool:
        same = self.heard_as is self.sound or self.sound is Sound.SWITCH
        return abs(self.error) < LATE and same


def _nearest(heard: list[float], when: float) -> float:
    return min(heard, key=lambda x: abs(x - when))


def _offset(heard: list[float], planned: list[tuple[float, Sound]]) -> float:
    """Recording time minus plan time, fitted on every planned sound but the first."""
    rest = [when for when, _ in planned[1:]] or [planned[0][0]]
    best, best_count = heard[0] - planned[0][0], -1
    for h in heard:
        for when in rest:
            candidate = h - when
            count = sum(1 for w in rest if any(abs(x - (w + candidate)) < MATCH for x in heard))
            if count > best_count:
                best, best_count = candidate, count
    fitted = [
        _nearest(heard, w + best) - w
        for w in rest
        if any(abs(x - (w + best)) < MATCH for x in heard)
    ]
    return sorted(fitted)[len(fitted) // 2] if fitted else best


def compare(samples: list[float], rate: int, planned: list[tuple[float, Sound]]) -> list[Heard]:
    """Each planned (time, sound) with the tone heard nearest to it."""
    heard = onsets(samples, rate)
    if not heard or not planned:
        return []
    offset = _offset(heard, planned)
    found = []
    for when, sound in planned:
        near = _nearest(heard, when + offset)
        kind = classify(samples, rate, near)
        found.append(Heard(when, sound, near - offset, near - offset - when, kind))
    return found


def planned_sounds(cues: list[Cue], start: float) -> list[tuple[float, Sound]]:
    """The sounds of a cue list, seconds after ``start`` (the closing chime left out: it is
    a chord the pitch check cannot name)."""
    return [
        (c.at - start, c.sound)
        for c in cues
        if isinstance(c, Play) and c.sound is not Sound.COMPLETE
    ]


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__)
        return 2
    samples, rate = read(Path(args[0]))
    routine = load_routine(Path(args[1]), load_library(paths.exercises_dir()))
    results = compare(samples, rate, planned_sounds(*cues_for(routine)))
    if not results:
        print("no sound found in the recording")
        return 1
    for r in results:
        print(
            f"{r.planned_at:7.2f} s  {r.sound.value:10} heard at {r.heard_at:7.2f} s  "
            f"({r.error * 1000:+6.1f} ms, sounds like {r.heard_as.value})"
            f"{'' if r.ok else '  MISSING'}"
        )
    matched = sum(r.ok for r in results)
    worst = max(abs(r.error) for r in results)
    summary = f"{matched} of {len(results)} planned sounds heard"
    print(f"{summary}; largest difference {worst * 1000:.1f} ms")
    return 0 if matched == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
