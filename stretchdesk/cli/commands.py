"""The command line's commands: a file given as the only argument opens it, and
``check``, ``export``, ``sheet`` and ``report`` run without a window (each in its own
module; the options are cli/parser.py's). The exit codes are these."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from stretchdesk import paths
from stretchdesk.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from stretchdesk.cli.parser import build_parser

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "build_parser",
    "data_paths",
    "file_argument",
    "run_command",
]

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


def run_command(args: argparse.Namespace) -> int:
    """Run ``check``, ``export``, ``sheet`` or ``report``; returns the exit code."""
    data = data_paths(args)
    if args.command == "check":
        from stretchdesk.cli.check import run_check  # noqa: PLC0415 - not for the window

        return run_check(args.files, data)
    if args.command == "sheet":
        from stretchdesk.cli.sheet import run_sheet  # noqa: PLC0415 - loads Qt's PDF writer

        return run_sheet(args.routine, args.output, args.paper, data)
    if args.command == "report":
        from stretchdesk.cli.report import run_report  # noqa: PLC0415 - loads Qt's PDF writer

        return run_report(args.start, args.end, args.output, args.paper, data)
    from stretchdesk.cli.export import run_export  # noqa: PLC0415 - not for the window

    return run_export(args.format, args.steps, args.output, data)


def data_paths(args: argparse.Namespace) -> paths.DataPaths:
    return paths.resolve_paths(getattr(args, "data_dir", None))
