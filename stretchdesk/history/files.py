"""Files on disk: recognising a foreign history file, keeping a damaged one aside, and
writing a file whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from stretchdesk.history.timefmt import file_stamp, utc_now

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_foreign(path: Path) -> bool:
    """True for a non-empty file that does not start like an SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def companions(path: Path) -> list[Path]:
    """The database file and its WAL and shared-memory files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def keep_aside(path: Path, label: str) -> Path:
    """Rename the file (and its WAL companions) to ``<name>.<label>-<UTC time>``."""
    stamp = file_stamp(utc_now())
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
        counter += 1
    for source in companions(path):
        if source.exists():
            source.rename(source.with_name(target.name + source.name[len(path.name) :]))
    return target


@contextlib.contextmanager
def atomic_text(target: Path) -> Iterator[TextIO]:
    """Write ``target`` through a temporary file beside it that replaces it at the end, so a
    full disk or a crash never leaves half a file. Raises OSError when it cannot."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:  # noqa: PTH123 - a descriptor
            yield out
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise
