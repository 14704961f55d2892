"""All routines on offer: the built-in ones and the user's own; invalid ones kept aside.

Before the window first shows, only the first ``QUICK_BYTES`` of the person's files are read
(a usual routine file is 1 to 3 KiB, read in about a millisecond); the others wait in
``Catalog.pending`` and are read afterwards, on a worker thread (``FileMemo.load`` is safe
there), and taken in with ``Catalog.take``. A ``FileMemo`` remembers what each file held, so
reading the folder again after a save costs nothing for the files that did not change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from stretchdesk.i18n import _
from stretchdesk.routine.errors import Problem, RoutineError, capped
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.loader import load_routine
from stretchdesk.routine.model import Routine
from stretchdesk.routine.sources import Sources, citation_problems


@dataclass(frozen=True)
class InvalidRoutine:
    path: Path
    problems: tuple[Problem, ...]


QUICK_BYTES = 8 * 1024  # of the person's files, read before the window first shows

Loaded = Routine | RoutineError  # what reading one file gives


@dataclass
class Catalog:
    """Valid routines in display order (built-in first); invalid ones are never offered;
    ``pending``: the person's files not read yet."""

    routines: list[Routine] = field(default_factory=list)
    invalid: list[InvalidRoutine] = field(default_factory=list)
    pending: list[Path] = field(default_factory=list)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    def add(self, routine: Routine) -> bool:
        """Offer one more routine (opened from a file); False if it is already here."""
        if self.get(routine.id) is not None:
            return False
        self.routines.append(routine)
        return True

    @property
    def problems(self) -> list[Problem]:
        return [p for bad in self.invalid for p in bad.problems]

    def take(
        self,
        read: Iterable[tuple[Path, Loaded]],
        sources: Sources | None = None,
        prepare: Callable[[Routine], Routine] | None = None,
    ) -> bool:
        """Take in files of ``pending`` that have been read (others are ignored: the folder
        was read again meanwhile), each routine through ``prepare`` (its translation);
        True if a routine or a broken file was added."""
        taken = False
        for path, loaded in read:
            if path in self.pending:
                self.pending.remove(path)
                routine = prepare(loaded) if prepare and isinstance(loaded, Routine) else loaded
                _take(self, path, routine, sources)
                taken = True
        return taken


class FileMemo:
    """What each of the person's files held when it was last read, by its size, change
    time and inode: a file that did not change is not read again. Safe to use from a worker
    thread while the window's thread uses it too (the worst case reads a file twice)."""

    def __init__(self) -> None:
        self._seen: dict[Path, tuple[tuple[int, int, int], Loaded]] = {}

    def load(self, path: Path, library: ExerciseLibrary) -> Loaded:
        try:
            info = path.stat()
            key = (info.st_size, info.st_mtime_ns, info.st_ino)
        except OSError:
            return _load(path, library)
        seen = self._seen.get(path)
        if seen is not None and seen[0] == key:
            return seen[1]
        loaded = _load(path, library)
        self._seen[path] = (key, loaded)
        return loaded

    def forget_others(self, paths: Iterable[Path]) -> None:
        """Keep only these files (the others were deleted or renamed)."""
        kept = set(paths)
        for path in [p for p in list(self._seen) if p not in kept]:  # list(): at once
            self._seen.pop(path, None)


def _load(path: Path, library: ExerciseLibrary, *, builtin: bool = False) -> Loaded:
    try:
        return load_routine(path, library, builtin=builtin)
    except RoutineError as exc:
        return exc


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def routine_files(folder: Path) -> list[Path]:
    """Every ``*.toml`` in ``folder`` but folders: a pipe or a device named so is a file that
    cannot be used (its reader says why at once), shown as such rather than left out."""
    try:
        return sorted(p for p in folder.glob("*.toml") if not p.is_dir())
    except OSError:
        return []


def citation_problems_of(routine: Routine, sources: Sources | None) -> list[Problem]:
    """A routine's ``source``, when it has one, must cite a known source or give an address."""
    if sources is None or not routine.source:
        return []
    label = str(routine.path) if routine.path is not None else routine.id
    return [Problem(label, message) for message in citation_problems(routine.source, sources)]


def library_citation_problems(library: ExerciseLibrary, sources: Sources) -> list[Problem]:
    """Every exercise's ``source`` must cite known sources (the built-in content's rule)."""
    return [
        Problem(exercise.id, message)
        for exercise in library.values()
        for message in citation_problems(exercise.source, sources)
    ]


