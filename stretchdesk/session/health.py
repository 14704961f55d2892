"""The optional health check and what each answer changes in a routine. No Qt.

Answers are kept in the settings file, on this computer only. Each rule follows a source
(the sentences and their sources are in assets/content/safety.toml, [health]); where no
source gives a rule, the answer only asks the person to check first, it never guesses:

- pregnant past 16 weeks: NHS says not to lie flat on the back for long. Stretches held
  lying on the back are left out; a warm-up on the back is done in its other position
  (sitting or standing) when the library has one, else marked "ask first". The advice the
  app follows says nothing about lying on the front: such steps are marked "ask first".
- osteoporosis: Mayo Clinic says lifting and other routine activities can cause compression
  fractures. Every stretch that bends or twists the spine (``spine`` flexion or rotation
  in the exercise file) is left out; such warm-ups are marked "ask your physiotherapist".
- a hip replacement or hip surgery: NHS hip-precaution leaflets (Leeds, Alder Hey) say not
  to bend the hip past 90 degrees, bring the knees up to the chest, cross the legs or twist
  the leg or waist, for 6 to 12 weeks or longer. Every stretch that does (``hip`` in the
  exercise file) is left out, such warm-ups are marked, and the routine says the precautions.
- back surgery recently: ask first (the app's own choice).
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
    """The questions, in the order the health check asks them."""

    PREGNANT = "pregnant"
    OSTEOPOROSIS = "osteoporosis"
    BACK_SURGERY = "back_surgery"
    HIP = "hip"  # a hip replacement, or hip surgery
    UNDER_16 = "under_16"


class Note(enum.Enum):
    """Why a step is left out or marked, or what the whole routine says; the key of its
    sentence in safety.toml [health] (a step's reason; ``<key>_ask`` the sentence that marks
    a step; ``<key>_all`` the line for the whole routine)."""

    PREGNANT_BACK = "pregnant_back"
    PREGNANT_FRONT = "pregnant_front"
    OSTEOPOROSIS_SPINE = "osteoporosis_spine"
    HIP_PRECAUTIONS = "hip_precautions"
    BACK_SURGERY = "back_surgery"
    UNDER_16 = "under_16"


# answers with a line for the whole routine: asking first, or the hip precautions
WHOLE_ROUTINE = {
    Answer.BACK_SURGERY: Note.BACK_SURGERY,
    Answer.HIP: Note.HIP_PRECAUTIONS,
    Answer.UNDER_16: Note.UNDER_16,
}
STEP_NOTES = (
    Note.PREGNANT_BACK,
    Note.PREGNANT_FRONT,
    Note.OSTEOPOROSIS_SPINE,
    Note.HIP_PRECAUTIONS,
)
LOADED = {SpineMove.FLEXION, SpineMove.ROTATION}
BY_POSITION = {Note.PREGNANT_BACK}  # a warm-up's other position takes the reason away
ONLY_ASK = {Note.PREGNANT_FRONT}  # no source gives a rule: a stretch is marked, not left out


@dataclass(frozen=True)
class StepNote:
    index: int
    note: Note
    left_out: bool  # True: skipped in the session; False: shown as a caution
    swapped: bool = False  # a warm-up done in its other position (``HealthPlan.swaps``)


@dataclass(frozen=True)
class HealthPlan:
    steps: tuple[StepNote, ...] = ()
    ask_first: tuple[Note, ...] = ()  # lines for the whole routine
    swaps: frozenset[int] = frozenset()  # warm-ups done in their other position
    # exercises of the routine, its re-warm and their other positions that have a reason:
    # a re-warm takes the other position (``SessionOptions.avoid``)
    avoid: frozenset[str] = frozenset()

    @property
    def left_out(self) -> frozenset[int]:
        return frozenset(n.index for n in self.steps if n.left_out)

    def __bool__(self) -> bool:
        return bool(self.steps or self.ask_first)


def step_notes(step: Step, answers: frozenset[Answer]) -> list[Note]:
    """Every reason the answers give to leave out or mark this step (in the order of
    ``STEP_NOTES``)."""
    found = []
    if Answer.PREGNANT in answers and step.position is Position.BACK:
        found.append(Note.PREGNANT_BACK)
    if Answer.PREGNANT in answers and step.position is Position.FRONT:
        found.append(Note.PREGNANT_FRONT)
    if Answer.OSTEOPOROSIS in answers and step.exercise.spine & LOADED:
        found.append(Note.OSTEOPOROSIS_SPINE)
    if Answer.HIP in answers and step.exercise.hip:
        found.append(Note.HIP_PRECAUTIONS)
    return found


def _swaps(step: Step, found: list[Note], answers: frozenset[Answer]) -> bool:
    """A warm-up whose every reason is its position, with another position free of them."""
    other = step.alternative
    return (
        step.phase is Phase.WARMUP
        and other is not None
        and set(found) <= BY_POSITION
        and not step_notes(other, answers)
    )


def plan_for(routine: Routine, answers: frozenset[Answer]) -> HealthPlan:
    """Which steps the answers leave out, mark or swap, and what the whole routine says."""
    notes = []
    swaps = set()
    for index, step in enumerate(routine.steps):
        found = step_notes(step, answers)
        swap = bool(found) and _swaps(step, found, answers)
        if swap:
            swaps.add(index)
        for note in found:
            left_out = step.phase is not Phase.WARMUP and note not in ONLY_ASK
            notes.append(StepNote(index, note, left_out=left_out, swapped=swap))
    whole = tuple(note for answer, note in WHOLE_ROUTINE.items() if answer in answers)
    return HealthPlan(tuple(notes), whole, frozenset(swaps), _avoided(routine, answers))


def _avoided(routine: Routine, answers: frozenset[Answer]) -> frozenset[str]:
    steps = (*routine.steps, *routine.rewarm)
    every = (*steps, *(s.alternative for s in steps if s.alternative is not None))
    return frozenset(s.exercise_id for s in every if step_notes(s, answers))


@dataclass(frozen=True)
class HealthWords:
    """The plan in the person's words: per step (for the step list) and for the card."""

    steps: dict[int, str]
    card: tuple[str, ...]


def _step_words(notes: list[StepNote], texts: Mapping[str, str]) -> str:
    reasons = " ".join(texts[n.note.value] for n in notes)
    if any(n.left_out for n in notes):
        return texts["left_out"].format(reason=reasons)
    if all(n.swapped for n in notes):
        return texts["swapped"].format(reason=reasons)
    return " ".join(texts[f"{n.note.value}_ask"].format(reason=texts[n.note.value]) for n in notes)


def describe(plan: HealthPlan, routine: Routine, texts: Mapping[str, str]) -> HealthWords:
    """``texts``: the [health] sentences of safety.toml."""
    by_step: dict[int, list[StepNote]] = {}
    for note in plan.steps:
        by_step.setdefault(note.index, []).append(note)
    steps = {index: _step_words(notes, texts) for index, notes in by_step.items()}
    left_out = {i for i, notes in by_step.items() if any(n.left_out for n in notes)}
    swapped = {i for i in by_step if i not in left_out and i in plan.swaps}
    asked = set(by_step) - left_out - swapped
    card = [texts[f"{note.value}_all"] for note in plan.ask_first]
    for form, chosen in (
        ("card_left_out", left_out),
        ("card_swapped", swapped),
        ("card_ask_first", asked),
    ):
        titles = [routine.steps[i].title for i in sorted(chosen)]
        if titles:
            card.append(texts[form].format(titles=", ".join(dict.fromkeys(titles))))
    return HealthWords(steps, tuple(card))
