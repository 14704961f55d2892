"""The whole window in the pseudo-translation: every screen built and shown in turn, with a
history and a session, and every text a person sees or a screen reader hears read back.
What is left once the wrapped parts are taken out must hold no words: each word is a
sentence that was never marked, or content that never went through its translation.

The only words allowed unwrapped are the locale's own names of weekdays and months (QLocale
writes them in the person's language), the sources' keys and names that are not translated."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from stretchdesk.settings import Preferences
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, start_session
from tests.ui.visible_text import SCREENS, cut_texts, unwrapped, visible_texts
from tools.demo_history import make_demo_history

NAMES = {"stretchdesk", "speechd", "Ctrl", "Shift", "Esc", "F1", "F11", "Alt"}


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.use(i18n.PSEUDO)
    yield
    i18n.use("en")


def locale_words() -> set[str]:
    locale = QLocale()
    words = {locale.amText(), locale.pmText()}
    for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words.update(locale.dayName(d, kind) for d in range(1, 8))
        words.update(locale.monthName(m, kind) for m in range(1, 13))
        words.update(locale.standaloneMonthName(m, kind) for m in range(1, 13))
    return words


def left_over(root: QWidget, allowed: set[str]) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        rest = unwrapped(text)
        words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in allowed]
        if words:
            found.append(f"{where}: {' '.join(sorted(set(words)))} in {rest[:60]!r}")
    return sorted(set(found))


def show_every_screen(window: MainWindow) -> Iterator[str]:
    for name in SCREENS:
        screen = getattr(window, name)
        window.show_screen(screen)
        QApplication.processEvents()
        yield name


def test_no_word_is_left_untranslated_on_any_screen(
    qtbot: QtBot, pseudo: None, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    services = window.services
    make_demo_history(services.data.history, services.catalog, days=10)
    window.history.reload()
    keys = {part for key in services.content.sources for part in re.split(r"[\W\d_]", key)}
    allowed = locale_words() | NAMES | keys  # source keys cite, as [NHS-BACK]
    problems = []
    for name in show_every_screen(window):
        problems += [f"{name}: {line}" for line in left_over(window, allowed)]
    start_session(qtbot, window, "quick-relief")
    problems += [f"session: {line}" for line in left_over(window, allowed)]
    assert not problems, "\n".join(problems)


def test_nothing_is_cut_in_the_longer_words(
    qtbot: QtBot, pseudo: None, seen: None, make_window: WindowFactory
) -> None:
    """A third longer than English, with nested sentences wrapped twice: no one-line label
    or button on any screen, a running session's included, is narrower than its words, at
    1280 x 800 or the size the window asks for (the shipped languages must fit 1024 x 640
    too: test_languages_layout.py; the session's buttons make their words smaller rather
    than cut them)."""
    window = make_window()
    window.apply_prefs(Preferences(safety_seen=True))

    def cut_at_its_size(name: str) -> list[str]:
        hint = window.minimumSizeHint()
        window.resize(max(1280, hint.width()), max(800, hint.height()))
        QApplication.processEvents()
        return [f"{name}: {text!r}" for text in cut_texts(window)]

    cut = []
    for name in show_every_screen(window):
        cut += cut_at_its_size(name)
    start_session(qtbot, window, "quick-relief")
    for _ in range(2):  # ready, then running (Pause)
        cut += cut_at_its_size("session")
        qtbot.keyClick(window.session.pause_button, Qt.Key.Key_Space)
    assert not cut, "\n".join(cut)
