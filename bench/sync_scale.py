"""One history across three computers at scale: ten years at three sessions a day on each.

Each computer's history is generated as bench/history_scale.py makes one (its own random
sessions, ten steps each), and written into one shared folder (history/sync/) in passes of
outbox.BATCH sessions, as the app does. Then, on the first computer:
- the first import: every session of the two others (a new SyncFolder, as at a start),
  before (the folder's files one by one, as before month files) and after (each finished
  month's files gathered into its month file), in turn in the same run; then the passes
  that follow it, which write the steps read in one go as rows (history/packed.py);
- a day's new files: three sessions from each other computer and a note changed on one of
  the first computer's sessions there, read by the pass that runs while the app is up,
  and by the first pass after a start (what was read whole is known from the history).
Medians of RUNS where a run can be repeated; the first import is made once per fresh copy.

    python -m bench.sync_scale          (STRETCHDESK_BENCH_YEARS=1 for a quick look)
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench import history_scale
from stretchdesk.history import HistoryStore
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.sync import SyncFolder
from stretchdesk.history.timefmt import iso_utc

COMPUTERS = ("home", "work", "parents")
RUNS = 5


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _share_all(data: Path, folder: Path, name: str) -> tuple[float, int]:
    """Every session of the computer written into the folder: seconds, files."""
    conn = _connect(data / "history.sqlite")
    folder.mkdir(exist_ok=True)
    sync = SyncFolder(folder, data, computer=name)
    began = time.perf_counter()
    written = 0
    while True:
        report = sync.run(conn)
        written += report.written
        if not report.more:
            break
    conn.close()
    return time.perf_counter() - began, written


def _gather_all(data: Path, folder: Path, name: str) -> int:
    """The computer's finished months gathered (a few a pass, as the app does): files.
    Its passes run on a copy of its data folder (same device id): its history stays as it
    was, without the others' sessions those passes read."""
    scratch = data.with_name(data.name + "-gathering")
    shutil.copytree(data, scratch)
    conn = _connect(scratch / "history.sqlite")
    sync = SyncFolder(folder, scratch, computer=name)
    written = 0
    while made := sync.run(conn).written:
        written += made
    conn.close()
    shutil.rmtree(scratch)
    return written


def _first_import(pristine: Path, first: Path, folder: Path) -> tuple[float, float, int]:
    """A fresh copy of the first computer reads the folder: seconds, processor seconds,
    sessions brought in."""
    shutil.rmtree(first, ignore_errors=True)
    shutil.copytree(pristine, first)
    conn = _connect(first / "history.sqlite")
    sync = SyncFolder(folder, first, computer=COMPUTERS[0])
    began, used = time.perf_counter(), time.process_time()
    report = sync.run(conn)
    seconds, processor = time.perf_counter() - began, time.process_time() - used
    conn.close()
    return seconds, processor, report.sessions


