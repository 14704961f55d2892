"""The content the install ships, as parsed at the last start: a start reads one JSON file
instead of parsing some twenty TOML files (the standard library's TOML parser is most of
the content's loading time before the window shows). No Qt.

Only files under the install's content folder are kept, each with its size and modification
time: a file that changed is parsed again. The person's own files are always read and
checked as before. A cache that is missing, unreadable, too large or damaged is ignored and
written again; what it holds is checked by the same loaders as a parsed file. It is written
only when a file had to be parsed (a first start, a new language, an upgrade), and keeps
what it held of the same install too (another language's words), unless that makes it too
large to read back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from stretchdesk.atomic import write_whole
from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.tomlfile import MAX_FILE_BYTES, read_bytes

VERSION = 1


class ContentCache:
    """``tomlfile.Parsed`` for the files under ``shipped``, kept in ``file``."""

    def __init__(self, file: Path, shipped: Path) -> None:
        self.file = file
        self._under = str(shipped) + os.sep
        self._known: dict[str, Any] | None = None  # what the file held (read when first asked)
        self._used: dict[str, list[Any]] = {}  # the files of this start: [size, mtime, json]
        self._changed = False

    def get(self, path: Path) -> dict[str, Any] | None:
        key = str(path)
        stamp = self._stamp(key)
        if stamp is None:
            return None
        entry = self._read().get(key)
        if not isinstance(entry, list) or entry[:2] != stamp or len(entry) != 3:
            return None
        try:
            table = json.loads(entry[2]) if isinstance(entry[2], str) else None
        except (ValueError, RecursionError):
            return None
        if not isinstance(table, dict):
            return None
        self._used[key] = entry
        return table

    def put(self, path: Path, table: dict[str, Any]) -> None:
        key = str(path)
        stamp = self._stamp(key)
        if stamp is None:
            return
        try:
            text = json.dumps(table, ensure_ascii=False)
            same = json.loads(text) == table
        except (TypeError, ValueError, RecursionError):  # a date, say: not kept
            return
        if same:
            self._used[key] = [*stamp, text]
            self._changed = True

    def save(self) -> None:
        """Write it again if a file had to be parsed."""
        if not self._changed:
            return
        held = {key: entry for key, entry in self._read().items() if key.startswith(self._under)}
        encoded = _encoded({**held, **self._used})
        if len(encoded) > MAX_FILE_BYTES:  # (it could not be read back)
            encoded = _encoded(self._used)
            if len(encoded) > MAX_FILE_BYTES:
                return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.file, encoded)
        except OSError:
            return  # the content is parsed again at the next start
        self._changed = False

    def _stamp(self, key: str) -> list[int] | None:
        if not key.startswith(self._under):
            return None
        try:
            found = Path(key).stat()
        except OSError:
            return None
        return [found.st_size, found.st_mtime_ns]

    def _read(self) -> dict[str, Any]:
        if self._known is None:
            self._known = {}
            try:
                data = json.loads(read_bytes(self.file))
            except (RoutineError, OSError, ValueError, RecursionError):
                return self._known
            if not isinstance(data, dict) or data.get("version") != VERSION:
                return self._known
            files = data.get("files")
            if isinstance(files, dict):
                self._known = files
        return self._known


def _encoded(files: dict[str, Any]) -> bytes:
    return json.dumps({"version": VERSION, "files": files}, ensure_ascii=False).encode("utf-8")
