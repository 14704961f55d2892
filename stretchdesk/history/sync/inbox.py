"""Bringing the other computers' files into this history: idempotent (a file read twice, or
a conflict copy of it, changes nothing), in any order (a change to a session not yet here
waits in ``sync_field`` for it), and with the latest change winning (fields.py). A new
session's row keeps its file's fields as the latest change known to them (``known_at``,
``known``): no row of ``sync_field`` is written for it unless a later change comes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from stretchdesk.history.migrate import checks_left_out, transaction
from stretchdesk.history.sync import fields
from stretchdesk.history.sync.decoding import decode_all
from stretchdesk.history.sync.months import MonthRecord, MonthSessions
from stretchdesk.history.sync.records import (
    FIELDS,
    MAX_FILE_BYTES,
    REPORT_KEYS,
    SESSION_KEYS,
    SHOWN_KEYS,
    STEP_KEYS,
    ChangeRecord,
    Record,
    Refused,
    SessionRecord,
    decode,
)
from stretchdesk.i18n import _

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def read_record(path: Path | str) -> Record | Refused:
    """The record in a file: a regular file of at most 1 MiB, opened without following a
    link and never waited on."""
    data = read_bytes(path)
    return data if isinstance(data, Refused) else decode(data)


def read_records(paths: Sequence[Path | str]) -> list[Record | Refused]:
    """``read_record`` of each file, their values checked together (decoding.py)."""
    datas = [read_bytes(path) for path in paths]
    decoded = iter(decode_all([d for d in datas if not isinstance(d, Refused)]))
    return [d if isinstance(d, Refused) else next(decoded) for d in datas]


def read_bytes(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes | Refused:
    """A file's bytes, as ``read_record`` reads them (a month file: up to ``limit``)."""
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError as exc:
        return Refused(_("it cannot be opened ({reason})").format(reason=exc.strerror))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return Refused(_("it is not a regular file"))
        if info.st_size > limit:
            return Refused(_too_large(limit))
        return _read_all(handle, limit)
    except OSError as exc:
        return Refused(_("it cannot be read ({reason})").format(reason=exc.strerror))
    finally:
        os.close(handle)


def _too_large(limit: int) -> str:
    mebibytes = limit // (1024 * 1024)
    if mebibytes == 1:
        return _("it is larger than 1 MiB")
    return _("it is larger than {size} MiB").format(size=mebibytes)


def _read_all(handle: int, limit: int) -> bytes:
    """At most ``limit`` bytes and one: one read for a file that does not grow meanwhile."""
    pieces: list[bytes] = []
    left = limit + 1
    while left > 0 and (piece := os.read(handle, left)):
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


@dataclass
class Applied:
    sessions: int = 0  # new sessions in the history
    changes: int = 0  # fields changed by another computer


_INSERT_SESSION = (
    "INSERT INTO session (id, uid, device, shared, owner, known_at, known, "
    + ", ".join(SESSION_KEYS)
    + ", packed_done, packed_skipped, packed_active) VALUES (?, ?, ?, 1, ?, ?, ?, "
    + ", ".join("?" * len(SESSION_KEYS))
    + ", ?, ?, ?)"
)
_NONE = (None, None, None)  # a session whose steps are rows: no counts on its row


def _insert_rows(
    conn: sqlite3.Connection, table: str, keys: Sequence[str], rows: list[Any]
) -> None:
    conn.executemany(
        f"INSERT INTO {table} (session_id, {', '.join(keys)}) "
        f"VALUES (?, {', '.join('?' * len(keys))})",
        rows,
    )


