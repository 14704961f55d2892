"""History's calendar of the days done: the mouse wheel over it scrolls the page, as over
anything else, and leaves its month as it was."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.ui.history.days_calendar import DaysCalendar


def test_the_wheel_over_the_days_scrolls_the_page_not_the_month(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    column = QVBoxLayout(page)
    calendar = DaysCalendar()
    column.addWidget(calendar)
    column.addSpacing(2000)  # a page taller than its window
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.resize(500, 400)
    area.show()
    qtbot.waitExposed(area)
    month = (calendar.yearShown(), calendar.monthShown())
    grid = calendar.findChild(QTableView)
    assert grid is not None
    where = QPointF(grid.viewport().rect().center())
    wheel = QWheelEvent(
        where,
        QPointF(grid.viewport().mapToGlobal(where.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # down, one notch
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(grid.viewport(), wheel)
    assert (calendar.yearShown(), calendar.monthShown()) == month
    assert area.verticalScrollBar().value() > 0
