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


def _worse_after_five_sessions(data_dir: Path, wall: FakeWall) -> None:
    store, _ = HistoryStore.open(data_dir / "history.sqlite")
    for days_ago in range(5, 0, -1):
        start = wall() - timedelta(days=days_ago)
        sid = store.begin_session(
            routine_id="quick-relief",
            routine_title="Quick relief",
            total_steps=5,
            planned_seconds=465,
            started_at=start,
            pain_before=4,
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=start + timedelta(minutes=8),
            active_seconds=400,
        )
        store.set_pain(sid, after=6)
    store.close()


def test_worse_after_sessions_is_suggested_before_the_start(
    qtbot: QtBot, seen: None, make_window: WindowFactory, data_dir: Path, wall: FakeWall
) -> None:
    _worse_after_five_sessions(data_dir, wall)
    window = make_window()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    text = window.advice.lines.text()
    assert "worse after 5 of your last 5 sessions" in text
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
    qtbot.mouseClick(window.pain_before.scale.rating_button(9), Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    assert "You rated your back 9 out of 10" in window.advice.lines.text()
    assert window.advice.go_on.hasFocus()
    window.advice.go_on.click()
    assert window.current is window.session


def test_the_thresholds_are_settings(qtbot: QtBot, seen: None, make_window: WindowFactory) -> None:
    window = make_window()
    window.nav_buttons["settings"].click()
    window.settings.high_pain.setValue(6)
    assert window.services.prefs.advice_high_pain == 6
    window.go_start()
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_before.scale.rating_button(6), Qt.MouseButton.LeftButton)
    assert window.current is window.advice  # 6 is now "severe enough" to suggest help