def apply(
    conn: sqlite3.Connection,
    batch: Sequence[tuple[str, Record]],
    held: Mapping[str, Collection[str]] | None = None,
    months: Sequence[MonthRecord] = (),
) -> Applied:
    """Bring a batch of read files in, in one transaction, and note them as read (and
    ``held``: each month file read, with the names of the files it holds in its folder;
    ``months``: the month files whose sessions are columns, their other records in
    ``batch``)."""
    with transaction(conn):
        dirty_before = {r[0] for r in conn.execute("SELECT session_id FROM sync_dirty")}
        sessions = [r for _n, r in batch if isinstance(r, SessionRecord)]
        changes = [r for _n, r in batch if isinstance(r, ChangeRecord)]
        fresh: dict[str, int] = {}
        late = _insert_months(conn, [m.sessions for m in months if m.sessions], fresh)
        _insert_new(conn, sessions, fresh)
        waiting = _waiting(conn, fresh)
        done, touched = _merge(conn, [*late, *sessions, *changes], fresh)
        done.sessions = len(fresh)
        for uid, session_id in fresh.items():
            # changes that arrived before their session
            if uid in waiting and _catch_up(conn, uid, session_id):
                touched.add(session_id)
        conn.executemany("DELETE FROM sync_waiting WHERE uid = ?", [(u,) for u in waiting])
        conn.executemany(
            "INSERT OR REPLACE INTO sync_device (device, name) VALUES (?, ?)",
            {(r.stamp.device, r.computer or r.stamp.device[:8]) for _n, r in batch}
            | {
                (m.device, c or m.device[:8])
                for m in months
                if m.sessions
                for c in {*m.sessions.computers}
            },
        )
        conn.executemany(
            "INSERT OR IGNORE INTO sync_file (name) VALUES (?)",
            sorted((n,) for n in {n for n, _r in batch} - set(held or ())),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO sync_held (month, names) VALUES (?, ?)",
            [(month, json.dumps(sorted(names))) for month, names in (held or {}).items()],
        )
        # what was written here only echoes the other computer: not a change to send back
        conn.executemany(
            "DELETE FROM sync_dirty WHERE session_id = ?",
            [(i,) for i in touched - dirty_before],
        )
    return done


def _merge(
    conn: sqlite3.Connection, records: list[Record], fresh: dict[str, int]
) -> tuple[Applied, set[int]]:
    """Each record's fields against the latest known; the winners written."""
    done, touched = Applied(), set()
    first = set(fresh)
    early: set[str] = set()  # changes to sessions not here yet
    for record in records:
        if record.uid in first and isinstance(record, SessionRecord):
            first.discard(record.uid)  # the record its session was made from: known already
            continue
        before = fields.known(conn, record.uid)
        won = fields.remember(conn, record.uid, record.fields, record.stamp)
        session_id = fresh.get(record.uid) or _session_id(conn, record.uid)
        if session_id is None:
            early.add(record.uid)
        if session_id is None or not won:
            continue
        is_fresh = record.uid in fresh
        done.changes += _put_won(conn, session_id, record, won, before, fresh=is_fresh)
        touched.add(session_id)
    conn.executemany(
        "INSERT OR IGNORE INTO sync_waiting (uid) VALUES (?)", [(u,) for u in sorted(early)]
    )
    return done, touched


def _waiting(conn: sqlite3.Connection, fresh: dict[str, int]) -> set[str]:
    """The new sessions that changes were known to before they came."""
    if not fresh or not conn.execute("SELECT EXISTS (SELECT 1 FROM sync_waiting)").fetchone()[0]:
        return set()
    return _among(conn, "SELECT uid FROM sync_waiting WHERE uid IN ({})", list(fresh))


_CHUNK = 500  # values bound in one IN (...): well under SQLite's oldest limit, 999


def _among(conn: sqlite3.Connection, query: str, uids: list[str]) -> set[str]:
    """The uids the query finds, asked for a few hundred at a time."""
    found: set[str] = set()
    for start in range(0, len(uids), _CHUNK):
        part = uids[start : start + _CHUNK]
        found.update(r[0] for r in conn.execute(query.format(",".join("?" * len(part))), part))
    return found


