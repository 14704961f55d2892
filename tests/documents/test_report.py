"""The report for a physiotherapist: what it reads from the history (weeks, stops with their
notes, skips and swaps, each exercise's dose over time), and the PDF the command writes,
read back with pdftotext and pdfinfo, for an empty history, weeks of sessions, and ten years."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.documents.report import build_report
from stretchdesk.documents.sheet import dose_text
from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.history.report_data import planned_timing, read_report
from stretchdesk.history.schema import V1, V2, V3
from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock, SessionEngine, SessionOptions
from stretchdesk.session.emitter import Stage
from tests.documents.test_sheet import pdf_info


def pdf_text(path: Path) -> str:
    """The PDF's text in the order it was written, so a table cell's wrapped lines stay
    together (``-layout`` interleaves them with the next column's)."""
    return subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


END = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


def demo(path: Path, catalog: Catalog, days: int = 30) -> int:
    from tools.demo_history import make_demo_history  # noqa: PLC0415

    return make_demo_history(path, catalog, days=days, end=END, last_stopped="figure-four")


def swapped_session(path: Path, catalog: Catalog, when: datetime) -> None:
    """A session of quick relief with its first warm-up done sitting, stopped for pain on
    the second, with a note."""
    routine = catalog.get("quick-relief")
    assert routine is not None
    store, _ = HistoryStore.open(path)
    clock = FakeClock()
    base = clock.now
    engine = SessionEngine(routine, clock=clock, options=SessionOptions(swaps=frozenset({0})))
    recorder = SessionRecorder(
        store, clock=clock, wall=lambda: when + timedelta(seconds=clock.now - base), pain_before=4
    )
    engine.add_listener(recorder, Stage.RECORD)
    engine.start()
    while engine.view().step.exercise_id != "belly-breathing":
        clock.advance(1.0)
        engine.poll()
    clock.advance(20)
    engine.poll()
    engine.pain_stop()
    recorder.rate_pain_stop(6)
    store.set_note(recorder.session_id, "Sharp twinge when lying down")
    store.close()


def test_what_the_report_reads(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "history.sqlite"
    count = demo(path, catalog)
    swapped_session(path, catalog, END - timedelta(days=1, hours=3))
    store, _ = HistoryStore.open(path)
    data = read_report(store.conn, date(2026, 10, 26), date(2026, 11, 30), UTC)
    store.close()
    assert data.sessions == count + 1
    assert sum(w.sessions for w in data.weeks) == data.sessions
    assert data.weeks[0].start == date(2026, 10, 26) and data.weeks[-1].start == date(2026, 11, 30)
    stops = {s.exercise: s for s in data.stops}
    assert stops["Belly breathing"].note == "Sharp twinge when lying down"
    assert stops["Belly breathing"].rating == 6
    assert "Figure-4 (piriformis) stretch" in stops
    changes = {c.exercise: c for c in data.changes}
    assert changes["Seated hip marching"].swapped_in == 1  # done instead of marching on the spot
    assert changes["Belly breathing"].stopped == 1
    doses = {(d.exercise, d.routine): d for d in data.doses}
    knee = doses["Single knee to chest", "Quick relief"]
    assert knee.dose is not None
    assert dose_text(knee.dose) == "Hold 20 seconds, 2 times on each side."
    assert knee.sessions >= 1 and knee.in_full <= knee.sessions


def test_the_planned_dose_in_the_sheets_words() -> None:
    """The report tells a stored dose with the sheet's words: one wording of a dose."""

    def words(*stored: object) -> str | None:
        timing = planned_timing(*stored)  # type: ignore[arg-type]
        return None if timing is None else dose_text(timing)

    assert words(20, 2, "both", 80) == "Hold 20 seconds, 2 times on each side."
    assert words(10, 1, "none", 10) == "Hold 10 seconds, once."
    assert words(None, 10, "none", 30) == "10 slow repetitions of about 3 seconds."
    assert words(None, 5, "alternate", 50) == (
        "5 slow repetitions of about 5 seconds on each side, alternating."
    )
    assert words(None, None, "none", 120) == "Keep going for 2 minutes."
    assert words(None, None, "bogus", 45) == "Keep going for 45 seconds."
    assert words(None, None, None, 0) is None


def test_an_older_history_opened_read_only_is_reported(tmp_path: Path) -> None:
    """A history of schema 3 (no planned dose yet) in a folder that cannot be changed."""
    path = tmp_path / "history.sqlite"
    conn = sqlite3.connect(path)
    for script in (V1, V2, V3):
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO session (routine_id, routine_title, started_at, ended_at, outcome, "
        "total_steps, planned_seconds, owner) VALUES ('r', 'R', '2026-11-02T08:00:00.000Z', "
        "'2026-11-02T08:10:00.000Z', 'completed', 1, 60, 'x')"
    )
    conn.execute(
        "INSERT INTO step (session_id, position, exercise_id, title, phase, status, "
        "started_at, ended_at, active_seconds) VALUES (1, 0, 'pelvic-tilt', 'Pelvic tilts', "
        "'warmup', 'completed', '2026-11-02T08:00:00.000Z', '2026-11-02T08:01:00.000Z', 30)"
    )
    conn.commit()
    conn.close()
    store = HistoryStore.open_readonly(path)
    data = read_report(store.conn, date(2026, 11, 1), date(2026, 11, 8), UTC)
    store.close()
    assert [d.dose for d in data.doses] == [None]
    html = build_report(data, END, "UTC").html
    assert "Pelvic tilts" in html and "dose not recorded" in html
    assert data.not_recorded == 1 and "was not recorded" in html


def report_command(*args: str, cwd: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data), "report", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "TZ": "UTC"},
    )


