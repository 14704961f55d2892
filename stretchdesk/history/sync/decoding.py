"""Many files' records at once, as ``records.decode`` gives them one by one: the same answer
for each file, with the values of all the session files checked a column at a time across
the files (a few calls into C per column for a folder of files, not for each file; what a
first import of years of sessions needs).

A column passes exactly when each of its values passes (checks.py), so the columns of many
files pass exactly when each file's do. A file that is not a well-formed session file, and
every file of a group whose values are not all right, is decoded alone by ``decode``: its
reason is the one ``decode`` gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from stretchdesk.history.sync.checks import Text, Time
from stretchdesk.history.sync.names import is_uid
from stretchdesk.history.sync.records import (
    FORMAT,
    LIMITS,
    MAX_FILE_BYTES,
    SESSION_KEYS,
    VERSION,
    Record,
    Refused,
    Stamp,
    decode,
    load,
    session_record,
    table,
)

_time = Time()
_computer = Text(200)


@dataclass(frozen=True)
class _Unchecked:
    """A session file's parts, its values not checked yet."""

    uid: str
    stamp: Stamp
    computer: str
    session: tuple[Any, ...]  # in SESSION_KEYS' order
    rows: dict[str, list[tuple[Any, ...]]]  # by records.LIMITS' keys


def decode_all(datas: Sequence[bytes]) -> list[Record | Refused]:
    """``decode`` of each of the files' bytes, in their order."""
    found: list[Record | Refused | None] = [None] * len(datas)
    unchecked: list[tuple[int, _Unchecked]] = []
    for index, data in enumerate(datas):
        parts = _parts(data)
        if parts is None:
            found[index] = decode(data)
        else:
            unchecked.append((index, parts))
    every = [parts for _i, parts in unchecked]
    if _all_pass(every):
        for index, parts in unchecked:
            session = dict(zip(SESSION_KEYS, parts.session, strict=True))
            found[index] = session_record(
                parts.uid, parts.stamp, parts.computer, session, parts.rows
            )
    else:
        for index, _parts_of in unchecked:
            found[index] = decode(datas[index])
    return [record for record in found if record is not None]


def _parts(data: bytes) -> _Unchecked | None:
    """The parts of a well-formed session file, or None (a change, or anything ``decode``
    may refuse for other than a value)."""
    if len(data) > MAX_FILE_BYTES:
        return None
    try:
        document = load(data)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if type(document) is not dict or document.get("format") != FORMAT:
        return None
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= VERSION:
        return None
    if document.get("kind") != "session":
        return None
    uid, device, at = document.get("uid"), document.get("device"), document.get("at")
    computer = document.get("computer", "")
    if not (is_uid(uid) and is_uid(device) and _time(at) and _computer(computer)):
        return None
    session = document.get("session")
    if type(session) is not dict:
        return None
    try:
        rows = {key: table(document.get(key, []), keys, n) for key, (keys, n) in LIMITS.items()}
    except (TypeError, ValueError):
        return None
    values = tuple(map(session.get, SESSION_KEYS))
    return _Unchecked(str(uid), Stamp(str(at), str(device)), str(computer), values, rows)


def _all_pass(every: list[_Unchecked]) -> bool:
    """Whether every value of these files passes its check."""
    if not every:
        return True
    sessions = zip(*(parts.session for parts in every), strict=True)
    if not all(check.column(c) for check, c in zip(SESSION_KEYS.values(), sessions, strict=True)):
        return False
    for key, (keys, _limit) in LIMITS.items():
        rows = list(chain.from_iterable(parts.rows[key] for parts in every))
        if rows and not all(
            check.column(column)
            for check, column in zip(keys.values(), zip(*rows, strict=True), strict=True)
        ):
            return False
    return True
