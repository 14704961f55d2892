"""Speech made for the listening tests with espeak-ng, as 16 kHz mono 16-bit sound."""

from __future__ import annotations

import subprocess
from pathlib import Path

QUIET = b"\x01\x00" * 8000  # half a second of near silence


def said(text: str, tmp_path: Path, voice: str = "en-us", speed: int = 160) -> bytes:
    wav, raw = tmp_path / "said.wav", tmp_path / "said.raw"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", wav, text], check=True)
    subprocess.run(
        ["sox", "-V0", wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", raw], check=True
    )
    return QUIET + raw.read_bytes() + QUIET * 2
