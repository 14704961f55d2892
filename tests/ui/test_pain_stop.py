"""Pain — stop from every kind of moment: everything stops, and the history is written
before the recovery screen appears."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stretchdesk.session import EngineState, FakeClock, SegmentKind, SessionView
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, open_session, press, read_history, run_until, start_session

Moment = Callable[[SessionView], bool]
MOMENTS: dict[str, tuple[Moment, str, str | None]] = {
    "lead-in": (lambda v: v.segment is SegmentKind.LEAD_IN, "march-in-place", None),
    "hold": (
        lambda v: v.step.exercise_id == "knee-to-chest" and v.segment is SegmentKind.ACTIVE,
        "knee-to-chest",
        "left",
    ),
    "rest": (
        lambda v: v.step.exercise_id == "knee-to-chest" and v.segment is SegmentKind.REST,
        "knee-to-chest",
        "left",
    ),
    "side switch": (
        lambda v: v.segment is SegmentKind.SWITCH_SIDES,
        "knee-to-chest",
        "right",
    ),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("how", ["Esc", "button"])
def test_pain_stop_writes_history_before_recovery_shows(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path, moment: str, how: str
) -> None:
    reached, exercise, side = MOMENTS[moment]
    start_session(qtbot, window, "quick-relief", rating=4)
    engine = engine_of(window)
    run_until(window, clock, lambda: reached(engine.view()), limit=15 * 60)
    done_before = read_history(data_dir, "SELECT COUNT(*) FROM step")[0][0]
    seen_when_recovery_showed: list[object] = []

    def on_screen(index: int) -> None:
        if window.stack.widget(index) is window.recovery:
            seen_when_recovery_showed.append(
                read_history(
                    data_dir,
                    "SELECT s.outcome, p.exercise_id, p.side, s.pain_before FROM session s "
                    "JOIN pain_report p ON p.session_id = s.id",
                )
            )

    window.stack.currentChanged.connect(on_screen)
    if how == "Esc":
        press(qtbot, window, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(window.session.pain_button, Qt.MouseButton.LeftButton)
    assert window.current is window.recovery
    assert seen_when_recovery_showed == [[("stopped_for_pain", exercise, side, 4)]]
    assert read_history(data_dir, "SELECT COUNT(*) FROM step")[0][0] == done_before + 1
    assert read_history(data_dir, "SELECT exercise_id, status FROM step ORDER BY id DESC")[0] == (
        exercise,
        "stopped",
    )
    assert engine.state is EngineState.STOPPED
    assert window.session.next_wake_ms is None  # no countdown, no animation
    frame = window.session.illustration.frame_index
    clock.advance(30)
    window.session.refresh()  # as a late timer would: nothing moves any more
    assert window.session.illustration.frame_index == frame
    assert window.session.next_wake_ms is None
    assert window.recovery.where.text().startswith("Stopped during")


def test_recovery_rating_note_and_not_pain(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    recovery = window.recovery
    assert (
        recovery.focusWidget() is recovery.done_button
        or window.focusWidget() is recovery.done_button
    )
    qtbot.mouseClick(recovery.scale.rating_button(6), Qt.MouseButton.LeftButton)
    assert read_history(data_dir, "SELECT rating FROM pain_report") == [(6,)]
    qtbot.mouseClick(recovery.not_pain, Qt.MouseButton.LeftButton)
    assert read_history(data_dir, "SELECT outcome FROM session") == [("ended_early",)]
    assert read_history(data_dir, "SELECT COUNT(*) FROM pain_report") == [(0,)]
    assert not recovery.not_pain.isEnabled()
    qtbot.keyClicks(recovery.note, "felt a twinge, not pain")
    press(qtbot, window, Qt.Key.Key_Space)  # nothing here starts a session
    assert window.current is window.recovery
    qtbot.mouseClick(recovery.done_button, Qt.MouseButton.LeftButton)
    assert read_history(data_dir, "SELECT note FROM session") == [("felt a twinge, not pain",)]
    assert window.current is window.start
    assert window.session.live is None or engine_of(window).state is EngineState.STOPPED


def test_a_note_typed_before_the_app_closes_is_saved(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    """A logout (or any close) after typing a note and before Done keeps the note."""
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.recovery.note, "sharp on the left")
    window.quit_without_asking()
    assert read_history(data_dir, "SELECT note FROM session") == [("sharp on the left",)]


def test_pain_stop_before_starting_records_nothing(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert "before the session began" in window.recovery.where.text()
    assert read_history(data_dir, "SELECT COUNT(*) FROM session") == [(0,)]


def test_pain_button_is_the_largest_control_and_always_there(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    open_session(qtbot, window, "quick-relief")
    screen = window.session
    pain = screen.pain_button
    for step in range(4):
        if step == 1:
            press(qtbot, window, Qt.Key.Key_Space)
        if step == 2:
            run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
        if step == 3:
            press(qtbot, window, Qt.Key.Key_Space)
        assert pain.isVisible() and pain.isEnabled()
        area = pain.width() * pain.height()
        others = [b for b in screen.findChildren(QPushButton) if b is not pain and b.isVisible()]
        assert all(area > b.width() * b.height() for b in others)
