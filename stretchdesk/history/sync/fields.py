"""A session's changeable fields in the history, and the latest change known to each:
reading them, writing a value, and the rule that picks a winner.

The latest change known to a field is the later of two: the file a session was read from
(its row's ``known_at`` and ``known``, its computer the row's ``device``), and a row of
``sync_field`` (every later change, this computer's own sessions' files, and a change that
came before its session).

The rule: of two changes to one field, the one recorded later wins; at the same time, the
one from the greater device id. Every computer applies it to the same changes, so they all
end the same, whatever order the files arrived in.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.sync.records import FIELDS, Stamp

_CURRENT = """
SELECT s.note, s.outcome, s.pain_before, s.pain_after,
       (SELECT r.rating FROM pain_report r WHERE r.session_id = s.id ORDER BY r.id LIMIT 1)
FROM session s WHERE s.id = ?
"""


def current(conn: sqlite3.Connection, session_id: int) -> dict[str, Any]:
    """The session's changeable fields as the history holds them now."""
    row = conn.execute(_CURRENT, (session_id,)).fetchone()
    return dict(zip(FIELDS, row, strict=True)) if row else {}


def known(conn: sqlite3.Connection, uid: str) -> dict[str, tuple[Any, Stamp]]:
    """The latest change known to each field of the session: its value and stamp."""
    found: dict[str, tuple[Any, Stamp]] = {}
    row = conn.execute(
        "SELECT known, known_at, device FROM session WHERE uid = ? AND known_at IS NOT NULL",
        (uid,),
    ).fetchone()
    if row is not None:
        stamp = Stamp(row[1], row[2])
        found = {f: (v, stamp) for f, v in zip(FIELDS, json.loads(row[0]), strict=True)}
    for field, value, at, device in conn.execute(
        "SELECT field, value, at, device FROM sync_field WHERE uid = ?", (uid,)
    ):
        stamp = Stamp(at, device)
        if field not in found or stamp.wins_over(found[field][1]):
            found[field] = (json.loads(value), stamp)
    return found


_OUTCOMES = frozenset(o.value for o in SessionOutcome)
_RATINGS = frozenset((int, type(None)))
_KNOWN = json.JSONEncoder(ensure_ascii=False)  # made once: json.dumps would make one a call


def as_known(values: Mapping[str, Any]) -> str:
    """A file's field values as the session row's ``known`` keeps them."""
    return known_text(*map(values.get, FIELDS))


def known_text(note: Any, outcome: Any, *ratings: Any) -> str:
    """``as_known`` of the fields' values in FIELDS' order."""
    if note is None and outcome in _OUTCOMES and set(map(type, ratings)) <= _RATINGS:
        return _without_note(outcome, *ratings)
    return _KNOWN.encode([note, outcome, *ratings])


@functools.lru_cache(maxsize=1024)  # the same few values over and over
def _without_note(outcome: str, *ratings: int | None) -> str:
    """As the encoder writes them: the common case of no note, made without it (a tenth of
    a second over ten years of another computer's sessions)."""
    return _KNOWN.encode([None, outcome, *ratings])


def remember(
    conn: sqlite3.Connection, uid: str, values: Mapping[str, Any], stamp: Stamp
) -> list[str]:
    """Keep each value whose stamp wins over the one known; returns the fields that won."""
    have = known(conn, uid)
    won = [f for f in values if f in FIELDS and stamp.wins_over(have.get(f, (None, None))[1])]
    conn.executemany(
        "INSERT OR REPLACE INTO sync_field (uid, field, value, at, device) VALUES (?, ?, ?, ?, ?)",
        [(uid, f, json.dumps(values[f]), stamp.at, stamp.device) for f in won],
    )
    return won


def put(conn: sqlite3.Connection, session_id: int, field: str, value: Any) -> None:
    """Write one field's value into the session (and what goes with it)."""
    if field == "pain_rating":
        conn.execute(
            "UPDATE pain_report SET rating = ? WHERE id = (SELECT id FROM pain_report "
            "WHERE session_id = ? ORDER BY id LIMIT 1)",
            (value, session_id),
        )
    elif field == "outcome":
        conn.execute(
            "UPDATE session SET outcome = ? WHERE id = ? AND outcome != ?",
            (value, session_id, SessionOutcome.RUNNING.value),
        )
        if value != SessionOutcome.STOPPED_FOR_PAIN.value:
            # as on the computer where it was changed: "it was not pain" withdraws the report
            conn.execute("DELETE FROM pain_report WHERE session_id = ?", (session_id,))
    elif field in ("note", "pain_before", "pain_after"):
        conn.execute(f"UPDATE session SET {field} = ? WHERE id = ?", (value, session_id))


def differing(now: Mapping[str, Any], values: Mapping[str, Any], names: Iterable[str]) -> list[str]:
    return [f for f in names if now.get(f) != values.get(f)]
