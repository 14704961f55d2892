"""Swapping a warm-up for its alternative in another position: before and during the
session, from an offer after a pain-stop, and for a re-warm; the warm-up gate still holds
(no stretch before the warm-up time is done)."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog, Phase, Position, Routine
from stretchdesk.session import SegmentKind
from stretchdesk.session.events import StepFinished, StepStatus
from stretchdesk.session.health import Answer, plan_for
from stretchdesk.session.settings import SessionOptions
from stretchdesk.session.swap import in_position
from stretchdesk.session.view import RefusalReason
from tests.session.helpers import Driven


@pytest.fixture
def full(catalog: Catalog) -> Routine:
    found = catalog.get("lower-back-spasm")
    assert found is not None
    return found


def _index(routine: Routine, exercise_id: str) -> int:
    return next(i for i, s in enumerate(routine.steps) if s.exercise_id == exercise_id)


def test_every_warm_up_has_an_alternative_in_another_position(full: Routine) -> None:
    for step in full.steps:
        if step.phase is Phase.WARMUP:
            assert step.alternative is not None, step.exercise_id
            assert step.alternative.position is not step.position
            assert step.alternative.phase is Phase.WARMUP
        else:
            assert step.alternative is None


def test_swapping_the_current_warm_up_starts_it_again_in_the_other_position(
    full: Routine,
) -> None:
    driven = Driven(full)
    driven.engine.start()
    driven.run(40)  # into marching
    assert driven.engine.view().step.exercise_id == "march-in-place"
    assert driven.engine.swap() is None
    view = driven.engine.view()
    assert view.step.exercise_id == "seated-march" and view.segment is SegmentKind.LEAD_IN
    assert view.step.position is Position.SEATED
    assert driven.engine.swap() is None  # and back again
    assert driven.engine.view().step.exercise_id == "march-in-place"
    assert driven.engine.swap() is None
    # the gate holds: no stretch until the swapped-in warm-up (and the rest) are done
    stretch = _index(full, "bottom-to-heels")
    refusal = driven.engine.jump(stretch)
    assert refusal is not None and refusal.reason is RefusalReason.WARMUPS_FIRST
    assert driven.engine.next_step() is not None  # a warm-up is never skipped
    driven.until(lambda v: v.phase is Phase.STRETCH)
    done = [e.step.exercise_id for e in driven.of(StepFinished) if e.status is StepStatus.COMPLETED]
    assert done[0] == "seated-march"  # what was done is what the history records
    assert "march-in-place" not in done


def test_an_upcoming_warm_up_can_be_swapped_before_the_start(full: Routine) -> None:
    driven = Driven(full)
    cat = _index(full, "cat-cow")
    assert driven.engine.swap(cat) is None  # READY: before the session starts
    assert driven.engine.items[cat].step.exercise_id == "pelvic-tilt"
    assert driven.engine.items[cat].step.position is Position.BACK


def test_what_cannot_be_swapped_is_refused(full: Routine) -> None:
    driven = Driven(full)
    stretch = driven.engine.swap(_index(full, "knee-to-chest"))
    assert stretch is not None and stretch.reason is RefusalReason.NO_OTHER_POSITION
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "belly-breathing")
    done = driven.engine.swap(0)  # the march is over
    assert done is not None and "already over" in done.message


def test_options_from_an_offer_swap_before_the_start(full: Routine) -> None:
    rolls = _index(full, "knee-rolls")
    driven = Driven(full, options=SessionOptions(swaps=frozenset({rolls})))
    assert driven.engine.items[rolls].step.exercise_id == "seated-twist"


def test_a_re_warm_follows_the_position_the_person_is_in(full: Routine) -> None:
    march = full.rewarm[0] if full.rewarm else None
    assert march is not None and march.exercise_id == "march-in-place"
    assert in_position(march, Position.STANDING).exercise_id == "march-in-place"
    assert in_position(march, Position.BACK).exercise_id == "seated-march"
    assert in_position(march, None).exercise_id == "march-in-place"
    tilt = full.rewarm[1]
    assert in_position(tilt, Position.STANDING).exercise_id == "wall-pelvic-tilt"
    assert in_position(tilt, Position.HANDS_KNEES).exercise_id == "pelvic-tilt"


def test_a_re_warm_keeps_out_of_what_the_health_check_advises_against(full: Routine) -> None:
    march, tilt = full.rewarm[0], full.rewarm[1]
    pregnant = plan_for(full, frozenset({Answer.PREGNANT})).avoid
    assert "pelvic-tilt" in pregnant and "wall-pelvic-tilt" not in pregnant
    for body in (Position.HANDS_KNEES, Position.SEATED, Position.BACK, None):
        assert in_position(tilt, body, pregnant).exercise_id == "wall-pelvic-tilt"
    hip = plan_for(full, frozenset({Answer.HIP})).avoid
    assert "seated-march" in hip  # the knee above the hip, sitting
    assert in_position(march, Position.BACK, hip).exercise_id == "march-in-place"
    # both advised against: the position decides, as without answers
    both = frozenset({"march-in-place", "seated-march"})
    assert in_position(march, Position.BACK, both).exercise_id == "seated-march"


def test_a_re_warm_after_a_long_pause_follows_the_answers(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.PREGNANT}))
    options = SessionOptions(skip=plan.left_out, swaps=plan.swaps, avoid=plan.avoid)
    driven = Driven(full, options=options)
    driven.engine.start()
    driven.until(lambda view: view.step.exercise_id == "cat-cow")  # hands and knees
    driven.until(lambda view: view.step.exercise_id == "bottom-to-heels")
    driven.engine.pause()
    driven.clock.advance(11 * 60)  # past the 10 minutes: a short re-warm
    driven.engine.resume()
    rewarm = [item.step.exercise_id for item in driven.engine.items if item.is_rewarm]
    assert rewarm == ["seated-march", "wall-pelvic-tilt"]  # kneeling: the nearer, off the back
