"""Swapping a warm-up for its alternative in another position. No Qt.

A person in a spasm may not be able to kneel or stand: each warm-up of the library can name
an exercise in another position (``alternative`` in its file). Swapping replaces the step in
this session only; the warm-up gate is unchanged (the swapped-in warm-up must be done before
any stretch). A re-warm after a long pause is given in the position the person is in, in
the other position where the health check advises against one (``SessionOptions.avoid``).

The other position keeps the routine's dose (its reps, seconds and rests, as the routine
prescribes them), never the library's own for that exercise: a physiotherapist's "2 x 3 s"
stays 2 x 3 s whichever position it is done in. Only the sides follow the exercise (one that
is done on each side, or not).
"""

from __future__ import annotations

from dataclasses import replace

from stretchdesk.i18n import N_
from stretchdesk.routine.model import Phase, Position, Sides, Step, Timing
from stretchdesk.session.events import StepStatus
from stretchdesk.session.plan import AgendaItem
from stretchdesk.session.view import Refusal, RefusalReason

NO_OTHER = Refusal(RefusalReason.NO_OTHER_POSITION, N_("This exercise has no other position."))
ALREADY_DONE = Refusal(RefusalReason.NO_SUCH_STEP, N_("This step is already over."))
ONLY_WARMUPS = Refusal(
    RefusalReason.NO_OTHER_POSITION, N_("Only a warm-up can be swapped for another position.")
)


def refuse_swap(item: AgendaItem, status: StepStatus | None) -> Refusal | None:
    """Why this step cannot be swapped now; None if it can."""
    if item.phase is not Phase.WARMUP:
        return ONLY_WARMUPS
    if status is not None:
        return ALREADY_DONE
    if item.step.alternative is None:
        return NO_OTHER
    return None


def other_position(step: Step) -> Step | None:
    """The step's alternative in another position at this step's dose (able to swap back);
    None if it has none."""
    other = step.swapped()
    if other is None:
        return None
    if dose_for(other.timing, step) == step.timing:
        return other  # already this dose (swapping back: exactly the routine's own timing)
    return replace(other, timing=dose_for(step.timing, other))


def dose_for(dose: Timing, other: Step) -> Timing:
    """``dose`` for the exercise of ``other``: the same reps, seconds and rests; an exercise
    done on each side takes them on each side, one that is not takes them all at once (the
    same time in all)."""
    sided = other.exercise.per_side
    if sided == (dose.sides is not Sides.NONE):
        return dose
    if sided:  # the routine's whole dose, shared between the two sides
        sides = other.timing.sides if other.timing.sides is not Sides.NONE else Sides.BOTH
        if dose.duration is not None:
            return replace(dose, duration=round(dose.duration / 2, 3), sides=sides)
        return replace(dose, reps=max(1, (dose.reps + 1) // 2), sides=sides)
    if dose.duration is not None:  # both sides' time, without sides
        return replace(dose, duration=dose.duration * 2, sides=Sides.NONE)
    return replace(dose, reps=dose.reps * 2, sides=Sides.NONE)


def swapped_item(item: AgendaItem, hold_scale: float) -> AgendaItem:
    """The same place in the session with the other exercise (which can swap back)."""
    other = other_position(item.step)
    assert other is not None, "refuse_swap first"
    return AgendaItem(other, item.routine_index, other.timing.scaled(hold_scale))


def in_position(step: Step, body: Position | None, avoid: frozenset[str] = frozenset()) -> Step:
    """The step or its alternative, whichever is nearer the position the person is in
    (lying and kneeling, sitting, standing); the step itself when they are equally near.
    One whose exercise is in ``avoid`` (the health check's) is taken only if both are."""
    other = other_position(step)
    if other is None:
        return step
    if (step.exercise_id in avoid) != (other.exercise_id in avoid):
        return other if step.exercise_id in avoid else step
    if body is None:
        return step
    mine = abs(step.position.height - body.height)
    theirs = abs(other.position.height - body.height)
    return other if theirs < mine else step


def rewarm_in_position(
    steps: tuple[Step, ...], body: Position | None, avoid: frozenset[str] = frozenset()
) -> tuple[Step, ...]:
    return tuple(in_position(step, body, avoid) for step in steps)
