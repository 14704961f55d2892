"""Every screen (but the session's) at 800 x 600, 1024 x 600, 1280 x 800 and 1920 x 1080, at
every text size, light and dark: no label or check box cut, nothing scrolls sideways, the
builder's lists show five rows, a whole routine card shows in the smallest window at every
text size, links read on the window's colour, and every screen of words scrolls with the
keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QListWidget, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.settings import TEXT_SIZES
from stretchdesk.ui.kit.theme import DARK, LIGHT, Colors, apply_theme
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory
from tests.ui.visible_text import SCREENS, cut_texts

SIZES = [(800, 600), (1024, 600), (1280, 800), (1920, 1080)]
# the screens of words: each scrolls with the keys when it is taller than the window
READING = ("safety", "settings", "about", "health", "history", "pain_before", "recovery")


# each key, and where it leaves the words: at the top, at the end, or further down
KEYS = (
    (Qt.Key.Key_End, "end"),
    (Qt.Key.Key_Home, "top"),
    (Qt.Key.Key_PageDown, "down"),
    (Qt.Key.Key_PageUp, "top"),
    (Qt.Key.Key_Down, "down"),
    (Qt.Key.Key_Up, "top"),
)


def settle() -> None:
    for _ in range(6):  # a height that follows the width settles in later passes
        QApplication.processEvents()


def contrast(one: QColor, two: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def clipped(screen: QWidget) -> list[str]:
    """Wrapped words shorter than the lines they need, and check boxes squeezed."""
    found = []
    for words in screen.findChildren(QLabel):
        if words.isVisible() and words.wordWrap() and words.text().strip():
            needed = words.heightForWidth(words.width())
            if words.height() + 1 < needed:
                found.append(f"{words.text()[:50]!r} {words.height()} < {needed} px")
    for box in screen.findChildren(QCheckBox):
        if box.isVisible() and box.height() + 1 < box.minimumSizeHint().height():
            found.append(f"check box {box.accessibleName()[:50]!r} {box.height()} px")
    for area in screen.findChildren(QScrollArea):
        inner = area.widget()
        if area.isVisible() and inner is not None and inner.width() > area.viewport().width():
            found.append(f"{area.accessibleName()!r} wider than its window")
    return found


def rows_shown(listing: QListWidget) -> int:
    inside = listing.viewport().rect()
    rects = (listing.visualItemRect(listing.item(i)) for i in range(listing.count()))
    return sum(
        1
        for rect in rects
        if rect.isValid() and inside.top() <= rect.top() <= rect.bottom() <= inside.bottom()
    )


def build_five_steps(window: MainWindow) -> None:
    builder = window.builder
    builder.library_list.setCurrentRow(0)
    for _ in range(5):
        builder.add_button.click()
    assert builder.steps.count() == 5


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_every_screen_fits_every_size_in_both_themes(
    qtbot: QtBot, seen: None, make_window: WindowFactory, text_size: str
) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    build_five_steps(window)
    problems = []
    for theme in ("light", "dark"):
        apply_theme(app, theme, text_size)
        for name in SCREENS:
            screen = getattr(window, name)
            window.show_screen(screen)
            for size in SIZES:
                window.resize(*size)
                settle()
                where = f"{name} at {size}, {theme}"
                problems += [f"{where}: cut {text!r}" for text in cut_texts(window)]
                problems += [f"{where}: {found}" for found in clipped(screen)]
                if name == "builder":
                    for listing in (screen.library_list, screen.steps):
                        if rows_shown(listing) < 5:
                            problems.append(
                                f"{where}: {listing.accessibleName()}: "
                                f"{rows_shown(listing)} rows shown, {listing.height()} px"
                            )
        window.show_screen(window.builder)  # the builder's lists keep five rows in any window
    assert not problems, "\n".join(problems)
    window.builder.editor.mark_saved()


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_a_whole_routine_card_shows_in_the_smallest_window(
    seen: None, make_window: WindowFactory, text_size: str
) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light", text_size)
    window.show_screen(window.start)
    window.resize(800, 600)
    settle()
    start = window.start
    view = start.area.viewport()
    chosen = start.cards[start.selected or ""]
    start.area.ensureWidgetVisible(chosen, 0, 0)
    settle()
    top = chosen.mapTo(view, QPoint(0, 0)).y()
    assert top >= 0 and top + chosen.height() <= view.height(), (top, chosen.height())


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_links_read_on_the_window_in_both_themes(
    seen: None, make_window: WindowFactory, colors: Colors
) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark" if colors.dark else "light", "normal")
    window.show_screen(window.about)
    links = [w for w in window.about.findChildren(QLabel) if "<a href" in w.text()]
    assert links
    for link in links:
        palette = link.palette()
        for ground in (QColor(colors.window), QColor(colors.surface)):
            shown = palette.color(QPalette.ColorRole.Link)
            assert contrast(shown, ground) >= 4.5, (shown.name(), ground.name())


def test_every_screen_of_words_scrolls_with_the_keys(
    qtbot: QtBot, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    colors = apply_theme(app, "light", "extra-large")
    window.resize(800, 600)
    for name in READING:
        screen = getattr(window, name)
        window.show_screen(screen)
        settle()
        area = next(a for a in screen.findChildren(QScrollArea) if a.isVisible())
        bar = area.verticalScrollBar()
        assert bar.maximum() > 0, f"{name}: fits; nothing to scroll"
        assert area.accessibleName(), name
        for _ in range(80):  # Tab reaches it
            if area.hasFocus():
                break
            qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        assert area.hasFocus(), f"{name}: Tab never reaches the words"
        frame = area.grab().toImage().pixelColor(1, area.height() // 2)
        assert frame.name() == QColor(colors.focus).name(), f"{name}: no focus frame"
        for key, where in KEYS:
            qtbot.keyClick(area, key)
            value = bar.value()
            reached = {"top": value == 0, "end": value == bar.maximum(), "down": value > 0}
            assert reached[where], f"{name}: {key!r} left the words at {value}"
