"""Routine files sent while stretchdesk is open: a real second start sends each file to the
running app, whose question is answered every way, and the app lives on after each."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from stretchdesk.paths import DataPaths
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.desktop.single_instance import (
    MAX_MESSAGE,
    WAKE,
    SingleInstance,
    open_message,
    routine_message,
)
from tests.hostile.child import Child
from tests.routine.test_mine import PRESCRIBED

CHILD = Path(__file__).with_name("open_child.py")
BROKEN = PRESCRIBED.replace('"warmup"', '"stretch"')


@pytest.fixture
def running(data_dir: Path) -> Iterator[Child]:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, health_asked=True))
    process = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    child = Child(process)
    try:
        child.expect("ready", timeout=60)
        yield child
    finally:
        code, errors = child.stop()
        assert code == 0, f"exit {code}: {errors}"


def send(data_dir: Path, path: Path) -> None:
    """``stretchdesk FILE`` from a file manager while stretchdesk is open."""
    second = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data_dir), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert second.returncode == 0, second.stderr
    assert "already open; it was asked to open" in second.stdout


ROUNDS = [  # (the answer, what the file is, the question's title)
    ("add", "new", "Add this routine?"),
    ("replace", "again", "Add this routine?"),
    ("cancel", "again", "Add this routine?"),
    ("cancel", "other", "Add this routine?"),
    ("ok", "broken", "Routine not added"),
]


@pytest.mark.slow
def test_a_file_sent_twenty_times_is_answered_every_way_and_the_app_lives_on(
    running: Child, data_dir: Path, tmp_path: Path
) -> None:
    mail = tmp_path / "mail"
    mail.mkdir()
    added: list[str] = []
    for n in range(20):
        answer, kind, title = ROUNDS[n % len(ROUNDS)]
        ids = {"new": f"sent-{n}", "again": added[-1] if added else "", "other": "other"}
        path = mail / f"round-{n}.stretchdesk.toml"
        text = BROKEN if kind == "broken" else PRESCRIBED.replace("from-the-clinic", ids[kind])
        path.write_text(text, encoding="utf-8")
        send(data_dir, path)  # the sender has gone: its socket is closed
        dialog = running.expect("dialog")
        assert dialog.startswith(f"dialog {title} |"), dialog
        running.send(answer)
        running.expect(f"answered {answer}")
        running.send("ping")
        running.expect("pong")
        assert running.process.poll() is None, f"round {n}: exit {running.process.returncode}"
        if answer == "add":
            added.append(ids[kind])
    running.send("routines")
    assert running.expect("routines") == "routines " + " ".join(sorted(added))
    files = sorted(p.name for p in (data_dir / "routines").iterdir())
    assert files == sorted(f"{i}.toml" for i in added)


def test_the_socket_acts_on_whole_lines_only_and_never_inside_its_slot(
    qtbot: QtBot, data_dir: Path
) -> None:
    instance = SingleInstance(DataPaths(data_dir))
    assert instance.claim()
    heard: list[tuple[str, str]] = []
    in_slot: list[bool] = []

    def opened(path: Path) -> None:
        in_slot.append(instance.sender() is not None)  # called from a socket's signal?
        heard.append(("open", str(path)))

    instance.on_open(opened)
    instance.on_routine(lambda text: heard.append(("routine", text)))
    instance.on_wake(lambda: heard.append(("wake", "")))

    def send(*parts: bytes) -> None:
        socket = QLocalSocket()
        socket.connectToServer(instance.name)
        assert socket.waitForConnected(1000)
        for part in parts:
            socket.write(part)
            socket.flush()
            qtbot.wait(20)  # the halves arrive apart
        socket.disconnectFromServer()

    message = open_message(Path("/mail/from the clinic.toml"))
    send(message[:7], message[7:])  # one line in two halves
    send(routine_message("quick-relief").rstrip(b"\n"))  # the end of the line is the end
    send(b"x" * (MAX_MESSAGE + 10))  # a line that never ends: dropped
    send(b"open !!not base64!!\n", b"nonsense\n", WAKE)
    qtbot.waitUntil(lambda: ("wake", "") in heard)
    assert heard == [
        ("open", "/mail/from the clinic.toml"),
        ("routine", "quick-relief"),
        ("wake", ""),
    ]
    assert in_slot == [False]
    instance.server.close()
