"""The Settings screen's "Reminders and plan" group: on or off, which routine, times of day,
which days, quiet hours, starting at login, and a plan of every day for N weeks.

Times are typed as on a clock ("08:00 18:00"); a time that cannot be read is named in the
status line and nothing is saved until it can. The rules are schedule/'s; this only shows
and edits the settings.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from stretchdesk.i18n import _, ngettext
from stretchdesk.routine import Routine
from stretchdesk.schedule.reminders import (
    DAY_NAMES,
    format_days,
    format_quiet,
    format_times,
    parse_days,
    parse_quiet,
    parse_times,
)
from stretchdesk.settings import Preferences, whole_range
from stretchdesk.ui.kit.flow_layout import FlowLayout
from stretchdesk.ui.kit.formats import long_date
from stretchdesk.ui.kit.wheel_guard import wheel_when_focused
from stretchdesk.ui.kit.widgets import label, status_line, wrapping


def one_row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return holder


class ReminderSettings(QObject):
    """The controls, as (label, widget) rows for the settings form."""

    edited = Signal(object)  # the new Preferences
    problem = Signal(str)  # a value that cannot be used, in words

    def __init__(
        self, today: date, current: Callable[[], Preferences], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._current = current  # the Settings screen's settings, edited by every group
        self._loading = False
        self.on = QCheckBox(_("Remind me to do my exercises"))
        self.on.setAccessibleName(_("Reminders"))
        self.routine = wheel_when_focused(QComboBox())
        self.routine.setAccessibleName(_("Routine to be reminded of"))
        self.times = QLineEdit()
        self.times.setAccessibleName(_("Times of day"))
        self.times.setPlaceholderText("08:00 18:00")
        self.times.setToolTip(_("One or more times of day, like 08:00 13:00 18:00"))
        locale = QLocale()  # the weekdays in the person's language, Monday first as stored
        self.days = [
            QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat)) for day in range(1, 8)
        ]
        for day, box in enumerate(self.days, start=1):
            box.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
        days_row = QWidget()
        flow = FlowLayout(days_row)
        for box in self.days:
            flow.add(box)
        self.quiet = QLineEdit()
        self.quiet.setAccessibleName(_("Quiet hours"))
        self.quiet.setPlaceholderText(_("none"))
        self.quiet.setToolTip(_("No reminders from the first time to the second, like 22:00-07:00"))
        self.login = QCheckBox(_("Start in the background when I log in (tray and reminders only)"))
        self.login.setAccessibleName(_("Start at login"))
        if not sys.platform.startswith("linux"):  # the XDG autostart entry is a Linux thing
            self.login.setEnabled(False)
            self.login.setToolTip(_("Starting at login is set up on Linux desktops only"))
        self.plan = QCheckBox(_("Every day for"))
        self.plan.setAccessibleName(_("Follow a plan"))
        self.weeks = wheel_when_focused(QSpinBox())
        self.weeks.setRange(*whole_range("plan_weeks"))
        self._weeks_suffix(self.weeks.value())
        self.weeks.valueChanged.connect(self._weeks_suffix)
        self.weeks.setAccessibleName(_("Plan length in weeks"))
        self.weeks.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.plan_note = label("", "muted")
        plan_row = one_row(self.plan, self.weeks, self.plan_note)
        self.status = status_line()
        self.rows: tuple[tuple[str, QWidget], ...] = (
            (_("Reminders"), wrapping(self.on)),
            (_("Routine"), self.routine),
            (_("Times of day"), self.times),
            (_("Days"), days_row),
            (_("Quiet hours"), self.quiet),
            (_("At login"), wrapping(self.login)),
            (_("Plan"), plan_row),
            ("", self.status),
        )
        for box in (self.on, self.login, self.plan, *self.days):
            box.toggled.connect(self._edited)
        self.routine.currentIndexChanged.connect(self._edited)
        self.weeks.valueChanged.connect(self._edited)
        for line in (self.times, self.quiet):
            line.editingFinished.connect(self._edited)

    def show_routines(self, routines: list[Routine]) -> None:
        self._loading = True
        self.routine.clear()
        for routine in routines:
            self.routine.addItem(routine.title, routine.id)
        self._loading = False
        self.show_prefs(self._current())

    def show_prefs(self, prefs: Preferences) -> None:
        self._loading = True
        self.on.setChecked(prefs.reminders)
        index = self.routine.findData(prefs.reminder_routine)
        self.routine.setCurrentIndex(max(index, 0))
        self.times.setText(prefs.reminder_times)
        days = parse_days(prefs.reminder_days)
        for number, box in enumerate(self.days):
            box.setChecked(number in days)
        self.quiet.setText(prefs.quiet_hours)
        self.login.setChecked(prefs.start_at_login)
        self.plan.setChecked(bool(prefs.plan_start))
        self.weeks.setValue(prefs.plan_weeks)
        self._weeks_suffix(self.weeks.value())
        self._show_plan(prefs)
        self._loading = False

    def _weeks_suffix(self, weeks: int) -> None:
        self.weeks.setSuffix(ngettext(" week", " weeks", weeks))

    def _show_plan(self, prefs: Preferences) -> None:
        plan = prefs.plan()
        self.plan_note.setText(
            _("from {date}").format(date=long_date(plan.start)) if plan is not None else ""
        )

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def _edited(self) -> None:
        if self._loading:
            return
        try:
            times = format_times(parse_times(self.times.text()))
            quiet = format_quiet(parse_quiet(self.quiet.text()))
        except ValueError as exc:
            self.problem.emit(_("Not saved: {problem}.").format(problem=exc))
            return
        chosen = [DAY_NAMES[i] for i, box in enumerate(self.days) if box.isChecked()]
        current = self._current()
        plan_start = current.plan_start if self.plan.isChecked() else ""
        if self.plan.isChecked() and not plan_start:
            plan_start = self._today.isoformat()
        routine = self.routine.currentData()
        prefs = replace(
            current,
            reminders=self.on.isChecked(),
            reminder_routine=str(routine) if routine else current.reminder_routine,
            reminder_times=times,
            reminder_days=format_days(DAY_NAMES.index(d) for d in chosen),
            quiet_hours=quiet,
            start_at_login=self.login.isChecked(),
            plan_weeks=self.weeks.value(),
            plan_start=plan_start,
        )
        self.times.setText(times)
        self.quiet.setText(quiet)
        self._show_plan(prefs)
        self.edited.emit(prefs)
