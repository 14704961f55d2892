"""A shared routine's pictures: written beside its version, taken with it, all or none.

The picture folders a routine's steps name (``image``, folders below the routines folder)
are sent once per picture as ``<device>/pictures/<sha256><suffix>`` (a picture shown by
several routines or versions is written once) and listed in
``<device>/<name>.<version>.pictures.json``, written before the version itself. Another
computer takes the version only when that list and every picture in it have come whole
(each read against its hash; a sync engine brings files one by one, in any order); the
folders are then put in place under the names the routine gives them, or under
``<routine>-pictures/`` when those names are another routine's there. What is inside a
picture is checked where it is shown (illustration/), as for a routine someone sent.
No Qt.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from stretchdesk.history.sync.folder import write_whole
from stretchdesk.i18n import _
from stretchdesk.routine import mine
from stretchdesk.routine.draft import DraftStep, draft_from_table, to_toml
from stretchdesk.routine.mine import PICTURES, remove_ours
from stretchdesk.routine.picture_files import (
    MAX_FILE_BYTES,
    folder_of,
    image_folders,
    is_picture_name,
)

BLOBS = "pictures"
LIST = ".pictures.json"
MAX_PICTURES = 400  # for one routine, as for a routine someone sent
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_LIST_BYTES = 1024 * 1024
_BLOB = re.compile(r"^[0-9a-f]{64}\.[a-z]{3,4}$")
_RESERVED = ("deleted",)  # the routines folder's own folders


class NotYet(Exception):
    """The version's pictures have not all come yet; tried again later."""


class Refused(NotYet):
    """The version's pictures can never be used (the version is left out for good)."""


@dataclass(frozen=True)
class Pictures:
    """The pictures of one version: folder (as the routine names it) -> (name, blob path)."""

    folders: Mapping[str, tuple[tuple[str, Path], ...]]

    @property
    def tops(self) -> set[str]:
        return {PurePosixPath(f).parts[0] for f in self.folders}


# ---------------------------------------------------------------------- sending
def send(
    device_dir: Path, name: str, version: str, table: Mapping[str, Any], routines: Path
) -> None:
    """Write the pictures of a version about to be sent, then their list (OSError: the
    shared folder cannot be written now; the version is sent at the next pass)."""
    folders = image_folders(table)
    if not folders:
        return
    listing: dict[str, list[list[str]]] = {}
    count = total = 0
    for folder in folders:
        files: list[list[str]] = listing.setdefault(folder.as_posix(), [])
        for entry in _pictures_in(routines.joinpath(*folder.parts)):
            size = entry.stat(follow_symlinks=False).st_size
            count += 1
            total += size
            if count > MAX_PICTURES or total > MAX_TOTAL_BYTES:
                break  # the other computer shows the same first pictures, no more
            data = Path(entry.path).read_bytes()
            blob = hashlib.sha256(data).hexdigest() + Path(entry.name).suffix.lower()
            write_whole(device_dir / BLOBS / blob, data)
            files.append([entry.name, blob])
    body = json.dumps({"folders": listing}, sort_keys=True).encode()
    write_whole(device_dir / f"{name}.{version}{LIST}", body)


def _pictures_in(folder: Path) -> list[os.DirEntry[str]]:
    """A folder's picture files (regular files, no link), by name; none if it is not a
    real folder here."""
    with contextlib.suppress(OSError):
        if stat.S_ISDIR(folder.lstat().st_mode):
            with os.scandir(folder) as entries:
                found = [
                    e
                    for e in entries
                    if is_picture_name(e.name)
                    and not e.name.startswith(".")
                    and e.is_file(follow_symlinks=False)
                    and 0 < e.stat(follow_symlinks=False).st_size <= MAX_FILE_BYTES
                ]
            return sorted(found, key=lambda e: e.name)
    return []


# ---------------------------------------------------------------------- taking
def sent_with(version_file: Path, name: str, version: str, table: Mapping[str, Any]) -> Pictures:
    """The pictures sent with a version, every one come whole; raises NotYet."""
    folders = [f.as_posix() for f in image_folders(table)]
    if not folders:
        return Pictures({})
    if any(not _usable_top(PurePosixPath(f).parts[0]) for f in folders):
        raise Refused(_("its picture folder cannot have that name"))
    here = version_file.parent
    listed = _listing(here / f"{name}.{version}{LIST}")
    if set(listed) != set(folders):
        raise NotYet(_("its pictures have not all come yet"))
    blobs = [here / BLOBS / blob for files in listed.values() for _file, blob in files]
    if not all(path.exists() for path in blobs):  # (before reading any: they come one by one)
        raise NotYet(_("its pictures have not all come yet"))
    count = total = 0
    found: dict[str, tuple[tuple[str, Path], ...]] = {}
    for folder, files in listed.items():
        kept = []
        for file, blob in files:
            path = here / BLOBS / blob
            size = _whole_size(path, blob)
            count += 1
            total += size
            if count > MAX_PICTURES or total > MAX_TOTAL_BYTES:
                raise Refused(_("it has too many pictures"))
            kept.append((file, path))
        found[folder] = tuple(kept)
    return Pictures(found)


def _usable_top(top: str) -> bool:
    """A folder name the routines folder can give a routine's pictures: not its own
    (``deleted``), not hidden, not a routine file's."""
    return top not in _RESERVED and not top.startswith(".") and not top.lower().endswith(".toml")


