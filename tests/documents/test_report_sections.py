"""The report's parts a physiotherapist asked for: a stop's pain rating apart from the pain
after a session, the first week against the last, the stop's pain with its scale, what was
shown before the sessions (health check answers, steps left out for them, suggestions and
what the person did next), a name line, "1 minute", and the chart's y-axis title."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from stretchdesk import paths
from stretchdesk.documents.report import build_report
from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.history.outcome import ShownKind
from stretchdesk.history.report_data import ReportData, Week, read_report
from stretchdesk.history.shown import (
    Shown,
    before_session,
    suggestion_text,
    suggestions_shown,
)
from stretchdesk.routine import Catalog, Routine
from stretchdesk.routine.content import SafetyContent, load_content
from stretchdesk.session import FakeClock, SessionEngine, SessionOptions
from stretchdesk.session.advice import Concern, Suggestion
from stretchdesk.session.emitter import Stage
from stretchdesk.session.health import Answer, plan_for

MONDAY = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
SEVERE = Suggestion(Concern.HIGH_PAIN, (("rating", 8),))


@pytest.fixture(scope="module")
def content() -> SafetyContent:
    return load_content(paths.content_file())


def run_session(
    store: HistoryStore,
    routine: Routine,
    when: datetime,
    *,
    before: int,
    after: int | None = None,
    stop_rating: int | None = None,
    answers: frozenset[Answer] = frozenset(),
    suggestions: tuple[Suggestion, ...] = (),
    content: SafetyContent,
) -> None:
    """A session as the window runs it: the health plan's steps left out, what was shown
    kept; to the end with a rating after, or stopped for pain with a rating."""
    plan = plan_for(routine, answers)
    clock = FakeClock()
    base = clock.now
    engine = SessionEngine(routine, clock=clock, options=SessionOptions(skip=plan.left_out))
    shown = before_session(routine, answers, plan, suggestions, content)
    recorder = SessionRecorder(
        store,
        clock=clock,
        wall=lambda: when + timedelta(seconds=clock.now - base),
        pain_before=before,
        shown=shown,
    )
    engine.add_listener(recorder, Stage.RECORD)
    engine.start()
    while not engine.finished:
        clock.advance(5.0)
        engine.poll()
        if stop_rating is not None and clock.now - base > 120:
            engine.pain_stop()
            recorder.rate_pain_stop(stop_rating)
    if after is not None:
        recorder.set_pain_after(after)


def history(path: Path, catalog: Catalog, content: SafetyContent) -> ReportData:
    routine = catalog.get("lower-back-spasm")
    quick = catalog.get("quick-relief")
    assert routine is not None and quick is not None
    store, _ = HistoryStore.open(path)
    osteoporosis = frozenset({Answer.OSTEOPOROSIS})
    run_session(
        store,
        routine,
        MONDAY,
        before=6,
        after=4,
        answers=osteoporosis,
        suggestions=(SEVERE,),
        content=content,
    )
    run_session(store, quick, MONDAY + timedelta(days=2), before=7, stop_rating=9, content=content)
    run_session(store, quick, MONDAY + timedelta(days=8), before=3, after=2, content=content)
    store.add_shown(MONDAY + timedelta(days=9), suggestions_shown([SEVERE], content))
    data = read_report(store.conn, date(2026, 11, 2), date(2026, 11, 15), UTC)
    store.close()
    return data


def test_what_the_report_says_of_pain_and_of_what_was_shown(
    tmp_path: Path, catalog: Catalog, content: SafetyContent
) -> None:
    data = history(tmp_path / "history.sqlite", catalog, content)
    first, second = data.weeks
    assert (first.before, first.after, first.at_stop) == ([6, 7], [4], [9])  # 9: not "after"
    assert (second.before, second.after, second.at_stop) == ([3], [2], [])
    html = build_report(data, MONDAY + timedelta(days=14), "UTC").html
    assert "6.5 on average in the week of 2 Nov 2026, the first with a rating" in html
    assert "3.0 in the week of 9 Nov 2026, the last" in html
    assert "Pain after a session: 4.0 on average in the week of 2 Nov 2026" in html
    assert "Pain when a session was stopped for pain: 9.0 (1 rating)" in html
    assert "Pain at the stop (0–10)" in html
    assert "at a stop" in html and "Name:" in html
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    plan = plan_for(routine, frozenset({Answer.OSTEOPOROSIS}))
    titles = [routine.steps[i].title for i in sorted(plan.left_out)]
    (health, *others) = [p for p in data.health if p.left_out]
    assert not others and list(health.left_out) == titles
    assert health.answers == content.texts["health"]["osteoporosis"]
    assert ", ".join(titles) in html.replace("&#x27;", "'")
    changes = {c.exercise: c for c in data.changes}
    assert all(changes[t].skipped == 0 for t in titles if t in changes)  # not "skipped"
    said = suggestion_text(content, SEVERE)
    assert [(s.routine, s.text) for s in data.suggestions] == [
        (routine.title, said),
        (None, said),
    ]
    assert "went on" in html and "not today" in html
    assert data.not_recorded == 0


def test_one_minute_and_a_single_week() -> None:
    week = Week(date(2026, 11, 2), sessions=1, completed=1, seconds=60, before=[5], after=[3])
    data = ReportData(date(2026, 11, 2), date(2026, 11, 8), [week], sessions=1, days=1)
    html = build_report(data, datetime(2026, 11, 8, tzinfo=UTC), "UTC").html
    assert "1 minute of exercise in all" in html and "1 minutes" not in html
    assert "5.0 on average, all in the week of 2 Nov 2026" in html
    assert "kept apart" not in html  # no stop rating, nothing to keep apart


def test_the_chart_has_a_y_axis_title(qapp: QApplication) -> None:
    from stretchdesk.ui.printing.report_chart import HEIGHT, TITLE, draw_pain_chart  # noqa: PLC0415

    points = [(date(2026, 11, 2), 5.0, 3.0), (date(2026, 11, 9), 3.0, 2.0)]

    def inked(image: QImage) -> int:
        return sum(
            image.pixelColor(x, y) != QColor("white")
            for x in range(0, TITLE, 2)
            for y in range(0, HEIGHT, 2)
        )

    assert inked(draw_pain_chart(points)) == 0
    assert inked(draw_pain_chart(points, "Pain (0–10)")) > 50
    data = ReportData(date(2026, 11, 2), date(2026, 11, 15), [], sessions=1, days=1)
    assert build_report(data, datetime(2026, 11, 15, tzinfo=UTC), "UTC").axis == "Pain (0–10)"


def test_the_chart_dates_are_few_enough_not_to_overlap(qapp: QApplication) -> None:
    from stretchdesk.ui.printing.report_chart import labelled  # noqa: PLC0415

    for count in range(1, 700):
        shown = list(labelled(count))
        assert shown[0] == 0 and 1 <= len(shown) <= 6, count
    assert list(labelled(9)) == [0, 2, 4, 6, 8]  # nine weeks: all nine once, and overlapping


def test_a_running_session_is_not_reported_nor_what_was_shown_before_it(
    tmp_path: Path,
) -> None:
    store, _ = HistoryStore.open(tmp_path / "history.sqlite")
    store.begin_session(
        routine_id="quick-relief",
        routine_title="Quick relief",
        total_steps=5,
        planned_seconds=400,
        started_at=MONDAY,
        shown=[
            Shown(ShownKind.HEALTH, "pregnant", "I am pregnant, past 16 weeks"),
            Shown(ShownKind.SWAPPED, "pregnant_back", "Belly breathing", 1),
        ],
    )
    data = read_report(store.conn, date(2026, 11, 2), date(2026, 11, 8), UTC)
    store.close()
    assert data.sessions == 0  # still running: not in the report, nor what was shown
    assert data.health == []


def test_the_health_table_shows_only_the_columns_with_something(
    tmp_path: Path, catalog: Catalog, content: SafetyContent
) -> None:
    data = history(tmp_path / "history.sqlite", catalog, content)
    html = build_report(data, MONDAY + timedelta(days=14), "UTC").html
    assert "Left out for them" in html and "In another position" not in html
    period = data.health[0]
    data.health[0] = replace(period, swapped=("Belly breathing",))
    html = build_report(data, MONDAY + timedelta(days=14), "UTC").html
    assert "In another position" in html and "Belly breathing" in html
