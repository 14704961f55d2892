"""The history screen's "Report for my physiotherapist": choose the days, then save the
report as a PDF or print it with the system's dialog. What is in it: documents/report.py."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.documents.report import Report, build_report
from stretchdesk.history.reader import HistoryReadError
from stretchdesk.i18n import _, ngettext
from stretchdesk.schedule.zone import local_zone
from stretchdesk.ui.kit.widgets import label
from stretchdesk.ui.printing.pdf import local_paper, report_document, write_report
from stretchdesk.ui.printing.print_dialog import print_document
from stretchdesk.ui.printing.save_pdf import save_pdf

if TYPE_CHECKING:
    from stretchdesk.services import Services
    from stretchdesk.ui.shell.shell import Tell

DEFAULT_WEEKS = 12  # the days a report covers at first: about a course of treatment


class ReportDialog(QDialog):
    """From and To (the first session at the earliest), then Save as PDF or Print."""

    def __init__(self, first: date | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Report for my physiotherapist"))
        self.printing = False
        earliest = first or today
        self.start = QDateEdit(_qdate(max(earliest, today - timedelta(weeks=DEFAULT_WEEKS))))
        self.end = QDateEdit(_qdate(today))
        for edit, name in ((self.start, _("From")), (self.end, _("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.setAccessibleName(name)
            edit.setMaximumDate(_qdate(today))
        buttons = QDialogButtonBox()
        self.save = buttons.addButton(_("Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print = buttons.addButton(_("Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.print.clicked.connect(lambda: setattr(self, "printing", True))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&From"), self.start)
        form.addRow(_("&To"), self.end)
        column = QVBoxLayout(self)
        column.addWidget(
            label(
                _(
                    "Sessions and minutes per week, pain before and after, the health check's "
                    "answers and the suggestions shown, every stop for pain with its note, what "
                    "was skipped or changed, and each exercise's dose."
                ),
                "muted",
            )
        )
        column.addLayout(form)
        column.addWidget(buttons)

    def days(self) -> tuple[date, date]:
        low, high = _day(self.start.date()), _day(self.end.date())
        return (low, high) if low <= high else (high, low)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_report(parent: QWidget, services: Services, tell: Tell) -> None:
    reader = services.reader
    zone = local_zone()
    today = services.wall().astimezone(zone).date()
    try:
        first = reader.first_day(zone)
    except HistoryReadError as exc:
        tell(str(exc), error=True)
        return
    dialog = ReportDialog(first, today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    start, end = dialog.days()
    try:
        report = build_report(
            reader.report(start, end, zone), services.wall().astimezone(zone), str(zone)
        )
    except HistoryReadError as exc:
        tell(str(exc), error=True)
        return
    if dialog.printing:
        print_report(parent, tell, report)
    else:
        save_report(parent, tell, report, end)


def save_report(
    parent: QWidget, tell: Tell, report: Report, end: date, target: Path | None = None
) -> None:
    def saved(path: Path, pages: int) -> str:
        return ngettext(
            "Saved the report to {path} ({n} page).",
            "Saved the report to {path} ({n} pages).",
            pages,
        ).format(path=path, n=pages)

    save_pdf(
        parent,
        tell,
        target,
        caption=_("Save the report"),
        default=Path.home() / f"stretchdesk-report-{end.isoformat()}.pdf",
        write=lambda path: write_report(report, path, local_paper()),
        failed=_("The report could not be saved to {path} ({reason}); nothing was written."),
        saved=saved,
    )


def print_report(parent: QWidget, tell: Tell, report: Report) -> None:
    print_document(
        parent,
        tell,
        name=report.title,
        caption=_("Print the report"),
        document=lambda: report_document(report),
        failed=_("The report could not be printed ({reason})."),
    )
