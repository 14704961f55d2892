"""The pain trend: ratings before and after each session, 0 to 10, drawn with QPainter.

A chart library would add tens of megabytes for two lines of points; QPainter draws this in
well under a millisecond and follows the theme and text size like every other widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.history.queries import PainPoint
from stretchdesk.i18n import _, ngettext
from stretchdesk.ui.kit.formats import short_date, signed
from stretchdesk.ui.kit.theme import current_colors


def describe(points: list[PainPoint]) -> str:
    """The chart in words, for screen readers and the accessible description."""
    if not points:
        return _("No pain ratings yet.")
    pairs = [(p.before, p.after) for p in points if p.before is not None and p.after is not None]
    text = ngettext(
        "{count} session with a pain rating.", "{count} sessions with a pain rating.", len(points)
    ).format(count=len(points))
    if pairs:
        change = sum(after - before for before, after in pairs) / len(pairs)
        text += " " + _("On average pain changed by {change} points during a session.").format(
            change=signed(change)
        )
    last = points[-1]
    if last.before is not None or last.after is not None:
        text += " " + _("Last: before {before}, after {after}.").format(
            before=_word(last.before), after=_word(last.after)
        )
    return text


def _word(value: int | None) -> str:
    return _("not rated") if value is None else str(value)


class PainChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.setAccessibleName(_("Pain trend chart"))
        self.points: list[PainPoint] = []

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def set_points(self, points: list[PainPoint]) -> None:
        self.points = points
        self.setAccessibleDescription(describe(points))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(max(11, round(self.font().pixelSize() * 0.8) or 14))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        left = metrics.horizontalAdvance("10") + 12
        legend_h = metrics.height() + 8
        axis_h = metrics.height() + 6
        plot = QRectF(
            left, legend_h + 6, self.width() - left - 24, self.height() - legend_h - axis_h - 16
        )
        if plot.width() < 40 or plot.height() < 40:
            painter.end()
            return
        grid = QPen(QColor(c.border), 1)
        for value in (0, 2, 4, 6, 8, 10):
            y = plot.bottom() - value / 10 * plot.height()
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(c.muted))
            painter.drawText(
                QRectF(0, y - 10, left - 6, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        self._legend(painter, c.muted, c.accent, c.text)
        if not self.points:
            painter.setPen(QColor(c.muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No pain ratings yet"))
            painter.end()
            return
        count = len(self.points)
        step = plot.width() / max(1, count - 1) if count > 1 else 0.0

        def at(i: int, value: int) -> QPointF:
            x = plot.left() + (i * step if count > 1 else plot.width() / 2)
            return QPointF(x, plot.bottom() - value / 10 * plot.height())

        painter.setPen(QColor(c.muted))
        for i in sorted({0, count - 1}):  # the first and the last day shown
            day = short_date(self.points[i].started_at.astimezone().date())
            width = metrics.horizontalAdvance(day)
            x = min(max(at(i, 0).x() - width / 2, plot.left()), plot.right() - width)
            painter.drawText(QPointF(x, plot.bottom() + 8 + metrics.ascent()), day)
        self._series(
            painter, [(i, p.before) for i, p in enumerate(self.points)], at, c.muted, False
        )
        self._series(painter, [(i, p.after) for i, p in enumerate(self.points)], at, c.accent, True)
        painter.end()

    def _series(
        self,
        painter: QPainter,
        values: list[tuple[int, int | None]],
        place: Callable[[int, int], QPointF],
        color: str,
        filled: bool,
    ) -> None:
        known = [(i, v) for i, v in values if v is not None]
        if not known:
            return
        pen = QPen(QColor(color), 3)
        painter.setPen(pen)
        path = QPainterPath()
        for n, (i, v) in enumerate(known):
            point = place(i, v)
            if n == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QColor(color) if filled else QColor(current_colors().surface))
        for i, v in known:
            painter.drawEllipse(place(i, v), 5, 5)

    def _legend(self, painter: QPainter, before: str, after: str, text: str) -> None:
        x = 40.0
        y = 4.0
        metrics = painter.fontMetrics()
        for name, color, filled in (
            (_("Pain before the session"), before, False),
            (_("Pain after the session"), after, True),
        ):
            painter.setPen(QPen(QColor(color), 3))
            painter.setBrush(QColor(color) if filled else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, y + metrics.height() / 2), 5, 5)
            painter.setPen(QColor(text))
            painter.drawText(QPointF(x + 12, y + metrics.ascent()), name)
            x += 24 + metrics.horizontalAdvance(name) + 24
