"""Routine model, TOML loading and validation. Imports no Qt."""

from stretchdesk.routine.catalog import (
    Catalog,
    InvalidRoutine,
    check_files,
    load_catalog,
    resolve_routine,
)
from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.exercises import ExerciseLibrary, load_library
from stretchdesk.routine.loader import load_routine, load_routine_text, parse_routine
from stretchdesk.routine.model import (
    Exercise,
    Illustration,
    Motion,
    Phase,
    Position,
    Routine,
    Side,
    Sides,
    Step,
    Timing,
)

__all__ = [
    "Catalog",
    "Exercise",
    "ExerciseLibrary",
    "Illustration",
    "InvalidRoutine",
    "Motion",
    "Phase",
    "Position",
    "Problem",
    "Routine",
    "RoutineError",
    "Side",
    "Sides",
    "Step",
    "Timing",
    "check_files",
    "load_catalog",
    "load_library",
    "load_routine",
    "load_routine_text",
    "parse_routine",
    "resolve_routine",
]
