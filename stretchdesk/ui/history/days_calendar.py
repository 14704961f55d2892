"""A month of the days done: Qt's calendar with each day that had a session marked in the
theme's accent colour, the plan's other days underlined, and a sentence for a screen reader
about the month shown (how many days done, and the plan's dates)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QIcon, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QTableView,
    QToolButton,
    QWidget,
)

from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.schedule.days import Plan

QT_CONTROLS = (
    ("qt_calendar_prevmonth", N_("Previous month")),
    ("qt_calendar_nextmonth", N_("Next month")),
    ("qt_calendar_monthbutton", N_("Choose the month")),
    ("qt_calendar_yearbutton", N_("Choose the year")),
    ("qt_calendar_yearedit", N_("Year")),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DaysCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Days done"))
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        # nothing to choose: a selected day would look like a day done
        self.setSelectionMode(QCalendarWidget.SelectionMode.NoSelection)
        self.days: set[date] = set()
        self.plan: Plan | None = None
        self._marked: list[QDate] = []
        self.currentPageChanged.connect(self._page_changed)
        # Qt's own month and year controls, named and reached with Tab
        for name, text in QT_CONTROLS:
            control = self.findChild(QWidget, name)
            if control is not None:
                control.setAccessibleName(_(text))
                control.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        grid = self.findChild(QTableView)
        if grid is not None:  # a screen reader's name for the grid of days
            grid.setAccessibleName(_("Days of the month"))
            grid.viewport().installEventFilter(self)  # the wheel: see eventFilter
        for name, arrow in (("qt_calendar_prevmonth", "◀"), ("qt_calendar_nextmonth", "▶")):
            button = self.findChild(QToolButton, name)
            if button is not None:  # drawn as text: Qt's arrow icons vanish on a dark theme
                button.setIcon(QIcon())
                button.setText(arrow)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._paint_formats()

    def show_days(self, days: set[date], today: date, plan: Plan | None = None) -> None:
        self.days, self.plan = days, plan
        self.setMaximumDate(_qdate(today))
        self.setCurrentPage(today.year, today.month)
        self._paint_formats()
        self._describe()
        self.setMinimumSize(self.sizeHint())  # every week of the month, never cut off

    def _paint_formats(self) -> None:
        palette = self.palette()
        plain = QTextCharFormat()  # weekends as weekdays: red would read as a warning
        plain.setForeground(QBrush(palette.color(QPalette.ColorRole.WindowText)))
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, plain)
        header = QTextCharFormat()  # the days' names, in the theme's colours
        header.setForeground(QBrush(palette.color(QPalette.ColorRole.WindowText)))
        header.setBackground(QBrush(palette.color(QPalette.ColorRole.Window)))
        header.setFontWeight(600)
        self.setHeaderTextFormat(header)
        for marked in self._marked:
            self.setDateTextFormat(marked, QTextCharFormat())
        done = QTextCharFormat()
        done.setBackground(QBrush(palette.color(QPalette.ColorRole.Highlight)))
        done.setForeground(QBrush(palette.color(QPalette.ColorRole.HighlightedText)))
        done.setFontWeight(700)
        done.setToolTip(_("A session was done"))
        planned = QTextCharFormat()  # a plan day: underlined, as a day still to come or missed
        planned.setFontUnderline(True)
        planned.setToolTip(_("A day of the plan"))
        done.setFontUnderline(False)
        # only the month shown: Qt greys the neighbours' days, unreadable on the accent
        shown = (self.yearShown(), self.monthShown())
        plan_days = [d for d in self.plan.days() if (d.year, d.month) == shown] if self.plan else []
        done_days = [d for d in self.days if (d.year, d.month) == shown]
        self._marked = [_qdate(day) for day in {*plan_days, *done_days}]
        for day in plan_days:
            self.setDateTextFormat(_qdate(day), planned)
        for day in done_days:
            self.setDateTextFormat(_qdate(day), done)

    def _page_changed(self, _year: int, _month: int) -> None:
        self._paint_formats()
        self._describe()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The wheel over the days scrolls the page they are on, as over anything else (Qt's
        calendar would change its month under the pointer); the month changes with its
        own buttons and keys."""
        if event.type() != QEvent.Type.Wheel:
            return super().eventFilter(watched, event)
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed
            self._paint_formats()

    def _describe(self) -> None:
        year, month = self.yearShown(), self.monthShown()
        count = sum(1 for d in self.days if (d.year, d.month) == (year, month))
        locale = QLocale()
        name = locale.toString(QDate(year, month, 1), "MMMM yyyy")
        text = ngettext("{month}: {count} day done", "{month}: {count} days done", count).format(
            month=name, count=count
        )
        if self.plan is not None:
            start, end = self.plan.start, self.plan.end
            text += _("; plan from {start} to {end}").format(
                start=locale.toString(QDate(start.year, start.month, start.day), "d MMMM"),
                end=locale.toString(QDate(end.year, end.month, end.day), "d MMMM yyyy"),
            )
        self.setAccessibleDescription(text)
        self.setToolTip(text)
