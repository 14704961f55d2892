"""The optional health check and what each answer changes in a routine. No Qt.

Answers are kept in the settings file, on this computer only. Each rule follows a source
(the sentences and their sources are in assets/content/safety.toml, [health]); where no
source gives a rule, the answer only asks the person to check first, it never guesses:

- pregnant past 16 weeks: NHS says not to lie flat on the back for long. Stretches held
  lying on the back are left out; warm-ups on the back are marked (swap them for another
  position, or ask first).
- osteoporosis: Mayo Clinic says everyday bending and lifting can cause compression
  fractures. Every stretch that bends or twists the spine (``spine`` flexion or rotation
  in the exercise file) is left out; such warm-ups are marked "ask your physiotherapist".
- recent back or hip surgery, or a hip replacement: no public rule; ask first.
- under 16: the guidance the routines come from (NICE NG59) covers people 16 and over; ask
  first.

Leaving a stretch out is the app's own choice; warm-ups are never left out (the warm-up
rule), so a marked warm-up is the person's to swap or to ask about.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from stretchdesk.routine.model import Phase, Position, Routine, SpineMove, Step


class Answer(enum.Enum):
    PREGNANT = "pregnant"
    OSTEOPOROSIS = "osteoporosis"
    SURGERY = "surgery"
    UNDER_16 = "under_16"


class Note(enum.Enum):
    """Why a step is left out or marked; the key of its sentence in safety.toml [health]."""

    PREGNANT_BACK = "pregnant_back"
    OSTEOPOROSIS_SPINE = "osteoporosis_spine"
    SURGERY = "surgery"
    UNDER_16 = "under_16"


# answers that only ask the person to check first, for the whole routine
ASK_FIRST = {Answer.SURGERY: Note.SURGERY, Answer.UNDER_16: Note.UNDER_16}
LOADED = {SpineMove.FLEXION, SpineMove.ROTATION}


@dataclass(frozen=True)
class StepNote:
    index: int
    note: Note
    left_out: bool  # True: skipped in the session; False: shown as a caution


@dataclass(frozen=True)
class HealthPlan:
    steps: tuple[StepNote, ...] = ()
    ask_first: tuple[Note, ...] = ()  # for the whole routine

    @property
    def left_out(self) -> frozenset[int]:
        return frozenset(n.index for n in self.steps if n.left_out)

    def notes_for(self, index: int) -> list[Note]:
        return [n.note for n in self.steps if n.index == index]

    def __bool__(self) -> bool:
        return bool(self.steps or self.ask_first)


def _note(step: Step, answers: frozenset[Answer]) -> Note | None:
    if Answer.OSTEOPOROSIS in answers and step.exercise.spine & LOADED:
        return Note.OSTEOPOROSIS_SPINE
    if Answer.PREGNANT in answers and step.position is Position.BACK:
        return Note.PREGNANT_BACK
    return None


def plan_for(routine: Routine, answers: frozenset[Answer]) -> HealthPlan:
    """Which steps the answers leave out or mark, and what the whole routine asks first."""
    notes = []
    for index, step in enumerate(routine.steps):
        note = _note(step, answers)
        if note is not None:
            notes.append(StepNote(index, note, left_out=step.phase is not Phase.WARMUP))
    ask = tuple(note for answer, note in ASK_FIRST.items() if answer in answers)
    return HealthPlan(tuple(notes), ask)


@dataclass(frozen=True)
class HealthWords:
    """The plan in the person's words: per step (for the step list) and for the card."""

    steps: dict[int, str]
    card: tuple[str, ...]


def describe(plan: HealthPlan, routine: Routine, texts: Mapping[str, str]) -> HealthWords:
    """``texts``: the [health] sentences of safety.toml."""
    steps: dict[int, str] = {}
    for note in plan.steps:
        reason = texts[note.note.value]
        form = "left_out" if note.left_out else "ask_first"
        steps[note.index] = texts[form].format(reason=reason)
    card = [texts[f"{note.value}_all"] for note in plan.ask_first]
    for left_out, form in ((True, "card_left_out"), (False, "card_ask_first")):
        titles = [routine.steps[n.index].title for n in plan.steps if n.left_out is left_out]
        if titles:
            card.append(texts[form].format(titles=", ".join(dict.fromkeys(titles))))
    return HealthWords(steps, tuple(card))
