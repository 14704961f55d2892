"""A whole routine through the real window: start, pause, refusals, completion, closing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session import EngineState, FakeClock, SegmentKind
from stretchdesk.ui.shell.main_window import MainWindow
from tests.fakes import FakeWall
from tests.ui.flows import (
    WindowFactory,
    engine_of,
    open_session,
    press,
    read_history,
    run_for,
    run_until,
    start_session,
)


def test_first_run_shows_safety_once(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.current is window.safety
    assert window.focusWidget() is window.safety.ok
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current is window.health  # the optional health check, once
    window.health.skip.click()
    assert window.current is window.start
    assert window.services.prefs.safety_seen and window.services.prefs.health_asked
    again = make_window()
    assert again.current is again.start


def test_a_whole_short_routine(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    open_session(qtbot, window, "quick-relief", rating=6)
    engine = engine_of(window)
    assert engine.state is EngineState.READY
    assert window.session.pause_button.accessibleName() == "Start"
    press(qtbot, window, Qt.Key.Key_Space)
    assert engine.state is EngineState.RUNNING
    assert window.session.dial.caption == "Get ready"
    seen_badges = set()

    def finished() -> bool:
        if window.current is window.session:
            seen_badges.add(window.session.badge.text())
        return window.current is window.completion

    run_until(window, clock, finished, limit=20 * 60)
    assert {"Warm-up 1 of 4", "Warm-up 4 of 4", "Stretch 1 of 2", "Stretch 2 of 2"} <= seen_badges
    qtbot.mouseClick(window.completion.scale.rating_button(3), Qt.MouseButton.LeftButton)
    rows = read_history(
        data_dir, "SELECT outcome, pain_before, pain_after, total_steps FROM session"
    )
    assert rows == [("completed", 6, 3, 6)]
    steps = read_history(data_dir, "SELECT exercise_id, status FROM step ORDER BY position")
    assert [s[1] for s in steps] == ["completed"] * 6
    assert window.completion.title.text() == "Well done: routine complete"
    assert "Warm-ups done; 2 of 2 stretches done." in window.completion.summary.text()
    qtbot.mouseClick(window.completion.done_button, Qt.MouseButton.LeftButton)
    assert window.current is window.start
    assert "Quick relief" in window.start.last.text()


def test_skipping_every_stretch_says_so_and_is_saved_so(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief")
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().phase.value == "stretch")
    while window.current is window.session:
        press(qtbot, window, Qt.Key.Key_Right)
    assert window.current is window.completion
    assert window.completion.title.text() == "Routine finished, with some steps skipped"
    assert "Warm-ups done; 0 of 2 stretches done, 2 skipped." in window.completion.summary.text()
    assert read_history(data_dir, "SELECT outcome FROM session") == [("completed_with_skips",)]
    statuses = read_history(data_dir, "SELECT status FROM step ORDER BY position")
    assert [s[0] for s in statuses] == ["completed"] * 4 + ["skipped"] * 2


def test_pause_freezes_and_resume_goes_on(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 3.0)
    before = window.session.dial.seconds
    press(qtbot, window, Qt.Key.Key_Space)
    engine = engine_of(window)
    assert engine.state is EngineState.PAUSED
    assert window.session.next_wake_ms is None  # idle: no timer while paused
    assert "Resume" in window.session.pause_button.text()
    run_for(window, clock, 120.0, step=5.0)
    assert window.session.dial.seconds == before
    press(qtbot, window, Qt.Key.Key_Space)
    assert engine.state is EngineState.RUNNING
    run_for(window, clock, 1.0)
    assert window.session.dial.seconds == before - 1


def test_space_on_a_focused_button_still_pauses(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    window.session.next_button.setFocus()
    position = engine_of(window).view().position
    clock.advance(1)  # a deliberate press, not a double press
    press(qtbot, window, Qt.Key.Key_Space)
    assert engine_of(window).state is EngineState.PAUSED
    assert engine_of(window).view().position == position


def test_next_is_refused_during_warmups_with_the_reason(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 2.0)
    press(qtbot, window, Qt.Key.Key_Right)
    assert engine_of(window).view().position == 0
    assert window.session.notice.isVisible()
    assert "warm" in window.session.notice.text().lower()
    locked = [window.session.steps.item(i).text() for i in range(window.session.steps.count())]
    assert any(text.startswith("⊘") and "knee to chest" in text for text in locked)
    assert any(text.startswith("STRETCHES") and "LOCKED" in text for text in locked)


def test_back_before_starting_returns_to_the_routines_without_a_record(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.current is window.start
    assert read_history(data_dir, "SELECT COUNT(*) FROM session") == [(0,)]


def test_closing_mid_session_saves_it_as_ended_early(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    window.close()
    assert read_history(data_dir, "SELECT outcome FROM session") == [("ended_early",)]
    steps = read_history(data_dir, "SELECT exercise_id, status FROM step ORDER BY position")
    assert steps == [("march-in-place", "completed"), ("belly-breathing", "stopped")]


def test_countdown_repaints_once_a_second_not_per_tick(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    dial = window.session.dial
    changes = 0
    shown = dial.seconds
    for _ in range(40):  # 40 looks at the clock over 4 seconds
        clock.advance(0.1)
        window.session.refresh()
        if dial.seconds != shown:
            changes, shown = changes + 1, dial.seconds
    assert changes == 4
    wake = window.session.next_wake_ms
    assert wake is not None and wake <= 1001


def test_a_long_pause_explains_the_rewarm_and_lists_its_steps(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    press(qtbot, window, Qt.Key.Key_Space)
    clock.advance(12 * 60)
    press(qtbot, window, Qt.Key.Key_Space)
    assert "Muscles cool again" in window.session.notice.text()
    assert "12 minutes" in window.session.notice.text()
    steps = [window.session.steps.item(i).text() for i in range(window.session.steps.count())]
    assert any("(re-warm)" in text for text in steps)
    assert "RE-WARM" in steps
    assert window.session.badge.text().startswith("Re-warm 1 of")


def test_countdown_is_at_least_a_sixth_of_the_window(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    for size in ((1280, 800), (1024, 640), (1920, 1080)):
        window.resize(*size)
        open_session(qtbot, window, "quick-relief")
        qtbot.waitUntil(lambda: window.session.dial.height() >= window.height() / 6)
        press(qtbot, window, Qt.Key.Key_Left)  # back to the routines


def test_a_wall_clock_jump_changes_no_countdown(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, wall: FakeWall
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 4.0)
    before = window.session.dial.seconds
    wall.base += timedelta(hours=1)  # the system clock is set an hour ahead
    run_for(window, clock, 1.0)
    assert window.session.dial.seconds == before - 1
    wall.base -= timedelta(hours=2)  # and then an hour behind where it was
    run_for(window, clock, 1.0)
    assert window.session.dial.seconds == before - 2
    assert engine_of(window).view().position == 0
