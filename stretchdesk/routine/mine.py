"""The person's own routine files: saving a draft, and adding a file someone sent them.

Everything is written whole or not at all (a temporary file beside the target, then a
rename), so a full disk or a crash never leaves half a routine. Built-in routines are never
written: a copy of one is a new file in the person's folder.

A file someone sent is read once (``examine``): what is added is the bytes that were
checked, never the path read again (it may have become a pipe or another file since). Its
picture folders must be real sub-folders of the file's folder; they are copied by a
function given to ``add_to_mine`` (the pictures are checked by illustration/, which this
layer does not import), into a hidden folder first, put in place only once all is copied.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from stretchdesk.atomic import write_whole
from stretchdesk.i18n import N_, _
from stretchdesk.routine.catalog import Catalog, citation_problems_of
from stretchdesk.routine.draft import Draft, DraftStep, checked_id, draft_from_table, to_toml
from stretchdesk.routine.errors import Problem, RoutineError, quoted
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.loader import parse_routine
from stretchdesk.routine.model import Routine
from stretchdesk.routine.sources import Sources
from stretchdesk.routine.tomlfile import parse_toml_bytes, read_bytes, read_toml

PICTURES = "-pictures"  # <file name>-pictures: the folder of an added routine's pictures


def file_for(folder: Path, routine_id: str) -> Path:
    """A new file name in ``folder`` for a routine: ``<id>.toml``, or ``<id>-2.toml`` ...
    The id follows the rule ``stretchdesk check`` applies (``ids.is_id``), so the name
    always fits; OSError (EINVAL) for one that does not."""
    if not is_id(routine_id):
        reason = _("{id} is not a routine id").format(id=quoted(routine_id))
        raise OSError(errno.EINVAL, reason)
    target = folder / f"{routine_id}.toml"
    n = 2
    while target.exists():
        target = folder / f"{routine_id}-{n}.toml"
        n += 1
    return target


def save_draft(draft: Draft, folder: Path, path: Path | None) -> Path:
    """Write the draft to ``path`` (its own file) or a new file in ``folder``; a draft
    whose id is not an id is refused (RoutineError) and nothing is written."""
    target = path or file_for(folder, checked_id(draft.id))
    checked_id(draft.id)  # its own file too: the id is written in it
    write_whole(target, to_toml(draft).encode("utf-8"))
    return target


def draft_of(routine: Routine) -> Draft:
    """A routine's file as a draft (raises RoutineError if the file cannot be read now)."""
    if routine.path is None:
        raise RoutineError.single(routine.id, _("this routine has no file to change"))
    return draft_from_table(read_toml(routine.path))


@dataclass(frozen=True)
class Examined:
    """A routine file someone sent: the routine, or why it cannot be used."""

    path: Path
    routine: Routine | None
    problems: tuple[Problem, ...] = ()
    replaces: Routine | None = None  # the person's routine with the same id
    data: bytes = b""  # the file as it was checked: what is added
    pictures: tuple[PurePosixPath, ...] = ()  # its picture folders, below the file's folder


@dataclass(frozen=True)
class Added:
    path: Path  # the person's file
    left_out: tuple[str, ...] = ()  # files of the picture folders that were not copied


class AddProblem(Exception):
    """Adding stopped for the reason in its message (a sentence); nothing was kept."""


# (the sent file's folder, its picture folders, where to copy them) -> the files left out
PictureCopier = Callable[[Path, tuple[PurePosixPath, ...], Path], tuple[str, ...]]


def read_sent(path: Path, label: str) -> bytes:
    """The bytes of a sent file, read once: what is checked is what is added."""
    return read_bytes(path, label)


def _table(data: bytes, label: str) -> Mapping[str, Any]:
    return parse_toml_bytes(data, label)


def examine(
    path: Path, library: ExerciseLibrary, catalog: Catalog, sources: Sources | None
) -> Examined:
    """Check a file as ``stretchdesk check`` does, and whether adding it would replace one of
    the person's routines (same id) or clash with a built-in one (refused). The file is read
    once; its picture folders must be real folders below its own."""
    label = str(path)
    try:
        data = read_sent(path, label)
        table = _table(data, label)
        routine = parse_routine(table, label, library, base_dir=path.parent, path=path)
    except RoutineError as exc:
        return Examined(path, None, exc.problems)
    cited = citation_problems_of(routine, sources)
    if cited:
        return Examined(path, None, tuple(cited))
    pictures, problems = _picture_folders(table, path.parent, label)
    if problems:
        return Examined(path, None, problems)
    taken = catalog.get(routine.id)
    if taken is not None and taken.builtin:
        clash = Problem(
            str(path),
            _("id {id} is already used by a built-in routine").format(id=repr(routine.id)),
        )
        return Examined(path, None, (clash,))
    return Examined(path, routine, (), taken, data, pictures)


def _picture_folders(
    table: Mapping[str, Any], base: Path, label: str
) -> tuple[tuple[PurePosixPath, ...], tuple[Problem, ...]]:
    found: list[PurePosixPath] = []
    problems: list[Problem] = []
    for section, name in (("step", N_("step")), ("rewarm", N_("re-warm step"))):
        steps = table.get(section)
        for number, step in enumerate(steps if isinstance(steps, list) else [], start=1):
            raw = step.get("image") if isinstance(step, Mapping) else None
            if not isinstance(raw, str):
                continue
            folder, problem = _sub_folder(base, raw)
            if problem is not None:
                problems.append(Problem(label, problem, step=number, section=name))
            elif folder is not None and folder not in found:
                found.append(folder)
    return tuple(found), tuple(problems)


