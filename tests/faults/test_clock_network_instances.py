"""A second start wakes the first and corrupts nothing; the app never opens a TCP or UDP
socket."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stretchdesk.settings import Preferences, save_prefs
from tests.faults.helpers import short_routine

CHILD = Path(__file__).with_name("app_child.py")


def _sockets(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def _internet_inodes() -> set[int]:
    found = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split()
            if len(fields) > 9:
                found.add(int(fields[9]))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_second_start_wakes_the_first_and_no_internet_socket_is_opened(
    data_dir: Path, tmp_path: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    first = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(short_routine(tmp_path))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stdout is not None and first.stderr is not None
    ready = first.stdout.readline().split()
    assert ready[0] == "ready", first.stderr.read()
    pid = int(ready[1])
    seen_sockets: set[int] = set()
    for _ in range(5):  # while the session runs
        seen_sockets |= _sockets(pid)
        assert not (_sockets(pid) & _internet_inodes()), "a TCP/UDP socket is open"
        time.sleep(0.2)
    second = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert second.returncode == 0, second.stderr
    assert "already open" in second.stdout
    rest, errors = first.communicate(timeout=60)
    assert first.returncode == 0, errors
    assert "to front" in rest.splitlines()
    assert "done" in rest.splitlines()
    assert seen_sockets  # it had sockets: local ones (the single-instance server, X/Qt)
    conn = sqlite3.connect(data_dir / "history.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT outcome FROM session").fetchall() == [("completed",)]
    conn.close()
