"""A double-click or a quickly repeated Enter or Space never does two things: the second
half of it is dropped when it would land on a screen that has only just appeared, and Start
(Space) pressed twice quickly starts and runs. Pain — stop and Esc work from the first
moment of a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.session import EngineState, FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, engine_of, open_session, press, read_history


@pytest.fixture
def no_ratings(data_dir: Path, make_window: WindowFactory) -> MainWindow:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    return make_window()


def click_at(window: MainWindow, widget: QWidget) -> None:
    """A real click where ``widget`` is, through the native window (as the mouse does)."""
    handle = window.windowHandle()
    assert handle is not None
    where = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def key_into(window: MainWindow, key: Qt.Key, *, repeat: bool = False) -> None:
    """A key pressed on the keyboard: through the native window, shortcuts first."""
    handle = window.windowHandle()
    assert handle is not None
    if repeat:  # what the keyboard sends while a key is held down
        event = QKeyEvent(
            QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "\r", autorep=True
        )
        QApplication.sendEvent(handle, event)
    else:
        QTest.keyClick(handle, key)


def test_double_click_on_start_does_not_hit_pain_stop(
    qtbot: QtBot, no_ratings: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    window = no_ratings
    window.start.select("quick-relief")
    click_at(window, window.start.start)
    assert window.current is window.session
    click_at(window, window.session.pain_button)  # the second click of the double-click
    assert window.current is window.session
    assert engine_of(window).state is EngineState.READY
    assert window.echoes.dropped == 1
    clock.advance(1)  # now a click is deliberate
    click_at(window, window.session.pain_button)
    assert window.current is window.recovery
    assert read_history(data_dir, "SELECT COUNT(*) FROM session") == [(0,)]


def test_double_click_on_start_space_starts_and_runs(
    qtbot: QtBot, no_ratings: MainWindow, clock: FakeClock
) -> None:
    window = no_ratings
    open_session(qtbot, window, "quick-relief")
    clock.advance(1)
    click_at(window, window.session.pause_button)
    click_at(window, window.session.pause_button)
    assert engine_of(window).state is EngineState.RUNNING
    clock.advance(1)
    click_at(window, window.session.pause_button)
    assert engine_of(window).state is EngineState.PAUSED


def test_space_twice_quickly_starts_and_runs(
    qtbot: QtBot, no_ratings: MainWindow, clock: FakeClock
) -> None:
    window = no_ratings
    open_session(qtbot, window, "quick-relief")
    key_into(window, Qt.Key.Key_Space)
    key_into(window, Qt.Key.Key_Space)
    assert engine_of(window).state is EngineState.RUNNING


@pytest.mark.parametrize("how", ["click", "Esc"])
def test_pain_stop_works_from_the_first_moment_of_the_session(
    qtbot: QtBot, no_ratings: MainWindow, data_dir: Path, how: str
) -> None:
    window = no_ratings
    window.start.select("quick-relief")
    click_at(window, window.start.start)
    key_into(window, Qt.Key.Key_Space)  # at once: the fake clock has not moved
    assert engine_of(window).state is EngineState.RUNNING
    if how == "click":
        click_at(window, window.session.pain_button)
    else:
        key_into(window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]


def test_esc_on_a_session_screen_that_just_appeared_still_leaves(
    qtbot: QtBot, no_ratings: MainWindow
) -> None:
    window = no_ratings
    window.start.select("quick-relief")
    click_at(window, window.start.start)
    key_into(window, Qt.Key.Key_Escape)
    assert window.current is window.recovery


def test_double_click_on_pain_stop_cannot_answer_the_recovery_screen(
    qtbot: QtBot, no_ratings: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    window = no_ratings
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(30)
    window.session.refresh()
    click_at(window, window.session.pain_button)
    assert window.current is window.recovery
    click_at(window, window.recovery.not_pain)  # the echo lands on "It was not pain"
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
    clock.advance(1)
    click_at(window, window.recovery.not_pain)
    assert read_history(data_dir, "SELECT outcome FROM session") == [("ended_early",)]


def test_double_click_on_start_does_not_rate_the_pain(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.start.select("quick-relief")
    click_at(window, window.start.start)
    assert window.current is window.pain_before
    click_at(window, window.pain_before.scale.rating_button(5))
    assert window.current is window.pain_before
    assert window.pain_before.scale.value is None


def test_enter_twice_quickly_opens_the_session_without_starting_it(
    qtbot: QtBot, no_ratings: MainWindow
) -> None:
    window = no_ratings
    window.start.focus_default()
    key_into(window, Qt.Key.Key_Return)
    assert window.current is window.session
    key_into(window, Qt.Key.Key_Return)
    assert engine_of(window).state is EngineState.READY


def test_enter_held_down_does_nothing_more(
    qtbot: QtBot, no_ratings: MainWindow, clock: FakeClock
) -> None:
    window = no_ratings
    window.start.focus_default()
    key_into(window, Qt.Key.Key_Return)
    clock.advance(5)  # held down long after the screen changed: the key repeats
    assert window.focusWidget() is window.session.pause_button
    key_into(window, Qt.Key.Key_Return, repeat=True)
    assert engine_of(window).state is EngineState.READY
    key_into(window, Qt.Key.Key_Return)  # pressed again on purpose
    assert engine_of(window).state is EngineState.RUNNING


def test_the_echo_filter_only_sits_on_the_window_just_after_a_screen_change(
    qtbot: QtBot, no_ratings: MainWindow
) -> None:
    window = no_ratings
    window.start.select("quick-relief")
    click_at(window, window.start.start)
    assert window.echoes.active
    qtbot.waitUntil(lambda: not window.echoes.active, timeout=3000)  # off: a session costs nothing
