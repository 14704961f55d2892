"""``stretchdesk sheet ROUTINE [--output FILE.pdf] [--paper a4|letter]``: the routine's
printable exercise sheet as a PDF, with what the health check's answers in the settings
change (the plan the session follows). Qt (its PDF writer) is loaded only for this command,
headless: no window, no display needed."""

from __future__ import annotations

import sys
from pathlib import Path

from stretchdesk import i18n, paths
from stretchdesk.cli.common import EXIT_PROBLEMS, stderr_line, tell
from stretchdesk.cli.pdf_writing import write_and_tell
from stretchdesk.documents.sheet import build_sheet
from stretchdesk.i18n import ngettext
from stretchdesk.routine import RoutineError, load_catalog, load_library, resolve_routine
from stretchdesk.routine.content import sources_path
from stretchdesk.routine.services_for import local_content
from stretchdesk.routine.sources import load_sources
from stretchdesk.routine.territory import desktop_territory
from stretchdesk.routine.translate import builtin_sentences, content_in, library_in, routine_in
from stretchdesk.session.health import plan_for
from stretchdesk.settings import load_prefs


def run_sheet(routine_name: str, output: str | None, paper: str, data: paths.DataPaths) -> int:
    try:
        said, _problems = builtin_sentences(i18n.language(), paths.content_folders())
        library = library_in(load_library(paths.exercises_dir()), said)
        sources = load_sources(sources_path(paths.content_file()))
        local = local_content(paths.content_file(), sources, i18n.language(), desktop_territory())
        content = content_in(local, said)  # the numbers to call where the person is
        catalog = load_catalog(library, paths.builtin_routines_dir(), data.routines, sources)
        routine = routine_in(resolve_routine(routine_name, catalog, library, sources), said)
    except RoutineError as exc:
        for problem in exc.problems:
            tell(str(problem), sys.stderr)
        return EXIT_PROBLEMS
    target = Path(output).expanduser() if output else Path(f"{routine.id}.pdf")
    if target.is_dir():
        target = target / f"{routine.id}.pdf"
    loaded = load_prefs(data.settings, data.flags)  # the health answers; changes nothing on disk
    for note in loaded.problems:  # the sheet is still written, with what could be read
        stderr_line(note)
    answers = loaded.prefs.health_answers()
    plan = plan_for(routine, answers)
    sheet = build_sheet(routine, content, paths.assets_dir(), plan, answers)

    def write() -> int:
        from stretchdesk.ui.printing.pdf import write_pdf  # noqa: PLC0415 - Qt, loaded headless

        return write_pdf(sheet, target, paper)

    def saved(pages: int, size: str) -> str:
        return ngettext(
            "Saved the sheet of {title} to {path} ({n} page, {paper}).",
            "Saved the sheet of {title} to {path} ({n} pages, {paper}).",
            pages,
        ).format(title=routine.title, path=target, n=pages, paper=size)

    return write_and_tell(write, target, paper, saved)
