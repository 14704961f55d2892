"""A month file's steps as one text (history/packed.py has its form): written from each
session's rows, and checked whole when read, every value as a session file's would be.

The text is kept as it came once checked, so the check is the only thing that stands
between another computer's file and the history: ``counts`` a whole number for each session of
the month, at most ``LIMITS["steps"]``; each column a list as long as their sum; each code
a place in its words; each word and value passing the column's check (records.STEP_KEYS);
each time a whole number of milliseconds within years 1 to 9999 once added up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise
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
_WHOLE = frozenset((int,))
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
    flat = [row for rows in sessions for row in rows]
    by_key = list(zip(*flat, strict=True)) if flat else [()] * len(STEP_COLUMNS)
    document: dict[str, Any] = {"counts": [len(rows) for rows in sessions]}
    for key, values in zip(STEP_COLUMNS, by_key, strict=True):
        if key in WORD_COLUMNS:
            words = list(dict.fromkeys(values))
            place = {word: index for index, word in enumerate(words)}
            document[key] = {"words": words, "codes": [place[v] for v in values]}
        elif key in TIME_COLUMNS:
            ms = [ms_of(v) if type(v) is str else None for v in values]
            if None in ms:
                return None
            document[key] = [b - a for a, b in pairwise([0, *ms])]  # type: ignore[operator]
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
    counts = document["counts"]
    if type(counts) is not list or len(counts) != sessions:
        raise ValueError("counts")
    if not Whole(0, LIMITS["steps"][1]).column(counts):
        raise ValueError("counts")
    steps = sum(counts)
    codes: dict[str, list[Any]] = {}
    for key, check in STEP_KEYS.items():
        codes[key] = _checked(document[key], key, check, steps)
    return _pack(text, counts, document, codes)


def _checked(column: object, key: str, check: Any, count: int) -> list[Any]:
    """The column's values (its codes, for a column of words), each checked."""
    if key in WORD_COLUMNS:
        if type(column) is not dict:
            raise TypeError(key)
        words, values = column["words"], column["codes"]
        if type(words) is not list or len(words) > max(count, 1) or not check.column(words):
            raise ValueError(key)
        valid = Whole(0, len(words) - 1)
    elif key in TIME_COLUMNS:  # whole numbers, whose sums are each a time in range
        if type(column) is not list or not set(map(type, column)) <= _WHOLE:
            raise ValueError(key)
        values, valid = list(accumulate(column)), _times
    else:
        values, valid = column, check
    if type(values) is not list or len(values) != count or not valid.column(values):
        raise ValueError(key)
    return values


def _pack(
    text: str, per_session: list[int], document: dict[str, Any], codes: dict[str, list[Any]]
) -> Pack:
    words = document["status"]["words"]
    done = {i for i, w in enumerate(words) if w == _DONE}
    skipped = {i for i, w in enumerate(words) if w == _SKIPPED}
    status, seconds = codes["status"], codes["active_seconds"]
    counts: list[tuple[int, int, float]] = []
    start = 0
    for steps in per_session:
        end = start + steps
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
