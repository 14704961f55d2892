"""Routine files someone sent, in the window: Ctrl+O, a file dropped on the window, a
broken one refused with the check's messages, none while a session runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from stretchdesk.ui.desktop import sent_files
from stretchdesk.ui.shell.main_window import MainWindow
from tests.app.test_open_file import answer_add
from tests.routine.test_mine import PRESCRIBED
from tests.ui.flows import start_session


def sent(tmp_path: Path, text: str = PRESCRIBED, name: str = "prescribed.toml") -> Path:
    path = tmp_path / "mail" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_ctrl_o_opens_a_file_and_adds_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sent(tmp_path)
    filters: list[str] = []

    def choose(parent, title, folder, kinds):  # the person picks the file
        filters.append(kinds)
        return str(path), kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    window.start.focus_default()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert filters and filters[0].startswith("stretchdesk routines (*.toml *.stretchdesk)")
    qtbot.waitUntil(lambda: window.services.catalog.get("from-the-clinic") is not None)
    card = window.start.cards["from-the-clinic"]
    assert "Prescribed by A. Physio" in card.accessibleDescription()
    assert "For 2 weeks, then come back." in card.accessibleDescription()


def test_a_broken_file_lists_every_problem_and_adds_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    broken = PRESCRIBED.replace('"warmup"', '"stretch"').replace("hold = 15", "hold = 9000")
    shown: list[str] = []

    def read(box: QMessageBox) -> int:
        shown.append(box.text())
        assert [b.text() for b in box.buttons()] == ["OK"]  # nothing to add
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    sent_files.open_file(window, sent(tmp_path, broken))
    assert "prescribed.toml cannot be used" in shown[0]
    assert "too long (at most 600 s)" in shown[0]
    assert "stretches but no warm-up" in shown[0]
    assert not (data_dir / "routines").exists()


KEEP: list[QMimeData] = []  # a drop event only points at its data


def drop_on(window: MainWindow, path: Path) -> bool:
    """The window's own handling of a file let go over it (Qt delivers a drop only during a
    real drag, which a test cannot hold, so the event goes straight to the window's filter);
    True if it was taken."""
    data = QMimeData()
    KEEP.append(data)
    data.setUrls([QUrl.fromLocalFile(str(path))])
    drops = window.findChild(sent_files.FileDrops)
    assert drops is not None and window.acceptDrops()
    taken = []
    for kind in (QDragEnterEvent, QDropEvent):
        point = QPoint(200, 200) if kind is QDragEnterEvent else QPointF(200, 200)
        event = kind(
            point,
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        taken.append(drops.eventFilter(window, event))
    return all(taken)


def test_a_file_dropped_on_the_window_is_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    assert drop_on(window, sent(tmp_path))
    assert not offered  # not inside the drop: once it has been handled
    qtbot.waitUntil(lambda: window.services.catalog.get("from-the-clinic") is not None)
    assert offered


def test_nothing_is_offered_over_a_running_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    start_session(qtbot, window, "quick-relief")
    assert not drop_on(window, sent(tmp_path))  # refused: a dialog would fail the test
    sent_files.open_file(window, sent(tmp_path))  # from a second start
    assert window.current is window.session
    assert "Open prescribed.toml again when the session has ended." in window.banner.text


def test_a_copy_to_send_is_the_file_type_that_opens_in_stretchdesk(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def where(parent, title, start, kinds):  # the person keeps the offered name
        asked.append(start)
        return str(tmp_path / Path(start).name), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", where)
    window.start.select("quick-relief")
    window.start.mine_actions["share"].trigger()
    assert asked[0].endswith("quick-relief.stretchdesk.toml")
    copy = tmp_path / "quick-relief.stretchdesk.toml"
    original = window.services.catalog.get("quick-relief")
    assert original is not None and original.path is not None
    assert copy.read_bytes() == original.path.read_bytes()
    assert f"Saved a copy of “Quick relief” as {copy}." in window.banner.text
