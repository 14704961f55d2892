"""The person's own routines, following them between computers through the same folder:
each version of a routine file is written once, as
``stretchdesk-routines/<device>/<name>.<version>.<parent>.toml`` (version: the start of the
file's SHA-256; parent: the version it was edited from, or ``new``), and the other
computers take it:

- a routine they do not have is added;
- a new version of one they have not changed since is put in its place;
- when both changed it, the other computer's version is added beside theirs as a second
  routine (``<name>-2``, its id changed to match), never silently lost; a later version of
  that routine replaces the copy (unchanged here since), never a third one, and an edit of
  the copy here goes back as an edit of the routine it copies (``copies`` in the state);
- a routine deleted on one computer is deleted on the others that have not changed it since
  (it goes to the routines folder's ``deleted/`` folder, so it can be put back); one changed
  there is kept, and comes back to the computer that deleted it. A deletion is written as a
  version of its own (a one-line file naming the version deleted); a routine put back after
  it is sent again as a version of the deletion.

A second routine held here goes when the other deletes its own; another folder chosen gets
this computer's routines again; a version's pictures go with it (routine_pictures.py).
What was seen is kept in ``routine-sync.json`` in the data folder. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchdesk.history.sync import routine_pictures
from stretchdesk.history.sync.folder import write_whole
from stretchdesk.history.sync.names import is_uid, parse_name
from stretchdesk.history.sync.routine_copies import title_of, told_apart, with_id, with_title
from stretchdesk.history.sync.routine_deletions import (
    deletion,
    file_is_deletion,
    is_deletion,
)
from stretchdesk.i18n import _
from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.mine import file_for, put_aside
from stretchdesk.routine.tomlfile import parse_toml_bytes

ROUTINES = "stretchdesk-routines"
STATE = "routine-sync.json"
MAX_BYTES = 1024 * 1024
_FILE = re.compile(
    r"^(?P<name>[a-z0-9-]{1,64})\.(?P<version>[0-9a-f]{16})\.(?P<parent>[0-9a-f]{16}|new)\.toml$"
)


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class RoutineReport:
    sent: int = 0
    added: list[str] = field(default_factory=list)  # files added or replaced here
    kept_both: list[str] = field(default_factory=list)  # a second routine beside one's own
    skipped: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # files deleted here, deleted there


@dataclass(frozen=True)
class _Version:
    path: Path
    name: str
    version: str
    parent: str


@dataclass(frozen=True)
class _Taken:
    """A version read whole, its file's table and its pictures."""

    version: _Version
    data: bytes
    table: dict[str, Any]
    pictures: routine_pictures.Pictures


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
                data.setdefault("base", {})
                data.setdefault("gone", {})  # deleted, the deletion's version
                data.setdefault("copies", {})  # a second routine: whose, at which version
                data.setdefault("mine", {})  # the versions this computer made and sent
                return data
        return {"seen": {}, "base": {}, "gone": {}, "copies": {}, "mine": {}}

    def _keep(self, state: dict[str, Any]) -> None:
        data = json.dumps(state, sort_keys=True).encode()
        write_whole_always(self.state_path, data)

    # ------------------------------------------------------------------ sending
    def _send(self, state: dict[str, Any], report: RoutineReport) -> None:
        # a folder without this computer's own (another folder chosen, or emptied): every
        # routine of its own written there again
        fresh = bool(state["mine"]) and not (self.root / self.device).is_dir()
        here: set[str] = set()
        for path in sorted(self.routines.glob("*.toml")):
            name = path.stem
            here.add(name)
            data = _read(path)
            if data is None or not is_id(name):
                continue
            version = version_of(data)
            seen = state["seen"].setdefault(name, [])
            if version in seen and name not in state["gone"]:
                if fresh and version in state["mine"].get(name, []):
                    self._write_again(name, version, data, state)
                continue  # (a routine put back after its deletion is sent again)
            if self._send_copy(name, version, data, state, report):
                continue
            self._write(name, version, data, state, report)
            state["gone"].pop(name, None)
        if not self.routines.is_dir():
            return  # the folder itself gone (unmounted?): no routine was deleted
        for name, base in sorted(state["base"].items()):
            if name not in here and name not in state["gone"] and is_id(name):
                # the same file again if this pass is cut short and done again
                count = len(state["seen"].get(name, []))
                data = deletion(base, version_of(f"{self.device} {name} {count}".encode()))
                self._write(name, version_of(data), data, state, report)
                state["gone"][name] = version_of(data)

    def _send_copy(
        self, name: str, version: str, data: bytes, state: dict[str, Any], report: RoutineReport
    ) -> bool:
        """A second routine kept from another computer, edited here: the edit goes to the
        other computers as an edit of the routine it copies (its id given back). Not one
        with pictures (they are in a folder of its own here): that one goes as it is."""
        copy = state["copies"].get(name)
        if copy is None or version == copy["here"] or copy.get("pictures"):
            return False
        back = with_id(data, copy["of"])
        if back is None:
            return False
        titles = copy.get("titles")
        if isinstance(titles, list) and len(titles) == 2 and title_of(back) == titles[1]:
            back = with_title(back, str(titles[0]))  # as it was there
        sent = version_of(back)
        target = self.root / self.device / f"{copy['of']}.{sent}.{copy['source']}.toml"
        write_whole(target, back)
        state["seen"].setdefault(name, []).append(version)
        state["base"][name] = version
        state["copies"][name] = {**copy, "source": sent, "here": version}
        report.sent += 1
        return True

    def _write_again(self, name: str, version: str, data: bytes, state: dict[str, Any]) -> None:
        """A version sent before, into a folder that does not have it."""
        base = state["base"].get(name, "new")
        parent = "new" if base == version else base
        with contextlib.suppress(RoutineError):
            table = parse_toml_bytes(data, name)
            routine_pictures.send(self.root / self.device, name, version, table, self.routines)
        write_whole(self.root / self.device / f"{name}.{version}.{parent}.toml", data)

    def _write(
        self, name: str, version: str, data: bytes, state: dict[str, Any], report: RoutineReport
    ) -> None:
        parent = state["base"].get(name, "new")
        with contextlib.suppress(RoutineError):  # (one that cannot be read goes as it is)
            table = parse_toml_bytes(data, name)
            routine_pictures.send(self.root / self.device, name, version, table, self.routines)
        write_whole(self.root / self.device / f"{name}.{version}.{parent}.toml", data)
        state["seen"].setdefault(name, []).append(version)
        state["mine"].setdefault(name, []).append(version)
        state["base"][name] = version
        report.sent += 1

    # ------------------------------------------------------------------ taking
    def _take(self, state: dict[str, Any], report: RoutineReport) -> None:
        waiting = [v for v in self._versions() if _wanted(v, state)]
        # a version deleted since is not added where it never was (a new computer)
        deleted = {(v.name, v.parent) for v in waiting if file_is_deletion(v.path, v.parent)}
        for version in [v for v in waiting if (v.name, v.version) in deleted]:
            if not (self.routines / f"{version.name}.toml").exists():
                waiting.remove(version)
                state["seen"].setdefault(version.name, []).append(version.version)
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
        if is_deletion(data, got.parent):
            self._delete(got, state, report)
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
        try:
            pictures = routine_pictures.sent_with(got.path, got.name, got.version, table)
        except routine_pictures.NotYet as exc:
            report.skipped.append((got.path.name, str(exc)))
            if isinstance(exc, routine_pictures.Refused):
                state["seen"].setdefault(got.name, []).append(got.version)
            return
        try:
            self._place(_Taken(got, data, table, pictures), state, report)
        except OSError as exc:  # (a full disk): tried again at the next pass
            report.skipped.append((got.path.name, exc.strerror or str(exc)))

    def _place(self, taken: _Taken, state: dict[str, Any], report: RoutineReport) -> None:
        got, data, pictures = taken.version, taken.data, taken.pictures
        local = self.routines / f"{got.name}.toml"
        mine = _read(local)
        here = None if mine is None else version_of(mine)
        new_here = here is None and not routine_pictures.clashes(
            pictures, self.routines, local.name
        )
        unchanged_here = here == state["base"].get(got.name) and got.parent == here
        if here == got.version:
            state["base"][got.name] = got.version
            state["gone"].pop(got.name, None)
        elif new_here or (here is not None and unchanged_here):
            # not here, or not changed here since the version the other one edited
            routine_pictures.put_in_place(pictures, self.routines)
            write_whole_always(local, data)
            state["base"][got.name] = got.version
            state["gone"].pop(got.name, None)
            report.added.append(local.name)
        elif (copy := _copy_of(state, got, self.routines)) is not None:
            self._copy(taken, self.routines / f"{copy}.toml", state, report)
        else:
            self._copy(taken, None, state, report)
        state["seen"].setdefault(got.name, []).append(got.version)

    def _delete(self, got: _Version, state: dict[str, Any], report: RoutineReport) -> None:
        """Deleted on the other computer: here too, unless it was changed here since (the
        routine of that name here, or the second routine here that holds it)."""
        state["seen"].setdefault(got.name, []).append(got.version)
        name = got.name
        mine = _read(self.routines / f"{name}.toml")
        if mine is not None and version_of(mine) != got.parent:
            copy = _copy_of(state, got, self.routines)
            if copy is None:
                return  # changed here since: kept (the other computer takes the change)
            name, mine = copy, _read(self.routines / f"{copy}.toml")
            state["copies"].pop(copy, None)
        local = self.routines / f"{name}.toml"
        if mine is not None:
            try:
                put_aside(local)
            except OSError as exc:
                state["seen"][got.name].remove(got.version)  # tried again later
                report.skipped.append((got.path.name, exc.strerror or str(exc)))
                return
            with contextlib.suppress(RoutineError):
                tops = routine_pictures.tops_of(parse_toml_bytes(mine, local.name))
                routine_pictures.put_aside(tops, self.routines, local.name)
            report.removed.append(local.name)
        state["base"][name] = got.version
        state["gone"][name] = got.version

    def _copy(
        self, taken: _Taken, target: Path | None, state: dict[str, Any], report: RoutineReport
    ) -> None:
        """Both computers changed the routine: the other's version as a second routine
        (``target`` None: a new one, ``<name>-2``; else the copy it replaces), its id
        changed to match, its pictures in a folder of its own (``<name>-2-pictures``)."""
        got, pictures = taken.version, taken.pictures
        data: bytes | None
        try:
            target = target or file_for(self.routines, got.name)
            if pictures.folders:
                made = routine_pictures.pointing_under(
                    taken.table, target.stem, self.routines, reuse=target.exists()
                )
                data, under = made.data, made.under
            else:
                data, under = with_id(taken.data, target.stem), ""
        except (OSError, RoutineError, LookupError, TypeError, ValueError):  # (not a routine)
            data = None
        if data is None or target is None:
            report.skipped.append((got.path.name, _("its name cannot be used here")))
            return
        theirs = title_of(data)
        titles = None
        if theirs is not None and theirs == title_of(_read(self.routines / f"{got.name}.toml")):
            titles = [theirs, told_apart(theirs)]  # two cards alike: this one told apart
            data = with_title(data, titles[1])
        routine_pictures.put_in_place(pictures, self.routines, under=under)
        replaced = target.exists()
        write_whole_always(target, data)
        # the other computer has it already, under its own name: not sent back as new
        state["seen"].setdefault(target.stem, []).append(version_of(data))
        state["base"][target.stem] = version_of(data)
        state["copies"][target.stem] = {
            "of": got.name,
            "source": got.version,
            "here": version_of(data),
            "pictures": bool(pictures.folders),
            "titles": titles,  # its title there, and here
        }
        (report.added if replaced else report.kept_both).append(target.name)


def _copy_of(state: dict[str, Any], got: _Version, routines: Path) -> str | None:
    """The second routine here that holds the version ``got`` was edited from, unchanged
    here since (a later version replaces it rather than make a third)."""
    for stem, copy in sorted(state["copies"].items()):
        if copy.get("of") == got.name and copy.get("source") == got.parent:
            mine = _read(routines / f"{stem}.toml")
            if mine is not None and version_of(mine) == copy.get("here"):
                return str(stem)
    return None


def _wanted(got: _Version, state: dict[str, Any]) -> bool:
    """Not seen yet, or a routine put back after the deletion this computer took."""
    if got.version not in state["seen"].get(got.name, []):
        return True
    gone = state["gone"].get(got.name)
    return gone is not None and got.parent == gone


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
