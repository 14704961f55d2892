"""Saving a PDF from the window (the exercise sheet, the report): ask where unless told,
write, and say in the banner what happened (nothing written when it failed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from stretchdesk.i18n import N_, _

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Tell

PDF_FILTER = N_("PDF documents (*.pdf)")


def save_pdf(
    parent: QWidget,
    tell: Tell,
    target: Path | None,
    *,
    caption: str,
    default: Path,
    write: Callable[[Path], int],
    failed: str,
    saved: Callable[[Path, int], str],
) -> None:
    """``write(target)`` returns the pages written; ``failed`` is a sentence with {path} and
    {reason}; ``saved(target, pages)`` the sentence for success."""
    if target is None:
        name, _kind = QFileDialog.getSaveFileName(parent, caption, str(default), _(PDF_FILTER))
        if not name:
            return
        target = Path(name)
    try:
        pages = write(target)
    except OSError as exc:
        tell(failed.format(path=target, reason=exc.strerror or exc), error=True)
        return
    tell(saved(target, pages))
