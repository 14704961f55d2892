"""In the window: P (or the button) does the current warm-up in its other position, and P
on a warm-up picked in the step list swaps that one; stretches stay locked behind them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, open_session, press, read_history, run_until


def test_p_swaps_the_current_warm_up_and_the_history_keeps_what_was_done(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir
) -> None:
    open_session(qtbot, window, "quick-relief")
    screen = window.session
    assert screen.swap_button.isVisible()
    # (a narrow window leaves the key out of the button's words: its description keeps it)
    assert screen.swap_button.text() in ("Other position  (P)", "Other position")
    assert "sitting on a firm chair" in screen.swap_button.toolTip()
    press(qtbot, window, Qt.Key.Key_Space)  # start
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_P)
    engine = engine_of(window)
    assert engine.view().step.exercise_id == "seated-march"
    assert screen.title.text() == "Seated hip marching"
    assert "standing" in screen.swap_button.toolTip()  # and back, if wanted
    run_until(window, clock, lambda: engine.view().step.exercise_id == "belly-breathing")
    steps = read_history(data_dir, "SELECT exercise_id, status FROM step ORDER BY position")
    assert steps == [("seated-march", "completed")]


def test_p_in_the_step_list_swaps_the_picked_warm_up(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    open_session(qtbot, window, "quick-relief")
    steps = window.session.steps
    row = next(
        i
        for i in range(steps.count())
        if (steps.item(i).data(Qt.ItemDataRole.AccessibleTextRole) or "").startswith("Knee rolls")
    )
    steps.setFocus()
    steps.setCurrentRow(row)
    press(qtbot, window, Qt.Key.Key_P)
    titles = [i.step.title for i in engine_of(window).items]
    assert "Seated upper-body twist" in titles and "Knee rolls" not in titles


def test_no_swap_for_a_stretch(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Space)
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().phase.value == "stretch", limit=20 * 60)
    assert not window.session.swap_button.isVisible()
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_P)
    assert window.session.notice.text() == "Only a warm-up can be swapped for another position."
