"""The steps of a month of another computer's sessions, kept as one value until they are
rows of ``step``.

A month file (sync/months.py) carries its steps as one JSON text of columns: ``counts``
(how many steps each session of the month has, in its order; the steps follow in that
order) and one list per column of ``STEP_COLUMNS``; the columns of words (exercise,
title, phase...) as ``{"words": [...], "codes": [...]}``, the two times as whole
milliseconds since 1970 (UTC), each but the first as the difference from the one before
it (short numbers: a few minutes apart). Read from another computer, that
text is kept as it came (checked whole first: sync/month_steps.py), one row of
``step_pack`` a month with its sessions' ids, and each session's counts on its own row:
a first import writes a row per session rather than ten. ``unpack`` then writes a few
months of them as rows of ``step`` at each later pass; until it has, the readers of steps
that can meet such a session read them here too (``rows``).
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from itertools import accumulate, chain, count, repeat
from typing import Any, Concatenate, ParamSpec, TypeVar

from stretchdesk.history.migrate import checks_left_out, transaction

STEP_COLUMNS = (
    "position",
    "routine_step",
    "exercise_id",
    "title",
    "phase",
    "status",
    "started_at",
    "ended_at",
    "active_seconds",
    "planned_seconds",
    "hold",
    "reps",
    "sides",
    "swapped_from",
)
WORD_COLUMNS = frozenset(("exercise_id", "title", "phase", "status", "sides", "swapped_from"))
TIME_COLUMNS = frozenset(("started_at", "ended_at"))
ENDED = 1 + STEP_COLUMNS.index("ended_at")  # in a row of ``rows``, after the session id

_EPOCH = datetime(1970, 1, 1)
_MS = timedelta(milliseconds=1)
FIRST_MS = (datetime(1, 1, 1) - _EPOCH) // _MS
LAST_MS = (datetime(9999, 12, 31, 23, 59, 59, 999000) - _EPOCH) // _MS
_CHUNK = 500  # ids bound in one IN (...)
P = ParamSpec("P")
R = TypeVar("R")


def time_of(ms: int) -> str:
    """The history's time (``YYYY-MM-DDTHH:MM:SS.mmmZ``) of milliseconds since 1970."""
    return (_EPOCH + timedelta(milliseconds=ms)).isoformat(timespec="milliseconds") + "Z"


def ms_of(text: str) -> int | None:
    """The milliseconds of a history time, or None if they do not give it back the same."""
    if not text.endswith("Z"):
        return None
    try:
        moment = datetime.fromisoformat(text[:-1])
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return None
    ms = (moment - _EPOCH) // _MS
    return ms if time_of(ms) == text else None


def columns(text: str) -> dict[str, list[Any]]:
    """A pack's columns, its words and times as the history keeps them (a text that was
    checked when it was read)."""
    document = json.loads(text)
    found: dict[str, list[Any]] = {"of": of_counts(document["counts"])}
    for key in STEP_COLUMNS:
        column = document[key]
        if key in WORD_COLUMNS:
            found[key] = list(map(column["words"].__getitem__, column["codes"]))
        elif key in TIME_COLUMNS:
            found[key] = list(map(time_of, accumulate(column)))
        else:
            found[key] = column
    return found


def of_counts(counts: list[int]) -> list[int]:
    """Each step's session, by its place in the month, from how many steps each has."""
    return list(chain.from_iterable(map(repeat, count(), counts)))


