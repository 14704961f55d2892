"""What a remote control may do to a session: the desktop's media controls, a headset's
button, a keyboard's media keys, a phone paired with the desktop (all through MPRIS). No Qt.

The remote gets nothing the keyboard does not have: play and pause go to the same
pause/resume as the Space key, Next follows the Next button's rules (refused during the
warm-ups, with the reason spoken), and Stop is Pain — stop. Commands a session has no use
for (Previous, seeking, opening a file) do nothing. ``decide`` turns a command and the
session's state into the one thing to do; ``media_state`` is what the remote is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.session.view import EngineState, Refusal, SessionView


class Command(StrEnum):
    PLAY = "Play"
    PAUSE = "Pause"
    PLAY_PAUSE = "PlayPause"
    NEXT = "Next"
    PREVIOUS = "Previous"
    STOP = "Stop"


class Action(StrEnum):
    TOGGLE = "toggle"  # what Space does: start, pause or resume
    NEXT = "next"  # what the Next button does, refusals included
    PAIN_STOP = "pain_stop"


LIVE = (EngineState.READY, EngineState.RUNNING, EngineState.PAUSED)


def decide(command: Command, state: EngineState) -> Action | None:
    """The action for ``command`` now, or None when it changes nothing (Play while running,
    Pause while paused or not yet started, anything after the end)."""
    if state not in LIVE:
        return None
    if command is Command.STOP:
        return Action.PAIN_STOP
    if command is Command.NEXT:
        return Action.NEXT if state is not EngineState.READY else None
    if command is Command.PLAY_PAUSE:
        return Action.TOGGLE
    if command is Command.PLAY:
        return Action.TOGGLE if state is not EngineState.RUNNING else None
    if command is Command.PAUSE:
        return Action.TOGGLE if state is EngineState.RUNNING else None
    return None  # Previous: going back is for the keyboard, where the list is in sight


def carry_out(
    command: Command,
    state: EngineState | None,
    act: Callable[[Action], Refusal | None],
    say: Callable[[str], None],
) -> Action | None:
    """Do what ``command`` means now (``act``: the session screen's own slots); a refusal is
    said aloud, since whoever gave the command is not looking at the screen."""
    action = decide(command, state) if state is not None else None
    if action is None:
        return None
    refusal = act(action)
    if refusal is not None:
        say(refusal.message)
    return action


@dataclass(frozen=True)
class MediaState:
    """What the desktop's media controls show: the exercise as the title, the routine as
    the artist, whether it is playing, and how far into the exercise it is."""

    status: str  # MPRIS PlaybackStatus: "Playing", "Paused" or "Stopped"
    title: str
    artist: str
    track: int  # the step's place in the session, for the track id
    can_go_next: bool  # Next would be accepted now (never during an unfinished warm-up)
    can_play: bool
    position_us: int = 0  # microseconds into the step (MPRIS Position)
    length_us: int = 0  # the step's planned length in microseconds (mpris:length)

    @property
    def track_path(self) -> str:
        return f"/io/github/stretchdesk/step/{self.track}"


def media_state(view: SessionView, routine_title: str) -> MediaState:
    status = {
        EngineState.RUNNING: "Playing",
        EngineState.PAUSED: "Paused",
        EngineState.READY: "Paused",
    }.get(view.state, "Stopped")
    live = view.state in LIVE
    started = live and view.state is not EngineState.READY
    return MediaState(
        status=status,
        title=view.step.title,
        artist=routine_title,
        track=view.position,
        can_go_next=started and view.can_leave,
        can_play=live,
        position_us=round(view.step_into * 1_000_000) if live else 0,
        length_us=round(view.step_seconds * 1_000_000),
    )
