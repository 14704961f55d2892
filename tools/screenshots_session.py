"""A whole session as the person on the mat sees it, into docs/screenshots/session/: ready,
getting ready, a movement, a hold, the rest with "Next", paused, and help, in each theme and
window size asked for; and a hold at the extra-large text size, a page of its words at a
time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stretchdesk.session import FakeClock, SegmentKind, SessionEngine
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow

ROUTINE = "quick-relief"  # a march (a movement), then holds on each side, rests between


def _engine(window: MainWindow) -> SessionEngine:
    live = window.session.live
    assert live is not None
    return live.engine


def _open(
    app: QApplication, theme: str, size: tuple[int, int], data: Path, text_size: str
) -> tuple[MainWindow, FakeClock]:
    from tools.screenshots import make_window  # noqa: PLC0415 (it imports this module)

    save_prefs(
        data / "settings.toml", Preferences(theme=theme, safety_seen=True, text_size=text_size)
    )
    window, clock = make_window(data, theme, size)
    if window.current is window.health:
        window.health.skip.click()
    window.start.select(ROUTINE)
    window.start.start.click()
    if window.current is window.advice:
        window.advice.go_on.click()
    window.pain_before.scale.skip.click()
    app.processEvents()
    return window, clock


def session_story(
    app: QApplication, theme: str, out: Path, size: tuple[int, int], tmp: Path
) -> list[Path]:
    """The session's moments at one size in one theme: their paths."""
    from tools.screenshots import Shooter, run_until  # noqa: PLC0415

    out.mkdir(parents=True, exist_ok=True)
    suffix = f"-{size[0]}x{size[1]}"
    window, clock = _open(app, theme, size, tmp / f"{theme}-story{suffix}", "normal")
    shot = Shooter(app, window, out, theme, suffix)
    engine = _engine(window)
    shot("session-1-ready")
    shot.key(Qt.Key.Key_Space)
    clock.advance(2.2)
    window.session.refresh()
    shot("session-2-get-ready")
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.ACTIVE)
    clock.advance(7.6)
    window.session.refresh()
    shot("session-3-move")

    def rest_before_a_hold() -> bool:
        view = engine.view()
        return view.segment is SegmentKind.BETWEEN and (
            view.next_step is not None and view.next_step.timing.is_hold
        )

    run_until(window, clock, rest_before_a_hold)
    clock.advance(1.1)
    window.session.refresh()
    shot("session-4-rest-next")
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.ACTIVE)
    clock.advance(5.3)
    window.session.refresh()
    shot("session-5-hold")
    clock.advance(1)  # a person's presses are not a double press
    shot.key(Qt.Key.Key_Space)
    shot("session-6-paused")
    clock.advance(1)
    shot.key(Qt.Key.Key_Space)
    shot.key(Qt.Key.Key_F1)
    shot("session-7-help")
    window.close()
    window.services.close()
    return shot.saved + _extra_large(app, theme, out, size, tmp)


def _extra_large(
    app: QApplication, theme: str, out: Path, size: tuple[int, int], tmp: Path
) -> list[Path]:
    """A hold at the extra-large text size: its words at their size, a page at a time."""
    from tools.screenshots import Shooter, run_until  # noqa: PLC0415

    suffix = f"-{size[0]}x{size[1]}"
    window, clock = _open(app, theme, size, tmp / f"{theme}-large{suffix}", "extra-large")
    shot = Shooter(app, window, out, theme, suffix)
    engine = _engine(window)
    shot.key(Qt.Key.Key_Space)
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.ACTIVE)
    clock.advance(3.3)
    window.session.refresh()
    shot("session-8-move-extra-large-page-1")
    seen = window.session.middle.page
    run_until(window, clock, lambda: window.session.middle.page != seen, limit=120)
    shot("session-9-move-extra-large-page-2")
    window.close()
    window.services.close()
    return shot.saved
