"""The middle of the session screen, laid out for a person on the floor: the drawing, the
words of what to do, and the countdown, side by side.

The countdown has a fixed share of the window's height (it never shrinks for anything
else); the drawing's frame takes about half the height and never less than 45 %; the words
(every instruction line, the caution, the breathing) take the rest, all of them on screen at
once: when they do not fit at the size asked for, the drawing gets narrower first (down to
its floor), then the words smaller (down to theirs), never a scroll bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from stretchdesk.ui.session.countdown import DIGITS, PEN, PILL, CountdownDial
from stretchdesk.ui.session.illustration import IllustrationView

DIAL_SHARE = 0.325  # the countdown's height, of the window's (its digits are 0.72 of it)
DRAWING_SHARE = 0.52  # the drawing's frame, of the window's height, when there is room
DRAWING_FLOOR = 0.45  # never smaller than this
FRAME_RATIO = 4 / 3  # the drawings' frames: width / height
READING_CAP = 0.027  # capitals of the words, of the window's height, at the normal size
READING_FLOOR = 0.025  # never smaller than this
GAP = 0.02  # between the columns, of the window's height
SMALLEST = 12  # pixels: the words never get smaller than this, even on a small screen
LINE_GAP = 6  # pixels between the lines of what to do


def pixels_for_cap(font: QFont, cap: float) -> int:
    """The font's pixel size whose capitals are at least ``cap`` pixels tall."""
    probe = QFont(font)
    probe.setPixelSize(100)
    per_pixel = QFontMetricsF(probe).capHeight() / 100 or 0.7
    return max(8, math.ceil(cap / per_pixel))


class MatMiddle(QWidget):
    """Places its children by hand; ``window_height`` is what the shares are of."""

    def __init__(
        self,
        illustration: IllustrationView,
        dial: CountdownDial,
        *,
        under_dial: list[QLabel],
        reading: QWidget,
        lines: list[QLabel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.illustration, self.dial, self.reading = illustration, dial, reading
        self.under_dial, self.lines = under_dial, lines
        for child in (illustration, dial, reading, *under_dial):
            child.setParent(self)
        self.window_height = 800
        self.text_scale = 1.0
        self.reading_px = 0  # the words' size chosen at the last arrangement
        self.words_rect = QRect()  # where the drawing is (help and the pause go over it)
        self.fits = True
        self.digits = 2  # the countdown's widest number  # every line of the words is on screen

    def setup(self, window_height: int, text_scale: float) -> None:
        self.window_height, self.text_scale = max(1, window_height), text_scale
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def _reading_style(self, px: int) -> None:
        self.reading.setStyleSheet(
            f"""QLabel {{ font-size: {px}px; }}
            QLabel[role="breathing"] {{ font-size: {max(8, round(px * 0.9))}px; }}"""
        )

    def _needed(self, width: int) -> int:
        spacing = LINE_GAP
        shown = [line for line in self.lines if not line.isHidden() and line.text()]
        return sum(line.heightForWidth(width) + spacing for line in shown)

    def _solve(self, beside: bool) -> tuple[bool, int, int, bool]:
        """The largest words, then the largest drawing, that fit with the words under the
        countdown (``beside`` False) or beside it: (fit, words' size, drawing's height,
        breathing shown)."""
        h_win, width, height = self.window_height, self.width(), self.height()
        gap, (dial_w, dial_h) = round(GAP * h_win), self._dial_size()
        font = self.reading.font()
        wanted = pixels_for_cap(font, READING_CAP * h_win * self.text_scale)
        least = pixels_for_cap(font, READING_FLOOR * h_win)
        floor = max(1, min(round(DRAWING_FLOOR * h_win), height))
        beside_w = dial_w + gap if beside else 0
        most = round((width - gap - dial_w - beside_w - round(0.15 * h_win)) / FRAME_RATIO)
        drawing_h, px, breathing = max(floor, min(height, most)), wanted, True
        text_h = height if beside else max(1, height - dial_h - gap)
        while True:
            self._reading_style(px)
            self.lines[-1].setHidden(not (breathing and self.lines[-1].text()))
            text_w = width - gap - round(drawing_h * FRAME_RATIO) - beside_w
            if text_w > 40 and self._needed(text_w) <= text_h:
                return True, px, drawing_h, breathing
            if drawing_h > floor:
                drawing_h = max(floor, drawing_h - 8)
            elif px > least:
                px -= 1
            elif breathing:
                breathing = False  # the breathing: the first thing dropped
            elif px > SMALLEST:  # a small window: smaller words rather than cut ones
                px -= 1
            else:
                return False, px, drawing_h, breathing

    def _dial_size(self) -> tuple[int, int]:
        dial_h = max(60, min(round(DIAL_SHARE * self.window_height), self.height()))
        font = QFont(self.dial.font())
        font.setWeight(QFont.Weight.Bold)
        font.setPixelSize(round(dial_h * DIGITS))
        wide = QFontMetricsF(font).horizontalAdvance("0" * max(2, self.digits))
        return math.ceil(wide + dial_h * (PILL + 2 * PEN)) + 4, dial_h

    def arrange(self) -> None:
        h_win, width, height = self.window_height, self.width(), self.height()
        gap, (dial_w, dial_h) = round(GAP * h_win), self._dial_size()
        self.dial.setFixedSize(dial_w, dial_h)
        under = self._solve(False)
        aside = self._solve(True)
        # the bigger words win; then the bigger drawing; then the words under the countdown
        beside = (aside[0], aside[1], aside[3], aside[2]) > (
            under[0],
            under[1],
            under[3],
            under[2],
        )
        fit, px, drawing_h, breathing = aside if beside else under
        self._reading_style(px)
        self.lines[-1].setHidden(not (breathing and self.lines[-1].text()))
        self.reading_px, self.fits = px, fit
        drawing_w = round(drawing_h * FRAME_RATIO)
        left = drawing_w + gap
        column = max(1, width - left)
        self.illustration.setGeometry(0, 0, drawing_w, height)
        self.dial.move(left, 0)
        if beside:
            label_x, label_y, label_w = left, dial_h + gap, dial_w
            self.reading.setGeometry(left + dial_w + gap, 0, max(1, column - dial_w - gap), height)
        else:
            label_x, label_y, label_w = left + dial_w + gap, 0, max(1, column - dial_w - gap)
            self.reading.setGeometry(left, dial_h + gap, column, max(1, height - dial_h - gap))
        for label in self.under_dial:
            if label.isHidden():
                continue
            label_h = label.heightForWidth(label_w) if label.wordWrap() else -1
            label_h = label_h if label_h > 0 else label.sizeHint().height()
            label.setGeometry(label_x, label_y, label_w, label_h)
            label_y += label_h + gap // 2
        self.words_rect = QRect(0, 0, max(1, drawing_w), height)
        y = 0
        for line in self.lines:  # placed by hand: each exactly as tall as its words
            if not line.isHidden():
                tall = line.heightForWidth(self.reading.width())
                line.setGeometry(0, y, self.reading.width(), tall)
                y += tall + LINE_GAP
