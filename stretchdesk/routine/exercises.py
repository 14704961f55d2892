"""The exercise library: one TOML file per exercise, referenced by id from routines."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from stretchdesk.routine.errors import Problem, RoutineError, quoted
from stretchdesk.routine.fields import TIMING_KEYS, TableReader, build_timing
from stretchdesk.routine.ids import ID_PATTERN
from stretchdesk.routine.model import (
    Exercise,
    HipMove,
    Illustration,
    Motion,
    Position,
    Sides,
    SpineMove,
    Timing,
)
from stretchdesk.routine.tomlfile import read_toml

EXERCISE_KEYS = (
    "id",
    "title",
    "position",
    "instructions",
    "caution",
    "breathing",
    "source",
    "per_side",
    "spine",
    "hip",
    "alternative",
    "warms",
    "timing",
    "illustration",
)
ILLUSTRATION_KEYS = ("folder", "motion", "seconds")
MOVE_IN_SECONDS = 3.0

ExerciseLibrary = Mapping[str, Exercise]
M = TypeVar("M", bound=StrEnum)


def parse_exercise(data: Mapping[str, Any], label: str) -> tuple[Exercise | None, list[Problem]]:
    """Build one exercise from parsed TOML, with every problem found."""
    reader = TableReader(label, data)
    reader.unknown_keys(EXERCISE_KEYS)
    ex_id = reader.text("id", required=True)
    if ex_id and not ID_PATTERN.match(ex_id):
        reader.problem(f'"id" {ex_id!r} must be lower-case words joined by hyphens')
    reader.title = reader.text("title", required=True) or ex_id or None
    position = reader.choice("position", Position, required=True)
    instructions = reader.lines("instructions", required=True, at_most=5)
    if instructions and len(instructions) < 3:
        reader.problem('"instructions" should have 3 to 5 short lines')
    caution = reader.text("caution")
    breathing = reader.text("breathing")
    source = reader.text("source", required=True)
    per_side = reader.flag("per_side")
    spine = _moves(data.get("spine"), "spine", SpineMove, reader)
    hip = _moves(data.get("hip"), "hip", HipMove, reader)
    alternative = reader.text("alternative")
    if alternative and not ID_PATTERN.match(alternative):
        reader.problem(f'"alternative" {alternative!r} must be an exercise id')
    warms = reader.flag("warms", default=True)

    timing_table = data.get("timing")
    timing = None
    if not isinstance(timing_table, Mapping):
        reader.problem('"timing" table is missing')
    else:
        timing_reader = TableReader(label, timing_table, where="timing: ")
        timing_reader.unknown_keys(TIMING_KEYS)
        timing = build_timing(timing_reader.timing_fields(), timing_reader)
        reader.problems.extend(timing_reader.problems)
        if timing is not None and per_side and timing.sides is Sides.NONE:
            reader.problem('"per_side" is true but the timing has sides "none"')

    illustration = _illustration(data.get("illustration"), ex_id, timing, reader)

    if reader.problems or position is None or timing is None or illustration is None:
        return None, reader.problems
    exercise = Exercise(
        id=ex_id,
        title=reader.title or ex_id,
        position=position,
        instructions=instructions,
        caution=caution,
        breathing=breathing,
        source=source,
        timing=timing,
        per_side=per_side,
        illustration=illustration,
        spine=spine,
        hip=hip,
        alternative=alternative,
        warms=warms,
    )
    return exercise, []


def _moves(raw: object, key: str, kind: type[M], reader: TableReader) -> frozenset[M]:
    """An optional list of words of ``kind``: ``spine`` ("flexion", "rotation",
    "extension") or ``hip`` ("deep-flexion", "cross", "twist")."""
    if raw is None:
        return frozenset()
    options = ", ".join(f'"{m.value}"' for m in kind)
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        reader.problem(f'"{key}" must be a list of {options}')
        return frozenset()
    known = {m.value for m in kind}
    wrong = next((v for v in raw if v not in known), None)
    if wrong is not None:  # the first one only: a long list is never written out whole
        reader.problem(f'"{key}" has {quoted(wrong)}; each must be one of {options}')
        return frozenset()
    return frozenset(kind(v) for v in raw)


def _illustration(
    raw: object, ex_id: str, timing: Timing | None, reader: TableReader
) -> Illustration | None:
    """The ``[illustration]`` table, with defaults that follow the exercise's timing."""
    table: Mapping[str, Any] = {}
    if raw is not None:
        if not isinstance(raw, Mapping):
            reader.problem('"illustration" must be a table')
            return None
        table = raw
    ill = TableReader(reader.file, table, where="illustration: ")
    ill.unknown_keys(ILLUSTRATION_KEYS)
    folder = ill.text("folder", default=ex_id) or ex_id
    if not ID_PATTERN.match(folder or "-"):
        ill.problem('"folder" must be a plain folder name')
    default = Motion.HOLD if timing is not None and timing.hold is not None else Motion.CYCLE
    motion = ill.choice("motion", Motion) or default
    seconds = ill.number("seconds", low=0.5, high=60.0)
    if seconds is None and motion is Motion.HOLD:
        seconds = MOVE_IN_SECONDS
    if (
        seconds is None
        and timing is not None
        and timing.rep_seconds is None
        and motion is Motion.CYCLE
    ):
        ill.problem('"seconds" (one cycle) is needed for a movement timed by duration')
    reader.problems.extend(ill.problems)
    if ill.problems:
        return None
    return Illustration(folder, motion, seconds)


def load_library(folder: Path) -> dict[str, Exercise]:
    """Load every ``*.toml`` exercise in ``folder``; raise with all problems if any."""
    library: dict[str, Exercise] = {}
    problems: list[Problem] = []
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise RoutineError.single(folder, "no exercise files found")
    for path in files:
        try:
            data = read_toml(path)
        except RoutineError as exc:
            problems.extend(exc.problems)
            continue
        exercise, found = parse_exercise(data, str(path))
        problems.extend(found)
        if exercise is None:
            continue
        if exercise.id != path.stem:
            problems.append(Problem(str(path), f'"id" {exercise.id!r} must match the file name'))
        elif exercise.id in library:
            problems.append(Problem(str(path), f"exercise id {exercise.id!r} is defined twice"))
        else:
            library[exercise.id] = exercise
    for exercise in library.values():
        alt = library.get(exercise.alternative) if exercise.alternative else None
        if exercise.alternative and alt is None:
            problems.append(
                Problem(exercise.id, f'"alternative" {exercise.alternative!r} is not an exercise')
            )
        elif alt is not None and alt.position is exercise.position:
            problems.append(
                Problem(exercise.id, f'"alternative" {alt.id!r} is in the same position')
            )
    if problems:
        raise RoutineError(problems)
    return library
