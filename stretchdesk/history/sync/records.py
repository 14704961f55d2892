"""The two kinds of file in the sync folder, as JSON: a finished session (with its steps,
pain reports and what was shown before it) and a later change to some of a session's
changeable fields. Both carry the format's version, the computer that wrote them and the
time they were recorded.

``decode`` checks everything before anything is stored: kinds, lengths, numbers in range,
times in the history's one format (checks.py; a file's rows a column at a time). A file
it refuses is a ``Refused`` with the reason; it is never half read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from stretchdesk.history.outcome import SessionOutcome, ShownKind, StepOutcome
from stretchdesk.history.sync.checks import (
    Among,
    Check,
    Maybe,
    Number,
    Text,
    Time,
    Whole,
    not_a_number,
)
from stretchdesk.history.sync.names import is_uid
from stretchdesk.i18n import _

FORMAT = "stretchdesk-sync"
VERSION = 1
MAX_FILE_BYTES = 1024 * 1024

# the fields another computer may change later, each with its latest value winning
FIELDS = ("note", "outcome", "pain_before", "pain_after", "pain_rating")

_FINISHED = frozenset(o.value for o in SessionOutcome if o.finished)
_time = Time()
_TABLE = frozenset((dict,))
JSON = json.JSONDecoder(parse_constant=not_a_number)  # NaN and Infinity fail every check
_number = Number()
_RATING = Maybe(Whole(0, 10))
SESSION_KEYS: dict[str, Check] = {
    "routine_id": Text(200, empty=False),
    "routine_title": Text(500),
    "started_at": _time,
    "ended_at": Maybe(_time),
    "outcome": Among(_FINISHED),
    "total_steps": Whole(0, 1000),
    "planned_seconds": _number,
    "active_seconds": _number,
    "pain_before": _RATING,
    "pain_after": _RATING,
    "stopped_step": Maybe(Whole(0, 1000)),
    "stopped_exercise": Maybe(Text(200)),
    "stopped_side": Maybe(Text(20)),
    "stopped_rep": Maybe(Whole(0, 10000)),
    "stopped_seconds": Maybe(_number),
    "note": Maybe(Text(2000)),
    "last_seen_at": Maybe(_time),
}
STEP_KEYS: dict[str, Check] = {
    "position": Whole(0, 1000),
    "routine_step": Maybe(Whole(0, 1000)),
    "exercise_id": Text(200, empty=False),
    "title": Text(500),
    "phase": Among(frozenset(("warmup", "stretch", "cooldown"))),
    "status": Among(frozenset(o.value for o in StepOutcome)),
    "started_at": _time,
    "ended_at": _time,
    "active_seconds": _number,
    "planned_seconds": Maybe(_number),
    "hold": Maybe(_number),
    "reps": Maybe(Whole(0, 1000)),
    "sides": Maybe(Text(20)),
    "swapped_from": Maybe(Text(200)),
}
REPORT_KEYS: dict[str, Check] = {
    "reported_at": _time,
    "rating": _RATING,
    "exercise_id": Maybe(Text(200)),
    "title": Maybe(Text(500)),
    "side": Maybe(Text(20)),
    "rep": Maybe(Whole(0, 10000)),
    "seconds_into_step": Maybe(_number),
}
SHOWN_KEYS: dict[str, Check] = {
    "shown_at": _time,
    "kind": Among(frozenset(k.value for k in ShownKind)),
    "name": Text(200),
    "detail": Maybe(Text(2000)),
    "step": Maybe(Whole(0, 1000)),
}
FIELD_CHECKS: dict[str, Check] = {
    "note": Maybe(Text(2000)),
    "outcome": Among(_FINISHED),
    "pain_before": _RATING,
    "pain_after": _RATING,
    "pain_rating": _RATING,
}
LIMITS = {"steps": (STEP_KEYS, 300), "pain_reports": (REPORT_KEYS, 50), "shown": (SHOWN_KEYS, 300)}


@dataclass(frozen=True)
class Stamp:
    """When a change was recorded, and where: the later wins, ties by device id."""

    at: str
    device: str

    def wins_over(self, other: Stamp | None) -> bool:
        return other is None or (self.at, self.device) > (other.at, other.device)


@dataclass(frozen=True)
class SessionRecord:
    uid: str
    stamp: Stamp
    computer: str
    session: Mapping[str, Any]  # SESSION_KEYS
    steps: Sequence[tuple[Any, ...]]  # in STEP_KEYS' order
    pain_reports: Sequence[tuple[Any, ...]]  # in REPORT_KEYS' order
    shown: Sequence[tuple[Any, ...]]  # in SHOWN_KEYS' order
    fields: Mapping[str, Any]  # the changeable fields' values, FIELDS
    # read from a month file whose steps are packed (history/packed.py): ``steps`` is
    # empty, and these are its completed and skipped steps and their seconds
    packed: tuple[int, int, float] | None = None


@dataclass(frozen=True)
class ChangeRecord:
    uid: str
    stamp: Stamp
    computer: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Refused:
    reason: str


Record = SessionRecord | ChangeRecord


def encode_session(record: SessionRecord) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "session",
        "device": record.stamp.device,
        "computer": record.computer,
        "at": record.stamp.at,
        "uid": record.uid,
        "session": dict(record.session),
        "steps": [dict(zip(STEP_KEYS, row, strict=True)) for row in record.steps],
        "pain_reports": [dict(zip(REPORT_KEYS, r, strict=True)) for r in record.pain_reports],
        "shown": [dict(zip(SHOWN_KEYS, row, strict=True)) for row in record.shown],
    }
    return dump(document)


def encode_change(record: ChangeRecord) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "change",
        "device": record.stamp.device,
        "computer": record.computer,
        "at": record.stamp.at,
        "uid": record.uid,
        "fields": dict(record.fields),
    }
    return dump(document)


def dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def load(data: bytes) -> Any:
    """The JSON document in a file's bytes. ValueError if there is none, or if a text in it
    is not Unicode: a surrogate escaped alone (``"\\ud800"``), which no history can hold."""
    text = data.decode("utf-8")
    document = JSON.decode(text)
    unicode_only(text, document)
    return document


def unreadable(data: bytes) -> Refused:
    """Why bytes that are not a JSON document cannot be used: a file of ours not complete
    (its start as every file of ours starts, the rest not there yet, or damaged), or not a
    stretchdesk file at all."""
    if data.startswith(_OURS) or _OURS.startswith(data):
        return Refused(_("it is not complete or not readable"))
    return Refused(_("it is not a stretchdesk file"))


_OURS = b'{"format":"' + FORMAT.encode() + b'"'  # how every file of ours starts (dump)


def unicode_only(text: str, document: Any) -> None:
    """ValueError if a text in the document decoded from ``text`` is a surrogate escaped
    alone (``"\\ud800"``)."""
    if "\\u" in text and ("\\ud" in text or "\\uD" in text):  # in pairs, or not
        json.dumps(document, ensure_ascii=False, default=repr).encode("utf-8")


def decode(data: bytes) -> Record | Refused:
    """The record in a file's bytes, or why it cannot be used (now)."""
    if len(data) > MAX_FILE_BYTES:
        return Refused(_("it is larger than 1 MiB"))
    try:
        document = load(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return unreadable(data)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return Refused(_("it is not a stretchdesk file"))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return Refused(_("it has no version"))
    if version > VERSION:
        return Refused(_("it was written by a newer version of stretchdesk"))
    try:
        return _record(document)
    except (KeyError, TypeError, ValueError) as exc:
        return Refused(_("it holds a wrong value ({what})").format(what=str(exc)[:80]))


def _record(document: dict[str, Any]) -> Record:
    uid, device, at = document["uid"], document["device"], document["at"]
    computer = document.get("computer", "")
    if not (is_uid(uid) and is_uid(device) and _time(at) and Text(200)(computer)):
        raise ValueError("uid, device, at")
    stamp = Stamp(at, device)
    kind = document["kind"]
    if kind == "change":
        return decode_change(document)
    if kind != "session":
        raise ValueError("kind")
    session = _checked(document["session"], SESSION_KEYS)
    rows = {key: _rows(document.get(key, []), keys, n) for key, (keys, n) in LIMITS.items()}
    return session_record(uid, stamp, computer, session, rows)


def decode_change(document: dict[str, Any]) -> ChangeRecord:
    """A change's record from its table (a change file's, or one of a month file's):
    KeyError, TypeError or ValueError for a value the record cannot hold."""
    uid, device, at = document["uid"], document["device"], document["at"]
    computer = document.get("computer", "")
    if not (is_uid(uid) and is_uid(device) and _time(at) and Text(200)(computer)):
        raise ValueError("uid, device, at")
    fields = document["fields"]
    if not isinstance(fields, dict) or not fields:
        raise ValueError("fields")
    for name, value in fields.items():
        if name not in FIELD_CHECKS or not FIELD_CHECKS[name](value):
            raise ValueError(str(name)[:40])
    return ChangeRecord(uid, Stamp(at, device), computer, fields)


def session_record(
    uid: str,
    stamp: Stamp,
    computer: str,
    session: dict[str, Any],
    rows: Mapping[str, list[tuple[Any, ...]]],
    *,
    packed: tuple[int, int, float] | None = None,
) -> SessionRecord:
    """The record of a session file whose values were all checked."""
    reports = rows["pain_reports"]
    fields = {name: session[name] for name in FIELDS if name in session}
    fields["pain_rating"] = reports[0][1] if reports else None
    steps = rows.get("steps", [])
    return SessionRecord(
        uid, stamp, computer, session, steps, reports, rows["shown"], fields, packed
    )


def _checked(item: object, keys: dict[str, Check]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise TypeError("not a table")
    values = {key: item.get(key) for key in keys}
    for key, check in keys.items():
        if not check(values[key]):
            raise ValueError(key)
    return values


def _rows(items: object, keys: dict[str, Check], limit: int) -> list[tuple[Any, ...]]:
    """The items' values in the keys' order, each column checked at once."""
    rows = table(items, keys, limit)
    if not rows:
        return rows
    for name, check, column in zip(keys, keys.values(), zip(*rows, strict=True), strict=True):
        if not check.column(column):
            raise ValueError(name)
    return rows


def table(items: object, keys: dict[str, Check], limit: int) -> list[tuple[Any, ...]]:
    """The items' values in the keys' order, not checked yet: a list of at most ``limit``
    tables, a key left out read as null."""
    if not isinstance(items, list) or len(items) > limit:
        raise ValueError("list")
    if not items:
        return []
    if not set(map(type, items)) <= _TABLE:
        raise TypeError("not a table")
    try:
        return list(map(itemgetter(*keys), items))
    except KeyError:  # a key left out reads as null
        return [tuple(map(item.get, keys)) for item in items]
