"""The command line: ``stretchdesk [--data-dir DIR] [--routine ID_OR_FILE]``,
``stretchdesk check [FILE...]``, ``stretchdesk export [--format csv|json] [--output FILE]``."""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stretchdesk import __version__, paths
from stretchdesk.cli.common import printable, readonly_history, stderr_line, tell
from stretchdesk.history import HistoryError, HistoryStore
from stretchdesk.history.schema import empty_history
from stretchdesk.i18n import _, ngettext
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

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_(
            "keep every file (history, settings, your routines, the crash log) in DIR "
            "(or ${variable})"
        ).format(variable=paths.ENV_DATA_DIR),
    )
    parser = argparse.ArgumentParser(
        add_help=False,
        prog="stretchdesk",
        description=_("A calm, guided lower-back routine: warm-ups first, then gentle stretches."),
        parents=[common],
        epilog=_("where your files are:") + "\n" + paths.describe(paths.default_paths()),
        formatter_class=_Formatter,
    )
    _speak(parser)
    parser.add_argument(
        "-V",
        "--version",
        action="version",
        version=f"stretchdesk {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--routine", metavar="ID_OR_FILE", help=_("open straight onto this routine")
    )
    parser.add_argument(
        "--open",
        metavar="FILE",
        help=_(
            "check a routine file someone sent you and offer to add it to your routines "
            "(the same as: stretchdesk FILE.toml)"
        ),
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help=_(
            "start without a window: the tray icon and the reminders only (as at login); "
            "starting stretchdesk again opens the window"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check this installation (routines, drawings, sounds, the window) and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = _command(
        commands,
        "check",
        common,
        help=_("validate routine files"),
        description=_(
            "Validate routine files. With no FILE: the exercise library, the "
            "built-in routines and your own. Exit 0 when all are valid, 1 otherwise."
        ),
    )
    check.add_argument("files", nargs="*", metavar="FILE")
    export = _command(
        commands,
        "export",
        common,
        help=_("export the session history"),
        description=_("Export the session history for a clinician (CSV: one row per session)."),
    )
    export.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help=_("csv (a spreadsheet) or json (every detail)"),
    )
    export.add_argument(
        "--steps", action="store_true", help=_("CSV with one row per step instead of per session")
    )
    export.add_argument("--output", "-o", metavar="FILE", help=_("write here instead of stdout"))
    sheet = _command(
        commands,
        "sheet",
        common,
        help=_("write a routine's printable exercise sheet (PDF)"),
        description=_(
            "Write a routine's exercise sheet as a PDF: who it is for, the pain that "
            "means stop and the red flags, then each exercise with its drawings, instructions, "
            "dose, caution and source."
        ),
    )
    sheet.add_argument("routine", metavar="ROUTINE", help=_("a routine's id or a routine file"))
    sheet.add_argument(
        "--output", "-o", metavar="FILE", help=_("the PDF to write (default: ROUTINE-ID.pdf here)")
    )
    sheet.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help=_("the paper size (default: a4)")
    )
    report = _command(
        commands,
        "report",
        common,
        help=_("write a report of the history for a physiotherapist (PDF)"),
        description=_(
            "Write a report of the history as a PDF: sessions and minutes per week, "
            "pain before and after, every stop for pain with its note, what was skipped, "
            "shortened or done in another position, and each exercise's dose over time."
        ),
    )
    report.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help=_("the first day, YYYY-MM-DD (default: the first session)"),
    )
    report.add_argument("--to", dest="end", metavar="DATE", help=_("the last day (default: today)"))
    report.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=_("the PDF to write (default: stretchdesk-report-DATE.pdf here)"),
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help=_("the paper size (default: a4)")
    )
    for command in (check, export, sheet, report):
        _speak(command)
    return parser


def _command(
    commands: Any, name: str, common: argparse.ArgumentParser, *, help: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand with the common options, its help in the person's language."""
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        add_help=False,
        formatter_class=_Formatter,
        parents=[common],
        help=help,
        description=description,
    )
    return command


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help in the person's language: Python ships no translation of its words."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def _speak(parser: argparse.ArgumentParser) -> None:
    """The words argparse adds itself: the group titles and -h."""
    parser._positionals.title = _("positional arguments")  # argparse's own
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))


COMMANDS = ("check", "export", "sheet", "report")
VALUED = ("--data-dir", "--routine", "--open")  # options followed by a value


def file_argument(argv: Sequence[str]) -> list[str]:
    """``stretchdesk FILE.toml`` (how a file manager opens a file) as ``--open FILE``."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg in COMMANDS or arg == "--":
            return args
        if arg.startswith("-") or (i and args[i - 1] in VALUED):
            continue
        return [*args[:i], "--open", arg, *args[i + 1 :]]
    return args


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


def _connection(store: HistoryStore | None) -> sqlite3.Connection:
    return store.conn if store is not None else empty_history()


def run_export(fmt: str, steps: bool, output: str | None, data: paths.DataPaths) -> int:
    from stretchdesk.history.export import export_to_file, write_export  # noqa: PLC0415

    try:
        store = readonly_history(data)
    except HistoryError as exc:
        stderr_line(str(exc))
        return EXIT_PROBLEMS
    if store is None:
        stderr_line(
            _("there is no history yet in {folder}; the export is empty").format(folder=data.root)
        )
    try:
        if output is None and sys.stdout.isatty():  # a terminal: its controls written out
            shown = io.StringIO()
            count = write_export(_connection(store), shown, fmt, steps)
            sys.stdout.write(printable(shown.getvalue(), lines=True))
            sys.stdout.flush()
        elif output is None:
            count = write_export(_connection(store), sys.stdout, fmt, steps)
            sys.stdout.flush()
        else:
            count = export_to_file(_connection(store), Path(output), fmt, steps)
            if fmt == "csv":
                done = ngettext("exported {n} row to {path}", "exported {n} rows to {path}", count)
            else:
                done = ngettext(
                    "exported {n} session to {path}", "exported {n} sessions to {path}", count
                )
            stderr_line(done.format(n=count, path=output))
    except OSError as exc:
        stderr_line(_("could not write the export: {reason}").format(reason=exc.strerror or exc))
        return EXIT_PROBLEMS
    finally:
        if store is not None:
            store.close()
    return EXIT_OK


def run_command(args: argparse.Namespace) -> int:
    """Run ``check``, ``export``, ``sheet`` or ``report``; returns the exit code."""
    data = data_paths(args)
    if args.command == "check":
        return run_check(args.files, data)
    if args.command == "sheet":
        from stretchdesk.cli.sheet import run_sheet  # noqa: PLC0415 - loads Qt's PDF writer

        return run_sheet(args.routine, args.output, args.paper, data)
    if args.command == "report":
        from stretchdesk.cli.report import run_report  # noqa: PLC0415 - loads Qt's PDF writer

        return run_report(args.start, args.end, args.output, args.paper, data)
    return run_export(args.format, args.steps, args.output, data)


def data_paths(args: argparse.Namespace) -> paths.DataPaths:
    return paths.resolve_paths(getattr(args, "data_dir", None))
