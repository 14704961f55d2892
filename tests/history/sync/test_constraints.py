"""Rows read from another computer's file go into the history with its CHECK constraints
left out (inbox.py): the file's reader must refuse every value those constraints refuse,
and let in only rows the constraints, checked afterwards, accept."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from stretchdesk.history.schema import empty_history
from stretchdesk.history.sync import inbox
from stretchdesk.history.sync.records import (
    REPORT_KEYS,
    SESSION_KEYS,
    SHOWN_KEYS,
    STEP_KEYS,
    Refused,
    SessionRecord,
    decode,
)

AT = "2026-11-02T08:00:00.000Z"
# a value each CHECK of the tables an import writes refuses: (table, column, value)
REFUSED_BY_SQLITE = [
    ("session", "outcome", "done"),
    ("session", "pain_before", 11),
    ("session", "pain_after", -1),
    ("session", "note", "x" * 2001),
    ("step", "phase", "jogging"),
    ("step", "status", "done"),
    ("pain_report", "rating", 11),
    ("shown", "kind", "advert"),
    ("shown", "name", "x" * 201),
    ("shown", "detail", "x" * 2001),
]
_FILE_KEY = {"step": "steps", "pain_report": "pain_reports", "shown": "shown"}


def _checked_columns() -> set[tuple[str, str]]:
    """Each (table, column) a CHECK constraint of the history's schema is about."""
    conn = empty_history()
    found = set()
    for table in ("session", "step", "pain_report", "shown"):
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        for column in re.findall(r"CHECK \((?:\w+ IS NULL OR )?(?:length\()?(\w+)", sql):
            found.add((table, column))
    conn.close()
    return found


def _document(**extreme: Any) -> dict[str, Any]:
    session = dict.fromkeys(SESSION_KEYS)
    session.update(
        routine_id="r",
        routine_title="R",
        started_at=AT,
        ended_at=AT,
        outcome="stopped_for_pain",
        total_steps=3,
        planned_seconds=60,
        active_seconds=60.0,
        pain_before=0,
        pain_after=10,
        note="n" * 2000,
    )
    step = dict.fromkeys(STEP_KEYS)
    step.update(
        position=0,
        exercise_id="pelvic-tilt",
        title="Pelvic tilt",
        phase="warmup",
        status="completed",
        started_at=AT,
        ended_at=AT,
        active_seconds=60,
    )
    report = dict.fromkeys(REPORT_KEYS)
    report.update(reported_at=AT, rating=10)
    shown = dict.fromkeys(SHOWN_KEYS)
    shown.update(shown_at=AT, kind="suggestion", name="x" * 200, detail="d" * 2000)
    steps = [
        dict(step, position=i, phase=phase, status=status)
        for i, (phase, status) in enumerate(
            [("warmup", "completed"), ("stretch", "skipped"), ("cooldown", "stopped")]
        )
    ]
    document = {
        "format": "stretchdesk-sync",
        "version": 1,
        "kind": "session",
        "device": "a" * 32,
        "computer": "home",
        "at": AT,
        "uid": "b" * 32,
        "session": session,
        "steps": steps,
        "pain_reports": [report],
        "shown": [dict(shown, kind=k) for k in ("health", "left_out", "marked", "swapped")]
        + [shown],
    }
    document.update(extreme)
    return document


def test_every_check_of_the_schema_has_a_value_it_refuses_here() -> None:
    assert {(table, column) for table, column, _v in REFUSED_BY_SQLITE} == _checked_columns()


@pytest.mark.parametrize(("table", "column", "value"), REFUSED_BY_SQLITE)
def test_the_reader_refuses_what_a_check_refuses(table: str, column: str, value: Any) -> None:
    document = _document()
    if table == "session":
        document["session"][column] = value
    else:
        document[_FILE_KEY[table]][0][column] = value
    assert isinstance(decode(json.dumps(document).encode()), Refused)


def test_rows_let_in_pass_every_check_afterwards() -> None:
    record = decode(json.dumps(_document()).encode())
    assert isinstance(record, SessionRecord)
    conn = empty_history()
    conn.isolation_level = None
    assert inbox.apply(conn, [("a/2026-11/s.json", record)]).sessions == 1
    assert conn.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
    counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in _FILE_KEY]
    assert counts == [3, 1, 5]
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # and the check afterwards does see a row a CHECK refuses
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE step SET phase = 'jogging' WHERE position = 0")
    conn.execute("PRAGMA ignore_check_constraints = OFF")
    assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()
