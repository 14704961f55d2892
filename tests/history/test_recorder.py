"""A full disk or a read-only folder never stops the session; writes are retried in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk.history import HistoryWriteFailed
from stretchdesk.history import queries as q
from stretchdesk.routine import Catalog
from stretchdesk.session import EngineState
from tests.history import rows
from tests.history.helpers import Flaky, Recorded, open_store
from tests.session.helpers import short_routine


def test_writes_wait_for_space_and_keep_their_order(
    data_dir: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(data_dir / "history.sqlite")
    flaky = Flaky(store, monkeypatch)
    rec = Recorded(store, short_routine(), pain_before=5)  # type: ignore[arg-type]
    flaky.full = True
    rec.engine.start()
    rec.run(15 + 120 + 10 + 5 + 31)  # two warm-ups finish while the disk is full
    assert rec.engine.state is EngineState.RUNNING  # the session goes on
    assert len(rec.problems) == 1 and isinstance(rec.problems[0], HistoryWriteFailed)
    assert rec.problems[0].disk_full
    assert "The disk is full" in str(rec.problems[0])
    assert rec.recorder.pending == 3
    assert q.list_sessions(store.conn) == []
    flaky.full = False
    rec.run(70)  # the end of knee rolls brings everything in
    assert rec.recorder.pending == 0 and rec.recorder.problem is None
    (s,) = q.list_sessions(store.conn)
    assert s.pain_before == 5
    assert [t.exercise_id for t in rows.iter_steps(store.conn, s.id)] == [
        "belly-breathing",
        "pelvic-tilt",
        "knee-rolls",
    ]
    store.close()


def test_no_store_at_all_still_lets_the_session_run(catalog: Catalog) -> None:
    rec = Recorded(None, short_routine())  # type: ignore[arg-type]
    rec.engine.start()
    rec.run(3000)
    assert rec.engine.state is EngineState.COMPLETED
    assert rec.recorder.pending == 0


def test_a_stop_before_the_start_writes_nothing(data_dir: Path, catalog: Catalog) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec = Recorded(store, short_routine(), pain_before=4)  # type: ignore[arg-type]
    assert rec.engine.pain_stop() is not None
    rec.recorder.rate_pain_stop(5)
    rec.recorder.not_pain()
    assert rec.problems == [] and q.list_sessions(store.conn) == []
    store.close()
