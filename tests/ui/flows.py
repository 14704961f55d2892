"""Moving the window through a session the way a person would, for the ui tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session import SessionEngine
from stretchdesk.ui.main_window import MainWindow


def open_session(
    qtbot: QtBot, window: MainWindow, routine_id: str, rating: int | None = None
) -> None:
    """From the routines to a session ready to start (offers answered "as usual")."""
    window.start.select(routine_id)
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    while window.current is window.avoid:
        window.avoid.buttons[window.avoid.offer.choices[-1]].click()  # type: ignore[union-attr]
    if window.current is window.pain_before:
        scale = window.pain_before.scale
        target = scale.skip if rating is None else scale.rating_button(rating)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert window.current is window.session


def start_session(
    qtbot: QtBot, window: MainWindow, routine_id: str, rating: int | None = None
) -> None:
    """Open a session and press Space: it is running, in the first step's get-ready."""
    open_session(qtbot, window, routine_id, rating)
    press(qtbot, window, Qt.Key.Key_Space)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, key)


def engine_of(window: MainWindow) -> SessionEngine:
    assert window.session.live is not None
    return window.session.live.engine
