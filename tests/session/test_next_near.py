""" "Next: ..." only when the next exercise is what follows: in the rest between exercises
and the last seconds of a step's last hold or movement; never between reps, at a change of
side, or while getting into position."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog
from stretchdesk.session import SegmentKind
from stretchdesk.session.view import NEXT_SECONDS
from tests.session.helpers import Driven

ROUTINES = ["lower-back-spasm", "quick-relief"]


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_next_shows_only_when_the_next_exercise_follows(catalog: Catalog, routine_id: str) -> None:
    routine = catalog.get(routine_id)
    assert routine is not None
    driven = Driven(routine)
    driven.engine.start()
    seen: set[tuple[SegmentKind, bool]] = set()
    while not driven.engine.finished:
        view = driven.engine.view()
        if view.segment is None:
            break
        after = view.segment_seconds - view.remaining
        shown = view.next_is_near
        seen.add((view.segment, shown))
        if view.segment in (SegmentKind.REST, SegmentKind.SWITCH_SIDES, SegmentKind.LEAD_IN):
            assert not shown, (view.step.exercise_id, view.segment, after)
        elif view.segment is SegmentKind.BETWEEN:
            assert shown
        elif view.remaining > NEXT_SECONDS:
            assert not shown, (view.step.exercise_id, after)
        else:  # the last seconds of a hold or movement: only the step's last one
            last_rep = view.rep >= view.reps and (view.side is None or _last_side(driven))
            assert shown == last_rep, (view.step.exercise_id, view.rep, view.side)
        driven.clock.advance(0.5)
        driven.engine.poll()
    assert (SegmentKind.ACTIVE, True) in seen and (SegmentKind.BETWEEN, True) in seen


def _last_side(driven: Driven) -> bool:
    """No other side of this step is still to come."""
    timer = driven.engine._timer
    return not any(s.kind is SegmentKind.ACTIVE for s in timer.segments[timer.index + 1 :])
