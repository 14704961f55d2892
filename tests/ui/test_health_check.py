"""The optional health check in the window: asked once after the safety screen, saved
locally, reachable from Settings; its effect is on the routine card and in the step list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from stretchdesk.session.health import Answer
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, open_session, press


def test_first_run_asks_once_and_saves_the_answers(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    press(qtbot, window, Qt.Key.Key_Return)  # the safety screen
    assert window.current is window.health
    assert window.health.skip.hasFocus()  # nothing is ticked by a stray key
    press(qtbot, window, Qt.Key.Key_Tab)  # the first answer
    assert window.health.boxes[Answer.PREGNANT].hasFocus()
    press(qtbot, window, Qt.Key.Key_Space)  # ticks the focused answer
    press(qtbot, window, Qt.Key.Key_Return)  # saves
    assert window.current is window.start
    prefs = window.services.prefs
    assert prefs.health_asked and prefs.health_answers() == frozenset({Answer.PREGNANT})
    again = make_window()
    assert again.current is again.start
    assert again.services.prefs.health_pregnant  # kept in settings.toml


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_a_stray_key_on_the_health_check_records_no_answer(
    qtbot: QtBot, make_window: WindowFactory, key: Qt.Key
) -> None:
    """The safety screen's Enter pressed twice, or a Space, from the mat: no answer is
    ticked or saved that nobody chose (the routines stay as they are)."""
    window = make_window()
    press(qtbot, window, Qt.Key.Key_Return)  # the safety screen
    assert window.current is window.health
    press(qtbot, window, key)
    assert window.current is window.start
    assert window.services.prefs.health_answers() == frozenset()


def _card_text(window: MainWindow, routine_id: str) -> str:
    card = window.start.cards[routine_id]
    return "\n".join(w.text() for w in card.findChildren(QLabel))


def test_settings_opens_it_and_the_card_and_step_list_say_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert "Health check" not in _card_text(window, "quick-relief")
    window.nav_buttons["settings"].click()
    window.settings.health_requested.emit()
    assert window.current is window.health
    window.health.boxes[Answer.OSTEOPOROSIS].setChecked(True)
    window.health.save.click()
    assert window.current is window.settings  # back where it was opened
    window.go_start()
    text = _card_text(window, "quick-relief")
    assert "Single knee to chest, Lower trunk rotation left out for you" in text
    assert "Knee rolls" in text  # a warm-up: ask first
    open_session(qtbot, window, "quick-relief")
    rows = [window.session.steps.item(i) for i in range(window.session.steps.count())]
    said = [r.data(Qt.ItemDataRole.AccessibleTextRole) or r.text() for r in rows]
    knee = next(t for t in said if t.startswith("Single knee to chest"))
    assert "skipped" in knee and "Osteoporosis" in knee
    # a later Settings change keeps the answers (the screen shows the saved settings)
    window.nav_buttons["settings"].click()
    window.settings.lead_in.setValue(window.settings.lead_in.value() + 1)
    assert window.services.prefs.health_osteoporosis
