"""The main window: a banner for problems, the tab bar, and one screen at a time.

It chooses which screen shows (the questions before a session come from session/setup.py),
hands a new session to the session screen and its end to the recovery or completion screen,
and drops the echo of a double-click (ui/shell/echo_filter.py). The rules stay in Qt-free code:
the engine, session/setup.py, the history and Services.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from stretchdesk import paths
from stretchdesk.autostart import login_entry_follows
from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.session.guard import RepeatGuard
from stretchdesk.ui.before.setup_flow import SetupFlow
from stretchdesk.ui.desktop.sent_files import SentFiles
from stretchdesk.ui.kit.follow import follow
from stretchdesk.ui.kit.theme import theme_follows
from stretchdesk.ui.kit.widgets import double_click_seconds
from stretchdesk.ui.shell import screens
from stretchdesk.ui.shell.banner import Banner
from stretchdesk.ui.shell.echo_filter import EchoFilter
from stretchdesk.ui.shell.first_paint import FirstPaint
from stretchdesk.ui.shell.first_run import FirstRun
from stretchdesk.ui.shell.late_history import open_once_painted
from stretchdesk.ui.shell.nav_bar import mark_current, nav_bar
from stretchdesk.ui.shell.pending_writes import WriteProblems
from stretchdesk.ui.shell.screen_names import Screen, Screens
from stretchdesk.ui.shell.screen_stack import ScreenStack
from stretchdesk.ui.shell.screens import Lazy
from stretchdesk.ui.shell.window_place import WindowPlace
from stretchdesk.ui.shell.window_sound import WindowSound

if TYPE_CHECKING:  # (made after the first paint, with a session, or loaded later: typing only)
    from stretchdesk.audio.output import AudioOutput
    from stretchdesk.routine import Routine
    from stretchdesk.services import LiveSession, Services
    from stretchdesk.session import events as ev
    from stretchdesk.session.cues import Cue
    from stretchdesk.session.health import Answer
    from stretchdesk.session.setup import Ready
    from stretchdesk.settings import Preferences
    from stretchdesk.ui.desktop.between_sessions import BetweenSessions
    from stretchdesk.ui.desktop.media_player import MediaPlayer
    from stretchdesk.ui.session.voice_control import VoiceControl


class MainWindow(QMainWindow):
    closed = Signal()  # closed for good (not hidden in the tray): the app may quit
    safety = Lazy(screens.make_safety)
    start = Lazy(screens.make_start)
    pain_before = Lazy(screens.make_pain_before)
    avoid = Lazy(screens.make_avoid)
    advice = Lazy(screens.make_advice)
    health = Lazy(screens.make_health)
    session = Lazy(screens.make_session)
    recovery = Lazy(screens.make_recovery)
    completion = Lazy(screens.make_completion)
    history = Lazy(screens.make_history)
    settings = Lazy(screens.make_settings)
    about = Lazy(screens.make_about)
    builder = Lazy(screens.make_builder)

    def __init__(
        self,
        services: Services,
        today: Callable[[], date] = date.today,
        audio: AudioOutput | None = None,
        *,
        hidden: bool = False,
    ) -> None:
        """``hidden``: started in the background; the first screen is built when the
        window is first shown (it is most of a waiting app's memory)."""
        super().__init__()
        self.services = services
        self.audio = audio
        self.today = today
        self.live: LiveSession | None = None
        self.media: MediaPlayer | None = None  # made with the session screen
        self.media_bus: str | None = None  # a bus address; None: the desktop's session bus
        self.media_problem = _(screens.MEDIA_LATER)  # what Settings says while there is no player
        self.voice_control: VoiceControl | None = None  # made with the session screen
        self.between: BetweenSessions | None = None  # reminders and tray (app.py makes it)
        self._quitting = False  # Quit was chosen: closing ends the app even with a tray
        self.flow = SetupFlow(self)
        self.first_run = FirstRun(self)  # the safety screen, the health questions, --routine
        self._closing = False
        self.sound = WindowSound(self)
        self.stack = ScreenStack()  # sized for the screen shown
        self.screens = Screens(self.stack)  # each built on first use (ui/shell/screens.py)
        self.built_screens = self.screens  # (also by this name)
        self.echoes = EchoFilter(RepeatGuard(double_click_seconds(), services.clock), self)
        self.setWindowTitle("stretchdesk")
        self.setAccessibleName("stretchdesk")
        icon = paths.assets_dir() / "icons" / "stretchdesk.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.banner = Banner()
        self.write_problems = WriteProblems(self.banner)
        first = None if hidden else Screen.START if services.prefs.safety_seen else Screen.SAFETY
        self.nav_bar, self.nav_buttons = nav_bar(self.nav_to, first)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.nav_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sent = SentFiles(self)  # routine files sent or dropped, offered one at a time
        for notice in services.notices:
            self.banner.add(notice.message, error=notice.error, details=notice.details)
        self.place = WindowPlace(self, services.data.window)  # inside the screen, as last left
        self.place.restore()
        follow(services.settings.changed, self, theme_follows)
        follow(services.settings.changed, self, login_entry_follows(services.data))
        follow(services.settings.changed, self, self.sound.follows)
        self.after_first_paint(self.place.fit)  # once its frame is known
        open_once_painted(self)  # (if it waits, the routines show without it until then)
        if not hidden:
            self._first_screen()

    def _first_screen(self) -> None:
        if self.stack.currentWidget() is not None:
            return
        if self.services.prefs.safety_seen:
            self.go_start()
        else:
            self.show_screen(self.safety)

    def showEvent(self, event: QShowEvent) -> None:
        self._first_screen()  # started hidden: now there is something to see
        super().showEvent(event)

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run ``action`` once, just after the window has first been painted."""
        self.installEventFilter(FirstPaint(action, self))

    def attach_audio(self, audio: AudioOutput) -> None:
        """Sound and voice, made after the first paint: loading them takes a while."""
        self.sound.attach(audio)

    def toggle_full_screen(self) -> None:
        """F11 or the session's button: the whole screen (read from the mat), and back."""
        self.place.toggle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            session = self.screens.if_built(Screen.SESSION)
            if session is not None:  # (its module is loaded with the session screen)
                from stretchdesk.ui.session.full_screen_button import show_full_screen_words  # noqa: PLC0415

                show_full_screen_words(session.full_screen_button, self.isFullScreen())
        super().changeEvent(event)

    # ------------------------------------------------------------------ screens
    @property
    def widget(self) -> QWidget:
        return self

    def tell(self, text: str, *, error: bool = False, details: list[str] | None = None) -> None:
        self.banner.add(text, error=error, details=details)

    def show_screen(self, screen: QWidget | Screen) -> None:
        """A screen, or the one of that name (built first if need be)."""
        if isinstance(screen, Screen):
            screen = getattr(self, screen)
            assert isinstance(screen, QWidget)
        if screen is not self.stack.currentWidget():
            self.echoes.screen_changed()
            old, focused = self.stack.currentWidget(), self.focusWidget()
            if old is not None and focused is not None and old.isAncestorOf(focused):
                self.setFocus()  # not handed to the next page's first control (a card picks)
        self.stack.setCurrentWidget(screen)
        self.sound.hold_open()
        name = self.screens.shown
        self.nav_bar.setVisible(name is not Screen.SESSION)
        if name is not Screen.SESSION:
            self.place.session_over()  # back to the size from before the session
        mark_current(self.nav_buttons, name)
        focus = getattr(screen, "focus_default", None)
        if focus is not None:
            focus()

    @property
    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def nav_to(self, name: Screen) -> None:
        if not screens.may_leave(self):
            return  # the builder has changes the person chose to keep editing
        if name == Screen.START:
            self.go_start()
            return
        if name == Screen.HISTORY:
            self.history.reload()
        self.show_screen(Screen(name))

    def go_start(self, select: str | None = None) -> None:
        self.live = None if self.live is None or self.live.engine.finished else self.live
        self.flow.clear()
        if not self.services.history_waiting:  # (else once open: ui/shell/late_history.py)
            self.start.show_last(self.services.last_session())
            self.start.show_today(self.today_words())
        self.show_screen(self.start)
        if self.between is not None:
            self.between.recheck()  # a session may have been left before it started
        if select is not None:
            self.start.select(select)
            self.start.focus_default()  # Enter starts the routine that shows chosen

    def today_words(self) -> str:
        if self.between is not None:
            return self.between.today_words()
        from stretchdesk.schedule.zone import local_zone  # noqa: PLC0415

        return self.services.today_words(local_zone())

    def session_running(self) -> bool:
        """A session is on the session screen, ready or under way (not left, not ended)."""
        session = self.screens.if_built(Screen.SESSION)
        live = session.live if session is not None else None
        return live is not None and not live.engine.finished

    def open_routine(self, routine: Routine) -> None:
        """``--routine``: that routine's session, after the first run's questions."""
        self.first_run.open_routine(routine)

    def safety_understood(self) -> None:
        self.first_run.safety_understood()

    def ask_health(self) -> None:
        self.first_run.ask_health()

    def health_answered(self, answers: frozenset[Answer] | None) -> None:
        self.first_run.health_answered(answers)

    # ------------------------------------------------------------------ setting up a session
    def request_start(self, routine_id: str) -> None:
        self.flow.start(routine_id)  # the questions first (ui/before/setup_flow.py)

    def begin_session(self, ready: Ready) -> None:
        self.live = self.services.new_session(
            ready.routine,
            ready.options,
            pain_before=ready.pain_before,
            on_problem=self.write_problems.add,
            on_cue=self._cue,
            shown=self.services.shown_before(ready),
        )
        self.session.begin(self.live)
        self.show_screen(self.session)
        self.place.session_started(self.services.prefs.session_window)
        self._tell_between()

    def _cue(self, cue: Cue) -> None:
        """Sound and voice are made after the first paint; a session may already run."""
        if self.audio is not None:
            self.audio(cue)

    # ------------------------------------------------------------------ after a session
    def session_ended(self, event: ev.SessionCompleted | ev.SessionStopped) -> None:
        """The session is over and already saved: show the recovery or completion screen.
        If that fails, say so and go to the routines: never stay on a dead session screen."""
        from stretchdesk.ui.after.session_end import show_ending  # noqa: PLC0415 - after a session

        live = self.live
        if self._closing or live is None:
            return
        setup = self.flow.setup
        if not show_ending(self, live, event, setup.pain_before if setup is not None else None):
            self.flow.clear()
            self.show_screen(self.start)
        self._tell_between()

    def _tell_between(self) -> None:
        """The reminders hear that a session started or ended: never at the session's cost."""
        if self.between is None:
            return
        try:
            self.between.session_changed()
        except Exception as exc:
            write_crash_log(self.services.data.crash_log, exc, "updating the reminders")

    # ------------------------------------------------------------------ settings
    def apply_prefs(self, prefs: Preferences) -> None:
        """Save the settings: every part of the window that shows one follows the change."""
        self.services.settings.save(prefs)

    # ------------------------------------------------------------------ leaving
    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-session asks nothing: the session is saved as ended early. With
        reminders on and a tray, the window only hides; the app stays in the tray."""
        if not self._quitting and not screens.may_leave(self):
            event.ignore()  # the builder's unsaved routine: Cancel keeps the window
            return
        self.place.save()  # its size and place for the next run, as before a session
        if self.session_running():
            live = self.session.live
            assert live is not None
            self.session.stop_timers()  # built: a session is running on it
            live.engine.end_early()  # silenced and saved, each stage on its own
        self.place.session_over()
        if self.between is not None and self.between.keep_running() and not self._quitting:
            event.ignore()
            self.hide()
            self.go_start()
            self.between.window_hidden()
            return
        self._closing = True
        if self.screens.shown is Screen.RECOVERY:
            self.recovery.keep_note()  # typed, and the app ends before Done (a logout)
        if self.between is not None:
            self.between.close()
        if self.voice_control is not None:
            self.voice_control.close()  # the microphone is closed before the window goes
        if self.audio is not None:
            try:
                self.audio.close()
            except Exception as exc:  # closing anyway; the session is already saved
                write_crash_log(self.services.data.crash_log, exc, "closing sound and voice")
        event.accept()
        self.closed.emit()

    def quit_for_good(self) -> None:
        """Quit from the tray: the window closes (if hidden, too) and the app ends."""
        if screens.may_leave(self):
            self.quit_without_asking()

    def quit_without_asking(self) -> None:
        """Logout, shutdown or Ctrl+C (ui/desktop/end_signals.py): close and end the app as Quit
        does, asking nothing (nobody is there to answer)."""
        self._quitting = True
        self.close()

    def app_exec(self) -> int:
        """Run the application's event loop until the window closes."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app.exec()

    def bring_to_front(self) -> None:
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()
