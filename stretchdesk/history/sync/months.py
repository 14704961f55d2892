"""A computer's files of a finished month gathered into one month file, read in one go.

Once a month is over, the computer that wrote a month folder's files writes one more file
there, once, whole (``m.<device>.<YYYY-MM>.json``, names.py): every session and change of
its files in that folder, and the names of those files. A computer reading the folder for
the first time reads that one file instead of hundreds, its values a column at a time
(checks.py); the files it names stay where they are and are read as before by a reader
that cannot use the month file (an older version, which does not know its name; a month
file refused now, half synced or hostile). A session met in both is one session, a change
met twice changes nothing (inbox.py), so the two can be read in any order. A file put in
the folder after the month file (a session that ended late) stays on its own.

The month file keeps each table as columns (a list of values per key), not as a list of
tables: decoding lists of plain values costs a fraction of decoding a table per row. From
its version 2 on, its steps are one text (month_steps.py, history/packed.py): words as
codes, times as numbers, kept in the history as they came until written as rows. A month
whose times cannot be written so is written as version 1, which is still read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stretchdesk.history.sync import month_steps
from stretchdesk.history.sync.checks import Check, Text, Time, Whole
from stretchdesk.history.sync.month_steps import Pack
from stretchdesk.history.sync.names import all_plain, is_month, is_uid, parse_name
from stretchdesk.history.sync.records import (
    FORMAT,
    LIMITS,
    SESSION_KEYS,
    VERSION,
    ChangeRecord,
    Record,
    Refused,
    SessionRecord,
    Stamp,
    decode_change,
    dump,
    load,
    session_record,
    unreadable,
)
from stretchdesk.i18n import _

MONTH_VERSION = 2  # the steps as one text (version 1: as columns, like the other tables)
MAX_MONTH_BYTES = 64 * 1024 * 1024  # a month of three sessions a day is ~150 KiB
MAX_SESSIONS = 20_000  # in one month file
MAX_FILES = 100_000
_UIDS = re.compile(r"(?:[0-9a-f]{32})*")
_time = Time()
_computer = Text(200)


@dataclass(frozen=True)
class MonthSessions:
    """A month file's sessions as its columns, every value checked (version 2): brought
    into the history a column at a time (inbox.py), each made a record only where one is
    needed (a session the history has already)."""

    device: str
    uids: list[str]
    ats: list[str]  # each session's recorded time
    computers: list[str]
    columns: dict[str, list[Any]]  # SESSION_KEYS' values
    tables: dict[str, list[list[tuple[Any, ...]]]]  # pain_reports, shown: each session's
    pack: Pack  # the steps

    def record(self, index: int) -> SessionRecord:
        return session_record(
            self.uids[index],
            Stamp(self.ats[index], self.device),
            self.computers[index],
            {key: self.columns[key][index] for key in SESSION_KEYS},
            {name: rows[index] for name, rows in self.tables.items()},
            packed=self.pack.counts[index],
        )

    def records(self) -> list[SessionRecord]:
        return [self.record(index) for index in range(len(self.uids))]

    def ratings(self) -> list[Any]:
        """Each session's pain rating (its first pain report's), as a record's fields."""
        return [rows[0][1] if rows else None for rows in self.tables["pain_reports"]]


@dataclass(frozen=True)
class MonthRecord:
    """What a month file holds: its computer's records of that month, and the names of the
    files they were gathered from."""

    device: str
    month: str
    files: frozenset[str]
    records: Sequence[Record]  # its changes, and its sessions unless in ``sessions``
    sessions: MonthSessions | None = None  # its sessions, from version 2 on


def held(month: MonthRecord) -> set[str]:
    """The names of the files the month file holds: those it names whose record it has
    (a name it gives without its record is read on its own)."""
    sessions = {r.uid for r in month.records if isinstance(r, SessionRecord)}
    sessions.update(month.sessions.uids if month.sessions is not None else ())
    changes = {r.uid for r in month.records if isinstance(r, ChangeRecord)}
    found = set()
    for name in month.files:  # each checked by decode_month: "<kind>.<device>.<uid>..."
        kind, _device, rest = name.split(".", 2)
        if rest[:32] in (sessions if kind == "s" else changes):
            found.add(name)
    return found


def encode_month(
    device: str, computer: str, month: str, gathered: list[tuple[str, Record]]
) -> bytes:
    """The month file of these (file name, record)s, in the order given."""
    sessions = [r for _n, r in gathered if isinstance(r, SessionRecord)]
    changes = [r for _n, r in gathered if isinstance(r, ChangeRecord)]
    columns: dict[str, list[Any]] = {
        "uid": [r.uid for r in sessions],
        "at": [r.stamp.at for r in sessions],
        "computer": [r.computer for r in sessions],
    }
    for key in SESSION_KEYS:
        columns[key] = [r.session.get(key) for r in sessions]
    packed = month_steps.encode([r.steps for r in sessions])
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION if packed is None else MONTH_VERSION,
        "kind": "month",
        "device": device,
        "computer": computer,
        "month": month,
        "files": [name for name, _r in gathered],
        "sessions": columns,
    }
    for table, (keys, _limit) in LIMITS.items():
        if table == "steps" and packed is not None:
            document[table] = packed
            continue
        of: list[int] = []
        values: list[tuple[Any, ...]] = []
        for index, record in enumerate(sessions):
            rows = getattr(record, table)
            of.extend([index] * len(rows))
            values.extend(rows)
        by_key = list(zip(*values, strict=True)) if values else [()] * len(keys)
        document[table] = {"of": of, **{k: list(c) for k, c in zip(keys, by_key, strict=True)}}
    document["changes"] = [
        {"uid": c.uid, "at": c.stamp.at, "computer": c.computer, "fields": dict(c.fields)}
        for c in changes
    ]
    return dump(document)


