"""Every screen in both themes, into docs/screenshots/: ``make screenshots`` (runs under Xvfb).

The real main window on a fake clock with a few weeks of demo history; keys are pressed as
a person would press them, and each screen is saved as the window shows it.

    python -m tools.screenshots [--out DIR] [--themes light,dark] [--size 1280x800]
        [--more-sizes 800x600,1920x1080] [--session-sizes 1280x800,1920x1080]
        [--only-session] [--language de]

A whole session, moment by moment, goes into the folder's session/ (screenshots_session.py);
``--only-session`` makes only those.

With ``--language``, the window speaks that language (its words, the content, dates and
numbers) and the demo history is recorded in it: ``make screenshots`` writes German ones into
docs/screenshots/de/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from stretchdesk import i18n, paths
from stretchdesk.app import set_language
from stretchdesk.audio.output import AudioOutput, quiet_audio_logs
from stretchdesk.routine import load_catalog, load_library
from stretchdesk.routine.translate import builtin_sentences, catalog_in, library_in
from stretchdesk.services import Services, content_folders
from stretchdesk.session import FakeClock, SegmentKind
from stretchdesk.session.health import Answer
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.kit.theme import apply_theme
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.screen_names import Screen
from tools.demo_history import make_demo_history
from tools.screenshots_routines import routine_screens
from tools.screenshots_session import session_story

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)


class Shooter:
    def __init__(
        self, app: QApplication, window: MainWindow, out: Path, theme: str, suffix: str = ""
    ) -> None:
        self.app, self.window, self.out, self.theme = app, window, out, theme
        self.suffix = suffix  # "-800x600" for the other window sizes
        self.saved: list[Path] = []

    def __call__(self, name: str) -> None:
        if Screen.SESSION in self.window.screens:
            self.window.session.illustration.wait_loaded()
        for _ in range(3):
            self.app.processEvents()
        path = self.out / f"{self.theme}-{name}{self.suffix}.png"
        self.window.grab().save(str(path))
        with Image.open(path) as shot:  # 256 colours: a quarter of the size, same look
            small = shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)
        self.saved.append(path)

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = self.app.focusWidget() or self.window
        QTest.keyClick(target, key, modifier)
        self.app.processEvents()


def run_until(
    window: MainWindow, clock: FakeClock, done: Callable[[], bool], limit: float = 3600
) -> None:
    spent = 0.0
    while not done() and spent < limit:
        clock.advance(0.5)
        spent += 0.5
        window.session.refresh()


def make_window(data: Path, theme: str, size: tuple[int, int]) -> tuple[MainWindow, FakeClock]:
    clock = FakeClock()
    base = clock.now

    def wall() -> datetime:
        return NOW + timedelta(seconds=clock.now - base)

    services = Services.load(paths.DataPaths(data), clock=clock, wall=wall)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme, services.prefs.text_size)
    quiet_audio_logs()
    audio = AudioOutput(paths.sounds_dir(), services.prefs)  # says what this machine has
    window = MainWindow(services, today=lambda: NOW.astimezone().date(), audio=audio)
    window.resize(*size)
    window.show()
    window.bring_to_front()
    return window, clock


def capture_theme(
    app: QApplication, theme: str, out: Path, size: tuple[int, int], tmp: Path
) -> list[Path]:
    say, _problems = builtin_sentences(i18n.language(), content_folders())
    library = library_in(load_library(paths.exercises_dir()), say)
    catalog = catalog_in(load_catalog(library, paths.builtin_routines_dir()), say)
    data = tmp / theme
    make_demo_history(data / "history.sqlite", catalog, end=NOW, last_stopped="figure-four")
    save_prefs(data / "settings.toml", Preferences(theme=theme))
    window, clock = make_window(data, theme, size)
    shot = Shooter(app, window, out, theme)
    shot("safety")
    shot.key(Qt.Key.Key_Return)
    shot("health")
    shot.key(Qt.Key.Key_Return)  # no answers ticked: nothing changes
    shot("start")
    window.start.select("lower-back-spasm")
    window.start.start.setFocus()
    shot.key(Qt.Key.Key_Return)
    go_on_after_advice(window)
    if window.current is window.avoid:
        shot("avoid-offer")
        window.avoid.buttons[next(iter(window.avoid.buttons))].click()
    shot("pain-before")
    shot.key(Qt.Key.Key_9)  # a severe rating: the suggestion before the session
    shot("advice")
    shot.key(Qt.Key.Key_Return)
    session_screens(shot, window, clock)
    after_screens(shot, window, clock)
    window.close()
    window.services.close()
    broken_history(shot, tmp, theme, size)
    health_checked(shot, tmp, theme, size)
    routine_screens(shot, tmp, theme, size)
    return shot.saved


def go_on_after_advice(window: MainWindow) -> None:
    if window.current is window.advice:
        window.advice.go_on.click()


def session_screens(shot: Shooter, window: MainWindow, clock: FakeClock) -> None:
    shot("session-ready")
    shot.key(Qt.Key.Key_Space)
    clock.advance(4.2)
    window.session.refresh()
    shot("session-lead-in")
    shot.key(Qt.Key.Key_Right)
    shot("session-next-refused")
    engine = window.session.live.engine if window.session.live else None
    assert engine is not None

    def in_hold() -> bool:
        view = engine.view()
        return (
            view.step.exercise_id == "knee-to-chest"
            and view.segment is SegmentKind.ACTIVE
            and view.remaining < view.segment_seconds - 6
        )

    run_until(window, clock, in_hold)
    shot("session-hold")
    clock.advance(1)  # a person's presses are not a double press
    shot.key(Qt.Key.Key_Space)
    shot("session-paused")
    clock.advance(1)
    shot.key(Qt.Key.Key_Space)
    shot.key(Qt.Key.Key_Escape)
    shot("recovery")


def after_screens(shot: Shooter, window: MainWindow, clock: FakeClock) -> None:
    window.recovery.done_button.click()
    window.start.select("quick-relief")
    window.start.start.click()
    go_on_after_advice(window)
    while window.current is window.avoid:
        window.avoid.buttons[next(iter(window.avoid.buttons))].click()
    window.pain_before.scale.rating_button(5).click()
    shot.key(Qt.Key.Key_Space)
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    window.completion.scale.rating_button(3).click()
    scroll_to(window.completion, window.completion.offer)
    shot("completion")
    window.completion.offer_yes.click()  # reminders morning and evening, a 6-week plan
    between_screens(shot, window)
    window.completion.history_button.click()
    shot("history")
    window.nav_buttons[Screen.SETTINGS].click()
    shot("settings")
    scroll_to(window.settings, window.settings.reminders.status)
    shot("settings-reminders")
    window.nav_buttons[Screen.ABOUT].click()
    shot("about")


def scroll_to(screen: QWidget, widget: QWidget) -> None:
    area = screen.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(widget, 50, 50)


def between_screens(shot: Shooter, window: MainWindow) -> None:
    """The tray's menu (drawn on its own: a virtual screen has no tray) and the start screen
    with today's reminders and the plan."""
    from stretchdesk.ui.desktop.between_sessions import BetweenSessions  # noqa: PLC0415

    window.between = BetweenSessions(window, bus="", system_bus="", tray=True)
    tray = window.between.tray
    assert tray is not None
    tray.menu.popup(window.mapToGlobal(window.rect().center()))
    shot.app.processEvents()
    path = shot.out / f"{shot.theme}-tray-menu{shot.suffix}.png"
    tray.menu.grab().save(str(path))
    shot.saved.append(path)
    tray.menu.hide()
    window.completion.done_button.click()
    shot("start-today")
    window.start.select("quick-relief")


