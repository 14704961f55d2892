"""History at scale: ten years at three sessions a day.

Measures opening the history (with its integrity check), the queries the history screen
makes, the CSV exports, the report for a physiotherapist over all ten years (the command, a
new process, to the last page), and the file size. Medians of several runs.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.export import export_json, export_sessions_csv, export_steps_csv
from stretchdesk.history.report_data import read_report
from stretchdesk.history.timefmt import iso_utc

YEARS = 10
PER_DAY = 3
RUNS = 5
STEPS = [
    ("march-in-place", "warmup", 180),
    ("belly-breathing", "warmup", 120),
    ("pelvic-tilt", "warmup", 30),
    ("knee-rolls", "warmup", 50),
    ("cat-cow", "warmup", 40),
    ("bottom-to-heels", "stretch", 48),
    ("knee-to-chest", "stretch", 80),
    ("double-knee-to-chest", "stretch", 30),
    ("trunk-rotation", "stretch", 60),
    ("figure-four", "stretch", 120),
]


def generate(path: Path, seed: int = 7) -> int:
    """Write YEARS x 365 x PER_DAY sessions with their steps and pain reports."""
    rng = random.Random(seed)
    store, _ = HistoryStore.open(path)
    start = datetime(2016, 1, 1, 7, 0, tzinfo=UTC)
    sessions = 0
    with store.transaction() as conn:
        for day in range(YEARS * 365):
            for slot in range(PER_DAY):
                began = start + timedelta(days=day, hours=5 * slot, minutes=rng.randint(0, 59))
                outcome = rng.choices(
                    ["completed", "stopped_for_pain", "ended_early", "interrupted"],
                    [90, 3, 5, 2],
                )[0]
                done = len(STEPS) if outcome == "completed" else rng.randint(0, len(STEPS) - 1)
                cursor = conn.execute(
                    "INSERT INTO session (routine_id, routine_title, started_at, ended_at, "
                    "outcome, total_steps, planned_seconds, active_seconds, pain_before, "
                    "pain_after, owner) VALUES ('lower-back-spasm', 'Lower back spasm relief', "
                    "?, ?, ?, 10, 1033, ?, ?, ?, 'bench')",
                    (
                        iso_utc(began),
                        iso_utc(began + timedelta(minutes=17)),
                        outcome,
                        sum(s[2] for s in STEPS[:done]),
                        rng.randint(2, 8),
                        rng.randint(0, 7),
                    ),
                )
                sid = cursor.lastrowid
                at = began
                for position, (exercise, phase, seconds) in enumerate(STEPS[:done]):
                    end = at + timedelta(seconds=seconds + 15)
                    hold = 20.0 if day < YEARS * 365 // 2 else 25.0  # the dose goes up once
                    conn.execute(
                        "INSERT INTO step (session_id, position, routine_step, exercise_id, "
                        "title, phase, status, started_at, ended_at, active_seconds, "
                        "planned_seconds, hold, reps, sides) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?)",
                        (
                            sid,
                            position,
                            position,
                            exercise,
                            exercise.replace("-", " "),
                            phase,
                            iso_utc(at),
                            iso_utc(end),
                            seconds,
                            seconds,
                            hold if phase == "stretch" else None,
                            2,
                            "both" if phase == "stretch" else "none",
                        ),
                    )
                    at = end
                if outcome == "stopped_for_pain":
                    exercise = STEPS[done][0]
                    conn.execute(
                        "INSERT INTO pain_report (session_id, reported_at, rating, exercise_id, "
                        "title, side, rep, seconds_into_step) VALUES (?, ?, ?, ?, ?, 'left', "
                        "1, 12.5)",
                        (sid, iso_utc(at), rng.randint(4, 9), exercise, exercise),
                    )
                sessions += 1
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return sessions


def _median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 1)


def history_screen(path: Path) -> None:
    """What the history screen reads when it opens."""
    store, _ = HistoryStore.open(path)
    today = date(2025, 12, 29)
    q.list_sessions(store.conn, limit=200)
    q.streak(store.conn, today, UTC)
    q.minutes_per_week(store.conn, today, UTC, weeks=12)
    q.pain_trend(store.conn, limit=60)
    q.pain_stops_per_exercise(store.conn)
    q.active_days(store.conn, UTC)  # the month of days done (every day ever, to mark any month)
    q.rated_sessions_since(store.conn, datetime(2025, 11, 17, tzinfo=UTC))  # a 6-week plan
    read_report(store.conn, today - timedelta(weeks=12), today, UTC)  # each exercise's dose
    store.close()


def report_command(data: Path, target: Path) -> int:
    """``stretchdesk report`` on the whole history, as a person would run it: a new Python,
    Qt loaded headless, every page written. Returns the pages."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "stretchdesk",
            "--data-dir",
            str(data),
            "report",
            "--from",
            "2016-01-01",
            "--to",
            "2025-12-31",
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, "TZ": "UTC", "QT_QPA_PLATFORM": "offscreen"},
    )
    return int(done.stdout.rsplit("(", 1)[1].split()[0])


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite"
        sessions = generate(path)
        store, _ = HistoryStore.open(path)
        steps = store.conn.execute("SELECT COUNT(*) FROM step").fetchone()[0]
        store.close()

        def export(writer: Callable[..., int]) -> Callable[[], None]:
            def action() -> None:
                store = HistoryStore.open_readonly(path)
                writer(store.conn, io.StringIO())
                store.close()

            return action

        def open_only() -> None:
            HistoryStore.open(path)[0].close()

        pages = report_command(path.parent, Path(folder) / "report.pdf")

        return {
            "sessions": sessions,
            "steps": steps,
            "file_mb": round(path.stat().st_size / 1e6, 2),
            "open_ms": _median_ms(open_only),
            "history_screen_ms": _median_ms(lambda: history_screen(path)),
            "export_sessions_csv_ms": _median_ms(export(export_sessions_csv)),
            "export_steps_csv_ms": _median_ms(export(export_steps_csv)),
            "export_json_ms": _median_ms(export(export_json)),
            "report_pdf_ms": _median_ms(
                lambda: report_command(path.parent, Path(folder) / "report.pdf"), runs=3
            ),
            "report_pages": pages,
            "targets": {
                "history_screen_ms": 200,
                "export_sessions_csv_ms": 1000,
                "report_pdf_ms": 5000,
            },
        }
