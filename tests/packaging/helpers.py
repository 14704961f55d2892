"""Running build and install commands for the packaging tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_ok(
    args: list[str | Path], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> str:
    """Run a command that must succeed; its standard output."""
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return done.stdout
