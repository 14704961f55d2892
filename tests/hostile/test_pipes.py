"""A named pipe where the app expects one of its own files is refused at once, never waited
on (a read or a write on a pipe waits for a program at its other end, for ever)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from stretchdesk.crashlog import write_crash_log
from stretchdesk.history import HistoryStore


def finishes(work: Callable[[], object], seconds: float = 5) -> list[object]:
    """What ``work`` returned, in a list; empty if it was still waiting after ``seconds``."""
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(work()), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    return done


def test_a_pipe_in_place_of_the_history_is_kept_aside_and_a_new_one_made(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    os.mkfifo(path)
    ((store, notices),) = finishes(lambda: HistoryStore.open(path))  # type: ignore[misc]
    store.close()
    assert notices
    assert path.is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("history.sqlite.")]


def test_a_pipe_in_place_of_the_crash_log_is_not_written(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    os.mkfifo(log)
    assert finishes(lambda: write_crash_log(log, ValueError("x"))) == [None]
