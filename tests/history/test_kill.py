"""A process killed with SIGKILL at random moments loses at most the step in progress."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore, NoticeKind
from stretchdesk.history import queries as q

CHILD = Path(__file__).with_name("kill_child.py")
KILLS = 24


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_finished_step(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    rng = random.Random(20261124)
    announced_steps: set[tuple[int, int]] = set()
    announced_sessions: set[int] = set()
    interrupted_seen = 0
    for round_number in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        # a random moment: after a random number of announcements, while it keeps writing
        for _ in range(rng.randint(0, 40)):
            child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, f"round {round_number}: child ended early"
        # everything printed before death was committed before it was printed
        output = child.stdout.read()
        child.stdout.close()
        assert child.stderr is not None
        child.stderr.close()
        for line in output.splitlines():
            kind, *numbers = line.split()
            if kind == "step" and numbers[0] != "None":
                announced_steps.add((int(numbers[0]), int(numbers[1])))
            elif kind == "session" and numbers[0] != "None":
                announced_sessions.add(int(numbers[0]))

        check = sqlite3.connect(path)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
        store, notices = HistoryStore.open(path)
        interrupted_seen += sum(n.kind is NoticeKind.INTERRUPTED_FOUND for n in notices)
        stored_steps = set(store.conn.execute("SELECT session_id, position FROM step"))
        missing = announced_steps - stored_steps
        assert not missing, f"round {round_number}: finished steps lost: {sorted(missing)[:5]}"
        sessions = q.list_sessions(store.conn)
        assert announced_sessions <= {s.id for s in sessions}
        assert all(s.outcome in ("completed", "interrupted") for s in sessions)
        store.close()
    assert interrupted_seen >= KILLS // 2  # most kills land inside a session
