"""The person's own routines, following them between computers through the same folder:
each version of a routine file is written once, as
``stretchdesk-routines/<device>/<name>.<version>.<parent>.toml`` (version: the start of the
file's SHA-256; parent: the version it was edited from, or ``new``), and the other
computers take it:

- a routine they do not have is added;
- a new version of one they have not changed since is put in its place;
- when both changed it, the other computer's version is added beside theirs as a second
  routine (``<name>-2``, its id changed to match), never silently lost.

What was seen is kept in ``routine-sync.json`` in the data folder. Deleting a routine is not
sent; pictures are not shared. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchdesk.history.sync.folder import write_whole
from stretchdesk.history.sync.names import is_uid, parse_name
from stretchdesk.i18n import _
from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.mine import file_for
from stretchdesk.routine.tomlfile import parse_toml_bytes

ROUTINES = "stretchdesk-routines"
STATE = "routine-sync.json"
MAX_BYTES = 1024 * 1024
_FILE = re.compile(
    r"^(?P<name>[a-z0-9-]{1,64})\.(?P<version>[0-9a-f]{16})\.(?P<parent>[0-9a-f]{16}|new)\.toml$"
)
_ID_LINE = re.compile(r'(?m)^id[ \t]*=[ \t]*"[^"\n]*"[ \t]*$')


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class RoutineReport:
    sent: int = 0
    added: list[str] = field(default_factory=list)  # files added or replaced here
    kept_both: list[str] = field(default_factory=list)  # a second routine beside one's own
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Version:
    path: Path
    name: str
    version: str
    parent: str


class RoutineSharing:
    def __init__(self, folder: Path, data_folder: Path, routines: Path, device: str) -> None:
        self.root = folder / ROUTINES
        self.state_path = data_folder / STATE
        self.routines = routines
        self.device = device

    def run(self) -> RoutineReport:
        report = RoutineReport()
        state = self._state()
        self._send(state, report)
        self._take(state, report)
        self._keep(state)
        return report

    # ------------------------------------------------------------------ state
    def _state(self) -> dict[str, Any]:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.state_path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("seen"), dict):
                return data
        return {"seen": {}, "base": {}}

    def _keep(self, state: dict[str, Any]) -> None:
        data = json.dumps(state, sort_keys=True).encode()
        write_whole_always(self.state_path, data)

    # ------------------------------------------------------------------ sending
    def _send(self, state: dict[str, Any], report: RoutineReport) -> None:
        for path in sorted(self.routines.glob("*.toml")):
            name = path.stem
            data = _read(path)
            if data is None or not is_id(name):
                continue
            version = version_of(data)
            seen = state["seen"].setdefault(name, [])
            if version in seen:
                continue
            parent = state["base"].get(name, "new")
            target = self.root / self.device / f"{name}.{version}.{parent}.toml"
            write_whole(target, data)
            seen.append(version)
            state["base"][name] = version
            report.sent += 1

    # ------------------------------------------------------------------ taking
    def _take(self, state: dict[str, Any], report: RoutineReport) -> None:
        waiting = [v for v in self._versions() if v.version not in state["seen"].get(v.name, [])]
        progress = True
        while waiting and progress:  # a version after the one it was edited from
            progress = False
            for version in list(waiting):
                seen = state["seen"].get(version.name, [])
                parent_waits = any(w.version == version.parent for w in waiting)
                if version.parent not in seen and parent_waits:
                    continue  # its parent first
                waiting.remove(version)
                progress = True
                self._take_one(version, state, report)

    def _versions(self) -> list[_Version]:
        found = []
        for device in _entries(self.root):
            if device == self.device or not is_uid(device):
                continue
            for file in _entries(self.root / device):
                match = _FILE.match(file)
                if match and parse_name(file) is None:
                    found.append(
                        _Version(
                            self.root / device / file,
                            match["name"],
                            match["version"],
                            match["parent"],
                        )
                    )
        return found

    def _take_one(self, got: _Version, state: dict[str, Any], report: RoutineReport) -> None:
        data = _read(got.path)
        if data is None or version_of(data) != got.version:
            report.skipped.append((got.path.name, _("it is not complete yet")))
            return
        try:
            table = parse_toml_bytes(data, got.path.name)
        except RoutineError:
            report.skipped.append((got.path.name, _("it is not a routine file")))
            state["seen"].setdefault(got.name, []).append(got.version)
            return
        if table.get("id") != got.name:
            report.skipped.append((got.path.name, _("its id is not its name")))
            state["seen"].setdefault(got.name, []).append(got.version)
            return
        self._place(got, data, state, report)

    def _place(
        self, got: _Version, data: bytes, state: dict[str, Any], report: RoutineReport
    ) -> None:
        seen = state["seen"].setdefault(got.name, [])
        seen.append(got.version)
        local = self.routines / f"{got.name}.toml"
        mine = _read(local)
        here = None if mine is None else version_of(mine)
        if here == got.version:
            state["base"][got.name] = got.version
        elif here is None or (here == state["base"].get(got.name) and got.parent == here):
            # not here, or not changed here since the version the other one edited
            write_whole_always(local, data)
            state["base"][got.name] = got.version
            report.added.append(local.name)
        else:
            self._beside(got, data, state, report)

    def _beside(
        self, got: _Version, data: bytes, state: dict[str, Any], report: RoutineReport
    ) -> None:
        """Both computers changed the routine: the other's version as a second routine."""
        try:
            target = file_for(self.routines, got.name)
        except OSError:
            report.skipped.append((got.path.name, _("its name cannot be used here")))
            return
        text = data.decode("utf-8", "replace")
        head, sep, rest = text.partition("\n[")
        renamed, count = _ID_LINE.subn(f'id = "{target.stem}"', head, count=1)
        if count != 1 or not is_id(target.stem):
            report.skipped.append((got.path.name, _("its id cannot be changed")))
            return
        copy = (renamed + sep + rest).encode("utf-8")
        write_whole_always(target, copy)
        # the other computer has it already, under its own name: not sent back
        state["seen"].setdefault(target.stem, []).append(version_of(copy))
        state["base"][target.stem] = version_of(copy)
        report.kept_both.append(target.name)


def _read(path: Path) -> bytes | None:
    with contextlib.suppress(OSError):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_BYTES:
            return path.read_bytes()
    return None


def _entries(path: Path) -> list[str]:
    with contextlib.suppress(OSError):
        return sorted(entry.name for entry in path.iterdir())
    return []


def write_whole_always(path: Path, data: bytes) -> None:
    """Replace ``path`` whole (a file that changes: the routine, the state)."""
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + ".new").unlink()
    write_whole(path.with_name(path.name + ".new"), data)
    path.with_name(path.name + ".new").replace(path)
