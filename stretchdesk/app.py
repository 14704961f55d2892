"""The program's entry point: the command line, and for the window the QApplication, the
services, the main window, sound and voice, and the single-instance guard.

The screens are connected to the window in ui/shell/screens.py; a session's engine, cue plan and
history recorder are put together by Services.new_session.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from stretchdesk import __version__, i18n, paths
from stretchdesk.cli import commands as cli
from stretchdesk.cli.common import printable, tell
from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.routine import Routine, RoutineError, resolve_routine
from stretchdesk.routine.catalog import QUICK_BYTES
from stretchdesk.services import Services
from stretchdesk.settings import load_prefs
from stretchdesk.workarounds import glibc_heap
from stretchdesk.workarounds.pyside_import_hook import quicken_pyside_imports
from stretchdesk.workarounds.pyside_none_refcount import qt_problem

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from stretchdesk.ui.desktop.single_instance import SingleInstance as SingleInstanceType
    from stretchdesk.ui.shell.main_window import MainWindow as MainWindowType

ENV_SPEECH_ENGINE = "STRETCHDESK_SPEECH_ENGINE"  # force a speech engine (e.g. "mock" in tests)
ENV_LANGUAGE = "STRETCHDESK_LANGUAGE"  # a language over the setting ("pseudo" in tests)


def _open_window(args: argparse.Namespace) -> int:
    problem = qt_problem()
    if problem is not None:
        print(_("stretchdesk cannot start: {problem}").format(problem=problem), file=sys.stderr)
        return cli.EXIT_PROBLEMS
    data = paths.settle(cli.data_paths(args))
    # the language first: the content is read in it (the window's words follow in speak())
    i18n.use(os.environ.get(ENV_LANGUAGE) or load_prefs(data.settings, data.flags).prefs.language)
    # the person's routine files past the first few KiB are read once the window shows,
    # unless a routine was asked for by id or the app waits in the tray
    quick = None if args.routine or args.background else QUICK_BYTES
    try:
        services = Services.load(data, quick_bytes=quick)
    except RoutineError as exc:
        return _problems(exc)
    except FileNotFoundError as exc:
        print(_("stretchdesk cannot start: {exc}").format(exc=exc), file=sys.stderr)
        return cli.EXIT_PROBLEMS
    try:
        routine = None
        if args.routine:
            routine = resolve_routine(
                args.routine, services.catalog, services.library, services.content.sources
            )
        opened = Path(args.open).expanduser() if args.open else None
        return _run_window(services, routine, background=args.background, opened=opened)
    except RoutineError as exc:
        return _problems(exc)
    finally:
        services.close()


def _problems(exc: RoutineError) -> int:
    for line in exc.problems:
        tell(str(line), sys.stderr)
    return cli.EXIT_PROBLEMS


def _run_window(
    services: Services,
    routine: Routine | None,
    *,
    background: bool = False,
    opened: Path | None = None,
) -> int:
    window = build_window(services, routine, background=background, opened=opened)
    if window is None:
        if opened is not None:
            tell(
                _("stretchdesk is already open; it was asked to open {opened}.").format(
                    opened=opened
                )
            )
        elif routine is not None:
            print(
                _("stretchdesk is already open; it was asked to start {title}.").format(
                    title=routine.title
                )
            )
        elif not background:
            print(_("stretchdesk is already open; its window was brought to the front."))
        return cli.EXIT_OK
    return window.app_exec()


def build_window(
    services: Services,
    routine: Routine | None,
    *,
    background: bool = False,
    opened: Path | None = None,
) -> MainWindowType | None:
    """The application and its shown main window, wired; None if another instance is open
    (it has been brought to the front, or asked to open ``opened``). ``background``: no
    window, the tray and the reminders only. ``opened``: a routine file to check and offer
    to add. Qt is imported only here: the command-line tools never load it."""
    # (PySide6 must not load before qt_problem() has vetted it)
    import PySide6  # noqa: F401, PLC0415 - the package only: no Qt module yet

    quicken_pyside_imports()
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    from stretchdesk.ui.desktop.platform_check import make_application  # noqa: PLC0415
    from stretchdesk.ui.desktop.single_instance import SingleInstance  # noqa: PLC0415
    from stretchdesk.ui.kit.theme import apply_theme  # noqa: PLC0415
    from stretchdesk.ui.shell.main_window import MainWindow  # noqa: PLC0415

    glibc_heap.return_big_blocks()
    app = make_application(sys.argv[:1])
    app.setApplicationName("stretchdesk")
    app.setApplicationDisplayName("stretchdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(paths.APP_ID)
    set_language(app, os.environ.get(ENV_LANGUAGE) or services.prefs.language)
    instance = SingleInstance(services.data)
    background = background and routine is None and opened is None  # the window, as asked
    if background and instance.running():
        return None  # started at login, but already running: nothing to do, no window
    if not instance.claim(_message(opened, routine)):
        return None
    app.setQuitOnLastWindowClosed(False)  # closing the window may leave the app in the tray
    apply_theme(app, services.prefs.theme, services.prefs.text_size)
    window = MainWindow(services, hidden=background)

    def start_audio() -> None:  # loads in about 80 ms, so only once the window is up; the
        # voice answers later, on its own thread (a session may already be counting down)
        from stretchdesk.audio.output import AudioOutput, quiet_audio_logs  # noqa: PLC0415

        quiet_audio_logs()
        engine = os.environ.get(ENV_SPEECH_ENGINE) or None
        audio = AudioOutput(
            paths.sounds_dir(), services.prefs, speech_engine=engine, voice_in_background=True
        )
        window.attach_audio(audio)

    start_between = partial(_start_between, window)
    _ending(window, app)
    _hear_others(instance, window)
    _catch_unexpected(services.data.crash_log, partial(window.tell, error=True))
    if routine is not None:
        window.open_routine(routine)
    if background:  # sound and voice wait for the window to be first shown
        window.after_first_paint(start_audio)
        QTimer.singleShot(0, start_between)
        QTimer.singleShot(0, glibc_heap.trim)  # waiting in the tray: give back what it can
        return window
    window.after_first_paint(start_audio)
    window.after_first_paint(start_between)
    window.after_first_paint(_style_ready)
    window.show()
    window.bring_to_front()
    if opened is not None:  # once the window is up (and its first-run screens are done)
        window.sent.open(opened)
    return window


def _style_ready() -> None:
    """Qt's style class made once the window is up (its enumerations take about 4 ms): the
    first screen changed, restyled, need not wait for it."""
    from PySide6.QtWidgets import QStyle  # noqa: F401, PLC0415


def _hear_others(instance: SingleInstanceType, window: MainWindowType) -> None:
    """What a second start asks, and routine files put in the person's folder while the
    app runs: offered or done by the window."""
    instance.on_wake(window.bring_to_front)
    instance.on_open(window.sent.open)
    instance.on_routine(window.sent.start)
    instance.setParent(window)  # lives as long as the window
    window.sent.watch_folder()


def _message(opened: Path | None, routine: Routine | None) -> bytes:
    """What a second start asks of the running one: open a file, start a routine (by id,
    or by its file), or come to the front."""
    from stretchdesk.ui.desktop.single_instance import WAKE, open_message, routine_message  # noqa: PLC0415

    if opened is not None:
        return open_message(opened)
    if routine is not None:
        path = None if routine.builtin else routine.path
        return routine_message(str(path.absolute()) if path is not None else routine.id)
    return WAKE


def _start_between(window: MainWindowType) -> None:
    """Once the window is up: the person's routine files still to read (on a thread), then
    the reminders (for a routine that may be one of them), the tray and the history shared
    with the person's other computers."""
    from stretchdesk.ui.desktop.between_sessions import BetweenSessions  # noqa: PLC0415
    from stretchdesk.ui.routines import late_routines  # noqa: PLC0415
    from stretchdesk.ui.shell.screen_names import Screen  # noqa: PLC0415
    from stretchdesk.ui.shell.sharing import share_history  # noqa: PLC0415

    def start() -> None:
        window.between = BetweenSessions(window)
        share_history(window)
        if window.screens.shown is Screen.START:
            window.start.show_today(window.today_words())

    late_routines.read_later(window, then=start)


