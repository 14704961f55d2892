"""The processes the benchmarks measure. ``python -m bench.child MODE [ARGS]``; each prints
one JSON line with what it measured and exits.

- ``bare``: a bare PySide6 window with one image and one label; prints when first painted.
- ``app``: the real app (services, theme, sound, main window) in a temporary data
  directory; prints when first painted.
- ``session SECONDS [stall]``: the real app running "Lower back spasm relief" for SECONDS;
  records every change of the shown countdown and how late it came, the resident memory at
  30 s, and the CPU time used (also by step: bench/step_cpu.py); with ``stall`` the GUI
  thread is blocked 1.5 s every 7 s.
- ``kinds SECONDS``: as ``session``, with a routine of one step of each kind (a movement,
  breathing, a hold, a movement on alternating sides): about 160 s covers them all.
- ``screens``: the real app as ``app``; once it is up, each resting screen's first show.
- ``modules``: the real app as ``app``; prints the modules loaded when it is first painted.
- ``painstop RUNS``: starts sessions and presses Pain — stop; the time from the click until
  the countdown has stopped, sound and speech are silenced and the history row is committed.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import phases, step_cpu
from bench.drive import open_session, stall_every, watch_countdown

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
STARTED = time.perf_counter()  # as close to process start as Python allows

# Qt is imported inside the functions, once the app has: the app must load it the way
# ``stretchdesk`` does (its own modules first, then PySide6 inside app.build_window). Loaded
# earlier, every module in between would also miss the app's import hook
# (workarounds/pyside_import_hook.py) and keep its source in memory (about 4 MB).


def out(**values: object) -> None:
    print(json.dumps(values), flush=True)


def watch_first_paint(widget: Any, done: Callable[[], None]) -> Any:
    """An event filter on ``widget`` that calls ``done`` once it has first been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    watcher = FirstPaint(widget)  # the widget keeps it alive
    widget.installEventFilter(watcher)
    return watcher


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


MARKS = phases.Marks(STARTED)
STARTUP_PARTS = ["imports", "settings_content", "window", "first_paint"]
QT_IMPORTS: dict[str, float] = {}  # of the app's window part: loading Qt (the bare's imports)


def bare() -> None:
    from PySide6.QtGui import QPixmap  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: PLC0415

    MARKS.mark("imports")
    MARKS.mark("settings_content")  # none
    app = QApplication(sys.argv[:1])
    window = QWidget()
    column = QVBoxLayout(window)
    picture = QLabel()
    here = Path(__file__).resolve().parent.parent
    picture.setPixmap(QPixmap(str(here / "assets/illustrations/knee-to-chest/00.png")))
    column.addWidget(picture)
    column.addWidget(QLabel("Single knee to chest"))
    watch_first_paint(window, lambda: finish(app, "bare"))
    window.resize(1280, 800)
    window.show()
    MARKS.mark("window")
    app.exec()


def finish(app: Any, what: str) -> None:
    MARKS.mark("first_paint")
    parts = MARKS.parts_ms(STARTUP_PARTS)
    if what == "app":
        parts["window_qt_imports_ms"] = round(QT_IMPORTS.get("ms", 0.0), 1)
    out(kind=what, first_paint_s=time.perf_counter() - STARTED, rss_mb=rss_mb(), parts=parts)
    app.quit()