def decode_month(data: bytes) -> MonthRecord | Refused:
    """The month file's records, every value checked, or why it cannot be used (now)."""
    if len(data) > MAX_MONTH_BYTES:
        return Refused(_("it is larger than {size} MiB").format(size=MAX_MONTH_BYTES >> 20))
    try:
        document = load(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return unreadable(data)
    if type(document) is not dict or document.get("format") != FORMAT:
        return Refused(_("it is not a stretchdesk file"))
    version = document.get("version")
    if type(version) is not int or version < 1:
        return Refused(_("it has no version"))
    if version > MONTH_VERSION:
        return Refused(_("it was written by a newer version of stretchdesk"))
    try:
        return _month(document, packed=version >= MONTH_VERSION)
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        return Refused(_("it holds a wrong value ({what})").format(what=str(exc)[:80]))


def _month(document: dict[str, Any], *, packed: bool) -> MonthRecord:
    device, month = document["device"], document["month"]
    if document["kind"] != "month" or not is_uid(device) or type(month) is not str:
        raise ValueError("kind, device, month")
    if not is_month(month):
        raise ValueError("month")
    files = document["files"]
    if type(files) is not list or len(files) > MAX_FILES:
        raise ValueError("files")
    for name in [] if all_plain(device, files) else files:
        meaning = parse_name(name) if type(name) is str else None
        if meaning is None or meaning.device != device or meaning.kind == "m":
            raise ValueError("files")
    sessions = _sessions(document, device, packed=packed)
    changes: list[Record] = []
    items = document["changes"]
    if type(items) is not list or len(items) > MAX_FILES:
        raise ValueError("changes")
    for item in items:
        if type(item) is not dict:
            raise TypeError("changes")
        changes.append(decode_change({**item, "device": device}))
    if isinstance(sessions, MonthSessions):
        return MonthRecord(device, month, frozenset(files), changes, sessions)
    return MonthRecord(device, month, frozenset(files), [*sessions, *changes])


def _columns(table: object, keys: Sequence[str], count: int | None) -> dict[str, list[Any]]:
    """A table's columns, each a list, all as long (as ``count`` if given)."""
    if type(table) is not dict:
        raise TypeError("not a table")
    columns = {key: table[key] for key in keys}
    lengths = {len(c) if type(c) is list else -1 for c in columns.values()}
    if len(lengths) != 1 or -1 in lengths or (count is not None and lengths != {count}):
        raise ValueError("columns")
    return columns


def _check(columns: dict[str, list[Any]], checks: dict[str, Check]) -> None:
    for key, check in checks.items():
        if not check.column(columns[key]):
            raise ValueError(key)


def _sessions(
    document: dict[str, Any], device: str, *, packed: bool
) -> list[SessionRecord] | MonthSessions:
    columns = _columns(document["sessions"], ("uid", "at", "computer", *SESSION_KEYS), None)
    uids = columns["uid"]
    count = len(uids)
    if count > MAX_SESSIONS:
        raise ValueError("sessions")
    text = "".join(uids) if set(map(type, uids)) <= {str} else ""
    if len(text) != 32 * count or not _UIDS.fullmatch(text):
        raise ValueError("uid")
    _check(columns, {"at": _time, "computer": _computer, **SESSION_KEYS})
    grouped = {
        name: _rows(document[name], keys, limit, count)
        for name, (keys, limit) in LIMITS.items()
        if not (packed and name == "steps")
    }
    if packed:
        pack = month_steps.decode(document["steps"], count)
        values = {key: columns[key] for key in SESSION_KEYS}
        return MonthSessions(
            device, uids, columns["at"], columns["computer"], values, grouped, pack
        )
    tables = zip(*(grouped[name] for name in grouped), strict=True)
    rows = zip(*(columns[key] for key in SESSION_KEYS), strict=True)
    return [
        session_record(
            uid,
            Stamp(at, device),
            computer,
            dict(zip(SESSION_KEYS, row, strict=True)),
            dict(zip(grouped, of_session, strict=True)),
        )
        for uid, at, computer, row, of_session in zip(
            uids, columns["at"], columns["computer"], rows, tables, strict=True
        )
    ]


def _rows(
    table: object, keys: dict[str, Check], limit: int, sessions: int
) -> list[list[tuple[Any, ...]]]:
    """A table's rows, each session's in a list (by its index), every value checked."""
    columns = _columns(table, ("of", *keys), None)
    of = columns["of"]
    if not of:
        return [[] for _ in range(sessions)]
    if not Whole(0, sessions - 1).column(of):
        raise ValueError("of")
    counts = Counter(of)
    if max(counts.values()) > limit:
        raise ValueError("of")
    _check(columns, keys)
    rows = list(zip(*(columns[key] for key in keys), strict=True))
    if of == sorted(of):  # as written: each session's rows together, in its order
        grouped, start = [], 0
        for index in range(sessions):
            end = start + counts.get(index, 0)
            grouped.append(rows[start:end])
            start = end
        return grouped
    grouped = [[] for _ in range(sessions)]
    for index, row in zip(of, rows, strict=True):
        grouped[index].append(row)
    return grouped
