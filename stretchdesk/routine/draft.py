"""A routine being made or changed in the builder: plain values that become a routine file.

A draft keeps each step as the keys a routine file would hold, and only those that differ
from the exercise's own (docs/routines.md), so a saved file reads like one written by hand.
Checking a draft writes it out and reads it back with the same loader as
``stretchdesk check``: the builder shows exactly the messages the command prints.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from stretchdesk import tomlwrite
from stretchdesk.i18n import _
from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.fields import TIMING_KEYS
from stretchdesk.routine.ids import MAX_ID_LENGTH, id_words, is_id
from stretchdesk.routine.loader import FORMAT, parse_routine
from stretchdesk.routine.model import Exercise, Phase, Routine, Timing
from stretchdesk.routine.sources import Sources, citation_problems
from stretchdesk.routine.tomlfile import parse_toml_text

HEAD_KEYS = ("id", "title", "description", "author", "note", "source")
STEP_KEYS = ("exercise", "phase", "title", "position", "instructions", "caution", "image")
OWN_SOURCE = (
    "Exercises from the stretchdesk library; which ones, and their doses, are my own choice."
)

Value = str | int | float | bool | tuple[str, ...]


@dataclass(frozen=True)
class DraftStep:
    """One step: its exercise, its phase, and any keys that replace the exercise's own."""

    exercise: str
    phase: Phase
    keys: tuple[tuple[str, Value], ...] = ()

    def get(self, key: str) -> Value | None:
        return dict(self.keys).get(key)

    def with_key(self, key: str, value: Value | None) -> DraftStep:
        """This step with ``key`` set (None takes it out, back to the exercise's own)."""
        kept = {k: v for k, v in self.keys if k != key}
        if value is not None:
            kept[key] = value
        order = [*STEP_KEYS, *TIMING_KEYS]
        ordered = sorted(kept.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
        return replace(self, keys=tuple(ordered))

    def table(self, *, rewarm: bool = False) -> dict[str, Any]:
        head: dict[str, Any] = {"exercise": self.exercise}
        if not rewarm:
            head["phase"] = self.phase.value
        return head | {k: list(v) if isinstance(v, tuple) else v for k, v in self.keys}


@dataclass(frozen=True)
class Draft:
    id: str
    title: str
    description: str = ""
    author: str = ""
    note: str = ""
    source: str = ""
    steps: tuple[DraftStep, ...] = ()
    rewarm: tuple[DraftStep, ...] = ()
    # the file's [translation.<language>] tables, kept as they were (English -> text)
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()

    def table(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT}
        for key in HEAD_KEYS:
            value = getattr(self, key)
            if value.strip():
                data[key] = value.strip()
        if self.steps:
            data["step"] = [s.table() for s in self.steps]
        if self.rewarm:
            data["rewarm"] = [s.table(rewarm=True) for s in self.rewarm]
        return data


def _step_from(table: Mapping[str, Any], *, rewarm: bool) -> DraftStep:
    keys: list[tuple[str, Value]] = []
    for key, value in table.items():
        if key in ("exercise", "phase"):
            continue
        keys.append((key, tuple(value) if isinstance(value, list) else value))
    phase = Phase.WARMUP if rewarm else Phase(table["phase"])
    return DraftStep(str(table["exercise"]), phase, tuple(keys))


def draft_from_table(data: Mapping[str, Any]) -> Draft:
    """The draft of a routine file that has been checked (every key is known and typed)."""
    head = {k: str(data.get(k, "")) for k in HEAD_KEYS}
    return Draft(
        **head,
        steps=tuple(_step_from(t, rewarm=False) for t in data.get("step", [])),
        rewarm=tuple(_step_from(t, rewarm=True) for t in data.get("rewarm", [])),
        translations=tuple(
            (language, tuple(table.items()))
            for language, table in data.get("translation", {}).items()
        ),
    )


def to_toml(draft: Draft) -> str:
    """The draft as a routine file (UTF-8 text, the layout of docs/routines.md), written
    by the one TOML writer (stretchdesk/tomlwrite.py): any text reads back as it was."""
    data = draft.table()
    lines = [tomlwrite.assignment(k, _value(v)) for k, v in data.items() if not isinstance(v, list)]
    for section in ("step", "rewarm"):
        for table in data.get(section, []):
            lines += ["", f"[[{tomlwrite.key(section)}]]"]
            lines += [tomlwrite.assignment(k, _value(v)) for k, v in table.items()]
    for language, pairs in draft.translations:
        lines += ["", f"[{tomlwrite.dotted('translation', language)}]"]
        lines += tomlwrite.table(pairs)
    return "\n".join(lines) + "\n"


def checked_id(routine_id: str) -> str:
    """``routine_id`` if it is an id (lower-case words joined by hyphens): a file is named
    after it, so anything else is refused (RoutineError) before a file is written."""
    if not is_id(routine_id):
        raise RoutineError.single(
            repr(routine_id)[:80],
            _("a routine's id must be lower-case words joined by hyphens"),
        )
    return routine_id


def _value(value: Any) -> tomlwrite.Value:
    """A value as a routine file holds it: a whole float as an integer; a number that is
    not finite, or anything else TOML has no word for, refused."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(_("not a number a routine can hold: {value}").format(value=value))
        return int(value) if value.is_integer() else value
    if isinstance(value, list | tuple):
        return [_value(v) for v in value]
    if isinstance(value, bool | int | str):
        return value
    raise TypeError(_("a routine file cannot hold {name}").format(name=type(value).__name__))


def check_draft(
    draft: Draft,
    library: ExerciseLibrary,
    sources: Sources | None,
    label: str,
    base_dir: Path | None = None,
) -> tuple[Routine | None, list[Problem]]:
    """The routine the draft makes, or every problem ``stretchdesk check`` would print."""
    try:
        routine = parse_routine(
            parse_toml_text(to_toml(draft), label), label, library, base_dir=base_dir
        )
    except RoutineError as exc:
        return None, list(exc.problems)
    if sources is not None and routine.source:
        cited = [Problem(label, m) for m in citation_problems(routine.source, sources)]
        if cited:
            return None, cited
    return routine, []


def suggested_phase(exercise: Exercise) -> Phase:
    """Where a new step goes at first (the person can change it; the app's own choice):
    a held position is a stretch, a movement is a warm-up."""
    return Phase.STRETCH if exercise.timing.is_hold else Phase.WARMUP


def usual_phases(routines: Iterable[Routine]) -> dict[str, Phase]:
    """The phase each exercise has most often in these routines (the built-in ones), a
    warm-up's alternative in another position counted as a warm-up: where the builder puts
    it at first."""
    steps = [step for routine in routines for step in routine.steps]
    steps += [step.alternative for step in steps if step.alternative is not None]
    counts: Counter[tuple[str, Phase]] = Counter((step.exercise_id, step.phase) for step in steps)
    usual: dict[str, Phase] = {}
    for (exercise_id, phase), _count in counts.most_common():
        usual.setdefault(exercise_id, phase)
    return usual


def timing_form(timing: Timing) -> tuple[str, ...]:
    """The keys a step of this timing can change, in the order the builder shows them."""
    if timing.duration is not None:
        return ("duration",)
    if timing.hold is not None:
        return ("hold", "reps", "rest")
    return ("rep_seconds", "reps")


def slug(title: str) -> str:
    """An id from a title: lower-case words joined by hyphens (``ids.is_id``), accented
    letters written plain ("Übungen" -> "ubungen"), room left for ``free_id``'s number."""
    return id_words(title, MAX_ID_LENGTH - 4) or "my-routine"


def free_id(title: str, taken: set[str]) -> str:
    """A routine id from ``title`` that no routine on offer has."""
    base = slug(title)
    if base not in taken:
        return base
    n = 2
    while True:
        number = f"-{n}"
        candidate = base[: MAX_ID_LENGTH - len(number)].rstrip("-") + number
        if candidate not in taken:
            return candidate
        n += 1
