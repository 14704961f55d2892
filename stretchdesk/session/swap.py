"""Swapping a warm-up for its alternative in another position. No Qt.

A person in a spasm may not be able to kneel or stand: each warm-up of the library can name
an exercise in another position (``alternative`` in its file). Swapping replaces the step in
this session only; the warm-up gate is unchanged (the swapped-in warm-up must be done before
any stretch). A re-warm after a long pause is given in the position the person is in, in
the other position where the health check advises against one (``SessionOptions.avoid``).
"""

from __future__ import annotations

from stretchdesk.i18n import N_
from stretchdesk.routine.model import Phase, Position, Step
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


def swapped_item(item: AgendaItem, hold_scale: float) -> AgendaItem:
    """The same place in the session with the other exercise (which can swap back)."""
    other = item.step.swapped()
    assert other is not None, "refuse_swap first"
    return AgendaItem(other, item.routine_index, other.timing.scaled(hold_scale))


def in_position(step: Step, body: Position | None, avoid: frozenset[str] = frozenset()) -> Step:
    """The step or its alternative, whichever is nearer the position the person is in
    (lying and kneeling, sitting, standing); the step itself when they are equally near.
    One whose exercise is in ``avoid`` (the health check's) is taken only if both are."""
    other = step.swapped()
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
