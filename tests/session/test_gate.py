"""The warm-up gate: every path to a stretch before the warm-ups is refused or re-warms."""

from __future__ import annotations

import pytest

from stretchdesk.routine import ExerciseLibrary, Phase, Routine
from stretchdesk.session import (
    EngineState,
    ItemState,
    RefusalReason,
    RewarmLevel,
    SegmentKind,
    SessionOptions,
    SessionSettings,
    StepStatus,
)
from stretchdesk.session.events import StepFinished, StepStarted, WarmupExpired
from tests.session.helpers import Driven, short_routine


@pytest.fixture
def quick(library: ExerciseLibrary) -> Routine:
    return short_routine(library)


def _first_stretch(driven: Driven) -> None:
    driven.until(lambda v: v.phase is Phase.STRETCH)


def test_next_is_refused_in_every_part_of_every_warmup(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    seen = set()
    while driven.engine.view().phase is Phase.WARMUP:
        view = driven.engine.view()
        if view.segment is not SegmentKind.BETWEEN:
            refusal = driven.engine.next_step()
            assert refusal is not None
            assert refusal.reason is RefusalReason.WARMUP_NOT_SKIPPABLE
            assert "Warm-ups can't be skipped" in refusal.message
            seen.add((view.step.exercise_id, view.segment))
        driven.run(1.0)
    assert ("pelvic-tilt", SegmentKind.LEAD_IN) in seen
    assert ("knee-rolls", SegmentKind.ACTIVE) in seen
    assert not [e for e in driven.of(StepFinished) if e.status is StepStatus.SKIPPED]


def test_jump_to_a_stretch_is_refused_until_the_warmups_are_done(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    refusal = driven.engine.jump(3)
    assert refusal is not None and refusal.reason is RefusalReason.WARMUPS_FIRST
    assert refusal.message == "Stretches unlock once every warm-up is done."
    later_warmup = driven.engine.jump(2)
    assert later_warmup is not None and later_warmup.reason is RefusalReason.WARMUPS_FIRST
    assert driven.engine.view().step.exercise_id == "belly-breathing"
    states = [entry.state for entry in driven.engine.agenda()]
    assert states == [
        ItemState.CURRENT,
        ItemState.UPCOMING,
        ItemState.UPCOMING,
        ItemState.LOCKED,
        ItemState.LOCKED,
    ]


def test_back_during_warmups_is_allowed_and_keeps_the_gate(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "pelvic-tilt" and v.segment is SegmentKind.ACTIVE)
    assert driven.engine.back() is None  # pelvic tilts again from the lead-in
    view = driven.engine.view()
    assert (view.step.exercise_id, view.segment) == ("pelvic-tilt", SegmentKind.LEAD_IN)
    assert driven.engine.back() is None  # during a lead-in: the previous step
    assert driven.engine.view().step.exercise_id == "belly-breathing"
    assert driven.engine.next_step() is None  # belly breathing was done: may move on
    assert driven.engine.view().step.exercise_id == "pelvic-tilt"
    assert driven.engine.next_step() is not None  # but pelvic tilts are not done yet


def test_after_the_warmups_stretches_can_be_skipped_and_jumped(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    _first_stretch(driven)
    assert [e.state for e in driven.engine.agenda()][:3] == [ItemState.DONE] * 3
    assert driven.engine.next_step() is None
    skipped = [e for e in driven.of(StepFinished) if e.status is StepStatus.SKIPPED]
    assert [e.step.exercise_id for e in skipped] == ["knee-to-chest"]
    assert driven.engine.view().step.exercise_id == "trunk-rotation"
    assert driven.engine.jump(3) is None  # back to the skipped stretch
    assert driven.engine.view().step.exercise_id == "knee-to-chest"
    assert driven.engine.jump(0) is None  # a warm-up again is always fine
    assert driven.engine.view().step.exercise_id == "belly-breathing"


def test_next_on_the_last_stretch_completes(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "trunk-rotation")
    assert driven.engine.next_step() is None
    assert driven.engine.state is EngineState.COMPLETED


def test_chosen_skips_pass_over_stretches_but_never_warmups(quick: Routine) -> None:
    driven = Driven(quick, options=SessionOptions(skip=frozenset({1, 3})))
    driven.engine.start()
    driven.run(3000, tick=2)
    started = [e.step.exercise_id for e in driven.of(StepStarted)]
    assert started == ["belly-breathing", "pelvic-tilt", "knee-rolls", "trunk-rotation"]
    finished = {e.step.exercise_id: e.status for e in driven.of(StepFinished)}
    assert finished["knee-to-chest"] is StepStatus.SKIPPED


def test_shorter_holds_for_one_step(quick: Routine) -> None:
    driven = Driven(quick, options=SessionOptions(hold_scale={3: 0.5}))
    driven.engine.start()
    driven.until(
        lambda v: v.step.exercise_id == "knee-to-chest" and v.segment is SegmentKind.ACTIVE
    )
    assert driven.engine.view().segment_seconds == 10.0


# ------------------------------------------------------------------ freshness
def _pause_in_first_stretch(driven: Driven, idle: float) -> None:
    driven.engine.start()
    driven.until(
        lambda v: v.step.exercise_id == "knee-to-chest" and v.segment is SegmentKind.ACTIVE
    )
    driven.engine.pause()
    driven.clock.advance(idle)
    driven.engine.resume()


def test_a_short_pause_changes_nothing(quick: Routine) -> None:
    driven = Driven(quick)
    _pause_in_first_stretch(driven, idle=9 * 60)
    assert driven.of(WarmupExpired) == []
    assert driven.engine.view().step.exercise_id == "knee-to-chest"


def test_ten_minutes_idle_means_a_short_rewarm_first(quick: Routine) -> None:
    driven = Driven(quick)
    _pause_in_first_stretch(driven, idle=11 * 60)
    expired = driven.of(WarmupExpired)
    assert len(expired) == 1 and expired[0].level is RewarmLevel.SHORT
    # the re-warm is given in the position the person was in (lying: sit, not stand)
    assert [s.exercise_id for s in expired[0].steps] == ["seated-march", "pelvic-tilt"]
    view = driven.engine.view()
    assert (view.step.exercise_id, view.is_rewarm, view.segment) == (
        "seated-march",
        True,
        SegmentKind.LEAD_IN,
    )
    assert view.segment_seconds == 15.0  # the body may be anywhere after a long pause
    # the re-warm cannot be skipped, and the stretches are locked behind it
    assert driven.engine.next_step() is not None
    stretch_pos = next(
        i
        for i, e in enumerate(driven.engine.agenda())
        if e.item.step.exercise_id == "knee-to-chest"
    )
    assert driven.engine.jump(stretch_pos) is not None
    assert driven.engine.agenda()[stretch_pos].state is ItemState.LOCKED
    driven.until(lambda v: v.phase is Phase.STRETCH)
    assert driven.engine.view().step.exercise_id == "knee-to-chest"  # starts again


def test_twenty_five_minutes_idle_means_the_whole_warmup_again(quick: Routine) -> None:
    driven = Driven(quick)
    _pause_in_first_stretch(driven, idle=26 * 60)
    expired = driven.of(WarmupExpired)
    assert expired[0].level is RewarmLevel.FULL
    mark = driven.events.index(expired[0])
    driven.until(lambda v: v.phase is Phase.STRETCH)
    after = [e.step.exercise_id for e in driven.events[mark:] if isinstance(e, StepStarted)]
    assert after == ["belly-breathing", "pelvic-tilt", "knee-rolls", "knee-to-chest"]


def test_long_pause_during_the_warmups_starts_them_over(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "knee-rolls")
    driven.engine.pause()
    driven.clock.advance(30 * 60)
    driven.engine.resume()
    assert driven.engine.view().step.exercise_id == "belly-breathing"
    assert driven.engine.next_step() is not None
    assert driven.engine.jump(3) is not None


def test_idle_in_the_rest_after_the_last_warmup_counts(quick: Routine) -> None:
    driven = Driven(quick)
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "knee-rolls" and v.segment is SegmentKind.BETWEEN)
    driven.engine.pause()
    driven.clock.advance(12 * 60)
    driven.engine.resume()
    assert driven.engine.view().step.exercise_id == "seated-march"  # lying before: sit


def test_thresholds_are_settings(quick: Routine) -> None:
    settings = SessionSettings(rewarm_after=60, full_rewarm_after=120)
    driven = Driven(quick, settings)
    _pause_in_first_stretch(driven, idle=90)
    assert driven.of(WarmupExpired)[0].level is RewarmLevel.SHORT
