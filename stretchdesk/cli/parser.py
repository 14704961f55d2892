"""The command line's options and sub-commands, with their help in the person's language:
``stretchdesk [--data-dir DIR] [--routine ID_OR_FILE]``, ``check``, ``export``, ``sheet``
and ``report``. What each command does: cli/commands.py and the module named after it."""

from __future__ import annotations

import argparse
from typing import Any

from stretchdesk import __version__, paths
from stretchdesk.i18n import _

PAPERS = ("a4", "letter")


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        add_help=False,
        prog="stretchdesk",
        description=_("A calm, guided lower-back routine: warm-ups first, then gentle stretches."),
        parents=[common],
        epilog=_("where your files are:") + "\n" + paths.describe(paths.default_paths()),
        formatter_class=_Formatter,
    )
    _argparse_words(parser)
    _window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_check, _export, _sheet, _report):
        _argparse_words(add(commands, common))
    return parser


def _common_options() -> argparse.ArgumentParser:
    """The options every command takes: where the files are."""
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
    return common


def _window_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``stretchdesk`` itself (the window)."""
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


def _check(commands: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
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
    return check


def _export(commands: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
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
    return export


def _sheet(commands: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
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
    _paper(sheet)
    return sheet


def _report(commands: Any, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
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
    _paper(report)
    return report


def _paper(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--paper", choices=PAPERS, default="a4", help=_("the paper size (default: a4)")
    )


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


def _argparse_words(parser: argparse.ArgumentParser) -> None:
    """The words argparse adds itself: the group titles and -h."""
    parser._positionals.title = _("positional arguments")  # argparse's own
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
