"""Deadlines, not ticks: any tick pattern gives the same session, to the microsecond."""

from __future__ import annotations

import random

import pytest

from stretchdesk.routine import Catalog, ExerciseLibrary
from stretchdesk.session import EngineState, SegmentKind, SessionSettings
from stretchdesk.session.engine import SessionEngine
from stretchdesk.session.events import (
    CountdownSecond,
    LeadInStarted,
    Paused,
    RepStarted,
    Resumed,
    SessionCompleted,
    SessionStarted,
    SideSwitched,
)
from stretchdesk.session.plan import planned_seconds
from tests.session.helpers import Driven, short_routine

ROUTINES = ["lower-back-spasm", "quick-relief"]


def _patterns(seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    return {
        "steady": [0.1] * 25_000,
        "random": [rng.uniform(0.0, 2.5) for _ in range(3000)],
        "bunched": [rng.choice([0.0, 0.0, 0.0, 0.01, 45.0]) for _ in range(800)],
        "missing": [3000.0],
        "late": [rng.choice([1.0, 1.0, 1.0, 7.3]) for _ in range(3000)],
    }


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_any_tick_pattern_gives_the_planned_session(catalog: Catalog, routine_id: str) -> None:
    routine = catalog.get(routine_id)
    assert routine is not None
    timelines = {}
    for name, ticks in _patterns(seed=len(routine_id)).items():
        driven = Driven(routine)
        driven.engine.start()
        driven.run_ticks(ticks)
        assert driven.engine.state is EngineState.COMPLETED, name
        started = driven.of(SessionStarted)[0]
        done = driven.of(SessionCompleted)[0]
        assert done.active_seconds == pytest.approx(started.planned_active_seconds, abs=1e-9)
        assert done.active_seconds == pytest.approx(routine.active_seconds, abs=1e-9)
        assert done.at - started.at == pytest.approx(started.planned_seconds, abs=1e-6)
        timelines[name] = driven.timeline()
    first = timelines.pop("steady")
    for name, timeline in timelines.items():
        assert timeline == first, f"{name} ticks changed the session"


def test_countdown_seconds_are_reported_once_each_in_order(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    driven.engine.start()
    driven.run_ticks([0.7] * 40)
    ticks = driven.of(CountdownSecond)
    # the first segment is the 15 s lead-in: 14, 13 ... 1, then the activity counts down
    assert [t.seconds_left for t in ticks[:14]] == list(range(14, 0, -1))
    assert [t.at for t in ticks[:14]] == [1000.0 + 15 - n for n in range(14, 0, -1)]
    assert all(t.segment is SegmentKind.LEAD_IN for t in ticks[:14])


def test_shown_seconds_round_up(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    driven.engine.start()
    assert driven.engine.view().shown_seconds == 15
    driven.clock.advance(0.2)
    view = driven.engine.view()
    assert (view.shown_seconds, view.remaining) == (15, pytest.approx(14.8))
    driven.clock.advance(0.8)
    assert driven.engine.view().shown_seconds == 14


def test_pause_freezes_remaining_time_exactly(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    driven.engine.start()
    driven.run(15 + 42.3)  # into the 120 s of belly breathing
    driven.engine.pause()
    frozen = driven.engine.view().remaining
    assert frozen == pytest.approx(120 - 42.3)
    driven.clock.advance(300)  # five minutes away: under the re-warm threshold
    driven.engine.poll()
    view = driven.engine.view()
    assert view.state is EngineState.PAUSED and view.remaining == frozen
    count_before = len(driven.of(CountdownSecond))
    driven.engine.resume()
    assert driven.of(CountdownSecond)[count_before:] == []  # nothing replayed on resume
    driven.run(frozen + 20, tick=0.5)
    starts = driven.of(RepStarted)
    # pelvic tilts start after the pause, the rest between exercises and the lead-in
    assert starts[1].at == pytest.approx(1000 + 15 + 120 + 300 + 10 + 5)


def test_pause_and_resume_do_not_double_countdown_seconds(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    driven.engine.start()
    for _ in range(50):
        driven.run(2.3, tick=0.4)
        driven.engine.pause()
        driven.clock.advance(7)
        driven.engine.resume()
    lead_and_first = [t.seconds_left for t in driven.of(CountdownSecond)]
    assert lead_and_first[:14] == list(range(14, 0, -1))
    assert lead_and_first[14 : 14 + 99] == list(range(119, 20, -1))
    assert len(driven.of(Paused)) == len(driven.of(Resumed)) == 50


def test_lead_in_is_longer_when_the_position_changes(catalog: Catalog) -> None:
    driven = Driven(catalog.get("lower-back-spasm"))  # type: ignore[arg-type]
    driven.engine.start()
    driven.run(3000, tick=5)
    leads = [(e.step.exercise_id, e.seconds, e.position_changed) for e in driven.of(LeadInStarted)]
    assert leads[:3] == [
        ("march-in-place", 15.0, True),  # onto the mat's edge, standing
        ("belly-breathing", 15.0, True),  # standing to the floor
        ("pelvic-tilt", 5.0, False),
    ]
    assert ("cat-cow", 15.0, True) in leads and ("bottom-to-heels", 5.0, False) in leads


def test_sides_and_reps(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    driven.engine.start()
    driven.run(3000, tick=1)
    knee = [
        (e.rep, e.reps, e.side.value)
        for e in driven.of(RepStarted)
        if e.step.exercise_id == "knee-to-chest"
    ]
    assert knee == [(1, 2, "left"), (2, 2, "left"), (1, 2, "right"), (2, 2, "right")]
    rolls = [e.side.value for e in driven.of(RepStarted) if e.step.exercise_id == "knee-rolls"]
    assert rolls == ["left", "right"] * 5
    assert [e.side.value for e in driven.of(SideSwitched)] == ["right"]


def test_hold_scale_setting_scales_holds_not_movements(catalog: Catalog) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    driven = Driven(routine, SessionSettings(hold_scale=1.5))
    driven.engine.start()
    driven.run(3000, tick=1)
    holds = {e.step.exercise_id: e.seconds for e in driven.of(RepStarted) if e.hold}
    moves = {e.step.exercise_id: e.seconds for e in driven.of(RepStarted) if not e.hold}
    assert holds == {"knee-to-chest": 30.0, "trunk-rotation": 15.0}
    assert moves["pelvic-tilt"] == 5.0  # a movement keeps its pace


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        SessionSettings(hold_scale=3.0)
    with pytest.raises(ValueError):
        SessionSettings(rewarm_after=1800, full_rewarm_after=600)


def _left_worked_out_anew(engine: SessionEngine) -> float:
    """The time left as the engine worked it out before it kept the later steps' total."""
    timer, here = engine._timer, 0.0
    if engine.state in (EngineState.RUNNING, EngineState.PAUSED) and timer.current is not None:
        rest = timer.segments[timer.index + 1 :]
        here = timer.remaining(engine._clock()) + sum(seg.seconds for seg in rest)
    later = engine._agenda.still_to_do(engine._pos + (1 if here else 0))
    return here + planned_seconds(later, engine.settings)[0]


def test_the_time_left_follows_skips_and_steps(library: ExerciseLibrary) -> None:
    driven = Driven(short_routine(library))
    engine = driven.engine
    assert engine.seconds_left() == pytest.approx(_left_worked_out_anew(engine))
    engine.start()
    seen = set()
    for step in range(12):
        driven.run(23.1, tick=1.0)
        seen.add(engine.view().position)
        assert engine.seconds_left() == pytest.approx(_left_worked_out_anew(engine))
        if step % 3 == 2:
            engine.next_step()
            assert engine.seconds_left() == pytest.approx(_left_worked_out_anew(engine))
    assert len(seen) > 2
