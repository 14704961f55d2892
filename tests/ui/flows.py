"""Moving the window through a session the way a person would, for the ui tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 2)
WindowFactory = Callable[[], MainWindow]


def open_session(
    qtbot: QtBot, window: MainWindow, routine_id: str, rating: int | None = None
) -> None:
    """From the routines to a session ready to start (offers answered "as usual")."""
    window.start.select(routine_id)
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    go_on_after_advice(window)
    while window.current is window.avoid:
        window.avoid.buttons[window.avoid.offer.choices[-1]].click()  # type: ignore[union-attr]
    if window.current is window.pain_before:
        scale = window.pain_before.scale
        target = scale.skip if rating is None else scale.rating_button(rating)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    go_on_after_advice(window)
    assert window.current is window.session


def go_on_after_advice(window: MainWindow) -> None:
    """A suggestion from the history was shown: the person reads it and goes on."""
    if window.current is window.advice:
        window.advice.go_on.click()


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


def run_for(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Move the fake clock forward, letting the screen look at it as its timer would."""
    spent = 0.0
    while spent < seconds - 1e-9:
        clock.advance(step)
        spent += step
        window.session.refresh()


def run_until(
    window: MainWindow, clock: FakeClock, done: Callable[[], bool], limit: float = 3600.0
) -> None:
    spent = 0.0
    while not done():
        assert spent < limit, "the condition never came true"
        clock.advance(0.5)
        spent += 0.5
        window.session.refresh()


def read_history(
    data_dir: Path, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    """What another process would read from the history file right now."""
    conn = sqlite3.connect(data_dir / "history.sqlite")
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def answer(
    button: QMessageBox.StandardButton, shown: list[QMessageBox] | None = None
) -> Callable[[QMessageBox], int]:
    """``QMessageBox.exec`` as the person answering with ``button`` (the box is kept in
    ``shown`` for the test to read)."""

    def exec_(box: QMessageBox) -> int:
        if shown is not None:
            shown.append(box)
        chosen = box.button(button)
        assert chosen is not None, f"no {button} in {box.text()!r}"
        chosen.click()
        return 0

    return exec_
