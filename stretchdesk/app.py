"""The one place that wires stretchdesk together, and the program's entry point."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from stretchdesk import __version__, cli, paths
from stretchdesk.compat import qt_problem
from stretchdesk.routine import Routine, RoutineError, resolve_routine
from stretchdesk.selftest import run_self_test
from stretchdesk.services import Services

ENV_SPEECH_ENGINE = "STRETCHDESK_SPEECH_ENGINE"  # force a speech engine (e.g. "mock" in tests)


def _open_window(args: argparse.Namespace) -> int:
    problem = qt_problem()
    if problem is not None:
        print(f"stretchdesk cannot start: {problem}", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    data = cli.data_paths(args)
    try:
        services = Services.load(data)
    except RoutineError as exc:
        return _problems(exc)
    except FileNotFoundError as exc:
        print(f"stretchdesk cannot start: {exc}", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    try:
        routine = None
        if args.routine:
            routine = resolve_routine(args.routine, services.catalog, services.library)
        return _run_window(services, routine)
    except RoutineError as exc:
        return _problems(exc)
    finally:
        services.close()


def _problems(exc: RoutineError) -> int:
    for line in exc.problems:
        print(line, file=sys.stderr)
    return cli.EXIT_PROBLEMS


def _run_window(services: Services, routine: Routine | None) -> int:
    """Qt is imported only here: the command-line tools never load it."""
    # (PySide6 must not load before qt_problem() has vetted it)
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from stretchdesk.audio.output import AudioOutput, quiet_audio_logs  # noqa: PLC0415
    from stretchdesk.ui.main_window import MainWindow  # noqa: PLC0415
    from stretchdesk.ui.single_instance import SingleInstance  # noqa: PLC0415
    from stretchdesk.ui.theme import apply_theme  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("stretchdesk")
    app.setApplicationDisplayName("stretchdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.stretchdesk.StretchDesk")
    instance = SingleInstance(services.data.root)
    if not instance.claim():
        print("stretchdesk is already open; its window was brought to the front.")
        return cli.EXIT_OK
    apply_theme(app, services.prefs.theme, services.prefs.text_size)
    quiet_audio_logs()
    engine = os.environ.get(ENV_SPEECH_ENGINE) or None
    audio = AudioOutput(paths.sounds_dir(), services.prefs, speech_engine=engine)
    window = MainWindow(services, audio=audio)
    instance.on_wake(window.bring_to_front)
    if routine is not None:
        window.open_routine(routine)
    window.show()
    window.bring_to_front()
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command:
            return cli.run_command(args)
        if args.self_test:
            problem = qt_problem()
            if problem is not None:
                print(f"FAIL  Qt: {problem}", file=sys.stderr)
                return cli.EXIT_PROBLEMS
            return run_self_test()
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
