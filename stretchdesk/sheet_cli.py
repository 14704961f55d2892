"""``stretchdesk sheet ROUTINE [--output FILE.pdf] [--paper a4|letter]``: the routine's
printable exercise sheet as a PDF. Qt (its PDF writer) is loaded only for this command,
headless: no window, no display needed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from stretchdesk import paths
from stretchdesk.documents.sheet import build_sheet
from stretchdesk.i18n import _, ngettext
from stretchdesk.routine import RoutineError, load_catalog, load_library, resolve_routine
from stretchdesk.routine.content import load_content, sources_path
from stretchdesk.routine.sources import load_sources

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _error(message: str) -> None:
    print(f"stretchdesk: {message}", file=sys.stderr)


def run_sheet(routine_name: str, output: str | None, paper: str, data: paths.DataPaths) -> int:
    try:
        library = load_library(paths.exercises_dir())
        sources = load_sources(sources_path(paths.content_file()))
        content = load_content(paths.content_file(), sources)
        catalog = load_catalog(library, paths.builtin_routines_dir(), data.routines, sources)
        routine = resolve_routine(routine_name, catalog, library, sources)
    except RoutineError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    target = Path(output).expanduser() if output else Path(f"{routine.id}.pdf")
    if target.is_dir():
        target = target / f"{routine.id}.pdf"
    sheet = build_sheet(routine, content, paths.assets_dir())
    from stretchdesk.workarounds.pyside_none_refcount import qt_problem  # noqa: PLC0415

    qt_says = qt_problem()
    if qt_says is not None:
        _error(_("cannot write PDFs: {reason}").format(reason=qt_says))
        return EXIT_PROBLEMS
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # paper only: no window
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from stretchdesk.ui.pdf import write_pdf  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    try:
        pages = write_pdf(sheet, target, paper)
    except OSError as exc:
        _error(
            _("could not write {path}: {reason}; nothing was written").format(
                path=target, reason=exc.strerror or exc
            )
        )
        return EXIT_PROBLEMS
    finally:
        del app
    size = "A4" if paper == "a4" else "Letter"
    saved = ngettext(
        "Saved the sheet of {title} to {path} ({n} page, {paper}).",
        "Saved the sheet of {title} to {path} ({n} pages, {paper}).",
        pages,
    )
    print(saved.format(title=routine.title, path=target, n=pages, paper=size))
    return EXIT_OK