def expand(text: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(the session's place in the month, the step's values in ``STEP_COLUMNS``' order)."""
    found = columns(text)
    return zip(found["of"], zip(*(found[key] for key in STEP_COLUMNS), strict=True), strict=True)


@contextlib.contextmanager
def one_moment(conn: sqlite3.Connection) -> Iterator[None]:
    """Reads that see the steps as of one moment: in one read transaction (unless one is
    open already), so a pack written as rows meanwhile is not missed between the rows read
    and the packs read, or read twice."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # nothing was written: the read ends
            conn.execute("COMMIT")


def at_one_moment(
    read: Callable[Concatenate[sqlite3.Connection, P], R],
) -> Callable[Concatenate[sqlite3.Connection, P], R]:
    """A reader of the history whose reads all see it as of one moment (``one_moment``)."""

    @functools.wraps(read)
    def reading(conn: sqlite3.Connection, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with one_moment(conn):
            return read(conn, *args, **kwargs)

    return reading


def present(conn: sqlite3.Connection) -> bool:
    """Whether any month's steps are still packed (never, in a history older than packs
    read as it is)."""
    try:
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM step_pack)").fetchone()[0])
    except sqlite3.OperationalError:
        return False


def rows(conn: sqlite3.Connection, *, ended_since: str | None = None) -> list[tuple[Any, ...]]:
    """(session id, the values of ``STEP_COLUMNS``) of each packed step, by session and
    position; with ``ended_since``, only the steps that ended then or later."""
    if not present(conn):
        return []
    query = "SELECT sessions, steps FROM step_pack"
    found: list[tuple[Any, ...]] = []
    for sessions, text in conn.execute(
        query + (" WHERE last_end >= ? ORDER BY id" if ended_since else " ORDER BY id"),
        (ended_since,) if ended_since else (),
    ):
        steps = _steps(sessions, text)
        for sid, *row in steps or ():
            if ended_since is None or row[ENDED - 1] >= ended_since:
                found.append((sid, *row))
    found.sort(key=lambda row: row[0])  # (stable: each session's steps stay in order)
    return found


def unpack(conn: sqlite3.Connection, *, months: int) -> int:
    """Write up to ``months`` packs as rows of ``step``, each in one transaction with its
    sessions' counts taken off their rows: how many are left to write. One that cannot be
    read (a damaged history) is left as it is and not counted: never tried without end."""
    if not present(conn):
        return 0
    packs = [r[0] for r in conn.execute("SELECT id FROM step_pack ORDER BY id")]
    written = damaged = 0
    for pack_id in packs:
        if written >= months:
            break
        with transaction(conn):
            if _write_rows(conn, pack_id):
                written += 1
            else:
                damaged += 1
    return len(packs) - written - damaged


def _write_rows(conn: sqlite3.Connection, pack_id: int) -> bool:
    found = conn.execute(
        "SELECT sessions, steps FROM step_pack WHERE id = ?", (pack_id,)
    ).fetchone()
    steps = None if found is None else _steps(*found)
    if steps is None:
        return False
    there = _existing(conn, sorted({row[0] for row in steps}))
    with checks_left_out(conn):
        conn.executemany(
            f"INSERT INTO step (session_id, {', '.join(STEP_COLUMNS)}) "
            f"VALUES (?, {', '.join('?' * len(STEP_COLUMNS))})",
            [row for row in steps if row[0] in there],
        )
    ids = json.loads(found[0])
    conn.executemany(
        "UPDATE session SET packed_done = NULL, packed_skipped = NULL, "
        "packed_active = NULL WHERE id = ?",
        [(i,) for i in sorted(_existing(conn, [i for i in ids if i is not None]))],
    )
    conn.execute("DELETE FROM step_pack WHERE id = ?", (pack_id,))
    return True


def _steps(sessions: str, text: str) -> list[tuple[Any, ...]] | None:
    """(session id, values) of a pack's steps, its sessions' ids given; None if it cannot
    be read (it was checked whole when it came: only a damaged history)."""
    try:
        ids = json.loads(sessions)
        return [(ids[of], *row) for of, row in expand(text) if ids[of] is not None]
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None


def _existing(conn: sqlite3.Connection, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        query = f"SELECT id FROM session WHERE id IN ({','.join('?' * len(part))})"
        found.update(r[0] for r in conn.execute(query, part))
    return found
