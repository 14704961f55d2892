"""The history file on disk: recognising a foreign file, and keeping a damaged one aside."""

from __future__ import annotations

from pathlib import Path

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
