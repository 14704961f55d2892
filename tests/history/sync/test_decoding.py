"""Many files decoded together give, file by file, what each gives decoded alone: good
files, a bad value in one of them, a wrong shape, changes, and what is not a file of ours."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretchdesk.history.sync.decoding import decode_all
from stretchdesk.history.sync.months import decode_month
from stretchdesk.history.sync.records import Refused, SessionRecord, decode
from tests.history.sync.computers import computers, files
from tests.history.sync.test_constraints import REFUSED_BY_SQLITE, _document

_CHANGE = {
    "format": "stretchdesk-sync",
    "version": 1,
    "kind": "change",
    "device": "c" * 32,
    "computer": "work",
    "at": "2026-11-03T08:00:00.000Z",
    "uid": "b" * 32,
    "fields": {"note": "later"},
}


def _bad_value(table: str, column: str, value: Any) -> bytes:
    document = _document(uid="d" * 32)
    if table == "session":
        document["session"][column] = value
    else:
        key = {"step": "steps", "pain_report": "pain_reports", "shown": "shown"}[table]
        document[key][-1][column] = value
    return json.dumps(document).encode()


def _files() -> list[bytes]:
    good = [json.dumps(_document(uid=f"{n:032x}")).encode() for n in range(2)]
    good.append(json.dumps(_document(uid="f" * 32, computer="\ud83d\ude00")).encode())
    no_reports = _document(uid="e" * 32, pain_reports=[])
    del no_reports["steps"][0]["hold"]
    odd = [
        json.dumps(no_reports).encode(),
        json.dumps(_CHANGE).encode(),
        json.dumps(dict(_CHANGE, fields={"note": 5})).encode(),
        json.dumps(_document(version=2)).encode(),
        json.dumps(_document(version=True)).encode(),
        json.dumps(_document(steps={"not": "a list"})).encode(),
        json.dumps(_document(steps=[["not", "a", "table"]])).encode(),
        json.dumps(_document(session=None)).encode(),
        json.dumps(_document(uid="B" * 32)).encode(),
        json.dumps({k: v for k, v in _document().items() if k != "at"}).encode(),
        b'{"format": "stretchdesk-sync", "version": 1, "kind": "sess',
        b"\xff\xfe not text",
        b"[]",
        json.dumps(_document(uid="f" * 32, computer="\ud800")).encode(),
        json.dumps(dict(_CHANGE, fields={"note": "\udfff"})).encode(),
    ]
    bad = [_bad_value(*case) for case in REFUSED_BY_SQLITE]
    return good + odd + bad


def test_good_files_together_are_as_alone() -> None:
    datas = [json.dumps(_document(uid=f"{n:032x}")).encode() for n in range(5)]
    together = decode_all(datas)
    assert all(isinstance(r, SessionRecord) for r in together)
    assert together == [decode(d) for d in datas]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(range(len(_files()))), max_size=12))
def test_any_mix_of_files_together_is_as_each_alone(picked: list[int]) -> None:
    every = _files()
    datas = [every[i] for i in picked]
    assert decode_all(datas) == [decode(d) for d in datas]


def test_each_kind_of_file_decodes_as_expected_alone() -> None:
    results = [decode(d) for d in _files()]
    assert [isinstance(r, Refused) for r in results[:5]] == [False] * 5
    assert all(isinstance(r, Refused) for r in results[6:])


def test_a_text_no_history_can_hold_is_refused_and_the_others_read(tmp_path: Path) -> None:
    """A surrogate escaped alone reads as Python text but cannot be stored: refused with a
    reason, never a pass that fails for every file of its batch."""
    home, work = computers(tmp_path, tmp_path / "Sync")
    try:
        home.session(0, note="a smile \U0001f600")
        home.session(30, note="x")
        home.run()
        (first,) = files(tmp_path / "Sync", lambda p: b'"note":"x"' not in p.read_bytes())
        (second,) = files(tmp_path / "Sync", lambda p: b'"note":"x"' in p.read_bytes())
        second.write_bytes(second.read_bytes().replace(b'"note":"x"', b'"note":"\\ud800"'))
        report = work.run()
        assert report.sessions == 1
        assert report.skipped == [
            (str(second.relative_to(home.sync.root)), "it is not complete or not readable")
        ]
        assert work.sessions()[0][3] == "a smile \U0001f600"
        ok = json.loads(first.read_bytes())
        assert isinstance(decode(json.dumps(ok).encode()), SessionRecord)  # an escaped pair
    finally:
        home.store.close()
        work.store.close()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "it is not complete or not readable"),  # made, not written yet
        (b'{"format":"stretchdes', "it is not complete or not readable"),
        (
            b'{"format":"stretchdesk-sync","version":1,"kind":"ses',
            "it is not complete or not readable",
        ),
        (b"hello, this is a note", "it is not a stretchdesk file"),
        (b"\x89PNG\r\n\x1a\n", "it is not a stretchdesk file"),
        (b'{"format": "stretchdesk-sync", "version": 1', "it is not a stretchdesk file"),
    ],
)
def test_a_file_that_is_not_json_is_ours_not_complete_or_not_ours(data: bytes, reason: str) -> None:
    """Plain junk named like a file of ours is not called half written: only what starts as
    every file of ours starts (or could still become it) waits for the rest."""
    found = decode(data)
    assert isinstance(found, Refused) and found.reason == reason
    month = decode_month(data)
    assert isinstance(month, Refused) and month.reason == reason
