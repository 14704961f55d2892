"""Logging out, shutting down or Ctrl+C during a session: the real app gets SIGTERM, SIGHUP
or SIGINT, ends the session early, saves it and exits within a second or two, and
``stretchdesk export`` shows the session ended early, with its end time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history.journal import pending_files, read_pending
from stretchdesk.settings import Preferences, save_prefs
from tests.faults.helpers import ROUTINE
from tests.hostile.disk import MOUNTS, small_disk

CHILD = Path(__file__).parents[1] / "faults" / "app_child.py"


def _export(data_dir: Path) -> list[dict[str, object]]:
    command = ["export", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data_dir), *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    sessions = json.loads(done.stdout)["sessions"]
    assert isinstance(sessions, list)
    return sessions


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_during_a_session_saves_it_as_ended_early(
    data_dir: Path, tmp_path: Path, name: str
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    routine = tmp_path / "kill-test.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(routine)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        assert first.startswith("ready"), child.stderr.read()
        assert child.stdout.readline().startswith("step 0")  # under way: a step is done
        sent = time.monotonic()
        child.send_signal(getattr(signal, name))
        code = child.wait(timeout=20)
        took = time.monotonic() - sent
        rest = child.stdout.read()
        errors = child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=20)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert code == 0, (code, errors)
    assert "done" not in rest.split()  # it did not just run to the end
    assert took < 3.0, f"{name} took {took:.1f} s"
    (session,) = _export(data_dir)
    assert session["outcome"] == "ended_early", session
    assert session["ended_at"] and session["ended_at"] > session["started_at"]  # type: ignore[operator]
    assert session["completed_steps"] >= 1  # type: ignore[operator]
    assert "Traceback" not in errors, errors


@pytest.mark.needs_root(MOUNTS)
def test_logout_on_a_full_disk_keeps_the_end_for_the_next_start(tmp_path: Path) -> None:
    """The disk fills up during a session, then the desktop session ends (SIGTERM): the
    session's end cannot be written, so it waits in the pending file; once space is freed,
    the next start writes it, and the export shows the session ended early."""
    with small_disk(tmp_path / "disk", "8m") as disk:
        data_dir = disk.folder / "data"
        save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
        routine = tmp_path / "kill-test.toml"
        routine.write_text(ROUTINE, encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), str(routine)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        try:
            assert child.stdout is not None and child.stderr is not None
            assert child.stdout.readline().startswith("ready"), child.stderr.read()
            assert child.stdout.readline().startswith("step 0")
            disk.fill()
            child.send_signal(signal.SIGTERM)
            code = child.wait(timeout=20)
            errors = child.stderr.read()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=20)
            for stream in (child.stdout, child.stderr):
                if stream is not None:
                    stream.close()
        assert code == 0, errors
        left = pending_files(data_dir / "history.sqlite")
        assert left and any(r["write"]["kind"] == "finish" for r in read_pending(left[0][1]))
        disk.free()
        store, _ = HistoryStore.open(data_dir / "history.sqlite", data_dir / "locks")
        store.close()
        (session,) = _export(data_dir)
        assert session["outcome"] == "ended_early", session
        assert session["ended_at"]
        assert pending_files(data_dir / "history.sqlite") == []
