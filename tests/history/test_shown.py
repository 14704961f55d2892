"""What was shown before a session is kept with it (schema 5): the health check's answers,
the steps they left out or marked, each suggestion as worded; suggestions read before "not
today" are kept without a session. A version 4 history gains the table and keeps its rows."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.history.outcome import ShownKind
from stretchdesk.history.schema import LATEST, V1, V2, V3, V4, empty_history
from stretchdesk.history.shown import Shown, before_session, suggestion_text
from stretchdesk.routine import Catalog
from stretchdesk.routine.content import SafetyContent, load_content
from stretchdesk.session import FakeClock, SessionEngine, SessionOptions
from stretchdesk.session.advice import Concern, Suggestion
from stretchdesk.session.emitter import Stage
from stretchdesk.session.health import Answer, HealthPlan, Note, StepNote, plan_for
from tests.fakes import FakeWall

SEVERE = Suggestion(Concern.HIGH_PAIN, (("rating", 8),))


@pytest.fixture(scope="module")
def content() -> SafetyContent:
    return load_content(paths.content_file())


def _rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT session_id, kind, name, detail, step FROM shown ORDER BY id"
    ).fetchall()


@pytest.mark.parametrize("answer", list(Answer), ids=[a.value for a in Answer])
def test_every_answer_and_what_it_changes_is_kept(
    catalog: Catalog, content: SafetyContent, answer: Answer
) -> None:
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    plan = plan_for(routine, frozenset({answer}))
    rows = before_session(routine, frozenset({answer}), plan, [SEVERE], content)
    health, *rest = rows
    assert health == Shown(ShownKind.HEALTH, answer.value, content.texts["health"][answer.value])
    kinds = (ShownKind.LEFT_OUT, ShownKind.MARKED, ShownKind.SWAPPED)
    changed = [r for r in rest if r.kind in kinds]
    assert [(r.step, r.kind is ShownKind.LEFT_OUT) for r in changed if r.step is not None] == [
        (n.index, n.left_out) for n in plan.steps
    ]
    for row in changed:
        if row.step is not None:
            assert row.detail == routine.steps[row.step].title
    assert len(changed) == len(plan.steps) + len(plan.ask_first)
    assert rest[-1] == Shown(ShownKind.SUGGESTION, "high_pain", suggestion_text(content, SEVERE))


def test_no_answer_is_kept_as_none(catalog: Catalog, content: SafetyContent) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    rows = before_session(routine, frozenset(), plan_for(routine, frozenset()), [], content)
    assert rows == (Shown(ShownKind.HEALTH, "", None),)


def test_the_recorder_writes_them_with_the_session(
    tmp_path: Path, catalog: Catalog, content: SafetyContent
) -> None:
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    answers = frozenset({Answer.OSTEOPOROSIS})
    plan = plan_for(routine, answers)
    store, _ = HistoryStore.open(tmp_path / "history.sqlite")
    clock = FakeClock()
    engine = SessionEngine(routine, clock=clock, options=SessionOptions(skip=plan.left_out))
    shown = before_session(routine, answers, plan, [SEVERE], content)
    recorder = SessionRecorder(store, clock=clock, wall=FakeWall(clock), shown=shown)
    engine.add_listener(recorder, Stage.RECORD)
    engine.start()
    rows = _rows(store.conn)
    assert [r[0] for r in rows] == [recorder.session_id] * len(shown)
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        (s.kind.value, s.name, s.detail, s.step) for s in shown
    ]
    store.close()


def test_suggestions_before_not_today_are_kept_without_a_session(
    tmp_path: Path, content: SafetyContent
) -> None:
    store, _ = HistoryStore.open(tmp_path / "history.sqlite")
    text = suggestion_text(content, SEVERE)
    store.add_shown(datetime(2026, 11, 2, 8, tzinfo=UTC), [Shown(ShownKind.SUGGESTION, "x", text)])
    assert _rows(store.conn) == [(None, "suggestion", "x", text, None)]
    store.close()


def test_long_texts_are_cut_to_the_columns_limits(tmp_path: Path) -> None:
    store, _ = HistoryStore.open(tmp_path / "history.sqlite")
    store.add_shown(datetime.now(UTC), [Shown(ShownKind.SUGGESTION, "n" * 500, "d" * 5000)])
    ((_sid, _kind, name, detail, _step),) = _rows(store.conn)
    assert (len(str(name)), len(str(detail))) == (200, 2000)
    store.close()


def test_a_version_4_history_gains_the_table_and_keeps_its_rows(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    for script in (V1, V2, V3, V4):
        conn.executescript(script)
    conn.execute(
        "INSERT INTO session (id, routine_id, routine_title, started_at, outcome, total_steps, "
        "planned_seconds, owner) VALUES (3, 'r', 'R', '2026-11-02T08:00:00.000Z', "
        "'completed', 1, 60, 'x')"
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    store, notices = HistoryStore.open(path)
    assert notices and LATEST >= 5
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert store.conn.execute("SELECT id FROM session").fetchall() == [(3,)]
    store.add_shown(datetime.now(UTC), [Shown(ShownKind.SUGGESTION, "declined")])
    store.conn.execute(
        "INSERT INTO shown (session_id, shown_at, kind, name) "
        "VALUES (3, '2026-11-02T08:00:00.000Z', 'health', '')"
    )
    store.conn.execute("DELETE FROM session")  # a session's rows go with it; not the others
    assert [r[2] for r in _rows(store.conn)] == ["declined"]
    store.close()


def test_the_schema_stores_exactly_the_typed_kinds() -> None:
    conn = empty_history()
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'shown'").fetchone()[0]
    conn.close()
    match = re.search(r"kind IN\s*\(([^)]*)\)", sql)
    assert match is not None
    assert set(re.findall(r"'([a-z_]+)'", match.group(1))) == {k.value for k in ShownKind}


def test_the_json_export_holds_what_was_shown(
    tmp_path: Path, catalog: Catalog, content: SafetyContent
) -> None:
    import io  # noqa: PLC0415
    import json  # noqa: PLC0415

    from stretchdesk.history.export import export_json  # noqa: PLC0415

    routine = catalog.get("quick-relief")
    assert routine is not None
    store, _ = HistoryStore.open(tmp_path / "history.sqlite")
    answers = frozenset({Answer.PREGNANT})
    shown = before_session(routine, answers, plan_for(routine, answers), [], content)
    store.begin_session(
        routine_id=routine.id,
        routine_title=routine.title,
        total_steps=5,
        planned_seconds=400,
        started_at=datetime(2026, 11, 2, 8, tzinfo=UTC),
        shown=shown,
    )
    store.add_shown(datetime(2026, 11, 3, 8, tzinfo=UTC), [Shown(ShownKind.SUGGESTION, "x")])
    out = io.StringIO()
    export_json(store.conn, out)
    store.close()
    document = json.loads(out.getvalue())
    (session,) = document["sessions"]
    assert [(s["kind"], s["name"]) for s in session["shown_before"]] == [
        (s.kind.value, s.name) for s in shown
    ]
    assert [(d["kind"], d["name"]) for d in document["not_today"]] == [("suggestion", "x")]


@dataclass(frozen=True)
class SwappedNote(StepNote):
    """A note on a warm-up the plan has done in its other position."""

    swapped: bool = False


def test_a_warm_up_done_in_its_other_position_is_kept_so(
    catalog: Catalog, content: SafetyContent
) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    note = SwappedNote(1, Note.PREGNANT_BACK, left_out=False, swapped=True)
    rows = before_session(routine, frozenset(), HealthPlan(steps=(note,)), [], content)
    assert rows[1] == Shown(ShownKind.SWAPPED, "pregnant_back", routine.steps[1].title, 1)
