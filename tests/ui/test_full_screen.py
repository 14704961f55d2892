"""A session fills the screen and gives it back however it ends; F11 and the session's
button toggle it (Esc stays Pain — stop); the window opens inside the screen and comes back
where it was left."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.screen_fit import Rect
from stretchdesk.session import FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.window_place import WindowPlace
from tests.ui.flows import WindowFactory, engine_of, open_session, press, run_until, start_session

pytestmark = pytest.mark.full_screen

NORMAL = QRect(40, 30, 700, 500)


def _windowed(window: MainWindow, qtbot: QtBot) -> None:
    window.showNormal()
    window.setGeometry(NORMAL)
    qtbot.waitUntil(lambda: window.geometry() == NORMAL)


def _pain_stop(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    press(qtbot, window, Qt.Key.Key_Escape)


def _complete(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    run_until(window, clock, lambda: window.current is window.completion, limit=20 * 60)


def _end_early(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    engine_of(window).end_early()


ENDINGS: dict[str, Callable[[QtBot, MainWindow, FakeClock], None]] = {
    "pain stop": _pain_stop,
    "completed": _complete,
    "ended early": _end_early,
}


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_a_session_fills_the_screen_and_gives_back_the_window(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, ending: str
) -> None:
    _windowed(window, qtbot)
    start_session(qtbot, window, "quick-relief")
    assert window.isFullScreen()
    assert window.session.full_screen_button.accessibleName() == "Leave full screen"
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    ENDINGS[ending](qtbot, window, clock)
    assert window.current is not window.session
    assert not window.isFullScreen()
    assert window.windowState() == Qt.WindowState.WindowNoState
    qtbot.waitUntil(lambda: window.geometry() == NORMAL)


def test_leaving_before_the_start_gives_back_a_maximised_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    open_session(qtbot, window, "quick-relief")
    assert window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_Left)  # Back before Start: the routines again
    assert window.current is window.start
    assert window.isMaximized() and not window.isFullScreen()


def test_closing_mid_session_keeps_the_size_from_before_it(
    qtbot: QtBot, make_window: WindowFactory, clock: FakeClock, data_dir: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    window = make_window()
    _windowed(window, qtbot)
    start_session(qtbot, window, "quick-relief")
    assert window.isFullScreen()
    window.close()
    again = make_window()  # the next run
    assert not again.isFullScreen()
    qtbot.waitUntil(lambda: again.geometry() == NORMAL)


def test_f11_and_the_button_toggle_and_esc_is_still_pain_stop(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _windowed(window, qtbot)
    start_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    assert window.session.full_screen_button.accessibleName() == "Full screen"
    assert window.session.full_screen_button.isVisible()
    qtbot.mouseClick(window.session.full_screen_button, Qt.MouseButton.LeftButton)
    assert window.isFullScreen()
    assert window.session.full_screen_button.accessibleName() == "Leave full screen"
    qtbot.mouseClick(window.session.full_screen_button, Qt.MouseButton.LeftButton)
    assert not window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_Escape)  # never "leave full screen": Pain — stop
    assert window.current is window.recovery
    assert not window.isFullScreen()


def test_the_setting_maximised_or_as_it_is(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _windowed(window, qtbot)
    window.nav_to("settings")
    combo = window.settings.session_window
    assert combo.currentData() == "full-screen"  # the default
    combo.setCurrentIndex(combo.findData("maximised"))
    assert window.services.prefs.session_window == "maximised"
    window.go_start()
    start_session(qtbot, window, "quick-relief")
    assert window.isMaximized() and not window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.windowState() == Qt.WindowState.WindowNoState
    window.apply_prefs(replace(window.services.prefs, session_window="unchanged"))
    window.go_start()
    start_session(qtbot, window, "quick-relief")
    assert window.windowState() == Qt.WindowState.WindowNoState


@pytest.mark.parametrize("screen", [Rect(0, 0, 800, 600), Rect(0, 0, 1366, 768)])
def test_the_window_opens_inside_the_available_area(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, screen: Rect
) -> None:
    monkeypatch.setattr(WindowPlace, "available", lambda self: screen)
    window = make_window()
    area = QRect(screen.x, screen.y, screen.width, screen.height)
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))


def test_a_place_saved_on_a_larger_screen_is_brought_onto_this_one(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    window = make_window()
    window.setGeometry(QRect(1000, 700, 1800, 1000))  # as on a 2560x1440 screen
    window.close()
    small = Rect(0, 0, 640, 480)
    monkeypatch.setattr(WindowPlace, "available", lambda self: small)
    again = make_window()
    qtbot.waitUntil(lambda: QRect(0, 0, 640, 480).contains(again.frameGeometry()))


def test_a_damaged_place_file_only_means_the_first_size(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    place = paths.DataPaths(data_dir).window
    place.parent.mkdir(parents=True, exist_ok=True)
    place.write_bytes(b"\xff\x00 not a geometry")
    window = make_window()
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))


def test_a_maximised_window_comes_back_maximised_even_closed_in_full_screen(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    window = make_window()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    start_session(qtbot, window, "quick-relief")
    assert window.isFullScreen()
    window.close()
    again = make_window()
    assert again.isMaximized() and not again.isFullScreen()
