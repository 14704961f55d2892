"""``stretchdesk --self-test``: does this installation work? One line per check, exit 0 or 1.

It loads the built-in routines and the safety texts, finds every step's drawings and every cue
sound, then opens the main window (offscreen when there is no display) in a temporary data
directory and waits for its first paint. Sound and voice are reported, never failed: many
machines have neither. Used by packagers and by the packaging tests.
"""

from __future__ import annotations

import os
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

from stretchdesk import __version__, paths
from stretchdesk.illustration import ImageProblem, find_frames, open_checked
from stretchdesk.routine import Routine, RoutineError
from stretchdesk.session.clock import monotonic
from stretchdesk.session.cues import Sound

FIRST_PAINT_TIMEOUT_MS = 20_000


class Checks:
    def __init__(self) -> None:
        self.failed = 0

    def report(self, ok: bool, what: str) -> bool:
        print(f"{'ok  ' if ok else 'FAIL'}  {what}", flush=True)
        self.failed += not ok
        return ok

    def run(self, name: str, check: Callable[[], str]) -> None:
        """``check`` returns what it found, or raises with what is wrong."""
        try:
            self.report(True, f"{name}: {check()}")
        except (RoutineError, OSError, ValueError, ImageProblem, wave.Error) as exc:
            self.report(False, f"{name}: {str(exc).splitlines()[0]}")


def _frames(routines: list[Routine]) -> str:
    count = 0
    for routine in routines:
        for step in routine.steps:
            frames = find_frames(step, paths.assets_dir())
            if frames.is_placeholder:
                raise ValueError(f"{routine.id}: {frames.problem}")
            open_checked(frames.frames[0]).close()
            count += len(frames.frames)
    return f"{count} drawings found for the steps of {len(routines)} routines"


def _sounds() -> str:
    folder = paths.sounds_dir()
    for sound in Sound:
        with wave.open(str(folder / f"{sound.value}.wav"), "rb") as wav:
            if wav.getnframes() == 0:
                raise ValueError(f"{sound.value}.wav is empty")
    return f"{len(Sound)} cue sounds in {folder}"


def run_self_test() -> int:
    print(f"stretchdesk {__version__} self-test (Python {sys.version.split()[0]})")
    checks = Checks()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="stretchdesk-self-test-") as tmp:
        from stretchdesk.services import Services  # noqa: PLC0415 - after the platform is set

        services: Services | None = None

        def load() -> str:
            nonlocal services
            services = Services.load(paths.DataPaths(Path(tmp)))
            names = ", ".join(r.id for r in services.catalog.routines)
            return f"{len(services.catalog.routines)} built-in routines load ({names})"

        checks.run("routines", load)
        if services is not None:
            loaded: Services = services
            checks.run("exercises", lambda: f"{len(loaded.library)} in the library")
            checks.run("illustrations", lambda: _frames(loaded.catalog.routines))
            checks.run("sounds", _sounds)
            checks.report(*_window(loaded))
            loaded.close()
    print("self-test passed" if not checks.failed else f"self-test: {checks.failed} failed")
    return 0 if not checks.failed else 1


def _window(services: object) -> tuple[bool, str]:
    """Open the real main window and wait for its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415 - Qt only here

    from stretchdesk.audio.output import AudioOutput, quiet_audio_logs  # noqa: PLC0415
    from stretchdesk.services import Services  # noqa: PLC0415
    from stretchdesk.ui.desktop.platform_check import make_application  # noqa: PLC0415
    from stretchdesk.ui.kit.theme import apply_theme  # noqa: PLC0415
    from stretchdesk.ui.shell.main_window import MainWindow  # noqa: PLC0415

    assert isinstance(services, Services)
    began = monotonic()
    app = make_application(sys.argv[:1])
    apply_theme(app, "light", "normal")
    quiet_audio_logs()
    audio = AudioOutput(paths.sounds_dir(), services.prefs)
    print(f"info  {audio.sound_status}")
    print(f"info  {audio.voice_status}")
    window = MainWindow(services, audio=audio)
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(monotonic())
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, app.quit)
    window.show()
    app.exec()
    window.removeEventFilter(watcher)
    window.close()
    if not painted:
        return False, f"window: no paint within {FIRST_PAINT_TIMEOUT_MS // 1000} s"
    platform = app.platformName()
    return True, f"window: first paint after {(painted[0] - began) * 1000:.0f} ms ({platform})"