def build(tmp: str):  # type: ignore[no-untyped-def]
    from stretchdesk import app as wiring  # noqa: PLC0415
    from stretchdesk import i18n, paths  # noqa: PLC0415
    from stretchdesk.routine.catalog import QUICK_BYTES  # noqa: PLC0415
    from stretchdesk.services import Services  # noqa: PLC0415
    from stretchdesk.settings import Preferences, save_prefs  # noqa: PLC0415

    save_prefs(Path(tmp) / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    MARKS.mark("imports")  # (its own modules; Qt's are in "window", as in the app)
    i18n.use(os.environ.get(wiring.ENV_LANGUAGE, ""))  # as app.main does, before the content
    services = Services.load(paths.DataPaths(Path(tmp)), quick_bytes=QUICK_BYTES)  # as app.py
    MARKS.mark("settings_content")
    with phases.import_clock(("PySide6", "shiboken6"), QT_IMPORTS):
        window = wiring.build_window(services, None)
    MARKS.mark("window")
    assert window is not None
    return services, window


def app_start(routines: str | None = None) -> None:
    """``routines``: a folder to use as the person's routines folder (linked, not copied:
    the start-up benchmark's hostile routine files)."""
    with tempfile.TemporaryDirectory() as tmp:
        if routines is not None:
            (Path(tmp) / "routines").symlink_to(routines)
        services, window = build(tmp)
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - already loaded by now

        app = QApplication.instance()
        watch_first_paint(window, lambda: finish(app, "app"))
        window.app_exec()
        services.close()


def screens() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        services, window = build(tmp)
        from PySide6.QtCore import QCoreApplication, QTimer  # noqa: PLC0415

        app = QCoreApplication.instance()
        assert app is not None

        def measure() -> None:
            shown = phases.first_shows(window, QCoreApplication.processEvents)
            out(kind="screens", **shown)
            app.quit()

        watch_first_paint(window, lambda: QTimer.singleShot(500, measure))  # audio in by then
        window.app_exec()
        services.close()


def modules_at_first_paint() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        services, window = build(tmp)
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - already loaded by now

        app = QApplication.instance()
        loaded: list[str] = []

        def done() -> None:
            loaded.extend(sorted(sys.modules))
            assert app is not None
            app.quit()

        watch_first_paint(window, done)
        window.app_exec()
        out(kind="modules", modules=loaded)
        services.close()


def tray(seconds: float) -> None:
    """``--background`` with reminders on (none due during the run): memory once settled,
    CPU over the rest of the run, and how often the reminders' timer woke."""
    from datetime import datetime, timedelta  # noqa: PLC0415

    from stretchdesk import app as wiring  # noqa: PLC0415
    from stretchdesk import paths  # noqa: PLC0415
    from stretchdesk.schedule.zone import local_zone  # noqa: PLC0415
    from stretchdesk.services import Services  # noqa: PLC0415
    from stretchdesk.settings import Preferences, save_prefs  # noqa: PLC0415

    later = (datetime.now(local_zone()) + timedelta(hours=6)).strftime("%H:%M")
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Preferences(safety_seen=True, reminders=True, reminder_times=later)
        save_prefs(Path(tmp) / "settings.toml", prefs)
        services = Services.load(paths.DataPaths(Path(tmp)))
        window = wiring.build_window(services, None, background=True)
        assert window is not None
        from PySide6.QtCore import QTimer  # noqa: PLC0415 - loaded by the app by now
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        app = QApplication.instance()
        assert app is not None
        marks: dict[str, float] = {}

        def settled() -> None:
            marks["rss_mb"] = rss_mb()
            marks["cpu"], marks["wall"] = cpu_seconds(), time.monotonic()
            assert window.between is not None
            marks["checks"] = 0
            window.between.clock.timer.timeout.connect(
                lambda: marks.__setitem__("checks", marks["checks"] + 1)
            )

        def stop() -> None:
            marks["cpu_s"] = cpu_seconds() - marks["cpu"]
            marks["wall_s"] = time.monotonic() - marks["wall"]
            marks["visible"] = float(window.isVisible())
            app.quit()

        QTimer.singleShot(5000, settled)
        QTimer.singleShot(round(seconds * 1000), stop)
        app.exec()
        out(
            kind="tray",
            rss_mb=marks["rss_mb"],
            cpu_share=marks["cpu_s"] / marks["wall_s"],
            timer_wakes=marks["checks"],
            window_shown=bool(marks["visible"]),
        )
        window.quit_for_good()
        services.close()


def session(seconds: float, stall: bool, *, kinds: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        routine = step_cpu.kinds_routine(Path(tmp) / "routines") if kinds else "lower-back-spasm"
        services, window = build(tmp)
        from PySide6.QtCore import QTimer  # noqa: PLC0415 - loaded by the app by now
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        open_session(window, routine)
        live = window.session.live
        assert live is not None
        engine = live.engine
        by_step = step_cpu.StepCpu(engine, cpu_seconds)
        dial = window.session.dial
        lateness = watch_countdown(window)
        app = QApplication.instance()
        assert app is not None
        marks: dict[str, float] = {}
        began = time.monotonic()
        cpu_began = cpu_seconds()
        threads_began = phases.thread_cpu()

        def settled() -> None:  # sound, voice and the first frames have loaded by now
            nonlocal began, cpu_began, threads_began
            began, cpu_began = time.monotonic(), cpu_seconds()
            threads_began = phases.thread_cpu()
            by_step.restart()

        QTimer.singleShot(5000, settled)

        def at_30() -> None:
            marks["rss_mb"] = rss_mb()

        by_thread: dict[str, float] = {}
        steps: dict[str, dict[str, float]] = {}

        def stop() -> None:
            marks["cpu_s"] = cpu_seconds() - cpu_began
            marks["wall_s"] = time.monotonic() - began
            marks["rss_end_mb"] = rss_mb()
            by_thread.update(
                phases.cpu_share_by_thread(threads_began, phases.thread_cpu(), marks["wall_s"])
            )
            marks["session_s"] = engine.active_seconds
            steps.update(by_step.shares())
            app.quit()

        QTimer.singleShot(30_000, at_30)
        QTimer.singleShot(round(seconds * 1000), stop)
        if stall:
            stall_every(window, 7000)
        window.session.pause_button.click()  # Start
        planned_end = time.monotonic()
        window.app_exec()
        view = engine.view()
        elapsed_true = time.monotonic() - planned_end
        out(
            kind="session",
            stall=stall,
            rss_mb=marks.get("rss_mb"),
            cpu_share=marks["cpu_s"] / marks["wall_s"],
            changes=len(lateness),
            late_max_ms=max(lateness) * 1000 if lateness else None,
            late_median_ms=sorted(lateness)[len(lateness) // 2] * 1000 if lateness else None,
            position=view.position,
            wall_s=elapsed_true,
            dial_repaints=dial.repaints,
            rss_end_mb=marks["rss_end_mb"],
            rss_peak_mb=phases.peak_rss_mb(),
            cpu_percent_by_thread=by_thread,
            cpu_by_step=steps,
            frames_decoded=window.session.illustration.cache.decodes,
        )
        window.close()
        services.close()


def painstop(runs: int) -> None:
    import sqlite3  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        services, window = build(tmp)
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - loaded by the app by now

        app = QApplication.instance()
        assert app is not None
        timings: list[float] = []
        for _ in range(runs):
            open_session(window, "quick-relief")
            window.session.pause_button.click()
            for _ in range(20):
                app.processEvents()
                time.sleep(0.02)
            began = time.perf_counter()
            window.session.pain_button.click()
            timings.append((time.perf_counter() - began) * 1000)
            assert window.current is window.recovery
            assert window.session.next_wake_ms is None
            window.recovery.done_button.click()
        check = sqlite3.connect(Path(tmp) / "history.sqlite")
        stopped = check.execute(
            "SELECT COUNT(*) FROM session WHERE outcome = 'stopped_for_pain'"
        ).fetchone()[0]
        check.close()
        timings.sort()
        out(
            kind="painstop",
            runs=runs,
            committed=stopped,
            median_ms=timings[len(timings) // 2],
            max_ms=timings[-1],
        )
        window.close()
        services.close()


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "app":
        app_start(sys.argv[2] if len(sys.argv) > 2 else None)
    elif mode == "session":
        session(float(sys.argv[2]), len(sys.argv) > 3 and sys.argv[3] == "stall")
    elif mode == "kinds":
        session(float(sys.argv[2]), stall=False, kinds=True)
    elif mode == "screens":
        screens()
    elif mode == "modules":
        modules_at_first_paint()
    elif mode == "tray":
        tray(float(sys.argv[2]))
    elif mode == "painstop":
        painstop(int(sys.argv[2]))


if __name__ == "__main__":
    main()