def _session_id(conn: sqlite3.Connection, uid: str) -> int | None:
    row = conn.execute("SELECT id FROM session WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def _insert_new(
    conn: sqlite3.Connection, sessions: list[SessionRecord], fresh: dict[str, int]
) -> None:
    """The sessions not in the history yet (nor in ``fresh``), inserted with their rows,
    each uid with its id put in ``fresh`` (given here, as SQLite would: the transaction
    holds the history's write lock)."""
    have = _among(conn, "SELECT uid FROM session WHERE uid IN ({})", [r.uid for r in sessions])
    (last,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM session").fetchone()
    rows: list[Any] = []
    steps: list[Any] = []
    reports: list[Any] = []
    shown: list[Any] = []
    for record in sessions:
        if record.uid in fresh or record.uid in have:
            continue
        last += 1
        fresh[record.uid] = last
        device = record.stamp.device
        known = fields.as_known(record.fields)
        session = map(record.session.get, SESSION_KEYS)
        rows.append((last, record.uid, device, device, record.stamp.at, known, *session, *_NONE))
        ours = (last,).__add__  # each row with its session's id first
        steps.extend(map(ours, record.steps))
        reports.extend(map(ours, record.pain_reports))
        shown.extend(map(ours, record.shown))
    with checks_left_out(conn):
        conn.executemany(_INSERT_SESSION, rows)
        _insert_rows(conn, "step", list(STEP_KEYS), steps)
        _insert_rows(conn, "pain_report", list(REPORT_KEYS), reports)
        _insert_rows(conn, "shown", list(SHOWN_KEYS), shown)


def _insert_months(
    conn: sqlite3.Connection, months: list[MonthSessions], fresh: dict[str, int]
) -> list[SessionRecord]:
    """The month files' sessions not in the history yet, inserted a column at a time with
    their rows and their steps packed (history/packed.py), each uid with its id put in
    ``fresh``: the records of the others (already here, or twice in the batch), to be
    merged as any record."""
    (last,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM session").fetchone()
    late: list[SessionRecord] = []
    rows: list[Any] = []
    reports: list[Any] = []
    shown: list[Any] = []
    packs: list[Any] = []
    for month in months:
        have = _among(conn, "SELECT uid FROM session WHERE uid IN ({})", month.uids)
        ids: list[int | None] = []
        for index, uid in enumerate(month.uids):
            if uid in fresh or uid in have:
                ids.append(None)
                late.append(month.record(index))
                continue
            last += 1
            fresh[uid] = last
            ids.append(last)
        known = map(fields.known_text, *(month.columns[f] for f in FIELDS[:-1]), month.ratings())
        every = zip(
            ids,
            month.uids,
            repeat(month.device, len(ids)),
            repeat(month.device, len(ids)),
            month.ats,
            known,
            *(month.columns[key] for key in SESSION_KEYS),
            *zip(*month.pack.counts, strict=True),
            strict=True,
        )
        rows.extend(every if None not in ids else (row for row in every if row[0] is not None))
        reports.extend(_rows_of(ids, month.tables["pain_reports"]))
        shown.extend(_rows_of(ids, month.tables["shown"]))
        if any(i is not None for i in ids):
            pack = month.pack
            packs.append((json.dumps(ids), pack.text, pack.first_end, pack.last_end))
    with checks_left_out(conn):
        conn.executemany(_INSERT_SESSION, rows)
        _insert_rows(conn, "pain_report", list(REPORT_KEYS), reports)
        _insert_rows(conn, "shown", list(SHOWN_KEYS), shown)
    conn.executemany(
        "INSERT INTO step_pack (sessions, steps, first_end, last_end) VALUES (?, ?, ?, ?)",
        packs,
    )
    return late


def _rows_of(ids: list[int | None], tables: list[list[tuple[Any, ...]]]) -> list[Any]:
    """Each session's rows with its id first, for the sessions given one."""
    return [(i, *row) for i, rows in zip(ids, tables, strict=True) if i is not None for row in rows]


def _put_won(
    conn: sqlite3.Connection,
    session_id: int,
    record: Record,
    won: list[str],
    before: dict[str, tuple[Any, Any]],
    *,
    fresh: bool,
) -> int:
    """Write the fields that won, unless this computer changed one since the last pass (its
    change goes out next and, being later, wins)."""
    now = fields.current(conn, session_id)
    count = 0
    for field in won:
        value = record.fields[field]
        if now.get(field) == value:
            continue
        if not fresh and field in before and now.get(field) != before[field][0]:
            continue
        fields.put(conn, session_id, field, value)
        count += 1
    return count


def _catch_up(conn: sqlite3.Connection, uid: str, session_id: int) -> bool:
    now = fields.current(conn, session_id)
    later = {f: v for f, (v, _s) in fields.known(conn, uid).items() if now.get(f) != v}
    for field, value in later.items():
        fields.put(conn, session_id, field, value)
    return bool(later)
