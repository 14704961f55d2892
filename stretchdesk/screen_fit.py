"""How big the window is and when it fills the screen. No Qt.

The window opens inside the screen's available area (never larger, so Start and Pain — stop
are on screen at 800x600), and a place saved on another, larger screen is brought onto this
one. A session fills the screen as the setting says, and the window goes back to the state
it was in before once the session is over, however it ended. The person may toggle full
screen at any time (F11 or the session's button); leaving it never depends on Esc, which
means Pain — stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

PREFERRED = (1280, 800)  # the size the screens are designed at, when the screen has room
SESSION_MODES = ("full-screen", "maximised", "unchanged")  # the setting's choices


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int


class Mode(Enum):
    NORMAL = "normal"
    MAXIMISED = "maximised"
    FULL_SCREEN = "full-screen"


def first_size(available: Rect) -> Rect:
    """Where a window with no saved place opens: the preferred size, or nine tenths of a
    larger screen, never more than the available area; centred in it."""
    width = min(available.width, max(PREFERRED[0], available.width * 9 // 10))
    height = min(available.height, max(PREFERRED[1], available.height * 9 // 10))
    return Rect(
        available.x + (available.width - width) // 2,
        available.y + (available.height - height) // 2,
        width,
        height,
    )


def clamp(rect: Rect, available: Rect) -> Rect:
    """``rect`` made no larger than ``available`` and moved wholly inside it."""
    width = max(1, min(rect.width, available.width))
    height = max(1, min(rect.height, available.height))
    x = min(max(rect.x, available.x), available.x + available.width - width)
    y = min(max(rect.y, available.y), available.y + available.height - height)
    return Rect(x, y, width, height)


def session_mode(setting: str) -> Mode | None:
    """The state a session asks for; None: the window stays as it is."""
    if setting == "maximised":
        return Mode.MAXIMISED
    if setting == "unchanged":
        return None
    return Mode.FULL_SCREEN


class SessionScreenRule:
    """Remembers the window's state before a session, to go back to it at the end."""

    def __init__(self) -> None:
        self._before: Mode | None = None

    @property
    def before(self) -> Mode | None:
        """The state from before the running session; None: no session is running."""
        return self._before

    def started(self, setting: str, now: Mode) -> Mode | None:
        """A session is on screen: the state to apply, or None to leave the window as is.
        A second start without an end keeps the state from before the first."""
        if self._before is None:
            self._before = now
        wanted = session_mode(setting)
        if wanted is None or wanted == now:
            return None
        if now is Mode.FULL_SCREEN and wanted is Mode.MAXIMISED:
            return None  # already filling the screen (F11 before the session): kept
        return wanted

    def ended(self, now: Mode) -> Mode | None:
        """The session is over (completed, stopped, ended early, left, closed): the state
        from before it, or None when the window is already in it or no session was seen."""
        before, self._before = self._before, None
        if before is None or before == now:
            return None
        return before


def kept(now: Mode, before_session: Mode | None, before_full: Mode) -> Mode:
    """The state kept for the next run: the one from before the session or full screen
    (the window never opens full screen)."""
    mode = before_session or now
    if mode is Mode.FULL_SCREEN:
        mode = before_full
    return Mode.NORMAL if mode is Mode.FULL_SCREEN else mode


def toggled(now: Mode, before_full: Mode) -> Mode:
    """F11 or the button: full screen, or back to the state from before it."""
    if now is Mode.FULL_SCREEN:
        return before_full if before_full is not Mode.FULL_SCREEN else Mode.NORMAL
    return Mode.FULL_SCREEN
