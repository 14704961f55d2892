"""Changing a draft one step at a time, with the phase-order rules live and undo/redo.

Every change makes a new draft. A change that would break the phase order (a stretch before
a warm-up, stretches with no warm-up that warms, a cool-down before a stretch) is refused
with the message ``stretchdesk check`` prints for it, and the draft stays as it was. The
builder screen only forwards the person's keys and drops here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from stretchdesk.i18n import _
from stretchdesk.routine.draft import Draft, DraftStep, suggested_phase
from stretchdesk.routine.errors import Problem
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.loader import timing_defaults
from stretchdesk.routine.model import Exercise, Phase
from stretchdesk.routine.rules import check_phase_order, check_warming_of

HISTORY_LIMIT = 500  # changes that can be undone


@dataclass(frozen=True)
class Done:
    what: str  # "Added Pelvic tilts", for the status line and a screen reader


@dataclass(frozen=True)
class Refused:
    message: str  # the rule, as ``stretchdesk check`` words it


Outcome = Done | Refused


class Editor:
    """The draft being edited, what was last saved, and the changes that can be undone."""

    def __init__(
        self,
        draft: Draft,
        library: ExerciseLibrary,
        label: str,
        usual: Mapping[str, Phase] | None = None,
    ) -> None:
        self.draft = draft
        self.usual = dict(usual or {})  # each exercise's phase in the built-in routines
        self.saved = draft
        self.library = library
        self.label = label  # the file name the messages start with
        self._undo: list[tuple[Draft, str]] = []
        self._redo: list[tuple[Draft, str]] = []

    # --- state ---------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.draft != self.saved

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def mark_saved(self, draft: Draft | None = None) -> None:
        """What was written is now the clean state. A new routine's id is fixed when it is
        first saved: every undoable state takes that id, so undo never changes files."""
        if draft is not None and draft.id != self.draft.id:
            self._undo = [(replace(d, id=draft.id), w) for d, w in self._undo]
            self._redo = [(replace(d, id=draft.id), w) for d, w in self._redo]
        self.saved = draft or self.draft
        if draft is not None:
            self.draft = draft

    def phase_for(self, exercise: Exercise) -> Phase:
        """Where a new step of this exercise goes at first: its phase in the built-in
        routines, or for one they do not use, a hold is a stretch and a movement a warm-up."""
        return self.usual.get(exercise.id) or suggested_phase(exercise)

    def title_of(self, step: DraftStep) -> str:
        own = step.get("title")
        if isinstance(own, str) and own.strip():
            return own.strip()
        exercise = self.library.get(step.exercise)
        return exercise.title if exercise else step.exercise

    def order_problems(self, draft: Draft) -> list[Problem]:
        steps = draft.steps
        phases = [s.phase for s in steps]
        titles = [self.title_of(s) for s in steps]
        warms = [(e := self.library.get(s.exercise)) is None or e.warms for s in steps]
        return check_phase_order(self.label, phases, titles) + check_warming_of(
            self.label, phases, warms, titles
        )

    # --- changes ---------------------------------------------------------------
    def change(self, new: Draft, what: str) -> Outcome:
        if new == self.draft:
            return Done("")
        before = {p.message for p in self.order_problems(self.draft)}
        for problem in self.order_problems(new):
            if problem.message not in before:
                return Refused(_("Not done: {problem}").format(problem=problem))
        self._undo.append((self.draft, what))
        del self._undo[:-HISTORY_LIMIT]
        self._redo.clear()
        self.draft = new
        return Done(what)

    def undo(self) -> Outcome:
        if not self._undo:
            return Refused(_("Nothing to undo."))
        previous, what = self._undo.pop()
        self._redo.append((self.draft, what))
        self.draft = previous
        return Done(f"Undone: {what}")

    def redo(self) -> Outcome:
        if not self._redo:
            return Refused(_("Nothing to redo."))
        following, what = self._redo.pop()
        self._undo.append((self.draft, what))
        self.draft = following
        return Done(f"Redone: {what}")

    def set_text(self, key: str, value: str) -> Outcome:
        names = {"title": "title", "description": "description", "author": "who made it"}
        assert key in ("title", "description", "author", "note", "source"), key
        changes: dict[str, Any] = {key: value}
        return self.change(
            replace(self.draft, **changes),
            _("Changed the {field}").format(field=names.get(key, key)),
        )

    def _steps(self, steps: list[DraftStep], what: str) -> Outcome:
        return self.change(replace(self.draft, steps=tuple(steps)), what)

    def place_for(self, phase: Phase, after: int | None) -> int:
        """Where a new step of ``phase`` goes: after step ``after`` (or at the end) when the
        order allows it, otherwise the nearest place that keeps warm-ups first."""
        phases = [s.phase for s in self.draft.steps]
        wanted = len(phases) if after is None else after + 1
        warm_end = max((i + 1 for i, p in enumerate(phases) if p is Phase.WARMUP), default=0)
        first_stretch = next((i for i, p in enumerate(phases) if p is Phase.STRETCH), len(phases))
        first_cool = next((i for i, p in enumerate(phases) if p is Phase.COOLDOWN), len(phases))
        last_stretch = max((i + 1 for i, p in enumerate(phases) if p is Phase.STRETCH), default=0)
        if phase is Phase.WARMUP:
            return min(wanted, first_stretch, first_cool)
        if phase is Phase.STRETCH:
            return min(max(wanted, warm_end), first_cool)
        return max(wanted, last_stretch)

    def add(
        self, exercise_id: str, at: int | None = None, phase: Phase | None = None
    ) -> tuple[Outcome, int]:
        """Add an exercise; ``at`` None places it by its phase after the last step. Returns
        what happened and the new step's index."""
        exercise = self.library.get(exercise_id)
        if exercise is None:
            return Refused(
                _("{label}: unknown exercise id {exercise_id}").format(
                    label=self.label, exercise_id=repr(exercise_id)
                )
            ), -1
        phase = phase or self.phase_for(exercise)
        index = self.place_for(phase, None) if at is None else at
        steps = list(self.draft.steps)
        steps.insert(index, DraftStep(exercise_id, phase))
        outcome = self._steps(steps, f"Added {exercise.title} as a {phase.label.lower()}")
        return outcome, index

    def remove(self, index: int) -> Outcome:
        steps = list(self.draft.steps)
        gone = steps.pop(index)
        return self._steps(steps, f"Removed {self.title_of(gone)}")

    def move(self, index: int, to: int) -> Outcome:
        steps = list(self.draft.steps)
        if not 0 <= to < len(steps) or to == index:
            return Done("")
        step = steps.pop(index)
        steps.insert(to, step)
        return self._steps(
            steps,
            _("Moved {title} to step {number}").format(title=self.title_of(step), number=to + 1),
        )

    def set_phase(self, index: int, phase: Phase) -> Outcome:
        steps = list(self.draft.steps)
        steps[index] = replace(steps[index], phase=phase)
        title = self.title_of(steps[index])
        said = {
            Phase.WARMUP: _("{title} is now a warm-up"),
            Phase.STRETCH: _("{title} is now a stretch"),
            Phase.COOLDOWN: _("{title} is now a cool-down"),
        }[phase]
        return self._steps(steps, said.format(title=title))

    def set_timing(self, index: int, key: str, value: Any) -> Outcome:
        """Change one timing key; back at the exercise's own value, the key is dropped so
        the file keeps only what differs."""
        steps = list(self.draft.steps)
        step = steps[index]
        exercise = self.library.get(step.exercise)
        own = timing_defaults(exercise).get(key) if exercise else None
        if isinstance(value, float) and value.is_integer() and key != "sides":
            value = int(value)
        same = own is not None and own == value
        steps[index] = step.with_key(key, None if same else value)
        return self._steps(steps, f"Changed {self.title_of(step)}: {key.replace('_', ' ')}")

    def apply(self, edit: Callable[[Draft], Draft], what: str) -> Outcome:
        return self.change(edit(self.draft), what)
