"""The cue plan over both built-in routines: what is said and played, exactly when; silence
while paused and after a pain-stop; nothing doubled by a resume; late cues dropped."""

from __future__ import annotations

import random

import pytest

from stretchdesk.routine import Catalog, Routine, Sides
from stretchdesk.session import FakeClock, SegmentKind, SessionEngine
from stretchdesk.session import events as ev
from stretchdesk.session.cues import Cue, CuePlan, Play, Say, Silence, Sound, speech_seconds

ROUTINES = ["quick-relief", "lower-back-spasm"]


def _run(routine: Routine, *, pause_at: float | None = None, step: float = 0.25) -> list[Cue]:
    clock = FakeClock()
    cues: list[Cue] = []
    engine = SessionEngine(routine, clock=clock)
    engine.add_listener(CuePlan(cues.append, clock))
    engine.start()
    start = clock.now
    while not engine.finished:
        clock.advance(step)
        engine.poll()
        if pause_at is not None and clock.now - start >= pause_at:
            pause_at = None
            engine.pause()
            clock.advance(90.0)
            engine.poll()
            engine.resume()
    return cues


def _events(routine: Routine) -> tuple[list[ev.Event], float]:
    clock = FakeClock()
    seen: list[ev.Event] = []
    engine = SessionEngine(routine, clock=clock)
    engine.add_listener(seen.append)
    engine.start()
    while not engine.finished:
        clock.advance(0.25)
        engine.poll()
    return seen, clock.now


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_every_transition_is_heard_at_its_moment(catalog: Catalog, routine_id: str) -> None:
    routine = catalog.get(routine_id)
    assert routine is not None
    events, _ = _events(routine)
    cues = _run(routine)
    said = {(round(c.at, 3), c.text) for c in cues if isinstance(c, Say)}
    played = {(round(c.at, 3), c.sound) for c in cues if isinstance(c, Play)}
    hold = False
    for event in events:
        at = round(event.at, 3)
        if isinstance(event, ev.LeadInStarted):
            assert any(t == at and text.startswith(event.step.title) for t, text in said)
            assert any(t == at and event.step.instructions[0] in text for t, text in said)
        elif isinstance(event, ev.RepStarted):
            hold = event.hold
            if hold:
                hold_cue = "Hold, and keep breathing."
                assert any(t == at and text.endswith(hold_cue) for t, text in said)
                if event.side is not None and event.step.timing.sides is Sides.ALTERNATE:
                    side = f"{event.side.value.capitalize()} side. "  # "Left side. Hold, and ..."
                    assert any(t == at and text.startswith(side) for t, text in said)
            else:
                assert any(t == at for t, _ in said) or (at, Sound.REP) in played
        elif isinstance(event, ev.CountdownSecond) and event.seconds_left <= 3:
            counted = event.segment is SegmentKind.LEAD_IN or (
                event.segment is SegmentKind.ACTIVE and hold
            )
            # a tick that would fall under the voice waits for it: it is not played
            speaking = any(t <= at < t + speech_seconds(text) for t, text in said)
            assert ((at, Sound.TICK) in played) == (counted and not speaking)
        elif isinstance(event, ev.SideSwitched):
            assert (at, Sound.SWITCH) in played
            assert (at, f"Switch sides. Now the {event.side.value} side.") in said
        elif isinstance(event, ev.RestStarted) and not event.between_exercises:
            assert (at, "Relax.") in said
        elif isinstance(event, ev.StepFinished):
            assert (at, Sound.STEP_DONE) in played
        elif isinstance(event, ev.SessionCompleted):
            assert (at, Sound.COMPLETE) in played
            assert (at, "Well done. The routine is complete.") in said
    assert cues[-1] == Say(events[-1].at, "Well done. The routine is complete.")


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_a_pause_silences_and_a_resume_repeats_nothing(catalog: Catalog, routine_id: str) -> None:
    routine = catalog.get(routine_id)
    assert routine is not None
    plain = _run(routine)
    for pause_at in (7.3, 61.0, 200.5):
        paused = _run(routine, pause_at=pause_at)
        silences = [c for c in paused if isinstance(c, Silence)]
        assert len(silences) == 1
        without = [c for c in paused if not isinstance(c, Silence)]
        shift = 90.0
        pause_time = silences[0].at

        def key(cue: Cue, moved: float) -> tuple[object, ...]:
            what = cue.text if isinstance(cue, Say) else getattr(cue, "sound", None)
            return (round(cue.at - moved, 3), what)

        expected = [key(c, 0.0) for c in plain]
        got = [key(c, shift if c.at > pause_time else 0.0) for c in without]
        assert got == expected  # the same cues at the same session times: none doubled
        assert not [c for c in without if pause_time < c.at < pause_time + shift]


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_nothing_after_a_pain_stop(catalog: Catalog, routine_id: str) -> None:
    routine = catalog.get(routine_id)
    assert routine is not None
    rng = random.Random(routine_id)
    total = SessionEngine(routine).planned()[0]
    for _ in range(12):
        clock = FakeClock()
        cues: list[Cue] = []
        plan = CuePlan(cues.append, clock)
        engine = SessionEngine(routine, clock=clock)
        engine.add_listener(plan)
        engine.start()
        stop_at = clock.now + rng.uniform(0, total)
        while clock.now < stop_at:
            clock.advance(0.25)
            engine.poll()
        engine.pain_stop()
        assert cues[-1] == Silence(clock.now)
        count = len(cues)
        for _ in range(40):
            clock.advance(5.0)
            engine.poll()
            plan(ev.CountdownSecond(clock.now, 2, SegmentKind.LEAD_IN))  # a stray event
        assert len(cues) == count and plan.mute


def test_late_cues_are_dropped_not_bunched(catalog: Catalog) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    clock = FakeClock()
    cues: list[Cue] = []
    engine = SessionEngine(routine, clock=clock)
    engine.add_listener(CuePlan(cues.append, clock))
    engine.start()
    clock.advance(14.5)  # the window was busy through the last seconds of the lead-in
    engine.poll()
    assert not [c for c in cues if isinstance(c, Play)]
    clock.advance(0.5)
    engine.poll()
    assert Say(clock.now, "Begin.") in cues
