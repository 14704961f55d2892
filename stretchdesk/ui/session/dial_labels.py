"""Beside the countdown: the side and the rep, and "Next: ..." with the next exercise's
drawing.

The side and the rep are steady: room is kept for the widest text each can show during the
step (both sides' names, the last rep's number), so the words of what to do never move when
they change. "Next" comes in a step's last seconds: it takes the room left beside (or under)
the countdown, its words a little smaller and its drawing smaller or left out rather than
moving anything else. A word wider than its place is drawn smaller, never cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QLabel, QWidget

from stretchdesk.ui.kit.widgets import pixels_for_cap, widest_word, wrapped_height

FRAME_RATIO = 4 / 3  # the drawings' frames: width / height
NEXT_DRAWING = 0.15  # the next exercise's drawing, of the window's height, when there is room
NEXT_SMALLEST = 0.02  # "Next"'s capitals are never smaller than this, of the window's height


@dataclass(frozen=True)
class Spot:
    """Where labels go: left, top, width, and the bottom they must stay above."""

    x: int
    y: int
    width: int
    bottom: int


def _advance(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


class DialLabels:
    """The labels beside the countdown, and the next exercise's drawing."""

    def __init__(
        self, steady: list[QLabel], next_label: QLabel | None, next_drawing: QWidget | None
    ) -> None:
        self.steady, self.next_label, self.next_drawing = steady, next_label, next_drawing
        # every text each steady label can show in this step (None: what they show now)
        self.reserved: dict[QLabel, tuple[str, ...]] | None = None
        self._natural: dict[QLabel, QFont] = {}  # each label's font before any fitting
        self.inline = False  # in a row under the countdown: side by side on one line

    # -- fonts ---------------------------------------------------------------------------
    def restyled(self) -> None:
        """The text size changed: the labels' own fonts are taken afresh."""
        for label in self._natural:
            label.setStyleSheet("")
        self._natural = {}

    def _font(self, label: QLabel) -> QFont:
        if label not in self._natural:
            label.ensurePolished()
            self._natural[label] = QFont(label.font())
        return QFont(self._natural[label])

    def _fitted(self, label: QLabel, text: str, width: int) -> QFont:
        """The label's font, smaller if a word of ``text`` is wider than ``width``."""
        font = self._font(label)
        wide = widest_word(font, text) if label.wordWrap() else _advance(font, text)
        if wide + 4 > width > 0 and font.pixelSize() > 8:
            font.setPixelSize(max(8, int(font.pixelSize() * (width - 4) / wide)))
        return font

    @staticmethod
    def _use(label: QLabel, font: QFont, natural: QFont) -> None:
        size = font.pixelSize()
        wanted = "" if size == natural.pixelSize() else f"QLabel {{ font-size: {size}px; }}"
        if label.styleSheet() != wanted:
            label.setStyleSheet(wanted)

    # -- the steady labels ----------------------------------------------------------------
    def _texts(self) -> list[tuple[QLabel, str]]:
        """Each steady label with the widest text it shows in this step (or shows now)."""
        found = []
        for label in self.steady:
            if self.reserved is None:
                options = [label.text()] if not label.isHidden() and label.text() else []
            else:
                options = [text for text in self.reserved.get(label, ()) if text]
            if options:
                font = self._font(label)
                found.append((label, max(options, key=lambda text: _advance(font, text))))
        return found

    def row(self, column_w: int, beside_w: int, dial_h: int, gap: int) -> tuple[bool, int]:
        """Whether the side and the rep go in a row under the countdown (they do not fit
        beside it: a word too wide, or too tall together), and the row's height: side by
        side on one line when they fit so (``inline``), else one under the other."""
        texts, used = self._texts(), 0
        for label, text in texts:
            font = self._font(label)
            wide = widest_word(font, text) if label.wordWrap() else _advance(font, text)
            if wide + 4 > beside_w:
                break
            used += wrapped_height(label, text, beside_w, font) + gap // 2
        else:
            if used <= dial_h:
                return False, 0
        fonts = [(label, self._fitted(label, text, column_w), text) for label, text in texts]
        one_line = sum(_advance(font, text) + 4 for _, font, text in fonts) + gap * len(fonts)
        self.inline = one_line <= column_w
        if self.inline:
            tall = max(
                QFontMetrics(font).height() + 2 * label.margin() + 2 for label, font, _ in fonts
            )
            return True, tall + gap // 2
        return True, sum(
            wrapped_height(label, text, column_w, font) + gap // 2 for label, font, text in fonts
        )

    def place_steady(self, spot: Spot, gap: int, *, inline: bool = False) -> int:
        """The side and the rep shown now, from the top of ``spot`` (side by side if
        ``inline``); where they end."""
        x, y, bottom = spot.x, spot.y, spot.y
        widest = dict(self._texts())
        for label in self.steady:
            if label.isHidden() or not label.text():
                continue
            font = self._fitted(label, widest.get(label, label.text()), spot.width)
            self._use(label, font, self._font(label))
            if inline:
                wide = round(_advance(font, label.text())) + 4
                tall = QFontMetrics(font).height() + 2 * label.margin() + 2
                label.setGeometry(x, y, wide, tall)
                x += wide + gap
                bottom = max(bottom, y + tall + gap // 2)
            else:
                tall = wrapped_height(label, label.text(), spot.width, font)
                label.setGeometry(spot.x, bottom, spot.width, tall)
                bottom += tall + gap // 2
        return bottom

    # -- what comes next ------------------------------------------------------------------
    def next_width(self, window_height: int) -> int:
        """The width kept beside the countdown for "Next" and its drawing: the drawing's,
        or the words' on two lines if wider."""
        least = round(NEXT_DRAWING * window_height * FRAME_RATIO)
        label = self.next_label
        if label is None or self.next_drawing is None:
            return 0
        texts = (self.reserved or {}).get(label, ()) or ((label.text(),) if label.text() else ())
        font = self._font(label)
        words = [max(widest_word(font, t), _advance(font, t) * 0.6) for t in texts]
        return max([least, *(round(w) + 8 for w in words)])

    def place_next(self, spot: Spot, gap: int, window_height: int) -> None:
        """ "Next" and its drawing in ``spot``: the words first (smaller, down to a floor,
        if they would leave no room for the drawing), the drawing in what is left (none
        when that is too small to make out)."""
        label, drawing = self.next_label, self.next_drawing
        y = spot.y
        if label is not None and not label.isHidden() and label.text():
            natural = self._font(label)
            font = self._fitted(label, label.text(), spot.width)
            room = spot.bottom - spot.y
            floor = QFont(natural)
            floor.setPixelSize(pixels_for_cap(natural, NEXT_SMALLEST * window_height))
            wants_drawing = drawing is not None and not drawing.isHidden()
            keep = round(NEXT_DRAWING * window_height) if wants_drawing else 0
            while (
                wrapped_height(label, label.text(), spot.width, font) > room - keep
                and font.pixelSize() > floor.pixelSize()
            ):
                font.setPixelSize(font.pixelSize() - 1)
            self._use(label, font, natural)
            tall = wrapped_height(label, label.text(), spot.width, font)
            if tall > room:  # no room at a size that reads (the voice names it at the rest)
                tall = 0
            label.setGeometry(spot.x, y, spot.width, tall)
            y += tall + gap // 2 if tall else 0
        if drawing is not None:
            tall = max(0, min(spot.bottom - y, round(spot.width / FRAME_RATIO)))
            if tall < NEXT_DRAWING * window_height / 2:  # too small to make out: words alone
                tall = 0
            drawing.setGeometry(spot.x, y, round(tall * FRAME_RATIO), tall)
