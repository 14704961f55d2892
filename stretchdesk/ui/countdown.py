"""The big countdown: whole seconds in a progress ring, readable from across the room.

It repaints only when what it shows changes (the number, the ring's step, the caption),
never on a fixed frame rate.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.ui.theme import current_colors

RING_STEPS = 240  # the ring moves in 1.5 degree steps at most


def format_seconds(seconds: int) -> str:
    if seconds >= 60:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return str(seconds)


class CountdownDial(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Countdown")
        self._shown: tuple[int, int, str, bool] = (0, 0, "", False)
        self.repaints = 0  # for tests and benchmarks: how often it really painted

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    @property
    def seconds(self) -> int:
        return self._shown[0]

    @property
    def caption(self) -> str:
        return self._shown[2]

    def set_state(self, seconds: int, progress: float, caption: str, *, paused: bool) -> bool:
        """Show these values; repaint only if something visible changed. True if it did."""
        step = round(max(0.0, min(1.0, progress)) * RING_STEPS)
        shown = (seconds, step, caption, paused)
        if shown == self._shown:
            return False
        self._shown = shown
        state = "paused, " if paused else ""
        self.setAccessibleDescription(f"{caption}: {state}{seconds} seconds left")
        self.update()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        self.repaints += 1
        seconds, step, caption, paused = self._shown
        c = current_colors()
        side = min(self.width(), self.height())
        if side <= 8:
            return
        pen_width = max(6.0, side * 0.06)
        box = QRectF(
            (self.width() - side) / 2 + pen_width / 2,
            (self.height() - side) / 2 + pen_width / 2,
            side - pen_width,
            side - pen_width,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QPen(QColor(c.border), pen_width)
        painter.setPen(track)
        painter.drawEllipse(box)
        if step:
            ring = QPen(QColor(c.muted if paused else c.accent), pen_width)
            ring.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(ring)
            span = -round(step / RING_STEPS * 360 * 16)
            painter.drawArc(box, 90 * 16, span)
        text = format_seconds(seconds)
        font = QFont(self.font())
        # the digits fill the ring: at least a sixth of the window's height (the layout
        # gives the dial its share of the height)
        font.setPixelSize(max(12, round(side * (0.56 if len(text) <= 2 else 0.36))))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor(c.muted if paused else c.text))
        number_box = QRectF(
            box.x(), box.y() + box.height() * 0.08, box.width(), box.height() * 0.66
        )
        painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, text)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(side * 0.08)))
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        caption_box = QRectF(
            box.x(), box.y() + box.height() * 0.70, box.width(), box.height() * 0.14
        )
        painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, "Paused" if paused else caption)
        painter.end()
