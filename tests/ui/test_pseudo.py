"""The window in the pseudo-translation: the session screen's own words (its buttons, the
countdown's word, the step counter, what to do now) are all translated. Content (the
exercises' titles and instructions) has its own files and is checked with them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, start_session


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.use(i18n.PSEUDO)
    yield
    i18n.use("en")


def wrapped(text: str) -> bool:
    return all(part.startswith("[!!") and part.endswith("!!]") for part in text.split("\n"))


def test_the_session_screens_own_words_are_translated(
    qtbot: QtBot, pseudo: None, seen: None, make_window: WindowFactory
) -> None:
    window: MainWindow = make_window()
    start_session(qtbot, window, "quick-relief")
    screen = window.session
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            picture_only = not button.text() and not button.icon().isNull()
            assert picture_only or "[!!" in button.text(), button.text()
            assert wrapped(button.accessibleName()), button.accessibleName()
            assert "[!!" in button.toolTip(), button.toolTip()
    for shown in (screen.headline, screen.place, screen.badge):
        assert "[!!" in shown.text(), shown.text()
    assert window.audio is not None
