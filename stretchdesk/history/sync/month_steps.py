"""A month file's steps as one text (history/packed.py has its form): written from each
session's rows, and checked whole when read, every value as a session file's would be.

The text is kept as it came once checked, so the check is the only thing that stands
between another computer's file and the history: each column a list as long as ``of``,
each code a place in its words, each word and value passing the column's check
(records.STEP_KEYS), each time a whole number of milliseconds within years 1 to 9999,
``of`` in order with at most ``LIMITS["steps"]`` steps to a session.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stretchdesk.history.outcome import StepOutcome
from stretchdesk.history.packed import (
    FIRST_MS,
    LAST_MS,
    STEP_COLUMNS,
    TIME_COLUMNS,
    WORD_COLUMNS,
    ms_of,
    time_of,
)
from stretchdesk.history.sync.checks import Whole
from stretchdesk.history.sync.records import JSON, LIMITS, STEP_KEYS, unicode_only

_times = Whole(FIRST_MS, LAST_MS)
_DONE, _SKIPPED = StepOutcome.COMPLETED.value, StepOutcome.SKIPPED.value


@dataclass(frozen=True)
class Pack:
    """A month's steps, checked: the text to keep, and each session's counts (by its place
    in the month: completed steps, skipped steps, seconds of all its steps)."""

    text: str
    counts: list[tuple[int, int, float]]
    first_end: str
    last_end: str


def encode(sessions: Sequence[Sequence[tuple[Any, ...]]]) -> str | None:
    """The text of these sessions' steps (each session's rows in STEP_KEYS' order), or
    None if a time in them would not come back the same from milliseconds."""
    of = [place for place, rows in enumerate(sessions) for _row in rows]
    flat = [row for rows in sessions for row in rows]
    by_key = list(zip(*flat, strict=True)) if flat else [()] * len(STEP_COLUMNS)
    document: dict[str, Any] = {"of": of}
    for key, values in zip(STEP_COLUMNS, by_key, strict=True):
        if key in WORD_COLUMNS:
            words = list(dict.fromkeys(values))
            place = {word: index for index, word in enumerate(words)}
            document[key] = {"words": words, "codes": [place[v] for v in values]}
        elif key in TIME_COLUMNS:
            ms = [ms_of(v) if type(v) is str else None for v in values]
            if None in ms:
                return None
            document[key] = ms
        else:
            document[key] = list(values)
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def decode(text: object, sessions: int) -> Pack:
    """The month's steps checked whole (``sessions``: how many the month holds); TypeError
    or ValueError naming what is wrong."""
    if type(text) is not str:
        raise TypeError("steps")
    document = JSON.decode(text)
    unicode_only(text, document)
    if type(document) is not dict:
        raise TypeError("steps")
    of = document["of"]
    if type(of) is not list:
        raise TypeError("of")
    count = len(of)
    per_session = Counter(of)
    if count and (
        not Whole(0, sessions - 1).column(of)
        or of != sorted(of)
        or max(per_session.values()) > LIMITS["steps"][1]
    ):
        raise ValueError("of")
    codes: dict[str, list[Any]] = {}
    for key, check in STEP_KEYS.items():
        codes[key] = _checked(document[key], key, check, count)
    return _pack(text, sessions, per_session, document, codes)


def _checked(column: object, key: str, check: Any, count: int) -> list[Any]:
    """The column's values (its codes, for a column of words), each checked."""
    if key in WORD_COLUMNS:
        if type(column) is not dict:
            raise TypeError(key)
        words, values = column["words"], column["codes"]
        if type(words) is not list or len(words) > max(count, 1) or not check.column(words):
            raise ValueError(key)
        valid = Whole(0, len(words) - 1)
    else:
        values, valid = column, (_times if key in TIME_COLUMNS else check)
    if type(values) is not list or len(values) != count or not valid.column(values):
        raise ValueError(key)
    return values


def _pack(
    text: str,
    sessions: int,
    per_session: Counter[int],
    document: dict[str, Any],
    codes: dict[str, list[Any]],
) -> Pack:
    words = document["status"]["words"]
    done = {i for i, w in enumerate(words) if w == _DONE}
    skipped = {i for i, w in enumerate(words) if w == _SKIPPED}
    status, seconds = codes["status"], codes["active_seconds"]
    counts: list[tuple[int, int, float]] = []
    start = 0
    for place in range(sessions):
        end = start + per_session.get(place, 0)
        mine = status[start:end]
        counts.append(
            (
                sum(map(mine.count, done)),
                sum(map(mine.count, skipped)),
                float(sum(seconds[start:end])),
            )
        )
        start = end
    ended = codes["ended_at"]
    first, last = (time_of(min(ended)), time_of(max(ended))) if ended else ("", "")
    return Pack(text, counts, first, last)
