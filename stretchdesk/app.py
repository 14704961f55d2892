"""The one place that wires stretchdesk together, and the program's entry point."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from stretchdesk import cli, paths
from stretchdesk.compat import qt_problem
from stretchdesk.routine import RoutineError, load_catalog, load_library, resolve_routine


def _open_window(args: argparse.Namespace) -> int:
    problem = qt_problem()
    if problem is not None:
        print(f"stretchdesk cannot start: {problem}", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    data = cli.data_paths(args)
    if args.routine:
        try:
            library = load_library(paths.exercises_dir())
            catalog = load_catalog(library, paths.builtin_routines_dir(), data.routines)
            routine = resolve_routine(args.routine, catalog, library)
        except RoutineError as exc:
            for line in exc.problems:
                print(line, file=sys.stderr)
            return cli.EXIT_PROBLEMS
        print(f"routine: {routine.title} ({routine.id})")
    print(
        "stretchdesk: this version has no window yet; use 'stretchdesk check' to validate "
        "routines and 'stretchdesk export' to export your history."
    )
    return cli.EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command:
            return cli.run_command(args)
        return _open_window(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return cli.EXIT_OK
    except Exception as exc:  # the last line of defence: one clear line, details in a file
        log = _write_crash_log(args)
        where = f"; details are in {log}" if log else ""
        print(f"stretchdesk: unexpected error: {exc}{where}", file=sys.stderr)
        return cli.EXIT_PROBLEMS


def _write_crash_log(args: argparse.Namespace) -> str | None:
    try:
        root = cli.data_paths(args).root
        root.mkdir(parents=True, exist_ok=True)
        log = root / "crash.log"
        with log.open("a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        return str(log)
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