@pytest.mark.needs("pdftotext", "pdfinfo", package="poppler-utils")
def test_the_command_writes_the_report(tmp_path: Path, catalog: Catalog) -> None:
    data = tmp_path / "data"
    demo(data / "history.sqlite", catalog)
    swapped_session(data / "history.sqlite", catalog, END - timedelta(days=1, hours=3))
    target = tmp_path / "for my physio.pdf"
    done = report_command(
        "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(target), cwd=tmp_path, data=data
    )
    assert done.returncode == 0, done.stderr
    info = pdf_info(target)
    assert info["Page size"].startswith("595 x 842")
    assert f"({info['Pages']} page" in done.stdout
    text = " ".join(pdf_text(target).split())
    for heading in (
        "Exercise report",
        "1 November 2026 to 30 November 2026",
        "Pain before and after",
        "Sessions and minutes per week",
        "Stopped for pain",
        "Not done as planned",
        "Each exercise's dose over time",
        "Notes",
    ):
        assert heading in text, heading
    assert "Sharp twinge when lying down" in text
    assert "Hold 20 seconds, 2 times on each side" in text
    for step in catalog.get("quick-relief").steps:  # type: ignore[union-attr]
        assert step.title in text
    letter = tmp_path / "letter.pdf"
    done = report_command("--paper", "letter", "-o", str(letter), cwd=tmp_path, data=data)
    assert done.returncode == 0, done.stderr
    assert pdf_info(letter)["Page size"].startswith("612 x 792")


@pytest.mark.needs("pdftotext", "pdfinfo", package="poppler-utils")
def test_an_empty_history_gives_a_one_page_report(tmp_path: Path) -> None:
    done = report_command(cwd=tmp_path, data=tmp_path / "nothing-yet")
    assert done.returncode == 0, done.stderr
    (target,) = tmp_path.glob("stretchdesk-report-*.pdf")
    assert pdf_info(target)["Pages"] == "1"
    assert "No sessions were recorded in these days." in pdf_text(target)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "yesterday"], "--from 'yesterday' is not a date like 2026-11-02"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "is before --from"),
        (["-o", "{work}/notes/report.pdf"], "nothing was written"),
    ],
)
def test_bad_input_is_one_line_and_leaves_nothing(
    tmp_path: Path, args: list[str], said: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes").write_text("a file, not a folder", encoding="utf-8")
    args = [a.format(work=work) for a in args]
    done = report_command(*args, cwd=work, data=tmp_path / "data")
    assert done.returncode == 1
    assert said in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in work.iterdir()) == ["notes"]


def test_a_damaged_history_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite").write_bytes(b"not a database at all" * 50)
    done = report_command(cwd=tmp_path, data=data)
    assert done.returncode == 1
    assert "not a stretchdesk history file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.needs("pdftotext", "pdfinfo", package="poppler-utils")
def test_ten_years_finish_paged(tmp_path: Path) -> None:
    from bench.history_scale import generate  # noqa: PLC0415

    data = tmp_path / "data"
    data.mkdir()
    assert generate(data / "history.sqlite") == 10 * 365 * 3
    target = tmp_path / "ten.pdf"
    done = report_command("-o", str(target), cwd=tmp_path, data=data)
    assert done.returncode == 0, done.stderr
    assert int(pdf_info(target)["Pages"]) > 10
    text = " ".join(pdf_text(target).split())
    assert "10950 sessions" in text
    assert "Hold 20 seconds, 2 times" in text and "Hold 25 seconds" in text
    assert paths.APP_ID  # the report needs no window: no display was asked for
