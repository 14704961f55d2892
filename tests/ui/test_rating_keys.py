"""No rating is given by a key that nobody meant for the scale: the first keys after a
session (Space, the session's key; Enter; the arrows) on the completion and recovery
screens, and Space or Enter on the rating before a session. Esc before a session goes back
to the routines with nothing started. A digit, or Enter on a number the person moved to,
still rates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.session.avoid import Choice
from stretchdesk.ui.kit.pain_scale import RatingButton
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, open_session, press, read_history, run_until, start_session

STRAY = (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_Space)


def _pain(data_dir: Path) -> list[tuple[object, ...]]:
    return read_history(data_dir, "SELECT pain_before, pain_after FROM session ORDER BY id")


def test_keys_after_a_completed_session_rate_nothing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief", rating=3)
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    completion = window.completion
    assert completion.scale.isVisible()
    assert not isinstance(window.focusWidget(), RatingButton)
    for key in STRAY:
        press(qtbot, window, key)
        assert window.current is completion, key
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space):
        press(qtbot, window, key)  # the session's other keys move nothing
        assert completion.done_button.hasFocus()
    assert _pain(data_dir) == [(3, None)]
    assert completion.scale.value is None
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_6)  # a digit is a choice
    assert _pain(data_dir) == [(3, 6)]
    assert completion.done_button.hasFocus()
    press(qtbot, window, Qt.Key.Key_Return)  # Done
    assert window.current is window.start


def test_enter_on_a_number_the_person_moved_to_rates_it(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief", rating=None)
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    window.completion.scale.rating_button(2).setFocus()
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.focusWidget() is window.completion.scale.rating_button(3)
    assert _pain(data_dir) == [(None, None)]  # moving chooses nothing
    press(qtbot, window, Qt.Key.Key_Return)
    assert _pain(data_dir) == [(None, 3)]


def test_keys_on_the_recovery_screen_rate_nothing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief", rating=None)
    run_until(window, clock, lambda: engine_of(window).view().step.exercise_id != "")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert not isinstance(window.focusWidget(), RatingButton)
    for key in STRAY:
        press(qtbot, window, key)
        assert window.current is window.recovery, key
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space):
        press(qtbot, window, key)
        assert window.recovery.done_button.hasFocus()  # never onto "It was not pain"
    assert read_history(data_dir, "SELECT rating FROM pain_report") == [(None,)]
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_7)
    assert read_history(data_dir, "SELECT rating FROM pain_report") == [(7,)]
    press(qtbot, window, Qt.Key.Key_Left)
    press(qtbot, window, Qt.Key.Key_Return)  # Done, not "It was not pain"
    assert window.current is window.start
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]


def test_space_or_enter_before_a_session_gives_no_rating(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return):
        window.go_start()
        window.start.select("quick-relief")
        window.start.start.click()
        assert window.current is window.pain_before
        assert not isinstance(window.focusWidget(), RatingButton)
        press(qtbot, window, key)  # lands on Skip
        assert window.current is window.session
        assert window.flow.setup is not None and window.flow.setup.pain_before is None
    assert read_history(data_dir, "SELECT COUNT(*) FROM session") == [(0,)]


def test_esc_before_a_session_goes_back_to_the_routines(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.start.select("quick-relief")
    window.start.start.click()
    assert window.current is window.pain_before
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.start
    assert window.flow.setup is None
    assert _pain(data_dir) == []
    open_session(qtbot, window, "quick-relief", rating=2)  # the next start asks again
    assert window.flow.setup is not None and window.flow.setup.pain_before == 2


def test_an_offer_after_a_pain_stop_starts_on_as_usual(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief", rating=None)
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    press(qtbot, window, Qt.Key.Key_Escape)
    window.recovery.done_button.click()
    window.start.select("quick-relief")
    window.start.start.click()
    assert window.current is window.avoid
    offer = window.avoid.offer
    assert offer is not None and Choice.SKIP in offer.choices
    assert window.focusWidget() is window.avoid.buttons[Choice.AS_USUAL]
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.flow.setup is not None and not window.flow.setup.options.skip
    press(qtbot, window, Qt.Key.Key_Escape)  # the rating: Esc goes back
    assert window.current is window.start
