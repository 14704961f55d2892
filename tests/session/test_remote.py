"""What a media key or headset button does to a session, and what the desktop is shown."""

from __future__ import annotations

import pytest

from stretchdesk.routine import ExerciseLibrary
from stretchdesk.session import EngineState
from stretchdesk.session.remote import Action, Command, decide, media_state
from tests.session.helpers import Driven, short_routine

R, P, W, C, S = (
    EngineState.RUNNING,
    EngineState.PAUSED,
    EngineState.READY,
    EngineState.COMPLETED,
    EngineState.STOPPED,
)
T, N, X = Action.TOGGLE, Action.NEXT, Action.PAIN_STOP


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # state:          ready  running paused completed stopped
        (Command.PLAY, (T, None, T, None, None)),
        (Command.PAUSE, (None, T, None, None, None)),
        (Command.PLAY_PAUSE, (T, T, T, None, None)),
        (Command.NEXT, (None, N, N, None, None)),
        (Command.PREVIOUS, (None, None, None, None, None)),
        (Command.STOP, (X, X, X, None, None)),
    ],
)
def test_each_command_in_each_state(command: Command, expected: tuple[Action | None]) -> None:
    assert tuple(decide(command, state) for state in (W, R, P, C, S)) == expected


def test_what_the_desktop_shows(library: ExerciseLibrary) -> None:
    routine = short_routine(library)
    driven = Driven(routine)
    shown = media_state(driven.engine.view(), routine.title)
    assert (shown.status, shown.can_go_next, shown.can_play) == ("Paused", False, True)
    assert shown.title == driven.engine.view().step.title and shown.artist == routine.title
    driven.engine.start()
    assert media_state(driven.engine.view(), routine.title).status == "Playing"
    driven.engine.pause()
    paused = media_state(driven.engine.view(), routine.title)
    assert (paused.status, paused.can_go_next) == ("Paused", False)  # a warm-up: Next refused
    assert paused.track_path == "/io/github/stretchdesk/step/0"
    driven.engine.pain_stop()
    stopped = media_state(driven.engine.view(), routine.title)
    assert (stopped.status, stopped.can_play, stopped.can_go_next) == ("Stopped", False, False)


def test_the_desktop_may_go_on_only_where_next_is_accepted(library: ExerciseLibrary) -> None:
    """CanGoNext tells the truth: false for every moment of an unfinished warm-up (where the
    Next button is refused), true once Next would be carried out."""
    routine = short_routine(library)
    driven = Driven(routine)
    driven.engine.start()
    while not driven.engine.warmups_done():
        shown = media_state(driven.engine.view(), routine.title)
        refused = driven.engine.next_step() is not None
        assert shown.can_go_next is not refused
        driven.run(0.5)
    driven.until(lambda view: view.segment is not None)
    shown = media_state(driven.engine.view(), routine.title)
    assert shown.can_go_next
    driven.engine.pause()
    assert driven.engine.next_step() is None  # accepted, as CanGoNext said


def test_the_position_runs_through_the_step_and_stays_within_its_length(
    library: ExerciseLibrary,
) -> None:
    routine = short_routine(library)
    driven = Driven(routine)
    ready = media_state(driven.engine.view(), routine.title)
    assert ready.position_us == 0 and ready.length_us > 0  # the first step's length, ahead
    driven.engine.start()
    first = media_state(driven.engine.view(), routine.title)
    assert first.length_us == ready.length_us
    driven.run(2.5)
    later = media_state(driven.engine.view(), routine.title)
    assert later.position_us == 2_500_000
    driven.engine.pause()
    driven.clock.advance(30)  # a pause does not move it
    assert media_state(driven.engine.view(), routine.title).position_us == 2_500_000
    driven.engine.resume()
    driven.until(lambda view: view.position == 1)
    second = media_state(driven.engine.view(), routine.title)
    assert 0 <= second.position_us < 500_000  # a new step starts from the beginning
    assert second.position_us <= second.length_us
