"""The middle of the session screen, laid out for a person on the floor: the drawing, the
words of what to do, and the countdown, side by side.

The countdown has a fixed share of the window's height (it never shrinks for anything
else); the drawing's frame takes about half the height and never less than 45 %; the words
(every instruction line, the caution, the breathing) take the rest, never behind a scroll
bar: when they do not fit at the size asked for, the drawing gets narrower first (down to
its floor); then, at the normal text size, the words smaller (down to theirs), all on screen
at once; at a larger text size they keep their size and show a page at a time, marked
"1/2" (session/pages.py packs them and says which page shows when).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from stretchdesk.i18n import N_, _
from stretchdesk.session.pages import pack
from stretchdesk.ui.kit.widgets import bullet_html, pixels_for_cap, widest_word
from stretchdesk.ui.session.countdown import DIGITS, PEN, PILL, CountdownDial
from stretchdesk.ui.session.dial_labels import FRAME_RATIO, DialLabels, Spot
from stretchdesk.ui.session.illustration import IllustrationView

DIAL_SHARE = 0.325  # the countdown's height, of the window's (its digits are 0.72 of it)
DRAWING_FLOOR = 0.45  # never smaller than this, in a window 800 pixels tall or more
SMALL_FLOOR = 0.3  # in a smaller window, where every line of the words comes first
READING_CAP = 0.027  # capitals of the words, of the window's height, at the normal size
READING_FLOOR = 0.025  # never smaller than this
GAP = 0.02  # between the columns, of the window's height
SMALLEST = 12  # pixels: the words never get smaller than this, even on a small screen
LINE_GAP = 6  # pixels between the lines of what to do
LETTERS = 14  # the narrowest column of words, in letters
# Translators: which page of what to do is shown, and how many there are: "1/2"
PAGE_MARK = N_("{page}/{pages}")


@dataclass(frozen=True)
class Solution:
    """One way to lay the middle out: whether it fits, the words' pixel size, the drawing's
    height, whether the breathing line is kept, and the pages of lines (one: all at once)."""

    fit: bool
    px: int
    drawing_h: int
    breathing: bool
    pages: list[range]


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
        next_label: QLabel | None = None,
        next_drawing: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.illustration, self.dial, self.reading = illustration, dial, reading
        self.lines = lines
        # the side and the rep, then "Next: ..." (beside the countdown or under it)
        self.under_dial = [*under_dial, *([next_label] if next_label else [])]
        self.next_drawing = next_drawing  # under "Next: ...", in the rests
        self.labels = DialLabels(under_dial, next_label, next_drawing)
        for child in (illustration, dial, reading, *self.under_dial):
            child.setParent(self)
        if next_drawing is not None:
            next_drawing.setParent(self)
        self.window_height = 800
        self.text_scale = 1.0
        self.reading_px = 0  # the words' size chosen at the last arrangement
        self.words_rect = QRect()  # where the drawing is (help and the pause go over it)
        self.fits = True  # every line of the words is on screen, at once or a page at a time
        self.digits = 2  # the countdown's widest number
        self.words: tuple[tuple[str, ...], str, str] = ((), "", "")
        self.units: list[tuple[int, str]] = []
        self.pages: list[range] = []
        self.page = 0
        self.beside: bool | None = None  # the words beside the countdown (None: not chosen)
        self._styled_px = 0  # the words' size in the reading's style sheet
        self._dial: tuple[tuple[int, int, int, int, str], tuple[int, int]] | None = None
        self.mark = QLabel(reading)  # "1/2": which page of what to do
        self.mark.setProperty("role", "page")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.mark.hide()

    def setup(self, window_height: int, text_scale: float) -> None:
        self.window_height, self.text_scale = max(1, window_height), text_scale
        self.beside, self._styled_px = None, 0
        self.labels.restyled()
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.beside = None
        self.arrange()

    def _reading_style(self, px: int) -> None:
        """The words at ``px`` (a style sheet is set only when the size changes: setting
        one re-polishes every label, about a millisecond)."""
        if px == self._styled_px:
            return
        self._styled_px = px
        self.reading.setStyleSheet(
            f"""QLabel {{ font-size: {px}px; }}
            QLabel[role="breathing"] {{ font-size: {max(8, round(px * 0.9))}px; }}
            QLabel[role="page"] {{ font-size: {max(8, round(px * 0.9))}px; font-weight: 600; }}"""
        )

    def set_words(
        self,
        instructions: tuple[str, ...],
        caution: str,
        breathing: str,
        reserved: dict[QLabel, tuple[str, ...]] | None = None,
    ) -> None:
        """The exercise's lines of what to do; arrange() lays them out, a page at a time when
        they do not all fit at the size chosen. ``reserved``: every text the side and the
        rep can show during the step (room is kept for the widest)."""
        self.labels.reserved = None if reserved is None else dict(reserved)
        self.words = (tuple(instructions), caution, breathing)
        self.page, self.beside = 0, None

    def _units(self, breathing: bool) -> list[tuple[int, str]]:
        """The lines in order, each with the label it goes in (0 instructions, 1 caution, 2
        breathing)."""
        instructions, caution, said = self.words
        units = [(0, line) for line in instructions]
        units += [(1, caution)] if caution else []
        units += [(2, said)] if said and breathing else []
        return units

    def _fill(self, units: list[tuple[int, str]]) -> None:
        """Put ``units`` in their labels; the others hidden."""
        first = [text for where, text in units if where == 0]
        self.lines[0].setText(bullet_html(first))
        for index, line in enumerate(self.lines):
            mine = [text for where, text in units if where == index]
            if index:
                line.setText(mine[0] if mine else "")
            line.setHidden(not mine)

    def _needed(self, width: int) -> int:
        shown = [line for line in self.lines if not line.isHidden() and line.text()]
        return sum(line.heightForWidth(width) + LINE_GAP for line in shown)

    def _paged(self, units: list[tuple[int, str]], width: int, height: int) -> list[range]:
        """Pages of ``units`` that each fit, with the page mark under them (none: a line
        alone does not fit)."""
        self.mark.setText(_(PAGE_MARK).format(page=9, pages=9))
        room = height - self.mark.heightForWidth(width) - LINE_GAP
        heights = []
        for unit in units:
            self._fill([unit])
            heights.append(self._needed(width) - LINE_GAP)
        pages = pack(heights, room, LINE_GAP)
        for page in pages:
            self._fill([units[i] for i in page])
            if self._needed(width) - LINE_GAP > room:
                return []
        return pages

    def _solve(self, beside: bool) -> Solution:
        """The largest words, then the fewest pages, then the largest drawing, that fit with
        the words under the countdown (``beside`` False) or beside it. At the normal text
        size every line shows at once (smaller words rather than pages); at a larger size
        the words keep it, a page at a time, once the drawing is at its floor."""
        h_win, width, height = self.window_height, self.width(), self.height()
        gap, (dial_w, dial_h) = round(GAP * h_win), self._dial_size()
        font = self.reading.font()
        wanted = pixels_for_cap(font, READING_CAP * h_win * self.text_scale)
        least = pixels_for_cap(font, READING_FLOOR * h_win)
        least_share = DRAWING_FLOOR if h_win >= 800 else SMALL_FLOOR
        floor = max(1, min(round(least_share * h_win), height))
        beside_w = dial_w + gap if beside else 0
        most = round((width - gap - dial_w - beside_w - round(0.15 * h_win)) / FRAME_RATIO)
        drawing_h, px, breathing = max(floor, min(height, most)), wanted, True
        paging = self.text_scale > 1.0
        # kept whether "Next" shows now or not, so the words stay where they are when it comes
        next_room = self.labels.next_width(h_win)
        while True:
            self._reading_style(px)
            units = self._units(breathing)
            text_w = width - gap - round(drawing_h * FRAME_RATIO) - beside_w
            row_h = 0 if beside else self._row(text_w)[1]
            text_h = height if beside else max(1, height - dial_h - gap - row_h)
            if not beside and drawing_h > floor and text_w - dial_w - gap < next_room:
                drawing_h = max(floor, drawing_h - 8)  # room beside the countdown for "Next"
                continue
            # a column, not a word a line, and no word wider than it (a word is never cut)
            if text_w > max(40, self._letters_wide(px), self._widest_word(units, px)):
                self._fill(units)
                if self._needed(text_w) <= text_h:
                    return Solution(True, px, drawing_h, breathing, [range(len(units))])
                pages = self._paged(units, text_w, text_h) if paging and drawing_h <= floor else []
                if pages:
                    return Solution(True, px, drawing_h, breathing, pages)
            if drawing_h > floor:
                drawing_h = max(floor, drawing_h - 8)
            elif px > least:
                px -= 1
            elif breathing:
                breathing = False  # the breathing: the first thing dropped
            elif px > SMALLEST:  # a small window: smaller words rather than cut ones
                px -= 1
            else:
                return Solution(False, px, drawing_h, breathing, [range(len(units))])

    def _letters_wide(self, px: int) -> float:
        """The width of a line of a dozen letters at ``px`` (a column of words narrower
        than that reads a word a line)."""
        font = QFont(self.reading.font())
        font.setPixelSize(px)
        return QFontMetricsF(font).horizontalAdvance("x" * LETTERS)

    def _widest_word(self, units: list[tuple[int, str]], px: int) -> float:
        """The widest word of ``units`` at ``px``, with the room a bullet or the caution's
        padding takes."""
        font = QFont(self.reading.font())
        font.setPixelSize(px)
        return widest_word(font, " ".join(text for _, text in units)) + 2.5 * px

    def _dial_size(self) -> tuple[int, int]:
        """The countdown's width and height (kept while what they depend on is the same)."""
        font = self.dial.font()
        key = (self.window_height, self.height(), self.digits, font.pixelSize(), font.family())
        if self._dial is None or self._dial[0] != key:
            self._dial = (key, self._measure_dial())
        return self._dial[1]

    def _measure_dial(self) -> tuple[int, int]:
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
        if self.beside is None:
            # the words go under the countdown (so the screen keeps one arrangement from
            # step to step, however many pages), unless only beside it do they fit, keep a
            # larger size or keep the breathing line; chosen once a step (and size), so
            # "Next" arriving in its last seconds does not move them
            under, aside = self._solve(False), self._solve(True)
            ranks = [(one.fit, one.px, one.breathing) for one in (under, aside)]
            self.beside = ranks[1] > ranks[0]
            chosen = aside if self.beside else under
        else:
            chosen = self._solve(self.beside)
        beside = self.beside
        self._reading_style(chosen.px)
        self.reading_px, self.fits = chosen.px, chosen.fit
        self.units, self.pages = self._units(chosen.breathing), chosen.pages
        self.page = min(self.page, len(self.pages) - 1)
        drawing_w = round(chosen.drawing_h * FRAME_RATIO)
        left = drawing_w + gap
        column = max(1, width - left)
        self.illustration.setGeometry(0, 0, drawing_w, height)
        self.dial.move(left, 0)
        aside_w = max(1, column - dial_w - gap)  # beside the countdown
        row, row_h = (False, 0) if beside else self._row(column)
        if beside:
            label_x, label_y, label_w = left, dial_h + gap, dial_w
            self.reading.setGeometry(left + dial_w + gap, 0, aside_w, height)
        elif row:  # too narrow beside the countdown: in a row under it, the words under them
            label_x, label_y, label_w = left, dial_h + gap, column
            top = dial_h + gap + row_h
            self.reading.setGeometry(left, top, column, max(1, height - top))
        else:
            label_x, label_y, label_w = left + dial_w + gap, 0, aside_w
            self.reading.setGeometry(left, dial_h + gap, column, max(1, height - dial_h - gap))
        inline = row and self.labels.inline
        label_y = self.labels.place_steady(
            Spot(label_x, label_y, label_w, height), gap, inline=inline
        )
        if beside:  # "Next" under the side and the rep, under the countdown
            spot = Spot(label_x, label_y, label_w, height)
        else:  # beside the countdown, under the side and the rep if they are there
            spot = Spot(left + dial_w + gap, 0 if row else label_y, aside_w, dial_h)
        self.labels.place_next(spot, gap, h_win)
        self.words_rect = QRect(0, 0, max(1, drawing_w), height)
        self._place_lines()

    def _row(self, column_w: int) -> tuple[bool, int]:
        """Whether the side and the rep go in a row under the countdown rather than beside
        it, and the row's height (``column_w``: the countdown's column and beside it)."""
        gap, (dial_w, dial_h) = round(GAP * self.window_height), self._dial_size()
        return self.labels.row(column_w, column_w - dial_w - gap, dial_h, gap)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def show_page(self, page: int) -> None:
        """Show page ``page`` of what to do (session/pages.py says which, and when)."""
        page = max(0, min(page, len(self.pages) - 1))
        if page != self.page:
            self.page = page
            self._place_lines()

    def _place_lines(self) -> None:
        """The current page's lines, placed by hand: each exactly as tall as its words; the
        page mark ("1/2") under them when there are pages."""
        page = self.pages[self.page] if self.pages else range(0)
        self._fill([self.units[i] for i in page if i < len(self.units)])
        width, y = self.reading.width(), 0
        for line in self.lines:
            if not line.isHidden():
                tall = line.heightForWidth(width)
                line.setGeometry(0, y, width, tall)
                y += tall + LINE_GAP
        paged = len(self.pages) > 1
        self.mark.setHidden(not paged)
        if paged:
            self.mark.setText(_(PAGE_MARK).format(page=self.page + 1, pages=len(self.pages)))
            tall = self.mark.heightForWidth(width)
            self.mark.setGeometry(0, y, width, tall)  # right under the words
