"""A month file's steps kept as one text (history/packed.py) until written as rows: every
reader of the history (the history screen's summaries, the streak and the week's minutes,
the pain-stops still open, the exports, the report) reads the same from them as from the
rows, before they are written as rows and after; the passes after a first import write
them a few months at a time; a conflict copy never doubles them."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from stretchdesk.history import packed, queries
from stretchdesk.history.export import export_json, export_sessions_csv, export_steps_csv
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.report_data import read_report
from stretchdesk.history.sync import syncer
from stretchdesk.history.sync.months import decode_month
from stretchdesk.history.writes import StepDose, StopPlace
from tests.history.sync.computers import START, Computer, computers, files

DAY = 24 * 3600
Machines = Callable[[str, Path], "Computer"]
STEPS = (  # exercise, phase, seconds
    ("march-in-place", "warmup", 60.25),
    ("knee-hug", "stretch", 30.5),
    ("cat-cow", "stretch", 45.125),
)


def _sessions(home: Computer, first_day: int, days: int) -> None:
    """A session a day: its steps completed or skipped, with their doses; a few stopped
    for pain and rated; one with a note; one with a warm-up done in its other position."""
    store = home.store
    for day in range(first_day, first_day + days):
        began = START + timedelta(days=day, hours=day % 3)
        sid = store.begin_session(
            routine_id="r" if day % 2 else "other",
            routine_title="Routine",
            total_steps=len(STEPS),
            planned_seconds=300,
            started_at=began,
            pain_before=day % 5,
        )
        at = began
        for position, (exercise, phase, seconds) in enumerate(STEPS):
            skipped = position == 1 and day % 3 == 0
            store.add_step(
                sid,
                position=position,
                routine_step=position,
                exercise_id=exercise,
                title=exercise.replace("-", " ").capitalize(),
                phase=phase,
                status=StepOutcome.SKIPPED if skipped else StepOutcome.COMPLETED,
                started_at=at,
                ended_at=at + timedelta(seconds=seconds),
                active_seconds=0.0 if skipped else seconds,
                dose=StepDose(
                    planned_seconds=60.0,
                    hold=None if position == 0 else 20.0,
                    reps=None if position == 0 else 2,
                    sides="none" if position == 0 else "both",
                    swapped_from="pelvic-tilt" if day == 4 and position == 0 else None,
                ),
            )
            at += timedelta(seconds=seconds)
        pain = day % 7 == 6  # at a step done again later; the last, one never done
        stopped = "knee-hug" if day < 30 else "side-bend"
        report = store.finish_session(
            sid,
            outcome=_outcome(day, pain=pain),
            ended_at=at,
            active_seconds=(at - began).total_seconds(),
            location=StopPlace(1, stopped, stopped.capitalize(), None, 1, 12.0) if pain else None,
        )
        if report is not None:
            store.rate_pain_report(report, 6)
        if day == 3:
            store.set_note(sid, "stiff, «better» after")


def _outcome(day: int, *, pain: bool) -> SessionOutcome:
    """Every way a session ends (an interrupted one counts its finished steps' minutes)."""
    if pain:
        return SessionOutcome.STOPPED_FOR_PAIN
    if day % 5 == 2:
        return SessionOutcome.INTERRUPTED
    if day % 5 == 4:
        return SessionOutcome.ENDED_EARLY
    return SessionOutcome.COMPLETED_WITH_SKIPS if day % 3 == 0 else SessionOutcome.COMPLETED


def _gathered(home: Computer) -> None:
    """November and December's sessions in the folder, each month gathered (version 2)."""
    _sessions(home, 0, 12)  # from the 2nd of November
    _sessions(home, 30, 8)  # from the 2nd of December
    home.run()
    home.clock.advance(70 * DAY)
    while home.run().written:
        pass
    months = files(home.sync.root, lambda p: p.name.startswith("m."))
    assert len(months) == 2
    for path in months:
        month = decode_month(path.read_bytes())
        assert not isinstance(month, str) and month.sessions is not None  # (packed)


def _readings(machine: Computer) -> dict[str, Any]:
    """What every reader of the history says, each session named by its uid (the ids of
    two histories differ)."""
    conn = machine.store.conn
    uid = dict(conn.execute("SELECT id, uid FROM session"))
    today = date(2026, 12, 12)
    summaries = [
        {**asdict(s), "id": uid[s.id]} for s in queries.list_sessions(conn, newest_first=False)
    ]
    found: dict[str, Any] = {
        "summaries": summaries,
        "days": sorted(queries.active_days(conn, UTC)),
        "streak": queries.streak(conn, today, UTC),
        "weeks": queries.minutes_per_week(conn, today, UTC, weeks=10),
        "open stops": queries.unresolved_pain_stops(conn),
        "report": asdict(read_report(conn, date(2026, 11, 1), date(2026, 12, 31), UTC)),
    }
    for name, export in (("sessions", export_sessions_csv), ("steps", export_steps_csv)):
        out = io.StringIO()
        export(conn, out)
        rows = list(csv.reader(io.StringIO(out.getvalue())))
        ids = [int(r[0]) for r in rows[1:]]
        assert name == "sessions" or ids == sorted(ids)  # steps: by session, each's in order
        # (each history gives its ids in the order it read the sessions)
        found[name] = [rows[0], *sorted([uid[int(r[0])], *r[1:]] for r in rows[1:])]
    out = io.StringIO()
    export_json(conn, out)
    found["json"] = out.getvalue()
    for number, name in sorted(uid.items(), reverse=True):  # (ids in the JSON's sessions)
        found["json"] = found["json"].replace(f'"id": {number},', f'"id": "{name}",')
    return found


def _exported(machine: Computer) -> list[dict[str, Any]]:
    """The JSON export's sessions, without their ids (each history's own)."""
    return [{k: v for k, v in s.items() if k != "id"} for s in machine.exported()]


def _packs(machine: Computer) -> int:
    return int(machine.store.conn.execute("SELECT COUNT(*) FROM step_pack").fetchone()[0])


@pytest.fixture
def machines(tmp_path: Path) -> Iterator[Machines]:
    """A computer of the person's sharing a folder (its history closed at the end)."""
    made: list[Computer] = []

    def make(name: str, folder: Path) -> Computer:
        (machine,) = computers(tmp_path / name, folder, (name,))
        made.append(machine)
        return machine

    yield make
    for machine in made:
        machine.store.close()


@pytest.fixture
def home(machines: Machines, tmp_path: Path) -> Computer:
    made = machines("home", tmp_path / "Sync")
    _gathered(made)
    return made


def test_every_reader_reads_packed_steps_as_it_reads_rows_before_and_after_they_are_rows(
    home: Computer,
    machines: Callable[[str, Path], Computer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    singles = tmp_path / "Singles"  # the same folder without its month files
    shutil.copytree(tmp_path / "Sync", singles, ignore=shutil.ignore_patterns("m.*"))
    rows = machines("rows", singles)
    packs = machines("packs", tmp_path / "Sync")
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 0)
    assert rows.run(write=False).sessions == packs.run(write=False).sessions == 20
    assert _packs(packs) == 2 and _packs(rows) == 0
    assert packs.store.conn.execute("SELECT COUNT(*) FROM step").fetchone() == (0,)
    expected = _readings(rows)
    assert expected["steps"][1:] and expected["open stops"] and expected["report"]["doses"]
    assert _readings(packs) == expected
    assert packed.unpack(packs.store.conn, months=1) == 1  # one month a call, as asked
    assert _readings(packs) == expected
    assert packed.unpack(packs.store.conn, months=5) == 0
    assert _readings(packs) == expected
    conn = packs.store.conn
    assert (
        conn.execute("SELECT COUNT(*) FROM session WHERE packed_done IS NOT NULL").fetchone()[0]
        == 0
    )
    assert conn.execute("SELECT COUNT(*) FROM step").fetchone()[0] == 60
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_passes_after_a_first_import_write_the_steps_as_rows_a_few_months_each(
    home: Computer,
    machines: Callable[[str, Path], Computer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = machines("work", tmp_path / "Sync")
    monkeypatch.setattr(syncer, "IMPORT_BATCH", 5)  # (twenty sessions: a first import)
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 1)
    report = work.run()
    assert report.sessions == 20 and report.packed_left == 2  # the importing pass: none
    assert [work.run().packed_left for _ in range(3)] == [1, 0, 0]
    assert work.state() == home.state()
    assert _exported(work) == _exported(home)


def test_a_conflict_copy_of_a_month_file_never_doubles_its_steps(
    home: Computer,
    machines: Callable[[str, Path], Computer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (month, _december) = sorted(files(home.sync.root, lambda p: p.name.startswith("m.")))
    copy = month.with_name(month.stem + ".sync-conflict-20261202-101010-ABCDEFG.json")
    shutil.copy(month, copy)
    work = machines("work", tmp_path / "Sync")
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 0)
    assert work.run().sessions == 20
    assert _packs(work) == 2  # the copy's sessions were all there: nothing kept of it
    assert work.state() == home.state()
    packed.unpack(work.store.conn, months=9)
    assert work.state() == home.state()
    assert _exported(work) == _exported(home)


def test_a_history_older_than_packed_steps_read_as_it_is_reads_as_before(home: Computer) -> None:
    """The view gives an older history's sessions no counts of their own; nothing packed."""
    conn = home.store.conn
    conn.execute("DROP TABLE step_pack")
    for column in ("packed_done", "packed_skipped", "packed_active"):
        conn.execute(f"ALTER TABLE session DROP COLUMN {column}")
    from stretchdesk.history.liveness import watch  # noqa: PLC0415

    watch(conn, locks=None, own=None)
    assert (
        not packed.present(conn) and packed.rows(conn) == [] and packed.unpack(conn, months=3) == 0
    )
    assert len(queries.list_sessions(conn)) == 20
    assert len(_readings(home)["steps"]) == 61


def test_times_written_as_milliseconds_come_back_the_same_or_are_not_written_so() -> None:
    for text in (
        "2026-11-02T08:00:00.000Z",
        "0001-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z",
    ):
        ms = packed.ms_of(text)
        assert ms is not None and packed.time_of(ms) == text
    for text in ("2026-02-30T08:00:00.000Z", "2026-11-02T08:00:00.000+00:00", "2026-11-02"):
        assert packed.ms_of(text) is None
    assert packed.time_of(0) == "1970-01-01T00:00:00.000Z"
    assert datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=1) < datetime.now(UTC)


READERS: dict[str, Callable[[sqlite3.Connection], object]] = {
    "the week's minutes": lambda c: queries.minutes_per_week(c, date(2026, 12, 12), UTC, 10),
    "the pain-stops still open": queries.unresolved_pain_stops,
    "the steps' export": lambda c: export_steps_csv(c, io.StringIO()) and _csv(c),
    "the report": lambda c: asdict(read_report(c, date(2026, 11, 1), date(2026, 12, 31), UTC)),
}


def _csv(conn: sqlite3.Connection) -> str:
    out = io.StringIO()
    export_steps_csv(conn, out)
    return out.getvalue()


@pytest.mark.parametrize("reader", READERS.values(), ids=list(READERS))
def test_a_reader_meets_no_pass_writing_steps_as_rows_between_its_reads(
    home: Computer,
    machines: Machines,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: Callable[[sqlite3.Connection], object],
) -> None:
    """A pass (on its own connection) writes every pack as rows just after a reader read
    the rows and before it reads the packs: the reader sees one moment, before or after."""
    packs = machines("packs", tmp_path / "Sync")
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 0)
    packs.run(write=False)
    conn = packs.store.conn
    expected = reader(conn)
    other = sqlite3.connect(packs.store.path, isolation_level=None, timeout=5)
    read = packed.rows

    def rows_after_a_pass(conn: sqlite3.Connection, **where: Any) -> list[tuple[Any, ...]]:
        if packed.present(other):
            packed.unpack(other, months=9)  # between this reader's reads
        return read(conn, **where)

    monkeypatch.setattr(packed, "rows", rows_after_a_pass)
    try:
        assert reader(conn) == expected
        assert not packed.present(other)  # (it did write them meanwhile)
        assert reader(conn) == expected  # and read from the rows after
    finally:
        other.close()


def test_a_damaged_pack_is_read_past_and_never_tried_without_end(
    home: Computer, machines: Machines, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked whole when it came, a pack can only be damaged with the history itself: the
    readers read the rest, the passes write the rest as rows and then say none is left."""
    packs = machines("packs", tmp_path / "Sync")
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 0)
    packs.run(write=False)
    conn = packs.store.conn
    (text,) = conn.execute("SELECT steps FROM step_pack WHERE id = 1").fetchone()
    others = 60 - len(list(packed.expand(text)))
    conn.execute("UPDATE step_pack SET steps = '{\"counts\": [' WHERE id = 1")
    assert len(packed.rows(conn)) == others  # the damaged month's steps are not read
    _readings(packs)  # no reader fails
    assert packed.unpack(conn, months=5) == 0  # the other month written; this one left
    assert packed.unpack(conn, months=5) == 0
    assert conn.execute("SELECT COUNT(*) FROM step_pack").fetchone() == (1,)
    assert conn.execute("SELECT COUNT(*) FROM step").fetchone() == (others,)
