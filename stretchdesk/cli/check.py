"""``stretchdesk check [FILE...]``: validate routine files (with none, the exercise
library, the built-in routines and the person's own), one line per problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stretchdesk import paths
from stretchdesk.cli.common import EXIT_OK, EXIT_PROBLEMS, tell
from stretchdesk.i18n import ngettext
from stretchdesk.routine import (
    ExerciseLibrary,
    RoutineError,
    check_files,
    load_catalog,
    load_library,
)
from stretchdesk.routine.catalog import library_citation_problems
from stretchdesk.routine.content import load_content, sources_path
from stretchdesk.routine.sources import Sources, load_sources


def _builtin_content() -> tuple[ExerciseLibrary, Sources]:
    """The exercise library and the sources, each checked: a RoutineError lists all problems."""
    library = load_library(paths.exercises_dir())
    sources = load_sources(sources_path(paths.content_file()))
    load_content(paths.content_file(), sources)
    problems = library_citation_problems(library, sources)
    if problems:
        raise RoutineError(problems)
    return library, sources


def run_check(files: Sequence[str], data: paths.DataPaths) -> int:
    try:
        library, sources = _builtin_content()
    except RoutineError as exc:
        for problem in exc.problems:
            tell(str(problem))
        return EXIT_PROBLEMS
    if files:
        builtin = load_catalog(library, paths.builtin_routines_dir(), sources=sources)
        names = [Path(name) for name in files]
        checked, problems = check_files(names, library, builtin, sources)
    else:
        catalog = load_catalog(library, paths.builtin_routines_dir(), data.routines, sources)
        checked = [r.id for r in catalog.routines]
        problems = catalog.problems
    for problem in problems:
        tell(str(problem))
    if problems:
        return EXIT_PROBLEMS
    valid = ngettext(
        "ok: {n} routine valid ({ids})", "ok: {n} routines valid ({ids})", len(checked)
    )
    tell(valid.format(n=len(checked), ids=", ".join(checked)))
    return EXIT_OK
