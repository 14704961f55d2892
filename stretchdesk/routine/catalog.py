"""All routines on offer: the built-in ones and the user's own; invalid ones kept aside."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.loader import load_routine
from stretchdesk.routine.model import Routine


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


def load_catalog(
    library: ExerciseLibrary, builtin_dir: Path, user_dir: Path | None = None
) -> Catalog:
    catalog = Catalog()
    sources = [(builtin_dir, True)]
    if user_dir is not None and user_dir.is_dir():
        sources.append((user_dir, False))
    for folder, builtin in sources:
        for path in routine_files(folder):
            try:
                routine = load_routine(path, library, builtin=builtin)
            except RoutineError as exc:
                catalog.invalid.append(InvalidRoutine(path, exc.problems))
                continue
            clash = catalog.get(routine.id)
            if clash is not None:
                where = "a built-in routine" if clash.builtin else str(clash.path)
                problem = Problem(str(path), f"id {routine.id!r} is already used by {where}")
                catalog.invalid.append(InvalidRoutine(path, (problem,)))
                continue
            catalog.routines.append(routine)
    return catalog


def resolve_routine(id_or_file: str, catalog: Catalog, library: ExerciseLibrary) -> Routine:
    """A routine named by id from the catalog, or loaded from a file path."""
    found = catalog.get(id_or_file)
    if found is not None:
        return found
    path = Path(id_or_file).expanduser()
    if path.suffix == ".toml" or path.exists():
        return load_routine(path, library)
    for bad in catalog.invalid:
        if bad.path.stem == id_or_file:
            raise RoutineError(list(bad.problems))
    known = ", ".join(r.id for r in catalog.routines) or "none"
    raise RoutineError.single(id_or_file, f"no routine with this id or file (known: {known})")