def _ending(window: MainWindowType, app: QCoreApplication) -> None:
    """The app ends when the window closes for good; logout, shutdown and Ctrl+C close it
    as Quit does, the session saved (ui/desktop/end_signals.py); meanwhile the history's failed
    writes are tried again and a paused session keeps its heartbeat (ui/shell/pending_writes.py)."""
    from stretchdesk.ui.desktop import end_signals  # noqa: PLC0415
    from stretchdesk.ui.shell import pending_writes  # noqa: PLC0415

    window.closed.connect(app.quit)
    ending = end_signals.handle(window, window.quit_without_asking)
    window.closed.connect(ending.release)
    pending_writes.keep(window)


def set_language(app: QCoreApplication, language: str) -> QTranslator | None:
    """The app's own words in ``language`` ("" the desktop's), and Qt's own (its buttons
    and dialogs) from Qt's catalogues; returns Qt's translator when one was installed."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator  # noqa: PLC0415

    chosen = i18n.use(language)
    if chosen != i18n.PSEUDO and QLocale.system().name().split("_")[0] != chosen:
        # a language chosen in Settings other than the desktop's: its dates and numbers too
        QLocale.setDefault(QLocale(chosen))
    if chosen in (i18n.SOURCE, i18n.PSEUDO):
        return None
    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt.load(QLocale(chosen), "qtbase", "_", folder):
        return None
    app.installTranslator(qt)
    return qt


def main(argv: Sequence[str] | None = None) -> int:
    i18n.use(os.environ.get(ENV_LANGUAGE, ""))  # the command line: the desktop's language
    parser = cli.build_parser()
    args = parser.parse_args(cli.file_argument(sys.argv[1:] if argv is None else argv))
    try:
        if args.command:
            return cli.run_command(args)
        if args.self_test:
            problem = qt_problem()
            if problem is not None:
                print(f"FAIL  Qt: {problem}", file=sys.stderr)
                return cli.EXIT_PROBLEMS
            from stretchdesk.cli.selftest import run_self_test  # noqa: PLC0415 - only when asked

            return run_self_test()
        return _open_window(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return cli.EXIT_OK
    except Exception as exc:  # the last line of defence: one clear line, details in a file
        log = _write_crash_log(args)
        where = _("; details are in {log}").format(log=log) if log else ""
        message = _("stretchdesk: unexpected error: {exc}{where}").format(exc=exc, where=where)
        print(printable(message), file=sys.stderr)
        return cli.EXIT_PROBLEMS


def _catch_unexpected(log: Path, show: Callable[[str], None]) -> None:
    """A bug in a slot must not end the session silently or print a traceback at the user:
    the details go to crash.log and the window says so in one line."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        written = write_crash_log(log, exc.with_traceback(tb))
        where = _("; the details are in {written}").format(written=written) if written else ""
        show(
            _(
                "Something went wrong inside stretchdesk ({exc}){where}. Your session goes on."
            ).format(exc=exc, where=where)
        )

    sys.excepthook = hook


def _write_crash_log(args: argparse.Namespace) -> str | None:
    error = sys.exception()
    if error is None:
        return None
    written = write_crash_log(cli.data_paths(args).crash_log, error)
    return str(written) if written else None


if __name__ == "__main__":
    sys.exit(main())
