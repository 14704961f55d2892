"""The big countdown: whole seconds in a progress ring, readable from across the room.

It repaints only when what it shows changes (the number, the ring's step, the caption),
never on a fixed frame rate. A screen reader finds the seconds left and the caption in its
description when asked (flat review, "where am I"); it is no progress bar, whose every new
value a screen reader would speak as a percentage. The moments worth hearing (a new phase,
ten seconds left) are told by the session screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.i18n import _, ngettext
from stretchdesk.ui.kit.theme import current_colors

RING_STEPS = 240  # the ring moves in 1.5 degree steps at most
DIGITS = 0.72  # the digits' size, of the dial's height
PEN = 0.06  # the ring's width, of the dial's height
PILL = 0.16  # room beside the digits inside the ring, of the dial's height


def format_seconds(seconds: int) -> str:
    """Whole seconds, as the voice counts them ("180"); minutes only past 999 s."""
    if seconds > 999:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return str(seconds)


class CountdownDial(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Countdown"))
        self._shown: tuple[int, int, str, bool] = (0, 0, "", False)
        self.repaints = 0  # for tests and benchmarks: how often it really painted

    def sizeHint(self) -> QSize:
        """As tall as the layout allows (its maximum): the countdown comes first."""
        tallest = self.maximumHeight()
        return QSize(260, tallest if tallest < 10_000 else 260)

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
        left = ngettext("{seconds} second left", "{seconds} seconds left", seconds).format(
            seconds=seconds
        )
        words = (_("{caption}: paused, {left}") if paused else _("{caption}: {left}")).format(
            caption=caption, left=left
        )
        self.setAccessibleDescription(words)
        self.update()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        self.repaints += 1
        seconds, step, caption, paused = self._shown
        c = current_colors()
        height = self.height()
        if min(self.width(), height) <= 8:
            return
        text = format_seconds(seconds)
        font = QFont(self.font())
        font.setWeight(QFont.Weight.Bold)
        # the digits take over half the dial's height (a sixth of the window or more; the
        # layout gives the dial its share); a long number widens the ring into a pill
        font.setPixelSize(max(12, round(height * DIGITS)))
        pen_width = max(6.0, height * PEN)
        room = self.width() - 2 * pen_width
        wide = QFontMetricsF(font).horizontalAdvance(text) + height * PILL
        if wide > room:  # narrower than the number needs: smaller digits, never cut
            font.setPixelSize(max(12, round(font.pixelSize() * room / wide)))
            wide = room
        width = min(room + pen_width, max(height, wide + pen_width))
        box = QRectF(
            (self.width() - width) / 2 + pen_width / 2,
            pen_width / 2,
            width - pen_width,
            height - pen_width,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = _track(box)
        painter.setPen(QPen(QColor(c.border), pen_width))
        painter.drawPath(track)
        if step:
            ring = QPen(QColor(c.muted if paused else c.accent), pen_width)
            ring.setCapStyle(Qt.PenCapStyle.RoundCap)
            ring.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(ring)
            if abs(box.width() - box.height()) < 1.0:  # a circle: one arc, cheap to draw
                painter.drawArc(box, 90 * 16, -round(step / RING_STEPS * 360 * 16))
            else:  # a pill: the track up to the angle reached (a wedge clips it)
                painter.save()
                painter.setClipPath(_wedge(box, step / RING_STEPS))
                painter.drawPath(track)
                painter.restore()
        painter.setFont(font)
        painter.setPen(QColor(c.muted if paused else c.text))
        number_box = QRectF(
            box.x(), box.y() + box.height() * 0.06, box.width(), box.height() * 0.66
        )
        painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, text)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(height * 0.08)))
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        caption_box = QRectF(
            box.x(), box.y() + box.height() * 0.70, box.width(), box.height() * 0.14
        )
        painter.drawText(
            caption_box, Qt.AlignmentFlag.AlignCenter, _("Paused") if paused else caption
        )
        painter.end()


def _wedge(box: QRectF, fraction: float) -> QPainterPath:
    """The part of the picture swept clockwise from the top by ``fraction`` of a turn."""
    centre = box.center()
    reach = box.width() + box.height()
    square = QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach)
    wedge = QPainterPath(centre)
    wedge.arcTo(square, 90, -360 * fraction)
    wedge.closeSubpath()
    return wedge


def _track(box: QRectF) -> QPainterPath:
    """The ring (a circle, or a pill when wider than tall), from the top centre clockwise."""
    radius = min(box.width(), box.height()) / 2
    path = QPainterPath()
    top = box.top()
    centre_x = box.center().x()
    straight = (box.width() - 2 * radius) / 2
    path.moveTo(centre_x, top)
    path.lineTo(centre_x + straight, top)
    path.arcTo(QRectF(box.right() - 2 * radius, top, 2 * radius, 2 * radius), 90, -180)
    path.lineTo(centre_x - straight, box.bottom())
    path.arcTo(QRectF(box.left(), top, 2 * radius, 2 * radius), 270, -180)
    path.lineTo(centre_x, top)
    return path
