"""All routines on offer: the built-in ones and the user's own; invalid ones kept aside."""

from __future__ import annotations

import contextlib
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


@dataclass
class Catalog:
    """Valid routines in display order (built-in first); invalid ones are never offered."""

    routines: list[Routine] = field(default_factory=list)
    invalid: list[InvalidRoutine] = field(default_factory=list)

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


def routine_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
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
) -> Catalog:
    catalog = Catalog()
    folders = [(builtin_dir, True)]
    if user_dir is not None and user_dir.is_dir():
        folders.append((user_dir, False))
    for folder, builtin in folders:
        for path in routine_files(folder):
            try:
                routine = load_routine(path, library, builtin=builtin)
            except RoutineError as exc:
                catalog.invalid.append(InvalidRoutine(path, exc.problems))
                continue
            cited = citation_problems_of(routine, sources)
            if cited:
                catalog.invalid.append(InvalidRoutine(path, capped(cited)))
                continue
            clash = catalog.get(routine.id)
            if clash is not None:
                where = "a built-in routine" if clash.builtin else str(clash.path)
                problem = Problem(
                    str(path),
                    _("id {id} is already used by {where}").format(
                        id=repr(routine.id), where=where
                    ),
                )
                catalog.invalid.append(InvalidRoutine(path, (problem,)))
                continue
            catalog.routines.append(routine)
    return catalog


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
