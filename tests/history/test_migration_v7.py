"""Version 7 adds two columns to the session table: a schema-6 history with sessions of its
own and of another computer keeps every row of every table, and what it knew of the other
computer's changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from stretchdesk.history import HistoryStore
from stretchdesk.history.schema import LATEST, MIGRATIONS
from stretchdesk.history.sync import fields
from stretchdesk.history.sync.records import Stamp

OTHER = "b" * 32
AT = "2026-01-01T08:00:00.000Z"
TABLES = ("step", "pain_report", "shown", "sync_device", "sync_field", "sync_dirty")
TABLES += ("sync_file", "sync_dir")


def _make_v6(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:6]:
        conn.executescript(script)
    for sid, device, note in ((1, None, "mine"), (2, OTHER, "theirs")):
        conn.execute(
            "INSERT INTO session (id, routine_id, routine_title, started_at, ended_at, "
            "outcome, total_steps, planned_seconds, active_seconds, pain_before, pain_after, "
            "owner, note, uid, device, shared) VALUES (?, 'r', 'R', ?, ?, 'stopped_for_pain', "
            "2, 60, 50, 3, 4, 'x', ?, ?, ?, 1)",
            (sid, AT, AT, note, f"{sid:032x}", device),
        )
        conn.execute(
            "INSERT INTO step (session_id, position, routine_step, exercise_id, title, phase, "
            "status, started_at, ended_at, active_seconds, hold, reps) VALUES (?, 0, 0, "
            "'pelvic-tilt', 'Pelvic tilt', 'warmup', 'completed', ?, ?, 50, 20, 2)",
            (sid, AT, AT),
        )
        conn.execute(
            "INSERT INTO pain_report (session_id, reported_at, rating, exercise_id) "
            "VALUES (?, ?, 6, 'pelvic-tilt')",
            (sid, AT),
        )
        conn.execute(
            "INSERT INTO shown (session_id, shown_at, kind, name) VALUES (?, ?, 'health', '')",
            (sid, AT),
        )
    changes = [("note", '"theirs"', OTHER), ("outcome", '"stopped_for_pain"', OTHER)]
    changes += [("pain_before", "3", OTHER), ("pain_after", "4", "c" * 32)]
    changes += [("pain_rating", "6", OTHER)]
    conn.executemany(
        "INSERT INTO sync_field (uid, field, value, at, device) VALUES (?, ?, ?, ?, ?)",
        [(f"{2:032x}", f, v, AT, d) for f, v, d in changes],
    )
    conn.execute("INSERT INTO sync_device VALUES (?, 'work')", (OTHER,))
    conn.execute("INSERT INTO sync_dirty VALUES (1)")
    conn.execute("INSERT INTO sync_file VALUES (?)", (f"{OTHER}/2026-01/s.{OTHER}.x.json",))
    conn.execute("INSERT INTO sync_dir VALUES (?, 12345)", (f"{OTHER}/2026-01",))
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    found = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    columns = [r[1] for r in conn.execute("PRAGMA table_info(session)")][:22]
    found["session"] = conn.execute(f"SELECT {', '.join(columns)} FROM session").fetchall()
    return found


def test_a_version_6_history_keeps_every_row_and_what_it_knew(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _make_v6(path)
    old = sqlite3.connect(path)
    before = _rows(old)
    old.close()
    store, notices = HistoryStore.open(path)
    conn = store.conn
    assert notices and notices[0].path is not None and notices[0].path.exists()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _rows(conn) == before
    assert conn.execute("SELECT known_at, known FROM session").fetchall() == [(None, None)] * 2
    assert fields.known(conn, f"{2:032x}") == {
        "note": ("theirs", Stamp(AT, OTHER)),
        "outcome": ("stopped_for_pain", Stamp(AT, OTHER)),
        "pain_before": (3, Stamp(AT, OTHER)),
        "pain_after": (4, Stamp(AT, "c" * 32)),
        "pain_rating": (6, Stamp(AT, OTHER)),
    }
    store.close()
