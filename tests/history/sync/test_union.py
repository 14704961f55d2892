"""Everything that reads the history reads every computer's sessions: the list, the streak,
the reminders, the report (naming the computers) and the export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from stretchdesk.documents.report import build_report
from stretchdesk.history.export import export_sessions_csv
from stretchdesk.history.queries import list_sessions, streak
from stretchdesk.history.report_data import read_report
from stretchdesk.schedule.days import done_times
from stretchdesk.schedule.reminders import ReminderRules, Wait, decide
from tests.history.sync.computers import START, computers, settle


def test_every_reader_sees_the_other_computers_sessions(tmp_path: Path) -> None:
    home, work = computers(tmp_path, tmp_path / "Sync")
    home.session(0)  # 08:00 UTC on 2 November
    work.session(-24 * 60)  # the day before, at work
    settle([home, work])
    conn = home.store.conn
    assert len(list_sessions(conn)) == 2
    assert streak(conn, START.date(), UTC) == 2
    rules = ReminderRules(times=(time(8, 0),), days=frozenset(range(7)))
    done = done_times(list_sessions(work.store.conn), "r")
    # at work, the morning's reminder is not shown: it was done at home
    assert isinstance(decide(rules, UTC, START + timedelta(minutes=30), done), Wait)
    data = read_report(conn, date(2026, 11, 1), date(2026, 11, 2), UTC)
    assert sorted(data.computers) == [("home", 1), ("work", 1)]
    html = build_report(data, datetime(2026, 11, 3, tzinfo=UTC), "UTC").html
    assert "Sessions done on each computer: " in html
    assert "with the sessions done on the person&#x27;s other computers" in html or (
        "with the sessions done on the person's other computers" in html
    )
    assert "home: 1" in html and "work: 1" in html
    out = io.StringIO()
    export_sessions_csv(conn, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["computer"] for r in rows] == ["work", "home"]
    home.store.close()
    work.store.close()


def test_a_history_never_shared_exports_as_before(tmp_path: Path) -> None:
    (alone,) = computers(tmp_path, tmp_path / "Sync", ("alone",))
    alone.session(0)
    out = io.StringIO()
    export_sessions_csv(alone.store.conn, out)
    assert "computer" not in out.getvalue().splitlines()[0]
    data = read_report(alone.store.conn, date(2026, 11, 1), date(2026, 11, 2), UTC)
    assert data.computers == []
    html = build_report(data, datetime(2026, 11, 3, tzinfo=UTC), "UTC").html
    assert "keeps on this computer; times in UTC" in html
    alone.store.close()


def test_two_computers_of_one_name_are_told_apart(tmp_path: Path) -> None:
    from stretchdesk.history.sync.device import (  # noqa: PLC0415
        other_computers,
        sessions_per_computer,
    )

    home, work = computers(tmp_path, tmp_path / "Sync")
    for machine in (home, work):  # two computers left with the same default host name
        machine.sync.computer = "vm"
    try:
        home.session(0)
        home.session(30)
        work.session(60)
        settle([home, work])
        counts = sessions_per_computer(home.store.conn, "2000", "3000")
        assert counts == [("vm", 2), (f"vm ({work.sync.device[:6]})", 1)]
        assert set(other_computers(home.store.conn).values()) == {f"vm ({work.sync.device[:6]})"}
        exported = {s["computer"] for s in work.exported()}
        assert exported == {"vm", f"vm ({home.sync.device[:6]})"}
    finally:
        home.store.close()
        work.store.close()


def test_the_export_has_its_computer_column_from_the_first_session_shared(
    tmp_path: Path,
) -> None:
    import io  # noqa: PLC0415

    from stretchdesk.history.export import export_sessions_csv  # noqa: PLC0415

    (home,) = computers(tmp_path, tmp_path / "Sync", ("home",))
    try:
        home.session(0)
        out = io.StringIO()
        export_sessions_csv(home.store.conn, out)
        assert "computer" not in out.getvalue().splitlines()[0]  # not shared yet
        home.run()
        out = io.StringIO()
        export_sessions_csv(home.store.conn, out)
        header, row = out.getvalue().splitlines()
        assert header.endswith(",computer") and row.endswith(",home")
    finally:
        home.store.close()
