"""History: this week, the streak, the pain trend, pain-stops per exercise, every session,
and a CSV export for a clinician. Sessions load 200 at a time as the list scrolls, so ten
years of history opens as fast as one week."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.documents.sheet import dose_phrase
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.queries import SessionSummary
from stretchdesk.history.reader import HistoryReader, HistoryReadError
from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.schedule.days import Plan
from stretchdesk.schedule.zone import local_zone
from stretchdesk.ui.history.chart import PainChart
from stretchdesk.ui.history.days_calendar import DaysCalendar
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.flow_layout import FlowLayout
from stretchdesk.ui.kit.formats import decimal, short_date, weekday_date_time
from stretchdesk.ui.kit.screen_reader import Teller
from stretchdesk.ui.kit.widgets import SideBySide, button, label, reading

BATCH = 200
COLUMNS = (N_("Date"), N_("Routine"), N_("Minutes"), N_("Outcome"), N_("Pain"), N_("Note"))
SESSIONS_FILTER = N_("Sessions, one row each (*.csv)")
STEPS_FILTER = N_("Steps, one row each (*.csv)")
Index = QModelIndex | QPersistentModelIndex


def _pain(value: int | None) -> str:
    return "–" if value is None else str(value)


def cells(
    s: SessionSummary, titles: Mapping[str, str], computer: str | None = None
) -> tuple[str, ...]:
    when = weekday_date_time(s.started_at.astimezone())
    outcome = wording.OUTCOME_WORDS[s.outcome]
    if s.outcome is SessionOutcome.COMPLETED_WITH_SKIPS:
        outcome = _("finished, {count} skipped").format(count=s.skipped_steps)
    if s.outcome is SessionOutcome.STOPPED_FOR_PAIN and s.stopped_at_exercise:
        outcome += f" ({titles.get(s.stopped_at_exercise, s.stopped_at_exercise)})"
    pain = f"{_pain(s.pain_before)} → {_pain(s.pain_after)}"
    if s.pain_before is None and s.pain_after is None:
        pain = "–"
    routine = s.routine_title
    if computer is not None:  # done on another of the person's computers
        routine = _("{routine} (on {computer})").format(routine=routine, computer=computer)
    return (when, routine, decimal(s.minutes, 0), outcome, pain, s.note or "")


class SessionsModel(QAbstractTableModel):
    def __init__(self, titles: Mapping[str, str]) -> None:
        super().__init__()
        self.titles = titles
        self.reader: HistoryReader | None = None
        self.rows: list[tuple[str, ...]] = []
        self.ids: list[int] = []  # each row's session
        self._oldest: datetime | None = None
        self._more = False
        self._computers: dict[int, str] = {}  # sessions done on another computer

    def reload(self, reader: HistoryReader) -> None:
        """Raises HistoryReadError (and shows nothing) if the history cannot be read."""
        self.beginResetModel()
        self.reader, self.rows, self._oldest, self._more = reader, [], None, True
        self.ids = []
        try:
            self._computers = reader.other_computers()
            self.rows = self._next_batch()
        finally:
            self.endResetModel()

    def _next_batch(self) -> list[tuple[str, ...]]:
        if self.reader is None or not self._more:
            return []
        batch = self.reader.sessions(until=self._oldest, limit=BATCH)
        self._more = len(batch) == BATCH
        if batch:
            self._oldest = batch[-1].started_at
        self.ids.extend(s.id for s in batch)
        return [cells(s, self.titles, self._computers.get(s.id)) for s in batch]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a screen reader hears every cell
            text = self.rows[index.row()][index.column()]
            column = _(COLUMNS[index.column()])
            if not text or text == "–":
                return _("{column}: none").format(column=column)
            return text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] == "Pain":
            return _("Pain before → after the session, 0 to 10")
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        try:
            batch = self._next_batch()
        except HistoryReadError:
            self._more = False  # the history screen says why when it next reloads
            return
        if batch:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
            self.rows.extend(batch)
            self.endInsertRows()


class HistoryScreen(QFrame):
    report_requested = Signal()
    note_saved = Signal()  # a note written here reached the history

    def __init__(
        self,
        reader: HistoryReader,
        titles: Mapping[str, str],
        today: Callable[[], date] = date.today,
        plan: Callable[[], tuple[Plan | None, list[str]]] = lambda: (None, []),
        parent: QWidget | None = None,
        *,
        save_note: Callable[[int, str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("History"))
        self._reader = reader
        self._today = today
        self._plan = plan  # the plan over weeks and its words (progress, pain by week)
        self.plan = label("", "subheading")
        self.plan.hide()
        self.calendar = DaysCalendar()
        self.week = label("", "heading", wrap=False)
        self.streak = label("", "heading", wrap=False)
        self.chart = PainChart()
        self.stops = label("", "muted")
        self.model = SessionsModel(titles)
        self.table = self._sessions_table()
        self.export = button(
            _("&Export CSV…"),
            _("Export CSV"),
            _("Save your history as a spreadsheet file for a clinician"),
        )
        self.export.clicked.connect(self.export_dialog)
        self.report = button(
            _("Report for my &physiotherapist…"),
            _("Report for my physiotherapist"),
            _(
                "A PDF of chosen days: sessions per week, pain, stops for pain, "
                "each exercise's dose"
            ),
        )
        self.report.clicked.connect(self.report_requested.emit)
        self._save_note = save_note
        self.note_dialog: QWidget | None = None  # (the dialog open now, or last)
        self.teller = Teller(self)  # what became of a note, for a screen reader
        self.note = button(
            _("&Note…"),
            _("Note on the session"),
            _("Write or change your note on the session chosen in the list (or press Enter on it)"),
        )
        self.note.clicked.connect(self.write_note)
        if save_note is None:  # (shown only in the flow: shown alone, it is a window)
            self.note.hide()
        self.table.activated.connect(lambda _index: self.write_note())
        self.doses = label("", "muted")
        self.status = label("", "muted")
        top = QWidget()  # goes on to a second line in a narrow window
        flow = FlowLayout(top, spacing=24)
        for item in (self.week, self.streak, self.report, self.export, self.note):
            flow.add(item)
        inner = QWidget()  # scrolls when the window is small or the text large
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()))
        self.table.setMinimumHeight(240)  # it scrolls itself, loading older sessions
        column = QVBoxLayout(inner)
        column.setContentsMargins(32, 20, 32, 20)
        column.addWidget(top)
        column.addWidget(self.plan)
        column.addWidget(self.status)
        column.addWidget(self._middle(), 2)
        column.addWidget(label(_("Each exercise's dose, last 12 weeks"), "subheading"))
        column.addWidget(self.doses)
        column.addWidget(self.table, 3)

    def _sessions_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(_("Sessions, newest first"))
        table.setTabKeyNavigation(False)  # one Tab stop; the arrows move inside
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the note takes what is left
        return table

    def _middle(self) -> QWidget:
        """The pain chart, the month of days done, the pain-stops per exercise: side by
        side, or one above the other on a narrow window."""
        holder = QWidget()
        middle = SideBySide(holder, narrow=1200)  # the chart, the month and the list need it
        middle.setContentsMargins(0, 0, 0, 0)
        self.chart.setMinimumHeight(200)
        chart_box = QVBoxLayout()
        chart_box.addWidget(label(_("Pain, 0 to 10"), "subheading"))
        chart_box.addWidget(self.chart, 1)
        middle.addLayout(chart_box, 3)
        calendar_box = QVBoxLayout()
        calendar_box.addWidget(label(_("Days done"), "subheading"))
        calendar_box.addWidget(self.calendar)
        calendar_box.addStretch(1)
        middle.addLayout(calendar_box, 2)
        stops_box = QVBoxLayout()
        stops_box.addWidget(label(_("Pain-stops per exercise"), "subheading"))
        stops_box.addWidget(self.stops)
        stops_box.addStretch(1)
        middle.addLayout(stops_box, 1)
        return holder

    def reload(self) -> None:
        today = self._today()
        try:
            overview = self._reader.overview(today, local_zone())
            done_days = self._reader.days_done(local_zone())
            self.model.reload(self._reader)
        except HistoryReadError as exc:
            self.status.setText(str(exc))
            return
        if overview.week_minutes > 0:
            week = wording.minutes(overview.week_minutes * 60)
            self.week.setText(_("This week: {time}").format(time=week))
        else:  # (not "under a minute": nothing was done)
            self.week.setText(_("This week: nothing yet"))
        days = overview.streak_days
        self.streak.setText(ngettext("Streak: {n} day", "Streak: {n} days", days).format(n=days))
        self.chart.set_points(overview.pain)
        plan, words = self._plan()
        self.calendar.show_days(done_days, today, plan)
        self.plan.setText(" ".join(words))
        self.plan.setVisible(bool(words))
        lines = [f"{title}: {count}" for _id, title, count in overview.pain_stops[:8]]
        self.stops.setText("\n".join(lines) or _("None"))
        self.doses.setText(self._dose_lines(today))
        if not self.model.rows:
            self.status.setText(_("No sessions yet."))
        elif self.status.text() == _("No sessions yet."):  # (sessions came from elsewhere)
            self.status.setText("")

    def _dose_lines(self, today: date) -> str:
        """Each exercise's latest planned dose in each routine, and how much was done."""
        try:
            data = self._reader.report(today - timedelta(weeks=12), today, local_zone())
        except HistoryReadError as exc:
            return str(exc)
        latest = {(p.exercise, p.routine): p for p in data.doses}
        lines = [
            ngettext(
                "{exercise} ({routine}): {dose} since {since}; {done} of {count} session in full.",
                "{exercise} ({routine}): {dose} since {since}; {done} of {count} sessions in full.",
                p.sessions,
            ).format(
                exercise=p.exercise,
                routine=p.routine,
                dose=dose_phrase(p.dose),
                since=short_date(p.first),
                done=p.in_full,
                count=p.sessions,
            )
            for p in latest.values()
        ]
        return "\n".join(lines) or _("No exercise done in these weeks.")

    def _tell(self, said: str) -> None:
        """What became of a note, for a screen reader, said on the Note… button, the focus
        back there (Orca speaks a change of the focused control's description; on the list
        its focus is a cell, whose description is not the list's). The session's row stays
        chosen: Enter there writes on the same session's note again."""
        self.teller.tell_on(self.note, said)

    def write_note(self) -> None:
        """The note of the session chosen in the list (the newest if none is)."""
        rows = self.model.rows
        if self._save_note is None or not rows:
            return
        row = max(0, self.table.currentIndex().row())
        session_id, cells_ = self.model.ids[row], rows[row]
        about = f"{cells_[0]}, {cells_[1]}"
        save = self._save_note

        def saved(text: str) -> str | None:
            problem = save(session_id, text)
            if problem is not None:
                self.status.setText(problem)
                return problem
            self.reload()
            if session_id in self.model.ids:  # the same row chosen again, for the keys
                self.table.setCurrentIndex(self.model.index(self.model.ids.index(session_id), 5))
            said = _("The note was saved.") if text else _("The note was taken out.")
            self.status.setText(said)
            # told once the dialog has gone
            QTimer.singleShot(0, self, lambda: self._tell(said))
            self.note_saved.emit()
            return None

        def ask(note: str) -> None:
            from stretchdesk.ui.history.session_note import ask_note  # noqa: PLC0415

            self.note_dialog = ask_note(self, about, note, saved, ask)

        ask(cells_[5])

    def export_dialog(self) -> None:
        default = Path.home() / f"stretchdesk-history-{self._today().isoformat()}.csv"
        name, chosen = QFileDialog.getSaveFileName(
            self,
            _("Export history"),
            str(default),
            ";;".join([_(SESSIONS_FILTER), _(STEPS_FILTER)]),
        )
        if not name:
            return
        steps = chosen == _(STEPS_FILTER)
        self.export_to(Path(name), steps=steps)

    def export_to(self, target: Path, *, steps: bool = False) -> None:
        try:
            count = self._reader.export(target, "csv", steps=steps)
        except OSError as exc:
            self.status.setText(
                _("Could not write {path}: {reason}.").format(
                    path=target, reason=exc.strerror or exc
                )
            )
            return
        except HistoryReadError as exc:
            self.status.setText(str(exc))
            return
        if steps:
            saved = ngettext("Saved {n} step to {path}.", "Saved {n} steps to {path}.", count)
        else:
            saved = ngettext("Saved {n} session to {path}.", "Saved {n} sessions to {path}.", count)
        self.status.setText(saved.format(n=count, path=target))