def load_catalog(
    library: ExerciseLibrary,
    builtin_dir: Path,
    user_dir: Path | None = None,
    sources: Sources | None = None,
    *,
    quick_bytes: int | None = None,
    memo: FileMemo | None = None,
) -> Catalog:
    """The built-in routines and the person's (``user_dir``). ``quick_bytes``: read only
    that many bytes of the person's files now, the rest go to ``pending``. ``memo``: files
    read before and unchanged since are not read again."""
    catalog = Catalog()
    for path in routine_files(builtin_dir):
        _take(catalog, path, _load(path, library, builtin=True), sources)
    mine = routine_files(user_dir) if user_dir is not None and user_dir.is_dir() else []
    if memo is not None:
        memo.forget_others(mine)
    budget = quick_bytes
    for path in mine:
        if budget is not None:
            size = _size(path)
            if size > budget:
                catalog.pending.append(path)
                continue
            budget -= size
        loaded = memo.load(path, library) if memo is not None else _load(path, library)
        _take(catalog, path, loaded, sources)
    return catalog


def _take(catalog: Catalog, path: Path, loaded: Loaded, sources: Sources | None) -> None:
    """One file in the catalog: its routine on offer, or the file kept aside with why."""
    if isinstance(loaded, RoutineError):
        catalog.invalid.append(InvalidRoutine(path, loaded.problems))
        return
    cited = citation_problems_of(loaded, sources)
    if cited:
        catalog.invalid.append(InvalidRoutine(path, capped(cited)))
        return
    clash = catalog.get(loaded.id)
    if clash is not None:
        where = "a built-in routine" if clash.builtin else str(clash.path)
        problem = Problem(
            str(path),
            _("id {id} is already used by {where}").format(id=repr(loaded.id), where=where),
        )
        catalog.invalid.append(InvalidRoutine(path, (problem,)))
        return
    catalog.routines.append(loaded)


def _clash(routine: Routine, taken: Routine) -> Problem | None:
    """A problem if ``routine`` is a different file with ``taken``'s id."""
    if routine.path is not None and taken.path is not None:
        with contextlib.suppress(OSError):
            if routine.path.resolve() == taken.path.resolve():
                return None
    where = "a built-in routine" if taken.builtin else str(taken.path)
    return Problem(
        str(routine.path),
        _("id {id} is already used by {where}").format(id=repr(routine.id), where=where),
    )


def check_files(
    paths: list[Path], library: ExerciseLibrary, catalog: Catalog, sources: Sources | None = None
) -> tuple[list[str], list[Problem]]:
    """Validate named routine files: each on its own, and that no two (and none of them and
    a routine in ``catalog``) share an id. Returns (valid ids, every problem)."""
    checked: list[str] = []
    problems: list[Problem] = []
    seen: dict[str, Routine] = {}
    for path in paths:
        try:
            routine = load_routine(path, library)
        except RoutineError as exc:
            problems.extend(exc.problems)
            continue
        cited = citation_problems_of(routine, sources)
        if cited:
            problems.extend(capped(cited))
            continue
        taken = seen.get(routine.id) or catalog.get(routine.id)
        clash = _clash(routine, taken) if taken is not None else None
        if clash is not None:
            problems.append(clash)
            continue
        seen[routine.id] = routine
        checked.append(routine.id)
    return checked, problems


def resolve_routine(
    id_or_file: str, catalog: Catalog, library: ExerciseLibrary, sources: Sources | None = None
) -> Routine:
    """A routine named by id from the catalog, or loaded from a file path."""
    found = catalog.get(id_or_file)
    if found is not None:
        return found
    path = Path(id_or_file).expanduser()
    if path.suffix == ".toml" or path.exists():
        routine = load_routine(path, library)
        cited = citation_problems_of(routine, sources)
        if cited:
            raise RoutineError(cited)
        taken = catalog.get(routine.id)
        clash = _clash(routine, taken) if taken is not None else None
        if clash is not None:
            raise RoutineError([clash])
        return taken or routine  # the same file as a routine on offer: that one
    for bad in catalog.invalid:
        if bad.path.stem == id_or_file:
            raise RoutineError(list(bad.problems))
    known = ", ".join(r.id for r in catalog.routines) or "none"
    raise RoutineError.single(
        id_or_file, _("no routine with this id or file (known: {known})").format(known=known)
    )