def _a_day_more(data: Path, folder: Path, name: str, day: datetime) -> None:
    """Three more sessions on a computer, shared."""
    store, _ = HistoryStore.open(data / "history.sqlite")
    for slot in range(3):
        began = day + timedelta(hours=5 * slot)
        sid = store.begin_session(
            routine_id="lower-back-spasm",
            routine_title="Lower back spasm relief",
            total_steps=10,
            planned_seconds=1033,
            started_at=began,
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=began + timedelta(minutes=17),
            active_seconds=1000,
        )
    conn = store.conn
    sync = SyncFolder(folder, data, computer=name, now=lambda: day + timedelta(hours=20))
    if name == COMPUTERS[1]:  # and a note on one of the first computer's sessions
        (sid,) = conn.execute(
            "SELECT id FROM session WHERE device IS NOT NULL ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
        store.set_note(sid, f"a note written on {day:%Y-%m-%d}")
    sync.run(conn)
    store.close()


def run() -> dict[str, Any]:
    years = int(os.environ.get("STRETCHDESK_BENCH_YEARS", history_scale.YEARS))
    history_scale.YEARS = years
    with tempfile.TemporaryDirectory(prefix="stretchdesk-sync-bench-") as tmp:
        root = Path(tmp)
        folder = root / "Sync"
        sessions, first_export = {}, {}
        for seed, name in enumerate(COMPUTERS):
            sessions[name] = history_scale.generate(root / name / "history.sqlite", seed + 7)
            seconds, files = _share_all(root / name, folder, name)
            first_export[name] = {"seconds": round(seconds, 2), "files": files}
        for name in COMPUTERS:
            _gather_all(root / name, folder, name)
        every = [p.name for p in folder.rglob("*.json")]
        month_files = sum(name.startswith("m.") for name in every)
        # the same folder as it was before month files: each session and change on its own
        files_only = root / "Sync-files-only"
        shutil.copytree(folder, files_only, ignore=shutil.ignore_patterns("m.*"))
        first = root / COMPUTERS[0]
        shutil.copytree(first, root / "pristine")
        runs: dict[str, list[tuple[float, float, int]]] = {"before": [], "after": []}
        for _ in range(3):  # before and after in turn, the machine's load shared alike
            runs["before"].append(_first_import(root / "pristine", first, files_only))
            runs["after"].append(_first_import(root / "pristine", first, folder))
        imported = runs["after"][-1][2]
        assert imported == runs["before"][-1][2]
        conn = _connect(first / "history.sqlite")
        sync = SyncFolder(folder, first, computer=COMPUTERS[0])
        # the passes after it (the app runs them one after the other) write the steps of
        # the months read in one go as rows, a few months a pass
        (packs,) = conn.execute("SELECT COUNT(*) FROM step_pack").fetchone()
        began, unpacking = time.perf_counter(), [sync.run(conn).packed_left]
        while unpacking[-1]:
            unpacking.append(sync.run(conn).packed_left)
        unpacked = time.perf_counter() - began
        warm: list[float] = []
        cold: list[float] = []
        new = 0
        day = datetime(2016 + years, 1, 1, 7, 0, tzinfo=UTC)
        for run_index in range(2 * RUNS):  # a day's files read by the running app's pass,
            for name in COMPUTERS[1:]:  # then the next day's by the first pass after a start
                _a_day_more(root / name, folder, name, day + timedelta(days=run_index))
            started = run_index % 2 == 1
            if started:
                sync = SyncFolder(folder, first, computer=COMPUTERS[0])
            began = time.perf_counter()
            report = sync.run(conn)
            (cold if started else warm).append(time.perf_counter() - began)
            new += report.sessions
        total = conn.execute("SELECT COUNT(*) FROM session").fetchone()[0]
        conn.close()
    return {
        "computers": len(COMPUTERS),
        "years": years,
        "sessions_per_computer": sessions[COMPUTERS[0]],
        "files_in_folder": len(every) - month_files,
        "month_files_in_folder": month_files,
        "first_export_seconds": {k: v["seconds"] for k, v in first_export.items()},
        "first_import_sessions": imported,
        # before: the folder's files one by one (no month files); after: the month files
        **{
            f"first_import_seconds_median_{when}": round(statistics.median(r[0] for r in got), 2)
            for when, got in runs.items()
        },
        # the processor time of this process: what the import costs on a machine others share
        **{
            f"first_import_cpu_seconds_median_{when}": round(
                statistics.median(r[1] for r in got), 2
            )
            for when, got in runs.items()
        },
        "first_import_months_of_steps_packed": packs,
        "passes_writing_them_as_rows": len(unpacking),
        "seconds_writing_them_as_rows": round(unpacked, 2),
        "day_of_new_files": "3 sessions on each of 2 computers, 1 note",
        "day_import_ms_median_app_running": round(statistics.median(warm) * 1000, 1),
        "day_import_ms_median_first_pass_after_start": round(statistics.median(cold) * 1000, 1),
        "day_sessions_imported": new,
        "sessions_in_first_history_at_end": total,
        "measured_at": iso_utc(datetime.now(UTC)),
    }


if __name__ == "__main__":
    json.dump(run(), sys.stdout, indent=2)
    sys.stdout.write("\n")
