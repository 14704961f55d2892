"""``stretchdesk FILE.toml`` (a double-click in a file manager or an e-mail): the file is
checked and offered; with stretchdesk already open, the open one is asked to offer it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from stretchdesk import app, paths
from stretchdesk.cli.commands import file_argument
from stretchdesk.services import Services
from stretchdesk.settings import Preferences, save_prefs
from tests.routine.test_mine import PRESCRIBED


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["from the clinic.toml"], ["--open", "from the clinic.toml"]),
        (["--data-dir", "d", "r.toml"], ["--data-dir", "d", "--open", "r.toml"]),
        (["--routine", "r.toml"], ["--routine", "r.toml"]),
        (["check", "r.toml"], ["check", "r.toml"]),
        (["sheet", "quick-relief"], ["sheet", "quick-relief"]),
        (["--background"], ["--background"]),
        ([], []),
    ],
)
def test_a_file_named_alone_is_opened(argv: list[str], expected: list[str]) -> None:
    assert file_argument(argv) == expected


def answer_add(offered: list[str]):
    """The person reads the offer and presses its first button ("Add to my routines")."""

    def exec_(box: QMessageBox) -> int:
        offered.append(box.text())
        for button in box.buttons():
            if button.text() in ("Add to my routines", "Replace my routine"):
                button.click()
        return 0

    return exec_


def test_a_file_opened_from_outside_is_offered_and_added(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # build_window sets its own
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    sent = tmp_path / "mail" / "from the clinic.toml"
    sent.parent.mkdir()
    sent.write_text(PRESCRIBED, encoding="utf-8")
    services = Services.load(paths.DataPaths(data_dir))
    window = app.build_window(services, None, opened=sent)
    assert window is not None
    try:
        qtbot.waitUntil(lambda: bool(offered))
        assert "Prescribed by A. Physio" in offered[0]
        assert "For 2 weeks, then come back." in offered[0]
        mine = data_dir / "routines" / "from-the-clinic.toml"
        assert mine.read_text(encoding="utf-8") == PRESCRIBED
        assert window.current is window.start
        assert window.start.selected == "from-the-clinic"
        assert "is now one of your routines" in window.banner.text
        # Opened again while stretchdesk runs: the running one offers to replace it.
        second = subprocess.Popen(
            [sys.executable, "-m", "stretchdesk", str(sent)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        out, err = second.communicate()
        assert (second.returncode, err) == (0, "")
        assert "already open; it was asked to open" in out
        qtbot.waitUntil(lambda: len(offered) == 2)
        assert "will replace it" in offered[1]
        assert sorted(p.name for p in mine.parent.iterdir()) == ["from-the-clinic.toml"]
    finally:
        window.close()
        services.close()
