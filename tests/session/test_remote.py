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
    assert (paused.status, paused.can_go_next) == ("Paused", True)
    assert paused.track_path == "/io/github/stretchdesk/step/0"
    driven.engine.pain_stop()
    stopped = media_state(driven.engine.view(), routine.title)
    assert (stopped.status, stopped.can_play, stopped.can_go_next) == ("Stopped", False, False)
