"""The session's full-screen button: a picture of four corners (its name and tip say what a
press does, F11 included), drawn in the button's text colour, so it reads in both themes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton

from stretchdesk.i18n import _


def full_screen_icon(leave: bool, colour: QColor) -> QIcon:
    """Four corners: pointing out to fill the screen, pointing in to leave it."""
    side = 64
    picture = QPixmap(side, side)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    low, high, arm = 8, side - 8, 18
    corners = ((low, low, 1, 1), (high, low, -1, 1), (low, high, 1, -1), (high, high, -1, -1))
    for corner in corners:
        x, y, dx, dy = corner
        if leave:  # the corner drawn inward, at the arm's end
            x, y, dx, dy = x + dx * arm, y + dy * arm, -dx, -dy
        painter.drawLine(x, y, x + dx * arm, y)
        painter.drawLine(x, y, x, y + dy * arm)
    painter.end()
    return QIcon(picture)


def show_full_screen_words(button: QAbstractButton, full: bool) -> None:
    """The session's full-screen button: its picture and name say what a press does now."""
    colour = button.palette().color(QPalette.ColorRole.ButtonText)
    button.setIcon(full_screen_icon(full, colour))
    button.setIconSize(QSize(24, 24))
    if full:
        button.setAccessibleName(_("Leave full screen"))
        button.setToolTip(_("Leave full screen (F11)"))
    else:
        button.setAccessibleName(_("Full screen"))
        button.setToolTip(_("Full screen (F11)"))
