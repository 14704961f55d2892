"""What counts as a person's picture file, for every part that lists, copies or shares
them (the checks of what is inside are illustration/imagecheck.py's). No Qt."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

USER_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif"})
MAX_FILE_BYTES = 16 * 1024 * 1024  # one picture


def is_picture_name(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in USER_SUFFIXES


def image_folders(table: Mapping[str, Any]) -> tuple[PurePosixPath, ...]:
    """The picture folders a routine file's steps name (``image``), as written, each once;
    only those that can be below the file's own folder (no ``..``, not absolute)."""
    found: list[PurePosixPath] = []
    for section in ("step", "rewarm"):
        steps = table.get(section)
        for step in steps if isinstance(steps, list) else []:
            raw = step.get("image") if isinstance(step, Mapping) else None
            folder = folder_of(raw) if isinstance(raw, str) else None
            if folder is not None and folder not in found:
                found.append(folder)
    return tuple(found)


def folder_of(raw: str) -> PurePosixPath | None:
    """An ``image`` key's folder below the routine file's own folder, or None."""
    parts = [p for p in PurePosixPath(raw.replace("\\", "/")).parts if p != "."]
    if not parts or ".." in parts or parts[0] == "/":
        return None
    return PurePosixPath(*parts)
