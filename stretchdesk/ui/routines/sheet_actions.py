"""The routines screen's "Exercise sheet": save the chosen routine's sheet as a PDF, or print
it with the system's print dialog. What is on it: documents/sheet.py, with the health check's
plan the session follows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from stretchdesk import paths
from stretchdesk.documents.sheet import Sheet, build_sheet
from stretchdesk.i18n import _, ngettext
from stretchdesk.routine import Routine
from stretchdesk.session.health import plan_for
from stretchdesk.ui.printing.pdf import local_paper, paint_pages, sheet_document, write_pdf
from stretchdesk.ui.printing.save_pdf import save_pdf

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


def sheet_of(window: MainWindow, routine: Routine) -> Sheet:
    """The sheet with what the health check's answers change, as the session does."""
    services = window.services
    answers = services.prefs.health_answers()
    plan = plan_for(routine, answers)
    return build_sheet(routine, services.content, paths.assets_dir(), plan, answers)


def save_sheet(window: MainWindow, routine_id: str, target: Path | None = None) -> None:
    """Ask where (unless ``target`` is given), write, and say what happened in the banner."""
    routine = window.services.catalog.get(routine_id)
    if routine is None:
        return

    def write(path: Path) -> int:
        return write_pdf(sheet_of(window, routine), path, local_paper())

    def saved(path: Path, pages: int) -> str:
        return ngettext(
            "Saved the exercise sheet of {title} to {path} ({n} page).",
            "Saved the exercise sheet of {title} to {path} ({n} pages).",
            pages,
        ).format(title=routine.title, path=path, n=pages)

    failed = _("The exercise sheet could not be saved to {path} ({reason}); nothing was written.")
    default = Path.home() / f"{routine.id}.pdf"
    caption = _("Save the exercise sheet")
    save_pdf(
        window, target, caption=caption, default=default, write=write, failed=failed, saved=saved
    )


def print_sheet(window: MainWindow, routine_id: str) -> None:
    """The system's print dialog, then the sheet on the chosen printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - rarely used

    routine = window.services.catalog.get(routine_id)
    if routine is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(routine.title)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(_("Print the exercise sheet of {title}").format(title=routine.title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    document = sheet_document(sheet_of(window, routine))
    try:
        paint_pages(document, printer)
    except OSError as exc:
        window.banner.add(
            _("The exercise sheet could not be printed ({reason}).").format(
                reason=exc.strerror or exc
            )
        )
