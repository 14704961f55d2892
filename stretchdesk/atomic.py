"""Writing a file whole or not at all: the one place the app replaces a file. No Qt.

A new file is written under a temporary name beside the target, flushed to the disk and
then renamed over the target, so a full disk, a crash or a power cut leaves either the old
file or the new one, never half of either. When the write fails the temporary file is
removed and the error (an OSError with its strerror) goes to the caller. Imports nothing of
ours, so every layer may use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def replacing(target: Path, *, prefix: str = "", suffix: str = "") -> Iterator[Path]:
    """A temporary path beside ``target`` (an empty file, mode 0600) for the caller to fill;
    it is flushed to the disk and replaces ``target`` when the block ends normally, and is
    removed when the block raises."""
    folder = target.parent if str(target.parent) else Path()
    handle, name = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=suffix, dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        _flush_to_disk(temp)
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[TextIO]:
    """Write ``target`` as UTF-8 text (newlines as written) through ``replacing``."""
    with replacing(target) as temp, temp.open("w", encoding="utf-8", newline="") as out:
        yield out


def write_whole(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through ``replacing``, making its folder if need be."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, suffix=".part") as temp:
        temp.write_bytes(data)


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
