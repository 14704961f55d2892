"""A real small disk that can be filled up and freed again: a tmpfs mounted for the test
(root only, where the machine may be changed: tests/root.py; skipped elsewhere), or a
fault-injecting stand-in for the tests that need none. A test that uses it carries
``needs_root``."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.root import require_root

MOUNTS = "a real full disk (a tmpfs mounted for the test)"


class SmallDisk:
    """``folder`` is a tmpfs of ``size`` bytes. ``fill`` takes every free byte, ``free``
    gives them back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler = folder / "filler"

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (65536, 4096, 1):  # the last bytes of a partly written block too
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * size)
        finally:
            os.close(fd)
        assert self.available == 0

    def free(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.filler.unlink()

    @property
    def available(self) -> int:
        stats = os.statvfs(self.folder)
        return stats.f_bavail * stats.f_frsize


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[SmallDisk]:
    require_root(MOUNTS)
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
        timeout=30,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)
