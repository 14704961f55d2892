"""Before the next start, the window shows what the person's own history suggests, in the
sourced words of safety.toml; Go on carries on, Not today goes back, nothing is blocked."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.history import HistoryStore
from stretchdesk.history.outcome import SessionOutcome
from tests.fakes import FakeWall
from tests.ui.flows import WindowFactory


def _sessions(data_dir: Path, wall: FakeWall, days: int, before: int = 4, after: int = 6) -> None:
    store, _ = HistoryStore.open(data_dir / "history.sqlite")
    for days_ago in range(days, 0, -1):
        start = wall() - timedelta(days=days_ago)
        sid = store.begin_session(
            routine_id="quick-relief",
            routine_title="Quick relief",
            total_steps=5,
            planned_seconds=465,
            started_at=start,
            pain_before=before,
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=start + timedelta(minutes=8),
            active_seconds=400,
        )
        store.set_pain(sid, after=after)
    store.close()


def test_worse_after_sessions_is_suggested_before_the_start(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, wall: FakeWall
) -> None:
    _sessions(data_dir, wall, 5)
    window = make_window()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    text = window.advice.lines.text()
    assert "After 5 of your last 5 sessions, your pain was 2 or more points higher" in text
    window.advice.not_today.click()
    assert window.current is window.start  # nothing started, nothing recorded
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    window.advice.go_on.click()
    assert window.current is window.pain_before


def test_a_severe_rating_is_answered_with_a_suggestion(
    qtbot: QtBot, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.pain_before
    qtbot.mouseClick(window.pain_before.scale.rating_button(7), Qt.MouseButton.LeftButton)
    assert window.current is window.advice  # 7-10 is severe on the scale the screen shows
    text = window.advice.lines.text()
    assert "You rated your back 7 out of 10. With pain this severe, contact a GP" in text
    assert window.advice.go_on.hasFocus()
    window.advice.go_on.click()
    assert window.current is window.session


def test_the_thresholds_are_settings(qtbot: QtBot, seen: None, make_window: WindowFactory) -> None:
    window = make_window()
    window.nav_buttons["settings"].click()
    window.settings.high_pain.setValue(6)
    assert window.services.prefs.advice_severe_pain == 6
    window.go_start()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_before.scale.rating_button(6), Qt.MouseButton.LeftButton)
    assert window.current is window.advice  # 6 is now "severe enough" to suggest help


def test_moderate_pain_that_stays_is_named(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, wall: FakeWall
) -> None:
    _sessions(data_dir, wall, 16, before=5, after=4)
    window = make_window()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    assert "Your pain has stayed about the same over the last 16 days" in (
        window.advice.lines.text()
    )


def test_mild_pain_every_day_brings_no_suggestion(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, wall: FakeWall
) -> None:
    _sessions(data_dir, wall, 16, before=1, after=0)
    window = make_window()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.pain_before
