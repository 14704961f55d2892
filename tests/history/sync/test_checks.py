"""The checks on values read from another computer's file: a column checked at once agrees
with each of its values checked alone, and both with the rule written out plainly; a file
with any bad value is refused whole."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchdesk.history.sync import folder
from stretchdesk.history.sync.checks import Among, Check, Maybe, Number, Text, Time, Whole
from stretchdesk.history.sync.folder import write_all
from stretchdesk.history.sync.names import TEMP_PREFIX
from stretchdesk.history.sync.records import (
    SESSION_KEYS,
    STEP_KEYS,
    Refused,
    SessionRecord,
    decode,
)

_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def _plain(kind: str, value: object) -> bool:
    """The rules as sentences: what each check must let through, one value at a time."""
    if kind == "maybe-time":
        return value is None or _plain("time", value)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return {
        "text": isinstance(value, str) and len(value) <= 5,
        "word": isinstance(value, str) and 0 < len(value) <= 5,
        "whole": isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10,
        "number": number and 0 <= value < 1e9,  # type: ignore[operator]
        "time": isinstance(value, str) and _TIME.fullmatch(value) is not None,
        "among": isinstance(value, str) and value in ("warmup", "stretch"),
    }[kind]


CHECKS: dict[str, Check] = {
    "text": Text(5),
    "word": Text(5, empty=False),
    "whole": Whole(0, 10),
    "number": Number(),
    "time": Time(),
    "among": Among(frozenset(("warmup", "stretch"))),
    "maybe-time": Maybe(Time()),
}

times = st.builds(
    lambda y, s, tail: f"{y:04d}-01-02T03:04:{s:02d}.000Z{tail}",
    st.integers(0, 9999),
    st.integers(0, 99),
    st.sampled_from(["", "", "", "\n", "Z", " "]),
)
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 15),
    st.integers(),
    st.floats(allow_nan=False),
    st.sampled_from([-0.0, 1e9, 999_999_999.5, math.inf, -math.inf]),
    st.text(max_size=8),
    st.sampled_from(["warmup", "stretch", "cooldown", ""]),
    times,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(CHECKS)), st.lists(values, max_size=12))
def test_a_column_passes_exactly_when_each_value_passes(kind: str, column: list[Any]) -> None:
    check = CHECKS[kind]
    assert [check(v) for v in column] == [_plain(kind, v) for v in column]
    assert check.column(column) == all(_plain(kind, v) for v in column)


def _session_file() -> dict[str, Any]:
    at = "2026-11-02T08:00:00.000Z"
    session = dict.fromkeys(SESSION_KEYS)
    session.update(
        routine_id="r",
        routine_title="R",
        started_at=at,
        ended_at=at,
        outcome="completed",
        total_steps=1,
        planned_seconds=60,
        active_seconds=60.0,
    )
    step = dict.fromkeys(STEP_KEYS)
    step.update(
        position=0,
        exercise_id="pelvic-tilt",
        title="Pelvic tilt",
        phase="warmup",
        status="completed",
        started_at=at,
        ended_at=at,
        active_seconds=60,
    )
    return {
        "format": "stretchdesk-sync",
        "version": 1,
        "kind": "session",
        "device": "a" * 32,
        "computer": "home",
        "at": at,
        "uid": "b" * 32,
        "session": session,
        "steps": [step, dict(step, position=1)],
    }


def _encoded(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


def test_a_whole_file_is_read_and_a_key_left_out_reads_as_null() -> None:
    document = _session_file()
    del document["steps"][1]["hold"]
    record = decode(_encoded(document))
    assert isinstance(record, SessionRecord)
    assert [row[0] for row in record.steps] == [0, 1]
    assert record.steps[1][list(STEP_KEYS).index("hold")] is None


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("step", "active_seconds", "NaN"),
        ("step", "active_seconds", "Infinity"),
        ("step", "active_seconds", "1e999"),
        ("step", "started_at", '"2026-11-02T08:00:00.000Z\\n"'),
        ("step", "reps", "true"),
        ("step", "phase", '["warmup"]'),
        ("step", "exercise_id", '""'),
        ("session", "pain_before", "11"),
        ("session", "planned_seconds", "-Infinity"),
        ("session", "ended_at", '"2026-11-02 08:00:00"'),
    ],
)
def test_one_bad_value_refuses_the_whole_file(where: str, key: str, value: str) -> None:
    document = _session_file()
    marker = "__bad__"
    if where == "step":
        document["steps"][1][key] = marker
    else:
        document["session"][key] = marker
    data = _encoded(document).replace(f'"{marker}"'.encode(), value.encode())
    refused = decode(data)
    assert isinstance(refused, Refused)
    assert refused.reason.startswith("it holds a wrong value")
    assert key in refused.reason


def test_a_step_that_is_not_a_table_is_refused() -> None:
    document = _session_file()
    document["steps"].append(["not", "a", "table"])
    assert isinstance(decode(_encoded(document)), Refused)


def test_files_written_together_are_all_whole(tmp_path: Path) -> None:
    wanted = [(tmp_path / "m" / f"f{i}.json", f"{i}\n".encode() * 100, False) for i in range(20)]
    written = write_all([*wanted, (None, b"", False)])
    assert written == [True] * 20 + [False]
    for path, data, _replace in wanted:
        assert path.read_bytes() == data
    assert not [p for p in (tmp_path / "m").iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert write_all(wanted) == [False] * 20  # there already, as many bytes


def test_a_file_that_cannot_be_written_is_said_once_the_others_are_whole(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where a folder should be")
    wanted: list[tuple[Path | None, bytes, bool]] = [
        (tmp_path / "m" / "a.json", b"a", False),
        (tmp_path / "blocked" / "b.json", b"b", False),
        (tmp_path / "m" / "c.json", b"c", False),
    ]
    with pytest.raises(OSError):
        write_all(wanted)
    assert (tmp_path / "m" / "a.json").read_bytes() == b"a"
    assert (tmp_path / "m" / "c.json").read_bytes() == b"c"


def test_a_failed_write_does_not_cancel_the_ones_not_yet_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One writer at a time: the second file fails before the third has started, and the
    third is still written."""
    monkeypatch.setattr(folder, "_WRITERS", 1)
    (tmp_path / "blocked").write_text("a file where a folder should be")
    wanted: list[tuple[Path | None, bytes, bool]] = [
        (tmp_path / "blocked" / "b.json", b"b", False),
        (tmp_path / "m" / "c.json", b"c", False),
        (tmp_path / "m" / "d.json", b"d", False),
    ]
    with pytest.raises(OSError):
        write_all(wanted)
    assert (tmp_path / "m" / "c.json").read_bytes() == b"c"
    assert (tmp_path / "m" / "d.json").read_bytes() == b"d"
