"""The suggestions from a history another program wrote, or a very busy one: never a
traceback, never a wait."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk.history.reader import HistoryReader
from stretchdesk.history.timefmt import iso_utc
from stretchdesk.session.advice import AdviceSettings, Concern
from tests.history.helpers import open_store

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)
LIMIT = 5.0  # seconds; the reading takes milliseconds
INSERT = (
    "INSERT INTO session (routine_id, routine_title, started_at, outcome, total_steps, "
    "planned_seconds, owner, pain_before, pain_after) "
    "VALUES ('r', 'R', ?, 'completed', 1, 1, 'x', ?, ?)"
)


@pytest.mark.parametrize("bad", ["x", b"\x00", 99, -5, 2.5])
def test_a_rating_no_version_wrote_is_not_a_rating(data_dir: Path, bad: object) -> None:
    store = open_store(data_dir / "history.sqlite")
    store.conn.execute("PRAGMA ignore_check_constraints=ON")
    rows = [(iso_utc(NOW - timedelta(days=d)), bad if d == 3 else 6, 5) for d in range(20, 0, -1)]
    store.conn.executemany(INSERT, rows)
    reader = HistoryReader(lambda: store.conn)
    began = time.monotonic()
    try:
        found = reader.advice(NOW, AdviceSettings())
        points = reader.pain_since(NOW - timedelta(days=30))
    finally:
        store.close()
    assert time.monotonic() - began < LIMIT
    assert [s.concern for s in found] == [Concern.NO_IMPROVEMENT]
    assert {p.before for p in points} == {6, None}


def test_a_busy_history_is_judged_at_once(data_dir: Path) -> None:
    """Twelve rated sessions a day for three months, some at the very same instant."""
    store = open_store(data_dir / "history.sqlite")
    rows = [
        (iso_utc(NOW - timedelta(days=day, minutes=5 * (n % 6))), 6 - n % 3, 5)
        for day in range(91, 0, -1)
        for n in range(12)
    ]
    with store.transaction() as conn:
        conn.executemany(INSERT, rows)
    reader = HistoryReader(lambda: store.conn)
    began = time.monotonic()
    try:
        found = reader.advice(NOW, AdviceSettings())
    finally:
        store.close()
    assert time.monotonic() - began < LIMIT
    assert [s.concern for s in found] == [Concern.NO_IMPROVEMENT]
