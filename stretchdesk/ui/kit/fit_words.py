"""Buttons whose words always fit: the session's control row shares out the window's width,
and a longer language ("Pausa  (Espacio)", or the tests' pseudo-translation, a third longer)
must not be cut. When a button's words are wider than the button, its font shrinks for that
button alone (never below a floor), and grows back when there is room again.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QPushButton, QWidget

from stretchdesk.ui.kit.widgets import Button

SMALLEST_PX = 11
_KEY = re.compile(r"(.*\S)  \([^()]*\)")


def fitted_px(text: str, font: QFont, largest: int, room: int) -> int:
    """The largest pixel size up to ``largest`` at which ``text`` fits ``room`` pixels."""
    sized = QFont(font)
    sized.setPixelSize(largest)
    need = QFontMetrics(sized).horizontalAdvance(text)
    if need <= room or need <= 0:
        return largest
    return max(SMALLEST_PX, int(largest * room / need))


class FitWords(QObject):
    """Keeps ``buttons``' words inside them: on every resize, and when ``refit`` is called
    after their words change. ``largest`` and ``padding`` come from the layout's sizes."""

    def __init__(self, buttons: list[QPushButton], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self.largest: dict[QPushButton, int] = {}
        self.heights: dict[QPushButton, int] = {}  # set again after a style sheet is applied
        self.padding = 16
        self._full: dict[QPushButton, str] = {}  # each button's words as its owner set them
        self._short: dict[QPushButton, str] = {}  # and as shown (shorter, when they must be)
        for item in buttons:
            item.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QPushButton):
            self._fit(watched)
        return False

    def refit(self) -> None:
        for item in self._buttons:
            self._fit(item)

    def _fit(self, item: QPushButton) -> None:
        largest = self.largest.get(item)
        if largest is None or item.width() <= 0:
            return
        shown = item.text()
        full = self._full.get(item, shown) if self._short.get(item) == shown else shown
        room = item.width() - 2 * self.padding - 8  # the border and a little air
        words = full
        for words in shorter(full):  # the whole, then without the key, then the arrow
            size = fitted_px(plain(words), item.font(), largest, room)
            if size > SMALLEST_PX or _fits(plain(words), item.font(), size, room):
                break
        if words != shown:
            item.setText(words)
        self._full[item], self._short[item] = full, words
        wanted = f"font-size: {size}px;" if size < largest else ""
        if item.styleSheet() != wanted:
            item.setStyleSheet(wanted)  # re-polishes: the sheet's min-height would win
            item.setMinimumHeight(self.heights.get(item, 0))


def plain(text: str) -> str:
    """A button's words as drawn (its & marks the key, && is an &)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shorter(text: str) -> list[str]:
    """A button's words, then shorter forms of them that keep the meaning (the key in
    brackets is also in the button's description and the help): "Pause  (Space)",
    "Pause"; "◀  Back", "Back"."""
    forms = [text]
    keyed = _KEY.fullmatch(text)  # the key in brackets at the very end
    bare = keyed.group(1) if keyed else text
    if bare != text:
        forms.append(bare)
    arrowless = bare.removeprefix("◀  ").removesuffix("  ▶")
    if arrowless != bare:
        forms.append(arrowless)
    return forms


def _fits(text: str, font: QFont, px: int, room: int) -> bool:
    sized = QFont(font)
    sized.setPixelSize(px)
    return QFontMetrics(sized).horizontalAdvance(text) <= room


class ShrinkToFit(QObject):
    """One button that may be narrowed below its words' width (its minimum width is set
    small, so a long translation at a large text size never pushes the window wider than
    the screen): its words are then drawn smaller, never below a floor, and at their own
    size again when there is room. Its own size is read afresh when the window's style
    changes (the text size, the theme)."""

    def __init__(self, item: QPushButton, least_width: int = 96) -> None:
        super().__init__(item)
        self._item = item
        self._natural = 0  # the words' own pixel size (0: to be read)
        self._setting = False
        item.setMinimumWidth(least_width)
        item.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.StyleChange and not self._setting:
            self._natural = 0
        elif kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        """Size the words for the button's width (also after its words change)."""
        item = self._item
        if item.width() <= 0:
            return
        if not self._natural:
            self._sheet("")  # its own size: the window's style sheet's
            self._natural = item.font().pixelSize()
            if isinstance(item, Button):
                item.natural_size = None
                item.natural_size = item.sizeHint()
        if self._natural <= 0:
            return
        text = plain(item.text())
        room = item.width() - 40  # the padding, the border and a little air
        size = fitted_px(text, item.font(), self._natural, room)
        self._sheet(f"font-size: {size}px;" if size < self._natural else "")

    def _sheet(self, wanted: str) -> None:
        if self._item.styleSheet() == wanted:
            return
        self._setting = True
        try:
            self._item.setStyleSheet(wanted)
        finally:
            self._setting = False


class RowFit(QObject):
    """A row of buttons (the navigation) whose words share one size: all of them smaller
    together when the row is narrower than they need at their own size (a long translation
    at a large text size), never below a floor; their own size again when there is room."""

    def __init__(self, bar: QWidget, buttons: list[QPushButton]) -> None:
        super().__init__(bar)
        self._bar, self._buttons = bar, buttons
        self._natural = 0  # the words' own pixel size (0: to be read)
        self._around = 0  # what each button takes besides its words (padding, border)
        self._setting = False
        bar.installEventFilter(self)
        for item in buttons:
            item.setMinimumWidth(48)  # the row may be narrower than its words: they shrink
            item.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.StyleChange and not self._setting:
            self._natural = 0
        elif watched is self._bar and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self._bar.layout()
        if layout is None or self._bar.width() <= 0:
            return
        if not self._natural:
            self._sheets("")
            first = self._buttons[0]
            first.ensurePolished()
            self._natural = first.font().pixelSize()
            words = QFontMetrics(first.font()).horizontalAdvance(plain(first.text()))
            self._around = max(0, first.sizeHint().width() - words)
        if self._natural <= 0:
            return
        margins = layout.contentsMargins()
        room = self._bar.width() - margins.left() - margins.right()
        room -= layout.spacing() * (len(self._buttons) - 1) + self._around * len(self._buttons)
        font = QFont(self._buttons[0].font())
        font.setPixelSize(self._natural)
        need = sum(QFontMetrics(font).horizontalAdvance(plain(b.text())) for b in self._buttons)
        size = self._natural
        if need > room > 0:
            size = max(SMALLEST_PX, int(self._natural * room / need))
        self._sheets(f"font-size: {size}px;" if size < self._natural else "")

    def _sheets(self, wanted: str) -> None:
        self._setting = True
        try:
            for item in self._buttons:
                if item.styleSheet() != wanted:
                    item.setStyleSheet(wanted)
        finally:
            self._setting = False
