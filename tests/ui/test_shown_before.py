"""The window keeps what it showed before a session, for the report: the health check's
answers and the steps they left out, the suggestion read before going on, and one read
before "not today" (kept without a session)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session.health import Answer, StepNote, plan_for
from tests.ui.flows import WindowFactory, start_session


def kind(note: StepNote) -> str:
    if note.left_out:
        return "left_out"
    return "swapped" if getattr(note, "swapped", False) else "marked"


def test_what_was_shown_is_kept_with_the_session(
    qtbot: QtBot, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    services = window.services
    services.settings.save(services.prefs.with_health(frozenset({Answer.OSTEOPOROSIS})))
    window.start.select("quick-relief")
    qtbot.mouseClick(window.start.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_before.scale.rating_button(9), Qt.MouseButton.LeftButton)
    assert window.current is window.advice
    window.advice.not_today.click()  # read, then not today: no session
    assert window.current is window.start
    start_session(qtbot, window, "quick-relief", rating=9)  # read again, then went on
    assert services.store is not None
    conn = services.store.conn
    (session,) = conn.execute("SELECT id FROM session").fetchall()
    rows = conn.execute("SELECT session_id, kind, name, step FROM shown ORDER BY id").fetchall()
    routine = services.catalog.get("quick-relief")
    assert routine is not None
    plan = plan_for(routine, services.prefs.health_answers())
    assert rows == [
        (None, "suggestion", "high_pain", None),
        (session[0], "health", "osteoporosis", None),
        *[(session[0], kind(n), n.note.value, n.index) for n in plan.steps],
        (session[0], "suggestion", "high_pain", None),
    ]
