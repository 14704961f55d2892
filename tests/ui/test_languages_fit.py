"""Longer languages at the largest text sizes in the smallest window: every screen fits
800 x 600 in German, Spanish and French (a long button's words are drawn smaller rather than
widen the window; only the screen shown sets the window's least size), and on the session
screen every line of what to do is on screen in a column wide enough to read."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from stretchdesk.session import FakeClock
from stretchdesk.settings import Preferences
from stretchdesk.ui.kit import wording
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory
from tests.ui.test_every_size import clipped, settle
from tests.ui.test_mat_layout import _at_size, _builtin_steps, _every_page, _inside
from tests.ui.visible_text import cut_texts

LANGUAGES = ["de", "es", "fr"]
SCREENS = (
    "safety",
    "health",
    "start",
    "pain_before",
    "avoid",
    "advice",
    "history",
    "settings",
    "about",
    "recovery",
    "completion",
)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("STRETCHDESK_LANGUAGE", request.param)
    i18n.use(request.param)
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    QLocale.setDefault(QLocale("en"))


@pytest.mark.parametrize("text_size", ["large", "extra-large"])
def test_every_screen_fits_800x600_in_a_longer_language(
    make_window: WindowFactory, language: str, text_size: str
) -> None:
    window = make_window()
    window.apply_prefs(Preferences(safety_seen=True, text_size=text_size))
    window.resize(800, 600)
    problems = []
    for name in SCREENS:
        screen = getattr(window, name)
        window.show_screen(screen)
        settle()
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, (language, name, hint)
        assert window.width() <= 800 and window.height() <= 600, (language, name)
        problems += [f"{name}: cut {text!r}" for text in cut_texts(window)]
        problems += [f"{name}: {found}" for found in clipped(screen)]
    assert not problems, "\n".join([language, *problems])


def test_the_session_reads_at_800x600_in_a_longer_language(
    qtbot: QtBot, make_window: WindowFactory, clock: FakeClock, language: str
) -> None:
    window: MainWindow = make_window()
    _at_size(qtbot, window, clock, (800, 600), "extra-large")
    session = window.session
    session.stop_timers()
    for step in _builtin_steps(window):
        session.show_words(step)
        QApplication.processEvents()
        middle = session.middle
        assert middle.fits, (language, step.exercise_id)
        for line in _every_page(window, step):
            assert line.isVisible() and _inside(window, line), (language, step.exercise_id)
        # a column wide enough for a few words, never one word a line
        wide = QFontMetricsF(session.instructions.font()).horizontalAdvance("x" * 14)
        assert middle.reading.width() >= wide, (language, step.exercise_id)


def test_a_wrapping_headline_moves_nothing(
    qtbot: QtBot, make_window: WindowFactory, clock: FakeClock, language: str
) -> None:
    """Whatever the line that says what to do now (one wraps in a longer language, the
    next does not), the drawing, the countdown and the words stay where they are."""
    window: MainWindow = make_window()
    _at_size(qtbot, window, clock, (1280, 800), "large")
    session = window.session
    session.stop_timers()
    for step in _builtin_steps(window)[:4]:
        session.show_words(step)
        places = set()
        for text in wording.headlines(step):
            session.headline.setText(text)
            QApplication.processEvents()
            assert session.headline.heightForWidth(session.headline.width()) <= (
                session.headline.height()
            ), (language, text)
            places.add(session.middle.geometry().getRect())
        assert len(places) == 1, (language, step.exercise_id, places)


def test_room_is_kept_only_for_a_line_that_wraps(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """In English at 1280 x 800 every headline reads on one line: no room is kept for a
    second (it would be taken from the drawing and the words)."""
    _at_size(qtbot, window, clock, (1280, 800), "normal")
    headline = window.session.headline
    one_line = QFontMetricsF(headline.font()).height()
    assert headline.height() < 1.6 * one_line


def _widest(widget: QWidget, text: str) -> float:
    metrics = QFontMetricsF(widget.font())
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def test_no_word_is_cut_on_the_session_screen_at_800x600(
    qtbot: QtBot, make_window: WindowFactory, clock: FakeClock, language: str
) -> None:
    """Every word of what to do, of the caution, of the buttons and of the pause is inside
    its place: drawn smaller, or a button's key left out, rather than cut."""
    window: MainWindow = make_window()
    _at_size(qtbot, window, clock, (800, 600), "extra-large")
    session = window.session
    session.stop_timers()
    for step in _builtin_steps(window):
        session.show_words(step)
        QApplication.processEvents()
        for line in _every_page(window, step):
            words = html.unescape(re.sub(r"<[^>]*>", " ", line.text()))
            for word in words.split():
                assert _widest(line, word) + 8 <= line.width(), (language, word)
    for item in (session.back_button, session.pause_button, session.next_button):
        if item.isVisible():
            drawn = QFontMetricsF(item.font()).horizontalAdvance(item.text())
            assert drawn <= item.width() - 8, (language, item.text(), item.width())
    session.show_paused(True)
    QApplication.processEvents()
    paused = session.paused
    assert _widest(paused, paused.text()) + 8 <= paused.width(), (language, paused.text())
