"""The window's reader: typed answers, and a history that cannot be read is one sentence."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest

from stretchdesk.history.reader import HistoryReader, HistoryReadError
from stretchdesk.history.schema import empty_history
from stretchdesk.routine import Catalog
from stretchdesk.session.advice import AdviceSettings, Concern
from tests.history.helpers import Recorded, open_store
from tests.session.helpers import short_routine


def test_answers_are_typed(data_dir: Path, catalog: Catalog) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec = Recorded(store, short_routine())  # type: ignore[arg-type]
    rec.engine.start()
    rec.run(200)
    rec.engine.pain_stop()
    reader = HistoryReader(lambda: store.conn)
    last = reader.last_session()
    assert last is not None and last.routine_id == "quick-relief"
    assert reader.unresolved_pain_stops() == {"knee-rolls": "Knee rolls"}
    overview = reader.overview(rec.wall().date(), UTC)
    assert overview.pain_stops == [("knee-rolls", "Knee rolls", 1)]
    assert overview.week_minutes > 0
    store.close()


def test_an_empty_history_reads_as_nothing() -> None:
    conn = empty_history()
    reader = HistoryReader(lambda: conn)
    assert reader.last_session() is None and reader.sessions() == []
    assert reader.overview(date(2026, 11, 2), UTC).streak_days == 0
    conn.close()


def test_a_history_that_cannot_be_read_is_one_sentence(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite")
    conn.close()
    reader = HistoryReader(lambda: conn)
    with pytest.raises(HistoryReadError, match=r"^The history cannot be read \(.+\)\.$"):
        reader.sessions()


def test_a_row_no_version_wrote_is_a_sentence_not_a_crash(data_dir: Path) -> None:
    store = open_store(data_dir / "history.sqlite")
    store.conn.execute("PRAGMA ignore_check_constraints=ON")
    store.conn.execute(
        "INSERT INTO session (routine_id, routine_title, started_at, outcome, total_steps, "
        "planned_seconds, owner) "
        "VALUES ('r', 'R', '2026-99-99T00:00:00.000Z', 'exploded', 1, 1, 'x')"
    )
    reader = HistoryReader(lambda: store.conn)
    with pytest.raises(HistoryReadError):
        reader.sessions()
    store.close()


def test_advice_reads_repeated_pain_stops_from_the_history(
    data_dir: Path, catalog: Catalog
) -> None:
    store = open_store(data_dir / "history.sqlite")
    routine = short_routine()
    assert routine is not None
    reader = HistoryReader(lambda: store.conn)
    for times in (1, 2):
        rec = Recorded(store, routine, pain_before=5)
        rec.engine.start()
        rec.run(200)
        rec.engine.pain_stop()  # in knee rolls
        found = reader.advice(rec.wall(), AdviceSettings())
        stops = [s for s in found if s.concern is Concern.REPEATED_STOPS]
        assert len(stops) == (times >= 2)
    assert stops[0].value("title") == "Knee rolls" and stops[0].value("count") == 2
    assert reader.advice(rec.wall() + timedelta(days=40), AdviceSettings()) == []
    store.close()
