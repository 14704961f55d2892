"""The real app running a routine, killed with SIGKILL at random moments: the history stays
intact, every step it finished is there, and the session reads as interrupted."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.settings import Preferences, save_prefs
from tests.faults.helpers import ROUTINE
from tests.history import rows as history_rows

CHILD = Path(__file__).with_name("app_child.py")
KILLS = 20


def start_child(data_dir: Path, routine: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(routine)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.startswith("ready"), child.stderr.read() if child.stderr else first
    return child


@pytest.mark.slow
def test_sigkill_of_the_app_keeps_every_finished_step(data_dir: Path, tmp_path: Path) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    routine = tmp_path / "kill-test.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    rng = random.Random(8)
    history = data_dir / "history.sqlite"
    for round_number in range(KILLS):
        child = start_child(data_dir, routine)
        time.sleep(rng.uniform(0.05, 3.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.stdout is not None and child.stderr is not None
        announced = [line.split() for line in child.stdout.read().splitlines()]
        child.stdout.close()
        child.stderr.close()
        finished = {int(words[1]) for words in announced if words[0] == "step"}
        completed = ["done"] in announced
        store, _ = HistoryStore.open(history)  # a new start: dead sessions become interrupted
        try:
            assert store.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            last = q.list_sessions(store.conn, limit=1)
            assert len(last) == 1 and last[0].routine_id == "kill-test"
            session = last[0]
            rows = {
                step.position
                for step in history_rows.iter_steps(store.conn, session.id)
                if step.status == "completed"
            }
            assert finished <= rows, f"round {round_number}: {finished - rows} lost"
            expected = "completed" if completed else "interrupted"
            assert session.outcome in (expected, "completed"), (round_number, session.outcome)
        finally:
            store.close()
    conn = sqlite3.connect(history)
    outcomes = {row[0] for row in conn.execute("SELECT outcome FROM session")}
    conn.close()
    assert "interrupted" in outcomes and outcomes <= {"interrupted", "completed"}
