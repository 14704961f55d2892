"""A finished month's files gathered into one month file: written once by the computer
that owns them, read in one go by the others, the same history as from the files it holds,
in any order, a copy or a refused month file changing nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from stretchdesk.history import packed
from stretchdesk.history.sync import gather, inbox, syncer
from stretchdesk.history.sync.inbox import read_records
from stretchdesk.history.sync.months import MonthRecord, decode_month, encode_month
from stretchdesk.history.sync.names import month_file, parse_name
from stretchdesk.history.sync.records import Refused, SessionRecord
from tests.history.sync.computers import Computer, computers, files, settle

DAY = 24 * 3600
_INNER_PHASE = b'\\"phase\\":{\\"words\\":[\\"'  # in the steps' text, itself in JSON


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Computer]]:
    made = computers(tmp_path, tmp_path / "Sync")
    yield made
    for machine in made:
        machine.store.close()


def _november(home: Computer) -> None:
    """Three sessions in November (one stopped for pain), then a note changed on one."""
    sid = home.session(0, note="morning")
    home.session(60, pain=True)
    home.session(24 * 60, routine="other")
    home.run()
    home.clock.advance(3600)
    home.store.set_note(sid, "better later")
    home.run()


def _month_path(home: Computer) -> Path:
    return home.sync.root / home.sync.device / "2026-11" / month_file(home.sync.device, "2026-11")


def _gathered(home: Computer) -> Path:
    home.clock.advance(35 * DAY)  # December, the month over for days
    report = home.run()
    assert report.written == 1
    path = _month_path(home)
    assert path.is_file()
    return path


def test_a_finished_month_is_gathered_once_and_its_files_stay(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, _work = pair
    _november(home)
    singles = files(tmp_path / "Sync")
    assert len(singles) == 4  # three sessions and a change
    home.clock.advance(28 * DAY)  # the 30th of November: not over yet
    assert home.run().written == 0
    home.clock.advance(2 * DAY)  # the 2nd of December: over, but only just
    assert home.run().written == 0
    path = _gathered(home)
    assert home.run().written == 0  # once
    assert all(p.is_file() for p in singles)
    month = decode_month(path.read_bytes())
    assert isinstance(month, MonthRecord)
    assert month.files == {p.name for p in singles}
    by_file = read_records(singles)
    steps = {r.uid: list(r.steps) for r in by_file if isinstance(r, SessionRecord)}
    # its sessions are columns, its steps one text (history/packed.py), each session's
    # counts on its record
    assert month.sessions is not None
    sessions = month.sessions.records()
    expanded: dict[str, list[Any]] = {r.uid: [] for r in sessions}
    for of, row in packed.expand(month.sessions.pack.text):
        expanded[sessions[of].uid].append(row)
    assert expanded == steps
    for record in sessions:
        done = sum(row[5] == "completed" for row in steps[record.uid])
        skipped = sum(row[5] == "skipped" for row in steps[record.uid])
        seconds = sum(row[8] for row in steps[record.uid])
        assert record.packed == (done, skipped, seconds)
    as_files = [
        replace(r, steps=steps[r.uid], packed=None) if isinstance(r, SessionRecord) else r
        for r in [*sessions, *month.records]
    ]
    assert sorted(map(repr, as_files)) == sorted(map(repr, by_file))


def test_read_from_the_month_file_the_history_is_the_same_and_its_files_not_opened(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    _november(home)
    _gathered(home)
    for single in files(tmp_path / "Sync", lambda p: not p.name.startswith("m.")):
        single.write_bytes(b"{")  # were they opened, they would be refused
    report = work.run()
    assert report.sessions == 3 and report.skipped == []
    assert work.state() == home.state()
    assert _without_ids(work.exported()) == _without_ids(home.exported())
    assert work.run().sessions == 0


def _without_ids(sessions: list[dict[str, object]]) -> list[dict[str, object]]:
    return [dict(s, id=0) for s in sessions]


def test_files_and_month_file_in_any_order_count_each_session_once(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    _november(home)
    assert work.run().sessions == 3  # from the files, as they came
    path = _gathered(home)
    report = work.run()  # then the month file
    assert (report.sessions, report.changes, report.skipped) == (0, 0, [])
    assert work.state() == home.state()
    copy = path.with_name(path.stem + ".sync-conflict-20261205-101010-ABCDEFG.json")
    shutil.copy2(path, copy)  # and a conflict copy of it
    assert parse_name(copy.name) is not None
    assert work.run().sessions == 0
    assert len(work.exported()) == 3


def test_a_month_file_that_cannot_be_read_is_named_and_its_files_read_instead(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    _november(home)
    path = _gathered(home)
    whole = path.read_bytes()
    cases = {
        whole[: len(whole) // 2]: "it is not complete or not readable",
        whole.replace(b'"version":2', b'"version":9', 1): "it was written by a newer version",
        whole.replace(b'"pain_before":[3', b'"pain_before":[99', 1): "it holds a wrong value",
        whole.replace(
            b'\\"phase\\":{\\"words\\":[\\"warmup', b'\\"phase\\":{\\"words\\":[\\"jog', 1
        ): ("it holds a wrong value"),
        whole.replace(b'\\"counts\\":[', b'\\"counts\\":[7,', 1): "it holds a wrong value",
        whole.replace(b'\\"ended_at\\":[', b'\\"ended_at\\":[1.5,', 1): "it holds a wrong value",
        whole.replace(home.sync.device.encode(), b"0" * 32): "it does not hold what its name",
    }
    for case, (data, reason) in enumerate(cases.items()):
        assert data != whole
        path.write_bytes(data)
        (machine,) = computers(tmp_path / f"case{case}", tmp_path / "Sync", ("reader",))
        try:
            report = machine.run(write=False)
            assert report.sessions == 3
            assert [n.rsplit("/", 1)[-1] for n, _r in report.skipped] == [path.name]
            assert report.skipped[0][1].startswith(reason)
            assert machine.state() == home.state()
            assert len(machine.run().skipped) == 1  # tried again at the next pass
        finally:
            machine.store.close()
    path.write_bytes(whole)
    assert work.run().sessions == 3


def test_a_file_named_without_its_record_is_read_on_its_own(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    _november(home)
    path = _gathered(home)
    document = json.loads(path.read_bytes())
    sessions = document["sessions"]
    dropped = sessions["uid"][-1]
    for key in sessions:
        sessions[key] = sessions[key][:-1]
    for table in ("pain_reports", "shown"):
        keep = [i for i, of in enumerate(document[table]["of"]) if of < 2]
        for key in document[table]:
            document[table][key] = [document[table][key][i] for i in keep]
    steps = json.loads(document["steps"])  # one text (history/packed.py)
    steps["counts"] = steps["counts"][:2]
    for key, column in steps.items():
        values = column["codes"] if isinstance(column, dict) else column
        if key != "counts":
            del values[sum(steps["counts"]) :]
    document["steps"] = json.dumps(steps)
    path.write_text(json.dumps(document))
    report = work.run()
    assert report.sessions == 3 and report.skipped == []
    assert dropped in {row[0] for row in work.state()}
    assert work.state() == home.state()


def test_a_session_come_late_stays_its_own_file_and_is_read(pair: list[Computer]) -> None:
    home, work = pair
    _november(home)
    _gathered(home)
    home.session(27 * 24 * 60)  # a session of November written after its month file
    assert home.run().written == 1
    settle(pair)
    assert work.state() == home.state()
    assert len(work.state()) == 4


def test_an_unreadable_file_of_its_own_is_not_gathered(pair: list[Computer]) -> None:
    home, work = pair
    _november(home)
    folder = _month_path(home).parent
    half = folder / f"s.{home.sync.device}.{'a' * 32}.json"
    half.write_bytes(b'{"format":')
    path = _gathered(home)
    month = decode_month(path.read_bytes())
    assert isinstance(month, MonthRecord) and half.name not in month.files
    report = work.run()
    assert report.sessions == 3
    assert [n.rsplit("/", 1)[-1] for n, _r in report.skipped] == [half.name]


def test_a_first_pass_over_years_gathers_a_few_months_a_pass(
    pair: list[Computer], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = pair
    monkeypatch.setattr(gather, "MONTHS_PER_PASS", 2)
    for month in range(5):
        home.session(month * 31 * 24 * 60)
    home.run()
    home.clock.advance(6 * 31 * DAY)
    assert [home.run().written for _ in range(4)] == [2, 2, 1, 0]
    assert work.run().sessions == 5
    assert work.state() == home.state()


def test_a_month_file_round_trip_keeps_every_value(pair: list[Computer]) -> None:
    home, _work = pair
    _november(home)
    folder = _month_path(home).parent
    names = sorted(p.name for p in folder.iterdir())
    records = read_records([folder / n for n in names])
    data = encode_month(home.sync.device, "home", "2026-11", list(zip(names, records, strict=True)))
    month = decode_month(data)
    assert isinstance(month, MonthRecord)
    assert month.sessions is not None
    sessions = [r for r in records if isinstance(r, SessionRecord)]
    steps: list[list[Any]] = [[] for _ in sessions]
    for of, row in packed.expand(month.sessions.pack.text):
        steps[of].append(row)
    assert steps == [list(r.steps) for r in sessions]
    unpacked = [
        replace(r, steps=steps[i], packed=None) if isinstance(r, SessionRecord) else r
        for i, r in enumerate([*month.sessions.records(), *month.records])
    ]
    assert unpacked == [
        *(replace(r, steps=list(r.steps)) for r in sessions),
        *(r for r in records if not isinstance(r, SessionRecord | Refused)),
    ]


def test_a_pass_stopped_between_two_months_loses_nothing_and_the_next_completes_it(
    pair: list[Computer], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = pair
    for month in range(3):
        home.session(month * 31 * 24 * 60, note=f"month {month}")
    home.run()
    home.clock.advance(4 * 31 * DAY)
    assert home.run().written == 3
    monkeypatch.setattr(syncer, "IMPORT_BATCH", 1)  # a transaction for each month file
    real = inbox.apply
    calls: list[int] = []

    def killed_at_the_second(*args: Any) -> inbox.Applied:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a kill: the transaction rolled back
        return real(*args)

    monkeypatch.setattr(inbox, "apply", killed_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        work.run()
    assert len(work.state()) == 1  # the first month's, whole
    monkeypatch.setattr(inbox, "apply", real)
    report = work.run()
    assert report.sessions == 2 and report.skipped == []
    assert work.state() == home.state()
    assert work.run().sessions == 0


def test_conflict_copies_of_its_files_are_gathered_and_held(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    _november(home)
    first = files(tmp_path / "Sync", lambda p: p.name.startswith("s."))[0]
    copies = [
        first.with_name(f"{first.stem} (conflicted copy 2026-11-02 081500).json"),
        first.with_name(f"{first.stem}.sync-conflict-20261102-081500-ABCDEFG.json"),
    ]
    for copy in copies:
        shutil.copy2(first, copy)
    path = _gathered(home)
    month = decode_month(path.read_bytes())
    assert isinstance(month, MonthRecord)
    assert {c.name for c in copies} <= month.files
    for single in [first, *copies]:
        single.write_bytes(b"{")  # held by the month file: never opened
    report = work.run()
    assert report.sessions == 3 and report.skipped == []
    assert work.state() == home.state()


def test_a_month_file_that_cannot_be_written_keeps_nothing_from_being_read(
    pair: list[Computer], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = pair
    _november(home)
    work.session(90)
    real = gather.write_whole

    def full(path: Path, data: bytes, *, replace: bool = False) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gather, "write_whole", full)
    home.clock.advance(35 * DAY)
    report = home.run()
    assert report.written == 0 and report.sessions == 0  # work's session not written yet
    work.run()
    assert home.run().sessions == 1  # read all the same
    assert not _month_path(home).exists()
    monkeypatch.setattr(gather, "write_whole", real)
    assert home.run().written == 1  # the next pass gathers it
    assert _month_path(home).is_file()
