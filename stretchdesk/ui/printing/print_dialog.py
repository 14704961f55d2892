"""Printing from the window (the exercise sheet, the report): the system's print dialog,
then the pages on the chosen printer; a failure is said calmly in the banner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument

from stretchdesk.ui.printing.pdf import paint_pages

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


def print_document(
    window: MainWindow,
    *,
    name: str,
    caption: str,
    document: Callable[[], QTextDocument],
    failed: str,
) -> None:
    """``name`` is the print job's; ``document()`` is made once the person has chosen a
    printer; ``failed`` is a sentence with {reason}."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - rarely used

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(caption)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    try:
        paint_pages(document(), printer)
    except OSError as exc:
        window.banner.add(failed.format(reason=exc.strerror or exc))
