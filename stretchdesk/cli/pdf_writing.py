"""Writing a PDF from the command line (``sheet`` and ``report``): Qt's PDF writer loaded
only then, headless (no window, no display), and every failure one line on stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from stretchdesk.cli.common import EXIT_OK, EXIT_PROBLEMS, tell
from stretchdesk.cli.common import stderr_line as _error
from stretchdesk.i18n import _


def write_headless(write: Callable[[], int], target: Path) -> int | None:
    """Run ``write`` (it imports stretchdesk.ui.printing.pdf and writes ``target``) with Qt loaded
    headless; returns its page count, or None after saying why nothing was written."""
    from stretchdesk.workarounds.pyside_none_refcount import qt_problem  # noqa: PLC0415

    qt_says = qt_problem()
    if qt_says is not None:
        _error(_("cannot write PDFs: {reason}").format(reason=qt_says))
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # paper only: no window
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        return write()
    except OSError as exc:
        _error(
            _("could not write {path}: {reason}; nothing was written").format(
                path=target, reason=exc.strerror or exc
            )
        )
        return None
    finally:
        del app


def paper_name(paper: str) -> str:
    return "A4" if paper == "a4" else "Letter"


def write_and_tell(
    write: Callable[[], int], target: Path, paper: str, saved: Callable[[int, str], str]
) -> int:
    """Write headless and print ``saved(pages, paper's name)``; the command's exit status."""
    pages = write_headless(write, target)
    if pages is None:
        return EXIT_PROBLEMS
    tell(saved(pages, paper_name(paper)))
    return EXIT_OK
