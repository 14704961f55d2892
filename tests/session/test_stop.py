"""Pain-stop ends the session at once from any state and says where it happened."""

from __future__ import annotations

import pytest

from stretchdesk.routine import ExerciseLibrary, Phase, Side
from stretchdesk.session import EngineState, SegmentKind, StepStatus, StopReason
from stretchdesk.session.events import CountdownSecond, SessionStopped, StepFinished
from tests.session.helpers import Driven, short_routine


@pytest.fixture
def driven(library: ExerciseLibrary) -> Driven:
    routine = short_routine(library)
    assert routine is not None
    return Driven(routine)


def test_pain_stop_before_the_start(driven: Driven) -> None:
    where = driven.engine.pain_stop()
    assert where is not None
    assert (where.exercise_id, where.segment, where.seconds_into_step) == (
        "belly-breathing",
        None,
        0.0,
    )
    assert driven.engine.state is EngineState.STOPPED


@pytest.mark.parametrize(
    ("exercise", "segment", "side", "rep"),
    [
        ("belly-breathing", SegmentKind.LEAD_IN, None, 0),
        ("belly-breathing", SegmentKind.ACTIVE, None, 1),
        ("knee-to-chest", SegmentKind.REST, Side.LEFT, 2),
        ("knee-to-chest", SegmentKind.SWITCH_SIDES, Side.RIGHT, 0),
        ("knee-to-chest", SegmentKind.BETWEEN, None, 0),
        ("trunk-rotation", SegmentKind.ACTIVE, Side.RIGHT, 2),
    ],
)
def test_pain_stop_from_each_part(
    driven: Driven, exercise: str, segment: SegmentKind, side: Side | None, rep: int
) -> None:
    driven.engine.start()
    driven.until(
        lambda v: (
            v.step.exercise_id == exercise
            and v.segment is segment
            and v.side is side
            and v.rep == rep
        )
    )
    driven.clock.advance(0.5)
    where = driven.engine.pain_stop()
    assert where is not None
    assert (where.exercise_id, where.segment, where.side, where.rep) == (
        exercise,
        segment,
        side,
        rep,
    )
    stopped = driven.of(SessionStopped)
    assert len(stopped) == 1 and stopped[0].reason is StopReason.PAIN
    assert stopped[0].location == where
    # nothing happens after the stop, however long the clock runs
    count = len(driven.events)
    driven.clock.advance(600)
    driven.engine.poll()
    assert driven.engine.next_step() is not None and driven.engine.pain_stop() is None
    driven.engine.resume()
    assert len(driven.events) == count


def test_seconds_into_the_step(driven: Driven) -> None:
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "knee-to-chest")  # its lead-in began
    driven.clock.advance(5 + 20 + 10 + 7.5)  # lead-in, hold, rest, 7.5 s into rep 2
    where = driven.engine.pain_stop()
    assert where is not None
    assert where.phase is Phase.STRETCH
    assert where.seconds_into_step == pytest.approx(42.5, abs=0.26)
    assert (where.segment, where.rep, where.side) == (SegmentKind.ACTIVE, 2, Side.LEFT)


def test_pain_stop_while_paused(driven: Driven) -> None:
    driven.engine.start()
    driven.run(30)
    driven.engine.pause()
    driven.clock.advance(100)
    where = driven.engine.pain_stop()
    assert where is not None and where.seconds_into_step == pytest.approx(30, abs=0.26)
    assert driven.of(SessionStopped)[0].active_seconds == pytest.approx(15, abs=0.26)


def test_late_tick_before_a_stop_is_accounted_first(driven: Driven) -> None:
    driven.engine.start()
    driven.clock.advance(200)  # no tick for 200 s, then the stop
    where = driven.engine.pain_stop()
    # 15 lead-in + 120 breathing + 10 + 5 + 30 tilts + 10 + 5 = 195: 5 s into knee rolls
    assert where is not None and where.exercise_id == "knee-rolls"
    assert (where.side, where.rep, where.seconds_into_step) == (Side.RIGHT, 1, 10.0)
    ticks = driven.of(CountdownSecond)
    assert ticks and ticks[-1].at <= driven.clock.now


def test_end_early(driven: Driven) -> None:
    driven.engine.start()
    driven.run(20)
    driven.engine.end_early()
    assert driven.of(SessionStopped)[0].reason is StopReason.ENDED_EARLY


@pytest.mark.parametrize("stop", ["pain_stop", "end_early"])
def test_the_step_in_progress_is_reported_stopped_with_what_was_done(
    driven: Driven, stop: str
) -> None:
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "knee-to-chest")  # its lead-in began
    began = driven.clock.now
    driven.clock.advance(5 + 20 + 10 + 7.5)  # lead-in, hold, rest, 7.5 s into rep 2
    getattr(driven.engine, stop)()
    finished = driven.of(StepFinished)[-1]
    assert (finished.step.exercise_id, finished.status) == ("knee-to-chest", StepStatus.STOPPED)
    assert finished.started_at == pytest.approx(began, abs=0.26)
    assert finished.active_seconds == pytest.approx(27.5, abs=0.26)
    assert driven.events.index(finished) < driven.events.index(driven.of(SessionStopped)[0])


def test_a_stop_between_exercises_reports_no_step_twice(driven: Driven) -> None:
    driven.engine.start()
    driven.until(lambda v: v.segment is SegmentKind.BETWEEN)
    driven.engine.pain_stop()
    statuses = [e.status for e in driven.of(StepFinished)]
    assert statuses == [StepStatus.COMPLETED]


def test_a_stop_before_the_start_reports_no_step(driven: Driven) -> None:
    driven.engine.pain_stop()
    assert driven.of(StepFinished) == []
