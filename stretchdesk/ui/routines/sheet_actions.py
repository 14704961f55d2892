"""The routines screen's "Exercise sheet": save the chosen routine's sheet as a PDF, or print
it with the system's print dialog. What is on it: documents/sheet.py, with the health check's
plan the session follows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from stretchdesk import paths
from stretchdesk.documents.sheet import Sheet, build_sheet
from stretchdesk.i18n import _, ngettext
from stretchdesk.routine import Routine
from stretchdesk.services import Services
from stretchdesk.session.health import plan_for
from stretchdesk.ui.printing.pdf import local_paper, sheet_document, write_pdf
from stretchdesk.ui.printing.print_dialog import print_document
from stretchdesk.ui.printing.save_pdf import save_pdf

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Tell


def sheet_of(services: Services, routine: Routine) -> Sheet:
    """The sheet with what the health check's answers change, as the session does."""
    answers = services.prefs.health_answers()
    plan = plan_for(routine, answers)
    return build_sheet(routine, services.content, paths.assets_dir(), plan, answers)


def save_sheet(
    parent: QWidget, services: Services, tell: Tell, routine_id: str, target: Path | None = None
) -> None:
    """Ask where (unless ``target`` is given), write, and say what happened in the banner."""
    routine = services.catalog.get(routine_id)
    if routine is None:
        return

    def write(path: Path) -> int:
        return write_pdf(sheet_of(services, routine), path, local_paper())

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
        parent,
        tell,
        target,
        caption=caption,
        default=default,
        write=write,
        failed=failed,
        saved=saved,
    )


def print_sheet(parent: QWidget, services: Services, tell: Tell, routine_id: str) -> None:
    """The system's print dialog, then the sheet on the chosen printer."""
    routine = services.catalog.get(routine_id)
    if routine is None:
        return
    print_document(
        parent,
        tell,
        name=routine.title,
        caption=_("Print the exercise sheet of {title}").format(title=routine.title),
        document=lambda: sheet_document(sheet_of(services, routine)),
        failed=_("The exercise sheet could not be printed ({reason})."),
    )
