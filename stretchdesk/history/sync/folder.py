"""The sync folder on disk: listing the other computers' files cheaply (a folder whose
modification time has not changed is not listed again) and writing this computer's files
whole (a temporary name the sync engines skip, fsync, rename)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stretchdesk.history.migrate import transaction
from stretchdesk.history.sync.names import is_month, is_plain, is_uid, parse_name, temp_name

_SETTLE_NS = 2_000_000_000  # a folder changed this recently may change within its mtime's tick


class FolderScan:
    """The folders under ``root`` (``<device>/<YYYY-MM>``, this computer's own left out)
    that changed since all their files were read: a folder read whole is noted with its
    modification time (table ``sync_dir``), and not listed again until that changes. A
    file put there by rename, as sync engines do, changes it; a time within the last
    seconds is not trusted (a coarse clock may not have ticked yet)."""

    def __init__(self, root: Path, own_device: str) -> None:
        self.root = root
        self.own = own_device
        self._done: dict[str, int] | None = None

    def changed(self, conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
        """(folder relative to the root, its device, its mtime) of each folder to list."""
        if self._done is None:
            self._done = dict(conn.execute("SELECT path, mtime_ns FROM sync_dir").fetchall())
        found = []
        for device in _entries(self.root):
            if device == self.own or not is_uid(device):
                continue
            for month in _entries(self.root / device):
                folder = f"{device}/{month}"
                if not is_month(month):
                    continue
                with contextlib.suppress(OSError):
                    mtime = (self.root / folder).stat().st_mtime_ns
                    if self._done.get(folder) != mtime:
                        found.append((folder, device, mtime))
        return found

    def files(self, folder: str, device: str) -> list[str]:
        """The folder's files of ours, relative to the root."""
        return [
            f"{folder}/{name}"
            for name in _entries(f"{self.root}/{folder}")
            if is_plain(device, name)
            or ((meaning := parse_name(name)) is not None and meaning.device == device)
        ]

    def read_whole(self, conn: sqlite3.Connection, folders: list[tuple[str, int]]) -> None:
        """Every file of these folders was read (as of their mtime)."""
        settled = [(f, m) for f, m in folders if time.time_ns() - m > _SETTLE_NS]
        with transaction(conn):  # one commit, not one a folder
            conn.executemany(
                "INSERT OR REPLACE INTO sync_dir (path, mtime_ns) VALUES (?, ?)", settled
            )
        if self._done is not None:
            self._done.update(settled)


def _entries(path: Path | str) -> list[str]:
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


_WRITERS = 8  # files written (and flushed to the disk) at once


def write_all(files: list[tuple[Path | None, bytes, bool]]) -> list[bool]:
    """``write_whole`` for each (path, bytes, replace), None left out (False), several at a
    time: each file is still flushed before its rename, but the disk's flushes of many
    files are made together rather than one after the other. The first OSError is raised
    once all are done; the files written until then are whole."""
    wanted = [(i, path, data, replace) for i, (path, data, replace) in enumerate(files) if path]
    done = [False] * len(files)
    if len(wanted) <= 1:
        for i, path, data, replace in wanted:
            done[i] = write_whole(path, data, replace=replace)
        return done
    with ThreadPoolExecutor(min(_WRITERS, len(wanted))) as pool:
        # each one waited for: a failed write must not cancel those not yet started (as
        # leaving pool.map's results early would)
        futures = [
            pool.submit(write_whole, path, data, replace=again) for _, path, data, again in wanted
        ]
    problem: OSError | None = None
    for (i, _p, _d, _r), future in zip(wanted, futures, strict=True):
        try:
            done[i] = future.result()
        except OSError as exc:
            problem = problem or exc
    if problem is not None:
        raise problem
    return done