def _listing(path: Path) -> dict[str, list[tuple[str, str]]]:
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise Refused(_("its list of pictures is too large"))
        raw = json.loads(path.read_bytes())
    except (OSError, ValueError):
        raise NotYet(_("its pictures have not all come yet")) from None
    folders = raw.get("folders") if isinstance(raw, dict) else None
    if not isinstance(folders, dict):
        raise Refused(_("its list of pictures cannot be read"))
    listed: dict[str, list[tuple[str, str]]] = {}
    for folder, files in folders.items():
        if not isinstance(files, list):
            raise Refused(_("its list of pictures cannot be read"))
        pairs = []
        for item in files:
            if not (
                isinstance(item, list)
                and len(item) == 2
                and all(isinstance(x, str) for x in item)
                and _plain_name(item[0])
                and _BLOB.match(item[1])
            ):
                raise Refused(_("its list of pictures cannot be read"))
            pairs.append((item[0], item[1]))
        listed[folder] = pairs
    return listed


def _plain_name(name: str) -> bool:
    return (
        0 < len(name) <= 255
        and "/" not in name
        and "\\" not in name
        and "\0" not in name
        and not name.startswith(".")
        and is_picture_name(name)
    )


def _whole_size(path: Path, blob: str) -> int:
    """The picture's size once it has come whole (its bytes match its name)."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_FILE_BYTES:
            raise Refused(_("one of its pictures cannot be used"))
        if _hash_of(path) != blob.split(".", maxsplit=1)[0]:
            raise NotYet(_("its pictures have not all come yet"))
    except OSError:
        raise NotYet(_("its pictures have not all come yet")) from None
    return info.st_size


def _hash_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reading:
        for chunk in iter(lambda: reading.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def clashes(pictures: Pictures, routines: Path, routine_file: str) -> bool:
    """Whether a folder the pictures go to is shown by another of the routines there."""
    for path in routines.glob("*.toml"):
        if path.name == routine_file:
            continue
        with contextlib.suppress(OSError):
            text = path.read_text("utf-8", "replace")
            if any(f'"{top}/' in text or f"'{top}/" in text for top in pictures.tops):
                return True
    return False


def put_in_place(pictures: Pictures, routines: Path, under: str = "") -> None:
    """Copy the pictures to their folders below ``routines`` (below ``under`` if given),
    replacing those folders, all at once; OSError leaves everything as it was."""
    if not pictures.folders:
        return
    staging = Path(tempfile.mkdtemp(prefix=".shared-pictures.", suffix=".part", dir=routines))
    moved: list[tuple[Path, Path]] = []  # (aside, final)
    placed: list[Path] = []
    try:
        for folder, files in pictures.folders.items():
            target = staging.joinpath(under, *PurePosixPath(folder).parts)
            target.mkdir(parents=True, exist_ok=True)
            for file, blob in files:
                shutil.copyfile(blob, target / file)
        for top in sorted({under} if under else pictures.tops):
            final = routines / top
            if os.path.lexists(final) and not (final.is_dir() and not final.is_symlink()):
                raise OSError(errno.EEXIST, os.strerror(errno.EEXIST), str(final))  # a file
            if os.path.lexists(final):
                aside = staging.with_name(f"{staging.name}.{len(moved)}.old")
                final.rename(aside)
                moved.append((aside, final))
            (staging / top).rename(final)
            placed.append(final)
    except BaseException:
        with contextlib.suppress(OSError):
            for final in placed:
                remove_ours(final)
            for aside, final in moved:
                aside.rename(final)
        remove_ours(staging)
        raise
    for aside, _final in moved:
        remove_ours(aside)
    remove_ours(staging)


def tops_of(table: Mapping[str, Any]) -> set[str]:
    return {f.parts[0] for f in image_folders(table)}


def put_aside(tops: Iterable[str], routines: Path, routine_file: str) -> None:
    """A deleted routine's picture folders that no other routine there shows, into the
    ``deleted`` folder beside it."""
    for top in sorted(tops):
        folder = routines / top
        if top in _RESERVED or top.startswith(".") or not folder.is_dir() or folder.is_symlink():
            continue
        if clashes(Pictures({top: ()}), routines, routine_file):
            continue
        with contextlib.suppress(OSError):
            mine.put_aside(folder)


@dataclass(frozen=True)
class Copy:
    data: bytes  # the routine file, its id and picture folders changed
    under: str  # the folder its pictures go in


def pointing_under(
    table: Mapping[str, Any], stem: str, routines: Path, *, reuse: bool = False
) -> Copy:
    """A version kept as a second routine ``stem``: its pictures under a folder of its own
    (``reuse``: the one it has, replaced); raises RoutineError if the file cannot be
    written back."""
    under = f"{stem}{PICTURES}"
    n = 2
    while not reuse and os.path.lexists(routines / under):
        under = f"{stem}{PICTURES}-{n}"
        n += 1
    draft = draft_from_table(table)

    def moved(step: DraftStep) -> DraftStep:
        raw = step.get("image")
        folder = folder_of(raw) if isinstance(raw, str) else None
        return step if folder is None else step.with_key("image", f"{under}/{folder.as_posix()}")

    copy = replace(
        draft,
        id=stem,
        steps=tuple(moved(s) for s in draft.steps),
        rewarm=tuple(moved(s) for s in draft.rewarm),
    )
    return Copy(to_toml(copy).encode("utf-8"), under)
