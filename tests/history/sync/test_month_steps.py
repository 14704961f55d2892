"""A month file's steps as one text: written and read back the same, and every way such a
text can be wrong (half written, hostile, from a faulty writer) refused whole, so that
nothing unchecked is ever kept in the history."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from stretchdesk.history import packed
from stretchdesk.history.sync import month_steps

T0, T1, T2 = "2026-11-02T08:00:00.000Z", "2026-11-02T08:01:00.000Z", "2026-11-02T08:01:30.500Z"
SESSIONS = [
    [
        (0, 0, "march", "March", "warmup", "completed", T0, T1, 60.0, 60.0, None, None, "none",
         None),
        (1, 1, "knee-hug", "Knee «hug»", "stretch", "skipped", T1, T2, 0.0, 40.0, 20.0, 2, "both",
         "pelvic-tilt"),
    ],
    [],  # a session of the month without steps
    [(0, None, "march", "March", "warmup", "stopped", T2, T2, 0.25, None, None, None, None, None)],
]  # fmt: skip


def _text(change: Callable[[dict[str, Any]], object] | None = None) -> str:
    text = month_steps.encode(SESSIONS)
    assert text is not None
    if change is None:
        return text
    document = json.loads(text)
    change(document)
    return json.dumps(document)


def test_a_month_of_steps_comes_back_the_same_with_each_sessions_counts() -> None:
    pack = month_steps.decode(_text(), len(SESSIONS))
    assert pack.counts == [(1, 1, 60.0), (0, 0, 0.0), (0, 0, 0.25)]
    assert (pack.first_end, pack.last_end) == (T1, T2)
    back: list[list[tuple[Any, ...]]] = [[] for _ in SESSIONS]
    for place, row in packed.expand(pack.text):
        back[place].append(row)
    assert back == SESSIONS
    assert json.loads(pack.text)["started_at"] == [1793606400000, 60000, 30500]  # differences


def test_a_time_that_would_not_come_back_the_same_is_not_written_as_a_number() -> None:
    wrong = [[(*SESSIONS[0][0][:6], "2026-02-30T08:00:00.000Z", *SESSIONS[0][0][7:])]]
    assert month_steps.encode(wrong) is None  # (the month file is then of version 1)


def _set(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        place = document
        for key in path[:-1]:
            place = place[key]
        place[path[-1]] = value

    return change


WRONG: dict[str, Callable[[dict[str, Any]], object]] = {
    "fewer sessions counted": _set(("counts",), [2, 0]),
    "counts not of the steps": _set(("counts",), [1, 0, 0]),
    "a count below zero": _set(("counts",), [4, -1, 0]),
    "too many steps to a session": _set(("counts",), [301, 0, 0]),
    "a count not whole": _set(("counts",), [2.0, 0, 1]),
    "a code past its words": _set(("status", "codes", 0), 3),
    "a code below zero": _set(("status", "codes", 0), -1),
    "a code not whole": _set(("status", "codes", 0), 1.0),
    "a code true": _set(("status", "codes", 0), True),
    "a word not of its column": _set(("phase", "words", 0), "jogging"),
    "no word where one must be": _set(("exercise_id", "words", 0), None),
    "an empty exercise": _set(("exercise_id", "words", 0), ""),
    "a title too long": _set(("title", "words", 0), "x" * 501),
    "more words than steps": _set(("sides", "words"), ["none", "both", "x", "y"]),
    "codes not as many as steps": _set(("phase", "codes"), [0, 0]),
    "a time not whole": _set(("ended_at", 1), 1.5),
    "a time after the year 9999": _set(("ended_at", 0), 10**15),
    "a time before the year 1": _set(("started_at", 0), -(10**15)),
    "times adding up past the year 9999": _set(("ended_at",), [packed.LAST_MS, 1, 1]),
    "seconds below zero": _set(("active_seconds", 0), -1.0),
    "seconds not a number": _set(("active_seconds", 0), "60"),
    "a column left out": lambda d: d.pop("hold"),
    "a column not a list": _set(("reps",), {"codes": []}),
    "words not a table": _set(("title",), ["March"]),
    "a position true": _set(("position", 0), True),
}


@pytest.mark.parametrize("change", WRONG.values(), ids=list(WRONG))
def test_a_wrong_value_refuses_the_whole_month(change: Callable[[dict[str, Any]], object]) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        month_steps.decode(_text(change), len(SESSIONS))


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        '{"counts": [NaN]}',
        _text().replace('"knee-hug"', '"knee-\\ud800"'),  # a surrogate alone
        "[" * 100_000 + "]" * 100_000,
        _text()[:-9],  # half written
        None,
    ],
    ids=["not a table", "NaN", "surrogate", "nested", "half", "not a text"],
)
def test_a_text_that_is_not_a_month_of_steps_is_refused(text: object) -> None:
    with pytest.raises((KeyError, TypeError, ValueError, RecursionError)):
        month_steps.decode(text, len(SESSIONS))


def test_a_packs_columns_are_the_step_files_columns_in_their_order() -> None:
    """history/packed.py names the columns without the sync package (its checks): the two
    lists are one, in one order (a row of a pack is a row of a file)."""
    from stretchdesk.history.sync.records import STEP_KEYS  # noqa: PLC0415

    assert tuple(STEP_KEYS) == packed.STEP_COLUMNS
    assert set(STEP_KEYS) > packed.WORD_COLUMNS | packed.TIME_COLUMNS
