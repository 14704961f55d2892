"""Routine files from others, in the real window: a file swapped for a pipe while the offer
is read, pictures copied off the window's thread, an add that stops said in words, a
title made of markup shown as it is, and a first run that begins with a file."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QFile, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from stretchdesk.illustration import sent_pictures
from stretchdesk.routine.errors import MAX_PROBLEMS, WINDOW_PROBLEMS
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.desktop import sent_files
from stretchdesk.ui.shell.main_window import MainWindow
from tests.app.test_open_file import answer_add
from tests.hostile.test_sent_pictures import FRAMES, LIMIT_S, sent_file, with_image
from tests.routine.test_mine import PRESCRIBED
from tests.ui import conftest as ui_fixtures
from tests.ui.flows import WindowFactory, answer

# the real window's fixtures (tests/ui/conftest.py), for this folder's tests too
make_window = ui_fixtures.make_window
no_unexpected_dialogs = ui_fixtures.no_unexpected_dialogs
seen = ui_fixtures.seen
speechd = ui_fixtures.speechd
window = ui_fixtures.window

MARKUP = '<img src="file:///etc/hostname"> <a href="file:///etc/passwd">Evening</a>'


def added(window: MainWindow, routine_id: str) -> bool:
    return window.services.catalog.get(routine_id) is not None


def test_a_file_swapped_for_a_pipe_while_the_offer_is_read_is_added_as_checked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sent_file(tmp_path / "mail", PRESCRIBED)
    offered: list[str] = []
    press_add = answer_add(offered)

    def swap_then_add(box: QMessageBox) -> int:
        path.unlink()
        os.mkfifo(path)  # nothing writes to it: a read would wait for ever
        return press_add(box)

    monkeypatch.setattr(QMessageBox, "exec", swap_then_add)
    unstick = threading.Timer(LIMIT_S, lambda: path.open("wb").close())  # if it waits
    unstick.start()
    began = time.monotonic()
    try:
        window.sent.open(path)
        qtbot.waitUntil(lambda: added(window, "from-the-clinic"))
    finally:
        unstick.cancel()
    assert time.monotonic() - began < LIMIT_S
    mine = window.services.data.routines / "from-the-clinic.toml"
    assert mine.read_text(encoding="utf-8") == PRESCRIBED


def test_pictures_are_copied_while_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    (mail / "pictures" / "zero.png").symlink_to("/dev/zero")
    real = sent_pictures.copy_pictures
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow_copy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        release.wait(LIMIT_S * 4)  # until the test has seen the window go on
        return real(*args, **kwargs)

    monkeypatch.setattr(sent_pictures, "copy_pictures", slow_copy)
    monkeypatch.setattr(QMessageBox, "exec", answer_add([]))
    window.sent.open(sent_file(mail, with_image("pictures")))
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    ticked: list[bool] = []
    QTimer.singleShot(10, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the window's event loop runs meanwhile
    assert window.sent.busy and not added(window, "from-the-clinic")
    release.set()
    qtbot.waitUntil(lambda: added(window, "from-the-clinic"))
    assert "“From the clinic” is now one of your routines." in window.banner.text
    assert "pictures/zero.png" in window.banner.text  # named, not copied
    assert window.start.selected == "from-the-clinic"
    assert window.focusWidget() is window.start.cards["from-the-clinic"]
    copied = window.services.data.routines / "from-the-clinic-pictures" / "pictures"
    pictures = sorted(p.name for p in FRAMES.glob("*.png"))  # (the drawn-area note is not one)
    assert sorted(p.name for p in copied.iterdir()) == pictures


def test_an_add_that_stops_says_why_in_words_and_keeps_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    monkeypatch.setattr(sent_pictures, "MAX_PICTURES", 2)
    monkeypatch.setattr(QMessageBox, "exec", answer_add([]))
    window.sent.open(sent_file(mail, with_image("pictures")))
    qtbot.waitUntil(lambda: "was not added" in window.banner.text)
    assert window.banner.text == (
        "“From the clinic” was not added, and nothing of it was kept: "
        "It has more than 2 pictures; no more are copied."
    )
    assert not added(window, "from-the-clinic")
    assert list(window.services.data.routines.iterdir()) == []


def test_a_title_made_of_markup_is_shown_as_it_is_and_delete_takes_the_pictures(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    text = PRESCRIBED.replace('title = "From the clinic"', f"title = '{MARKUP}'")
    text = text.replace('phase = "warmup"', 'phase = "warmup"\nimage = "pictures"', 1)
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    window.sent.open(sent_file(mail, text))
    qtbot.waitUntil(lambda: added(window, "from-the-clinic"))
    assert "&lt;img src=" in offered[0]  # the offer is rich text, every word escaped
    routines = window.services.data.routines
    assert (routines / "from-the-clinic-pictures").is_dir()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Yes, shown))
    monkeypatch.setattr(QFile, "moveToTrash", lambda *a: False)  # no wastebasket here
    window.start.select("from-the-clinic")
    window.start.mine_actions["delete"].trigger()
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in shown[0].text()
    assert "Its file and its pictures go to the wastebasket" in shown[0].text()
    assert not added(window, "from-the-clinic")
    deleted = routines / "deleted"
    assert sorted(p.name for p in deleted.iterdir()) == [
        "from-the-clinic-pictures",
        "from-the-clinic.toml",
    ]
    assert sorted(p.name for p in routines.iterdir()) == ["deleted"]


def test_a_first_run_that_opens_a_file_shows_the_first_run_screens_first(
    qtbot: QtBot,
    data_dir: Path,
    make_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Then the added routine is the chosen one, its card has the focus and shows, and Enter
    starts it (not the card that had the focus before)."""
    save_prefs(data_dir / "settings.toml", Preferences(pain_ratings=True))
    window = make_window()  # the first run: the safety screen
    assert window.current is window.safety
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    text = PRESCRIBED.replace("from-the-clinic", "zz-last-in-the-list")
    window.sent.open(sent_file(tmp_path / "mail", text))
    QApplication.processEvents()  # the request has been looked at, and held
    assert offered == [] and window.current is window.safety
    window.safety.ok.click()
    assert window.current is window.health
    QApplication.processEvents()
    assert offered == []
    window.health.skip.click()
    qtbot.waitUntil(lambda: added(window, "zz-last-in-the-list"))
    assert window.services.prefs.safety_seen and window.services.prefs.health_asked
    assert window.current is window.start
    card = window.start.cards["zz-last-in-the-list"]
    assert window.start.selected == "zz-last-in-the-list"
    assert window.focusWidget() is card
    qtbot.waitUntil(lambda: not card.visibleRegion().isEmpty())  # scrolled into view
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.current is window.pain_before
    assert window.flow.setup is not None
    assert window.flow.setup.routine.id == "zz-last-in-the-list"


