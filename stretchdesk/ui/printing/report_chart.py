"""The report's pain chart: each week's average pain before and after sessions, drawn for
paper. Black on white, told apart by line and mark (solid with dots, dashed with squares),
so it reads the same printed in grey; the y-axis says what it measures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from stretchdesk.formats import day_month, month_year

WIDTH, HEIGHT = 1800, 620  # pixels: 640 points wide on the page, sharp in print
LEFT, RIGHT, TOP, BOTTOM = 180, 50, 30, 110  # the left holds the axis title and the levels
TITLE = 60  # pixels at the left for the y-axis title, written upwards
Points = list[tuple[date, float | None, float | None]]  # a week's start, before, after


def draw_pain_chart(points: Points, axis: str = "") -> QImage:
    """The chart of ``points``; ``axis``: the y-axis title (what the numbers are)."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("sans-serif")
    font.setPixelSize(44)  # about 12 points on the page
    painter.setFont(font)
    plot = QRectF(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)
    _axes(painter, plot, points)
    if axis:
        _axis_title(painter, plot, axis)
    count = len(points)

    def x(i: int) -> float:
        return plot.left() + (plot.width() * (i + 0.5) / count if count else 0)

    def y(value: float) -> float:
        return plot.bottom() - plot.height() * value / 10

    for which, style in ((1, Qt.PenStyle.SolidLine), (2, Qt.PenStyle.DashLine)):
        pen = QPen(QColor("black"), 5 if which == 1 else 4, style)
        painter.setPen(pen)
        run: list[QPointF] = []
        marks: list[QPointF] = []
        for i, (_, before, after) in enumerate(points):
            value = before if which == 1 else after
            if value is None:
                if len(run) > 1:
                    painter.drawPolyline(run)
                run = []
                continue
            run.append(QPointF(x(i), y(value)))
            marks.append(run[-1])
        if len(run) > 1:
            painter.drawPolyline(run)
        size = 7 if count <= 60 else 3  # ten years of weeks: small marks
        painter.setPen(QPen(QColor("black"), 3))
        painter.setBrush(QColor("black") if which == 1 else QColor("white"))
        for mark in marks:
            if which == 1:
                painter.drawEllipse(mark, size, size)
            else:
                painter.drawRect(QRectF(mark.x() - size, mark.y() - size, 2 * size, 2 * size))
    painter.end()
    return image


def labelled(count: int, most: int = 6) -> range:
    """Which of ``count`` points get a date under them: evenly spaced, at most ``most``, so
    the longer dates of some languages never run into each other."""
    return range(0, count, max(1, -(-count // most)))


def _axis_title(painter: QPainter, plot: QRectF, text: str) -> None:
    """``text`` upwards beside the levels, centred on the plot's height."""
    painter.save()
    painter.setPen(QColor("black"))
    painter.translate(0, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, 0, plot.height(), TITLE),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        text,
    )
    painter.restore()


def _axes(
    painter: QPainter, plot: QRectF, points: list[tuple[date, float | None, float | None]]
) -> None:
    painter.setPen(QPen(QColor("#999999"), 2))
    for level in (0, 2, 4, 6, 8, 10):
        yy = plot.bottom() - plot.height() * level / 10
        painter.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        painter.setPen(QColor("black"))
        painter.drawText(
            QRectF(TITLE, yy - 26, LEFT - TITLE - 20, 52),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(level),
        )
        painter.setPen(QPen(QColor("#999999"), 2))
    painter.setPen(QColor("black"))
    if not points:
        return
    for i in labelled(len(points)):
        xx = plot.left() + plot.width() * (i + 0.5) / len(points)
        day = points[i][0]
        text = day_month(day) if len(points) <= 60 else month_year(day)  # as the report's text
        painter.drawText(
            QRectF(xx - 160, plot.bottom() + 14, 320, 60),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            text,
        )
