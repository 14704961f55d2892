"""What this computer writes into the sync folder: each of its finished sessions once, and
each later change to a shared session (its own or another computer's), found through the
``sync_dirty`` table that the history's triggers fill.

Files are written before the history notes them as written: a kill in between writes the
same session file again (the same name, the same bytes) or the same change again (the same
values; applying it twice changes nothing). Nothing is lost, nothing counted twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from stretchdesk.history.migrate import transaction
from stretchdesk.history.sync import fields
from stretchdesk.history.sync.device import THIS_COMPUTER
from stretchdesk.history.sync.records import (
    FIELDS,
    REPORT_KEYS,
    SESSION_KEYS,
    SHOWN_KEYS,
    STEP_KEYS,
    ChangeRecord,
    SessionRecord,
    Stamp,
)
from stretchdesk.history.timefmt import iso_utc, parse_utc

BATCH = 500  # sessions written in one pass (a first pass over years goes on in the next)


@dataclass(frozen=True)
class Written:
    session_id: int
    record: SessionRecord | ChangeRecord


def unshared_sessions(
    conn: sqlite3.Connection, device: str, computer: str, limit: int = BATCH
) -> list[Written]:
    """This computer's finished sessions not yet in the folder, oldest first."""
    rows = conn.execute(
        "SELECT id, uid, " + ", ".join(SESSION_KEYS) + " FROM session "
        "WHERE shared = 0 AND device IS NULL AND outcome != 'running' AND uid IS NOT NULL "
        "ORDER BY started_at, id LIMIT ?",
        (limit,),
    ).fetchall()
    return [Written(row[0], _session(conn, row, device, computer)) for row in rows]


def _session(
    conn: sqlite3.Connection, row: tuple[object, ...], device: str, computer: str
) -> SessionRecord:
    session_id, uid = row[0], str(row[1])
    session = dict(zip(SESSION_KEYS, row[2:], strict=True))

    def rows(table: str, keys: Iterable[str]) -> list[tuple[object, ...]]:
        return conn.execute(
            f"SELECT {', '.join(keys)} FROM {table} WHERE session_id = ? ORDER BY id",
            (session_id,),
        ).fetchall()

    reports = rows("pain_report", REPORT_KEYS)
    values = {name: session[name] for name in FIELDS if name in session}
    values["pain_rating"] = reports[0][1] if reports else None
    # recorded at its end: written again after a kill, the file is the same
    at = str(session["ended_at"] or session["last_seen_at"] or session["started_at"])
    return SessionRecord(
        uid,
        Stamp(at, device),
        computer,
        session,
        rows("step", STEP_KEYS),
        reports,
        rows("shown", SHOWN_KEYS),
        values,
    )


def changed_sessions(
    conn: sqlite3.Connection, device: str, computer: str, now: Callable[[], datetime]
) -> list[Written]:
    """A change for each shared session whose fields differ from the latest known."""
    found = []
    ids = [r[0] for r in conn.execute("SELECT session_id FROM sync_dirty ORDER BY session_id")]
    for session_id in ids:
        row = conn.execute("SELECT uid FROM session WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            continue
        uid = str(row[0])
        here = fields.current(conn, session_id)
        have = {f: value for f, (value, _stamp) in fields.known(conn, uid).items()}
        changed = fields.differing(here, have, FIELDS)
        if changed:
            stamp = Stamp(_after(iso_utc(now()), fields.known(conn, uid).values()), device)
            change = ChangeRecord(uid, stamp, computer, {f: here[f] for f in changed})
            found.append(Written(session_id, change))
    return found


def _after(at: str, have: Iterable[tuple[object, Stamp]]) -> str:
    """``at``, or just after the latest change known if that is later (another computer's
    clock ahead of this one's): a change made here after it was seen must win over it."""
    latest = max((stamp.at for _value, stamp in have), default="")
    if at > latest:
        return at
    return iso_utc(parse_utc(latest) + timedelta(milliseconds=1))


def note_written(conn: sqlite3.Connection, written: list[Written]) -> None:
    """The files are in the folder: keep their values as the latest known, mark the
    sessions shared, and keep a session dirty if it changed again meanwhile."""
    with transaction(conn):
        if written:
            conn.execute(
                "INSERT OR REPLACE INTO sync_device (device, name) VALUES (?, ?)",
                (THIS_COMPUTER, written[0].record.computer),
            )
        for item in written:
            record = item.record
            fields.remember(conn, record.uid, record.fields, record.stamp)
            if isinstance(record, SessionRecord):
                conn.execute("UPDATE session SET shared = 1 WHERE id = ?", (item.session_id,))
            here = fields.current(conn, item.session_id)
            have = {f: value for f, (value, _s) in fields.known(conn, record.uid).items()}
            if fields.differing(here, have, FIELDS):
                conn.execute(
                    "INSERT OR IGNORE INTO sync_dirty (session_id) VALUES (?)", (item.session_id,)
                )
            else:
                conn.execute("DELETE FROM sync_dirty WHERE session_id = ?", (item.session_id,))
        # sessions marked changed with nothing to write (changed, then changed back)
        written_ids = {w.session_id for w in written}
        for (session_id,) in conn.execute("SELECT session_id FROM sync_dirty").fetchall():
            if session_id in written_ids:
                continue
            row = conn.execute("SELECT uid FROM session WHERE id = ?", (session_id,)).fetchone()
            have = {} if row is None else fields.known(conn, str(row[0]))
            values = {f: v for f, (v, _s) in have.items()}
            here = fields.current(conn, session_id)
            if row is None or not fields.differing(here, values, FIELDS):
                conn.execute("DELETE FROM sync_dirty WHERE session_id = ?", (session_id,))