def test_a_question_already_open_is_answered_before_a_sent_file_is_offered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", answer_add(offered))
    other = QMessageBox(QMessageBox.Icon.Information, "Another question", "", parent=window)
    other.open()  # modal over the window, waiting for the person
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is other)
    window.sent.open(sent_file(tmp_path / "mail", PRESCRIBED))
    qtbot.wait(300)  # longer than the queue waits before it looks again
    assert offered == []
    other.accept()
    qtbot.waitUntil(lambda: added(window, "from-the-clinic"))


def test_a_file_with_hundreds_of_problems_makes_a_box_that_fits_the_screen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = "".join(f'\n[[step]]\nexercise = "no-such-{n}"\nphase = "warmup"\n' for n in range(90))
    text = 'id = "many"\ntitle = "<a href=\'file:///etc/passwd\'>Many</a>"\nsource = "x"\n' + steps
    path = sent_file(tmp_path / "mail", text)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Ok, shown))
    began = time.monotonic()
    assert sent_files.open_file(window, path) is None
    assert time.monotonic() - began < LIMIT_S
    box = shown[0]
    assert box.text().count("<li>") == WINDOW_PROBLEMS + 1
    assert "no-such-0" in box.text() and str(tmp_path) not in box.text()  # named once
    assert "… and 82 more problems" in box.text()
    details = box.detailedText().splitlines()
    assert details[0].startswith("Step 1 (no-such-0): unknown exercise id")
    assert len(details) == MAX_PROBLEMS + 1 and details[-1] == "… and 70 more problems"
    box.show()
    assert box.sizeHint().height() < 700  # the OK button stays on an 800-pixel screen
    box.hide()


def test_sharing_a_routine_whose_file_became_a_pipe_says_so_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", answer_add([]))
    window.sent.open(sent_file(tmp_path / "mail", PRESCRIBED))
    qtbot.waitUntil(lambda: added(window, "from-the-clinic"))
    mine = window.services.data.routines / "from-the-clinic.toml"
    mine.unlink()
    os.mkfifo(mine)  # after it was read: nothing will ever write to it
    target = tmp_path / "copy.stretchdesk.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Ok, shown))
    unstick = threading.Timer(LIMIT_S, lambda: mine.open("wb").close())  # if it waits
    unstick.start()
    began = time.monotonic()
    try:
        window.start.select("from-the-clinic")
        window.start.mine_actions["share"].trigger()
    finally:
        unstick.cancel()
    assert time.monotonic() - began < LIMIT_S
    assert "is a named pipe, not a routine file" in shown[0].text()
    assert not target.exists()