def broken_history(shot: Shooter, tmp: Path, theme: str, size: tuple[int, int]) -> None:
    broken = tmp / f"{theme}-broken"
    broken.mkdir()
    (broken / "history.sqlite").write_bytes(b"this is not a database" * 100)
    save_prefs(broken / "settings.toml", Preferences(theme=theme, safety_seen=True))
    window, _ = make_window(broken, theme, size)
    shot.window = window
    shot("banner")
    window.close()
    window.services.close()


def health_checked(shot: Shooter, tmp: Path, theme: str, size: tuple[int, int]) -> None:
    """Osteoporosis ticked: the cards say what is left out; the session offers the seated
    march; F1 shows when pain means stop."""
    data = tmp / f"{theme}-health"
    data.mkdir()
    prefs = Preferences(theme=theme, safety_seen=True).with_health(frozenset({Answer.OSTEOPOROSIS}))
    save_prefs(data / "settings.toml", prefs)
    window, clock = make_window(data, theme, size)
    shot.window = window
    shot("start-health")
    window.start.select("quick-relief")
    window.start.start.click()
    window.pain_before.scale.skip.click()
    shot.key(Qt.Key.Key_Space)
    clock.advance(3)
    window.session.refresh()
    shot.key(Qt.Key.Key_F1)
    shot("session-help")
    window.close()
    window.services.close()


def capture_size(
    app: QApplication, theme: str, out: Path, size: tuple[int, int], tmp: Path
) -> list[Path]:
    """The mat's screens at another window size: safety, a session (get ready, hold,
    paused) and the recovery screen."""
    data = tmp / f"{theme}-{size[0]}x{size[1]}"
    save_prefs(data / "settings.toml", Preferences(theme=theme))
    window, clock = make_window(data, theme, size)
    shot = Shooter(app, window, out, theme, f"-{size[0]}x{size[1]}")
    shot("safety")
    shot.key(Qt.Key.Key_Return)
    window.health.skip.click()
    window.start.select("quick-relief")
    window.start.start.click()
    window.pain_before.scale.skip.click()
    shot.key(Qt.Key.Key_Space)
    clock.advance(2.2)
    window.session.refresh()
    shot("session-lead-in")
    engine = window.session.live.engine if window.session.live else None
    assert engine is not None
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.ACTIVE)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.ACTIVE)
    clock.advance(5)
    window.session.refresh()
    shot("session-hold")
    clock.advance(1)
    shot.key(Qt.Key.Key_Space)
    shot("session-paused")
    clock.advance(1)
    shot.key(Qt.Key.Key_Escape)
    shot("recovery")
    window.close()
    window.services.close()
    return shot.saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument(
        "--more-sizes", default="800x600,1920x1080", help="the mat's screens at these sizes too"
    )
    parser.add_argument(
        "--session-sizes",
        default="1280x800,1920x1080",
        help="a whole session, moment by moment, into OUT/session/ at these sizes",
    )
    parser.add_argument("--only-session", action="store_true", help="only the session's")
    parser.add_argument(
        "--language", default=i18n.SOURCE, choices=[*sorted(i18n.LANGUAGES), i18n.PSEUDO]
    )
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    app = QApplication(sys.argv[:1])
    set_language(app, args.language)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for theme in args.themes.split(","):
            for story in filter(None, args.session_sizes.split(",")):
                w, h = (int(v) for v in story.split("x"))
                saved += session_story(app, theme, out / "session", (w, h), Path(tmp))
            if args.only_session:
                continue
            saved += capture_theme(app, theme, out, (width, height), Path(tmp))
            for other in filter(None, args.more_sizes.split(",")):
                w, h = (int(v) for v in other.split("x"))
                saved += capture_size(app, theme, out, (w, h), Path(tmp))
    for path in saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
