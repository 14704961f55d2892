"""The cue sounds: short, soft sine tones with smooth envelopes (no harsh beeps), written
reproducibly with the standard library into assets/sounds/. ``python -m tools.sounds [--out DIR]``.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE = 44_100
PEAK = 32_767


def bell(
    freq: float, seconds: float, *, decay: float, partials: tuple[float, ...] = ()
) -> list[float]:
    """A soft struck tone: 8 ms rise, exponential fall, a few quiet partials above it."""
    count = round(seconds * RATE)
    out = []
    for n in range(count):
        t = n / RATE
        rise = min(1.0, t / 0.008)
        fall = math.exp(-t / decay)
        tail = min(1.0, (count - n) / (0.012 * RATE))  # reach zero exactly: no click
        value = math.sin(2 * math.pi * freq * t)
        for k, level in enumerate(partials, start=2):
            value += level * math.sin(2 * math.pi * freq * k * t)
        out.append(value * rise * fall * tail)
    peak = max(abs(v) for v in out) or 1.0
    return [v / peak for v in out]


def mix(parts: list[tuple[float, list[float]]], seconds: float) -> list[float]:
    """Lay tones over each other at their start times (seconds)."""
    out = [0.0] * round(seconds * RATE)
    for start, samples in parts:
        offset = round(start * RATE)
        for i, value in enumerate(samples):
            if offset + i < len(out):
                out[offset + i] += value
    peak = max(abs(v) for v in out) or 1.0
    return [v / peak for v in out]


def sounds() -> dict[str, tuple[float, list[float]]]:
    """name -> (loudness 0..1, samples -1..1)."""
    c5, e5, g5, c6 = 523.25, 659.25, 783.99, 1046.5
    return {
        "tick": (0.22, bell(880.0, 0.09, decay=0.03)),
        "rep": (0.25, bell(587.33, 0.16, decay=0.05, partials=(0.15,))),
        "switch": (
            0.30,
            mix([(0.0, bell(c5, 0.3, decay=0.09)), (0.16, bell(e5, 0.34, decay=0.1))], 0.5),
        ),
        "step-done": (0.30, bell(g5, 1.1, decay=0.32, partials=(0.25, 0.08))),
        "complete": (
            0.30,
            mix(
                [
                    (0.0, bell(c5, 1.4, decay=0.45, partials=(0.2,))),
                    (0.18, bell(e5, 1.4, decay=0.45, partials=(0.2,))),
                    (0.36, bell(g5, 1.4, decay=0.45, partials=(0.2,))),
                    (0.54, bell(c6, 1.6, decay=0.55, partials=(0.15,))),
                ],
                2.2,
            ),
        ),
    }


def write_wav(path: Path, loudness: float, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(v * loudness * PEAK)) for v in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (loudness, samples) in sounds().items():
        path = folder / f"{name}.wav"
        write_wav(path, loudness, samples)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.sounds")
    parser.add_argument("--out", default=str(ROOT / "assets" / "sounds"))
    args = parser.parse_args(argv)
    for path in write_all(Path(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
