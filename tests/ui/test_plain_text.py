"""Text that comes from a routine file, a note or any other file is shown as the words it is,
never as markup: no picture loaded, no link made, on any screen, in any tooltip, list or
dialog, and in the reminder's notification body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.ui.desktop.notifier import DesktopNotifier, Note
from stretchdesk.ui.desktop.tray import Tray
from stretchdesk.ui.kit.widgets import plain_tip
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.fake_notifications import FakeNotifications
from tests.ui.flows import WindowFactory, start_session
from tests.ui.visible_text import SCREENS

PICTURE = '<img src="/etc/stretchdesk-probe.png">'
LINK = '<a href="file:///etc/passwd">passwd</a>'
MARKUP = f"{PICTURE}{LINK}<b>bold</b> &amp;"
RAW = ('<img src="/etc/stretchdesk-probe', '<a href="file:///etc/passwd', "<b>bold")


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def markup_routine(folder: Path) -> str:
    """A routine whose every text field holds markup, as a hostile sender would write it."""
    folder.mkdir(parents=True, exist_ok=True)
    text = f"""\
id = "marked"
title = {_q("Marked " + MARKUP)}
description = {_q("Description " + MARKUP)}
author = {_q("Author " + MARKUP)}
note = {_q("Note " + MARKUP)}
source = {_q("[NHS] " + MARKUP)}

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
title = {_q("Tilt " + MARKUP)}
instructions = [{_q("First " + MARKUP)}, {_q("Second " + MARKUP)}]
caution = {_q("Careful " + MARKUP)}

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
title = {_q("Knee " + MARKUP)}
"""
    (folder / "marked.toml").write_text(text, encoding="utf-8")
    return "marked"


def tooltips(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for row in range(model.rowCount(QModelIndex())):
            for column in range(columns):
                value = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                if isinstance(value, str):
                    yield value


def rendered_as_markup(root: QWidget) -> list[str]:
    """Every label or tooltip under ``root`` that Qt would read as rich text while it holds
    a file's markup as it was written."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
            )
            if rich and any(raw in text for raw in RAW):
                found.append(f"{where}: {text[:80]!r}")
        for tip in tooltips(widget):
            if GuiQt.mightBeRichText(tip) and any(raw in tip for raw in RAW):
                found.append(f"{where} tooltip: {tip[:80]!r}")
    return found


@pytest.fixture
def marked(data_dir: Path) -> str:
    return markup_routine(paths.DataPaths(data_dir).routines)


def test_plain_tip_keeps_plain_words_and_escapes_markup() -> None:
    assert plain_tip("Rest 10 s") == "Rest 10 s"
    tip = plain_tip(MARKUP)
    assert not any(raw in tip for raw in RAW)
    assert "&lt;img" in tip


def test_no_screen_reads_a_routine_file_as_markup(
    qtbot: QtBot, seen: None, marked: str, make_window: WindowFactory
) -> None:
    window: MainWindow = make_window()
    assert window.services.catalog.get(marked) is not None, window.services.catalog
    window.start.select(marked)
    problems = []
    for name in SCREENS:
        window.show_screen(getattr(window, name))
        QApplication.processEvents()
        problems += [f"{name}: {line}" for line in rendered_as_markup(window)]
    window.show_screen(window.start)
    start_session(qtbot, window, marked)
    problems += [f"session: {line}" for line in rendered_as_markup(window)]
    assert not problems, "\n".join(problems)


@pytest.mark.needs("dbus-daemon", package="dbus-daemon")
@pytest.mark.parametrize("markup", [True, False])
def test_the_notification_body_is_escaped_only_for_a_server_that_reads_markup(
    qtbot: QtBot, notifications: FakeNotifications, private_bus: str, markup: bool
) -> None:
    if markup:
        notifications.capabilities = ["actions", "body", "body-markup"]
    notifier = DesktopNotifier(private_bus)
    notifier.show(Note("Time for your back exercises", f"{MARKUP}, 8 min.", ()))
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 1)
    body = notifications.notifies()[0][4]
    if markup:
        assert body == (
            '&lt;img src="/etc/stretchdesk-probe.png"&gt;&lt;a href="file:///etc/passwd"&gt;'
            "passwd&lt;/a&gt;&lt;b&gt;bold&lt;/b&gt; &amp;amp;, 8 min."
        )
    else:
        assert body == f"{MARKUP}, 8 min."
    notifier.show(Note("Time for your back exercises", "Again", ()))  # asked once only
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 2)
    asked = [call for call in notifications.calls if call[0] == "GetCapabilities"]
    assert len(asked) == 1


def test_the_tray_shows_a_title_as_its_words(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    tray.update(f"Rock & Roll {MARKUP}", True, f"Today: Rock & Roll {MARKUP}")
    assert tray.start.text() == f"Start Rock && Roll {MARKUP.replace('&', '&&')}"
    tip = tray.icon.toolTip()
    assert not (GuiQt.mightBeRichText(tip) and any(raw in tip for raw in RAW)), tip
    tray.update(None, True, MARKUP)
    assert tray.start.text() == "Start"
