"""Where a decoded frame is drawn in the illustration: the whole frame centred in the view,
its crop (the part the drawing uses) at its place in it, mirrored for the other side."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize
from PySide6.QtGui import QImage, QPainter


def frame_target(image: QImage, at: QPoint, size: QSize, view: QSize, *, mirror: bool) -> QRectF:
    """Where a frame's crop goes in a view of size ``view``: the whole frame (``size``)
    centred, the crop at its place ``at`` in it (at its mirrored place when the side is drawn
    mirrored)."""
    ratio = image.devicePixelRatio()
    left = size.width() - at.x() - image.width() if mirror else at.x()
    x = round((view.width() - size.width() / ratio) / 2) + left / ratio
    y = round((view.height() - size.height() / ratio) / 2) + at.y() / ratio
    return QRectF(QPointF(x, y), image.deviceIndependentSize())


def draw_frame(painter: QPainter, image: QImage, target: QRectF, *, mirror: bool) -> None:
    """Draw the crop at ``target``; the other side is the same frame, drawn mirrored."""
    if mirror:
        painter.translate(target.right(), target.top())
        painter.scale(-1.0, 1.0)
        painter.drawImage(QPointF(0, 0), image)
    else:
        painter.drawImage(target.topLeft(), image)