def _sub_folder(base: Path, raw: str) -> tuple[PurePosixPath | None, str | None]:
    """A picture folder as a path below ``base`` of real folders (no link on the way)."""
    parts = [p for p in PurePosixPath(raw.replace("\\", "/")).parts if p != "."]
    if not parts or ".." in parts or PurePosixPath(*parts).is_absolute():
        return None, _(
            '"image" folder {path} must be a sub-folder of the routine file\'s folder'
        ).format(path=repr(raw))
    here = base
    for part in parts:
        here /= part
        try:
            mode = here.lstat().st_mode
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            return None, _('"image" path {path} cannot be used ({reason})').format(
                path=repr(raw), reason=reason
            )
        if stat.S_ISLNK(mode):
            return None, _(
                '"image" folder {path} is reached through a symbolic link; only real '
                "folders are copied"
            ).format(path=repr(raw))
        if not stat.S_ISDIR(mode):
            return None, _('"image" folder {path} is not a folder').format(path=repr(raw))
    return PurePosixPath(*parts), None


def add_to_mine(
    examined: Examined, folder: Path, copy_pictures: PictureCopier | None = None
) -> Added:
    """Add a checked file to the person's folder (over the routine it replaces, if any).
    A file without pictures is written byte for byte as it was checked, comments and all.
    One with picture folders has them copied by ``copy_pictures`` into ``<file>-pictures/``
    beside it, and its ``image`` keys changed to point there. Raises OSError or AddProblem;
    nothing is left of a failed add, and a replaced routine is as it was."""
    routine = examined.routine
    assert routine is not None, "only a routine that passed the checks can be added"
    replaced = examined.replaces.path if examined.replaces else None
    target = replaced or file_for(folder, routine.id)
    if not examined.pictures:
        write_whole(target, examined.data)
        if replaced is not None:  # the replaced routine's pictures: its new file shows none
            remove_ours(folder / f"{target.stem}{PICTURES}")
        return Added(target)
    assert copy_pictures is not None, "a routine with pictures needs them copied"
    name = _pictures_name(folder, target, replacing=replaced is not None)
    data = _pointing_to(examined, name)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(folder, name)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".part", dir=folder))
    final = folder / name
    aside = staging.with_name(staging.name.removesuffix(".part") + ".old")
    moved_aside = placed = False
    try:
        left_out = copy_pictures(examined.path.parent, examined.pictures, staging)
        if os.path.lexists(final):
            final.rename(aside)
            moved_aside = True
        staging.rename(final)
        placed = True
        write_whole(target, data)
    except BaseException:
        with contextlib.suppress(OSError):
            if placed:
                final.rename(staging)
            if moved_aside:
                aside.rename(final)
        remove_ours(staging)
        raise
    if moved_aside:
        remove_ours(aside)
    return Added(target, left_out)


def _pictures_name(folder: Path, target: Path, *, replacing: bool) -> str:
    """``<file>-pictures``: a replaced routine's own; for a new one, a name not in use."""
    name = f"{target.stem}{PICTURES}"
    n = 2
    while not replacing and os.path.lexists(folder / name):
        name = f"{target.stem}{PICTURES}-{n}"
        n += 1
    return name


def _pointing_to(examined: Examined, name: str) -> bytes:
    """The checked file as a draft whose picture folders are under ``name``."""
    draft = draft_from_table(_table(examined.data, str(examined.path)))

    def moved(step: DraftStep) -> DraftStep:
        image = step.get("image")
        if not isinstance(image, str):
            return step
        folder, _problem = _sub_folder(examined.path.parent, image)
        if folder is None:  # checked by examine: only a change since then gets here
            raise AddProblem(_("Its picture folder {path} has changed.").format(path=image))
        return step.with_key("image", f"{name}/{folder.as_posix()}")

    moved_draft = replace(
        draft,
        steps=tuple(moved(s) for s in draft.steps),
        rewarm=tuple(moved(s) for s in draft.rewarm),
    )
    return to_toml(moved_draft).encode("utf-8")


def _remove_leftovers(folder: Path, name: str) -> None:
    """Hidden folders a stopped add left behind (the app was killed while copying)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name.startswith(f".{name}.") and entry.name.endswith((".part", ".old")):
                remove_ours(entry)


def remove_ours(path: Path) -> None:
    """Remove a file, a link or a folder of ours (links inside are removed, not followed)."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def pictures_of(routine: Routine, folder: Path, others: Iterable[Routine]) -> tuple[Path, ...]:
    """The folders of pictures in the person's ``folder`` that only ``routine`` shows: the
    ``*-pictures`` folders holding its picture folders, used by no other routine."""

    def tops(one: Routine) -> set[str]:
        try:
            root = folder.resolve()
        except OSError:
            return set()
        found = set()
        for step in (*one.steps, *one.rewarm):
            if step.image_dir is None or not step.image_dir.is_relative_to(root):
                continue
            parts = step.image_dir.relative_to(root).parts
            if len(parts) > 1 and PICTURES in parts[0]:
                found.add(parts[0])
        return found

    used = set().union(*(tops(r) for r in others if r.path != routine.path))
    own = sorted(tops(routine) - used)
    return tuple(folder / n for n in own if (folder / n).is_dir() and not (folder / n).is_symlink())


def put_aside(path: Path) -> None:
    """A routine file (or its pictures' folder) into the ``deleted`` folder beside it, under
    a new name if one of that name is there: where a deletion goes when the desktop has no
    wastebasket, and where another computer's deletion puts it. Raises OSError."""
    folder = path.parent / "deleted"
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    n = 2
    while os.path.lexists(target):
        target = folder / f"{path.stem}-{n}{path.suffix}"
        n += 1
    path.rename(target)
