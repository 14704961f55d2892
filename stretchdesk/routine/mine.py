"""The person's own routine files: saving a draft, and adding a file someone sent them.

Everything is written whole or not at all (a temporary file beside the target, then a
rename), so a full disk or a crash never leaves half a routine. Built-in routines are never
written: a copy of one is a new file in the person's folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from stretchdesk.i18n import _
from stretchdesk.routine.catalog import Catalog, citation_problems_of
from stretchdesk.routine.draft import Draft, DraftStep, draft_from_table, to_toml
from stretchdesk.routine.errors import Problem, RoutineError, quoted
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.loader import load_routine
from stretchdesk.routine.model import Routine
from stretchdesk.routine.sources import Sources
from stretchdesk.routine.tomlfile import read_toml


def write_whole(target: Path, data: bytes) -> None:
    """Write ``target`` through a temporary file that replaces it at the end. Raises
    OSError (with its strerror) when it cannot; nothing is left behind then."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with open(fd, "wb") as out:  # noqa: PTH123 - a descriptor
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise


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
    """Write the draft to ``path`` (its own file) or a new file in ``folder``."""
    target = path or file_for(folder, draft.id)
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


def examine(
    path: Path, library: ExerciseLibrary, catalog: Catalog, sources: Sources | None
) -> Examined:
    """Check a file as ``stretchdesk check`` does, and whether adding it would replace one of
    the person's routines (same id) or clash with a built-in one (refused)."""
    try:
        routine = load_routine(path, library)
    except RoutineError as exc:
        return Examined(path, None, exc.problems)
    cited = citation_problems_of(routine, sources)
    if cited:
        return Examined(path, None, tuple(cited))
    taken = catalog.get(routine.id)
    if taken is not None and taken.builtin:
        clash = Problem(
            str(path),
            _("id {id} is already used by a built-in routine").format(id=repr(routine.id)),
        )
        return Examined(path, None, (clash,))
    return Examined(path, routine, (), taken)


def add_to_mine(examined: Examined, folder: Path) -> Path:
    """Copy a checked file into the person's folder (over the routine it replaces, if any).
    A file without pictures is copied byte for byte, comments and all; one with its own
    picture folders gets them copied beside it, under ``<id>-pictures/``."""
    routine = examined.routine
    assert routine is not None, "only a routine that passed the checks can be added"
    target = examined.replaces.path if examined.replaces else None
    target = target or file_for(folder, routine.id)
    if not any(s.image_dir for s in routine.steps + routine.rewarm):
        write_whole(target, examined.path.read_bytes())
        return target
    draft = draft_from_table(read_toml(examined.path))
    pictures = f"{routine.id}-pictures"
    base = examined.path.parent.resolve()

    def moved(step: DraftStep) -> DraftStep:
        image = step.get("image")
        if not isinstance(image, str):
            return step
        source = (base / image).resolve()
        relative = source.relative_to(base)
        shutil.copytree(source, folder / pictures / relative, dirs_exist_ok=True)
        return step.with_key("image", f"{pictures}/{relative.as_posix()}")

    draft = replace(
        draft,
        steps=tuple(moved(s) for s in draft.steps),
        rewarm=tuple(moved(s) for s in draft.rewarm),
    )
    write_whole(target, to_toml(draft).encode("utf-8"))
    return target
