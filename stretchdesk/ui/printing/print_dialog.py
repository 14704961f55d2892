"""Printing from the window (the exercise sheet, the report): the system's print dialog,
then the pages on the chosen printer; a failure is said calmly in the banner (the document
is still there to print again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from stretchdesk.ui.printing.pdf import paint_pages

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Tell


def print_document(
    parent: QWidget,
    tell: Tell,
    *,
    name: str,
    caption: str,
    document: Callable[[], QTextDocument],
    failed: str,
) -> None:
    """``name``: the document's name in the print queue; ``caption``: the dialog's title;
    ``document()`` is made once a printer was chosen; ``failed`` is a sentence with
    {reason}."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - rarely used

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(caption)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    try:
        paint_pages(document(), printer)
    except OSError as exc:
        tell(failed.format(reason=exc.strerror or exc))
