"""Every screen in each shipped language (German is about 30 % longer than English) fits a
1024 x 640 window and a 1280 x 800 one: the window never asks to be larger, and no one-line
text is cut. The content and the window's words are both in the language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from tests.ui.flows import WindowFactory, start_session
from tests.ui.visible_text import SCREENS, cut_texts

SIZES = [(1024, 640), (1280, 800)]


@pytest.fixture(params=list(i18n.LANGUAGES))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    locale = QLocale()
    i18n.use(request.param)
    QLocale.setDefault(QLocale(request.param))
    yield request.param
    i18n.use(i18n.SOURCE)
    QLocale.setDefault(locale)


def test_every_screen_fits_in_every_language(
    qtbot: QtBot, language: str, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.services.texts.language == language
    problems = []
    for name in SCREENS:
        window.show_screen(getattr(window, name))
        hint = window.minimumSizeHint()
        if hint.width() > 1024 or hint.height() > 640:
            problems.append(f"{name}: asks for {hint.width()} x {hint.height()}")
        for size in SIZES:
            window.resize(*size)
            QApplication.processEvents()
            problems += [f"{name} at {size}: cut {text!r}" for text in cut_texts(window)]
    start_session(qtbot, window, "quick-relief")
    for size in SIZES:
        window.resize(*size)
        QApplication.processEvents()
        problems += [f"session at {size}: cut {text!r}" for text in cut_texts(window)]
    assert not problems, "\n".join(problems)


def test_the_window_speaks_the_language(
    qtbot: QtBot, language: str, seen: None, make_window: WindowFactory
) -> None:
    """The content is translated too: the routine's title and the first exercise."""
    window = make_window()
    routine = window.services.catalog.get("quick-relief")
    assert routine is not None
    expected = {"en": "Quick relief", "de": "Schnelle Hilfe", "es": "Alivio rápido"}
    assert routine.title == expected.get(language, "Soulagement rapide")
    start_session(qtbot, window, "quick-relief")
    shown = [label.text() for label in window.session.findChildren(QLabel) if label.isVisible()]
    assert routine.steps[0].title in shown


def test_about_says_whether_a_native_speaker_reviewed_the_translation(
    language: str, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    about = window.about
    if language == i18n.SOURCE or i18n.reviewed_by(language):
        assert about.review is None
    else:
        assert about.review is not None
        assert about.review.text() == i18n._(
            "This translation has not yet been reviewed by a native speaker. Where a "
            "sentence seems wrong, the English one is the one the sources hold."
        )
        assert "native speaker" not in about.review.text()  # in the language itself


def test_a_check_box_whose_words_wrap_is_ticked_by_a_click_on_them(
    qtbot: QtBot, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    window.show_screen(window.settings)
    box = window.settings.pain
    words = next(label for label in window.settings.findChildren(QLabel) if label.buddy() is box)
    assert box.text() == ""
    assert words.text() in (box.accessibleName(), box.accessibleDescription())
    before = box.isChecked()
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert box.isChecked() is not before
    assert window.services.prefs.pain_ratings is box.isChecked()  # saved as a click on the box


def test_the_words_of_the_focused_check_box_show_the_focus(
    qtbot: QtBot, seen: None, make_window: WindowFactory
) -> None:
    """From the mat, the focus must be seen on the words, not only on the small box."""
    window = make_window()
    window.show_screen(window.health)
    box = window.health.boxes[next(iter(window.health.boxes))]
    words = next(label for label in window.health.findChildren(QLabel) if label.buddy() is box)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    focused = words.palette().color(words.foregroundRole())
    assert words.property("focused") == "true"
    window.health.skip.setFocus()
    qtbot.waitUntil(lambda: not box.hasFocus())
    assert words.property("focused") == "false"
    assert words.palette().color(words.foregroundRole()) != focused
