"""The sync folder on disk: listing the other computers' files cheaply (a folder whose
modification time has not changed is not listed again) and writing this computer's files
whole (a temporary name the sync engines skip, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from stretchdesk.history.sync.names import is_month, is_uid, parse_name, temp_name

_SETTLE_NS = 2_000_000_000  # a folder changed this recently may change within its mtime's tick


class FolderScan:
    """The candidate files under ``root`` (``<device>/<YYYY-MM>/<file>``), as paths
    relative to it, leaving out this computer's own folder."""

    def __init__(self, root: Path, own_device: str) -> None:
        self.root = root
        self.own = own_device
        self._listed: dict[str, tuple[int, list[str]]] = {}

    def names(self) -> list[str]:
        found: list[str] = []
        for device in _entries(self.root):
            if device == self.own or not is_uid(device):
                continue
            for month in _entries(self.root / device):
                if is_month(month):
                    found.extend(self._files(f"{device}/{month}", device))
        return found

    def _files(self, folder: str, device: str) -> list[str]:
        path = self.root / folder
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            return []
        cached = self._listed.get(folder)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        files = []
        for name in _entries(path):
            meaning = parse_name(name)
            if meaning is not None and meaning.device == device:
                files.append(f"{folder}/{name}")
        if time.time_ns() - mtime > _SETTLE_NS:
            self._listed[folder] = (mtime, files)
        return files


def _entries(path: Path) -> list[str]:
    try:
        with os.scandir(path) as entries:
            return [entry.name for entry in entries]
    except OSError:
        return []


def write_whole(path: Path, data: bytes, *, replace: bool = False) -> bool:
    """Write ``path`` through its temporary name; False if it was there already with as
    many bytes (the same immutable file, written before a kill) unless ``replace``."""
    with contextlib.suppress(OSError):
        if not replace and path.stat().st_size == len(data):
            return False
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(temp_name(path.name))
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)
    temporary.replace(path)
    return True
