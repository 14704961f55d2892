"""The main window: a banner for problems, a few tabs, and one screen at a time.

It moves between screens and hands the session's engine and recorder from one screen to
the next; every rule stays in the engine, the history and the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stretchdesk import paths
from stretchdesk.audio.output import AudioOutput
from stretchdesk.history import HistoryError
from stretchdesk.prefs import Preferences
from stretchdesk.routine import Routine
from stretchdesk.services import LiveSession, Services
from stretchdesk.session import ItemState, Outcome, SessionOptions
from stretchdesk.session import events as ev
from stretchdesk.session.avoid import AvoidOffer, Choice, apply_choice
from stretchdesk.ui.about_screen import AboutScreen
from stretchdesk.ui.after_screens import CompletionScreen, RecoveryScreen
from stretchdesk.ui.banner import Banner
from stretchdesk.ui.history_screen import HistoryScreen
from stretchdesk.ui.prompts import AvoidScreen, PainBeforeScreen
from stretchdesk.ui.safety_screen import SafetyScreen
from stretchdesk.ui.session_screen import SessionScreen
from stretchdesk.ui.settings_screen import SettingsScreen
from stretchdesk.ui.start_screen import StartScreen
from stretchdesk.ui.theme import apply_theme
from stretchdesk.ui.widgets import button


class _FirstPaint(QObject):
    def __init__(self, action: Callable[[], None], window: QWidget) -> None:
        super().__init__(window)
        self._action = action
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._action)
        return False


@dataclass
class Plan:
    """A session being set up: the answers given before it starts."""

    routine: Routine
    offers: list[AvoidOffer]
    options: SessionOptions = field(default_factory=SessionOptions)
    pain_before: int | None = None
    asked_pain: bool = False


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        today: Callable[[], date] = date.today,
        audio: AudioOutput | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.audio = audio
        self._today = today
        self.live: LiveSession | None = None
        self._plan: Plan | None = None
        self._closing = False
        self.setWindowTitle("stretchdesk")
        self.setAccessibleName("stretchdesk")
        icon = paths.assets_dir() / "icons" / "stretchdesk.svg"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        content = services.content
        catalog = services.catalog
        self.banner = Banner()
        self.safety = SafetyScreen(content)
        self.start = StartScreen()
        self.pain_before = PainBeforeScreen(content)
        self.avoid = AvoidScreen(content)
        self.session = SessionScreen(content, paths.assets_dir())
        self.recovery = RecoveryScreen(content)
        self.completion = CompletionScreen(content)
        titles = {key: exercise.title for key, exercise in services.library.items()}
        self.history = HistoryScreen(lambda: services.history, titles, today)
        self.settings = SettingsScreen()
        self.about = AboutScreen(content, services.library, catalog.routines)
        self.stack = QStackedWidget()
        for screen in (
            self.safety,
            self.start,
            self.pain_before,
            self.avoid,
            self.session,
            self.recovery,
            self.completion,
            self.history,
            self.settings,
            self.about,
        ):
            self.stack.addWidget(screen)
        self._build_nav()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.nav_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._connect()
        for notice in services.notices:
            self.banner.add(notice.message, error=notice.error, details=notice.details)
        self.start.show_routines([(r, services.planned_seconds(r)) for r in catalog.routines])
        self.settings.show_prefs(services.prefs)
        self._show_audio()
        self.resize(1280, 800)
        if services.prefs.safety_seen:
            self.go_start()
        else:
            self.show_screen(self.safety)

    def after_first_paint(self, action: Callable[[], None]) -> None:
        """Run ``action`` once, just after the window has first been painted."""
        watcher = _FirstPaint(action, self)
        self.installEventFilter(watcher)

    def attach_audio(self, audio: AudioOutput) -> None:
        """Sound and voice, made after the first paint: loading them takes a while."""
        self.audio = audio
        audio.apply(self.services.prefs)
        self._show_audio()

    def _show_audio(self) -> None:
        if self.audio is None:
            self.settings.show_audio("Sound is starting...", "Voice is starting...")
            return
        self.settings.show_audio(self.audio.sound_status, self.audio.voice_status)
        self.settings.test_sound.connect(self.audio.test_sound)

    def _build_nav(self) -> None:
        self.nav_bar = QWidget()
        row = QHBoxLayout(self.nav_bar)
        row.setContentsMargins(24, 6, 24, 0)
        self._nav = QButtonGroup(self)
        self.nav_buttons: dict[QWidget, QWidget] = {}
        for text, name, screen in (
            ("&Routines", "Routines", self.start),
            ("&History", "History", self.history),
            ("&Settings", "Settings", self.settings),
            ("Sa&fety", "Safety", self.safety),
            ("&About", "About these exercises", self.about),
        ):
            item = button(text, name, f"Show {name.lower()} (Alt+{text[text.index('&') + 1]})")
            item.setProperty("kind", "nav")
            item.setCheckable(True)
            self._nav.addButton(item)
            item.clicked.connect(lambda _=False, s=screen: self._nav_to(s))
            row.addWidget(item)
            self.nav_buttons[screen] = item
        row.addStretch(1)

    def _connect(self) -> None:
        self.safety.understood.connect(self._safety_understood)
        self.start.start_requested.connect(self.request_start)
        self.start.about_requested.connect(lambda: self.show_screen(self.about))
        self.avoid.answered.connect(self._offer_answered)
        self.pain_before.answered.connect(self._pain_answered)
        self.session.ended.connect(self._session_ended)
        self.session.cancelled.connect(self.go_start)
        self.recovery.done.connect(self.go_start)
        self.completion.done.connect(self.go_start)
        self.completion.history_requested.connect(lambda: self._nav_to(self.history))
        self.settings.changed.connect(self.apply_prefs)
        self.settings.safety_requested.connect(lambda: self.show_screen(self.safety))

    # ------------------------------------------------------------------ screens
    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        self.nav_bar.setVisible(screen is not self.session)
        nav = self.nav_buttons.get(screen)
        if nav is not None:
            nav.setChecked(True)  # type: ignore[attr-defined]
        else:
            self._nav.setExclusive(False)
            for item in self._nav.buttons():
                item.setChecked(False)
            self._nav.setExclusive(True)
        focus = getattr(screen, "focus_default", None)
        if focus is not None:
            focus()

    @property
    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _nav_to(self, screen: QWidget) -> None:
        if screen is self.history:
            self.history.reload()
        if screen is self.start:
            self.go_start()
            return
        self.show_screen(screen)

    def go_start(self) -> None:
        self.live = None if self.live is None or self.live.engine.finished else self.live
        self._plan = None
        self.start.show_last(self.services.last_session())
        self.show_screen(self.start)

    def open_routine(self, routine: Routine) -> None:
        """``--routine``: open straight onto this routine's start."""
        if self.services.catalog.get(routine.id) is None:
            self.services.catalog.routines.append(routine)
            self.start.show_routines(
                [(r, self.services.planned_seconds(r)) for r in self.services.catalog.routines]
            )
        self.start.select(routine.id)
        if self.current is not self.safety:
            self.go_start()

    def _safety_understood(self) -> None:
        if not self.services.prefs.safety_seen:
            self.apply_prefs(replace(self.services.prefs, safety_seen=True))
        self.go_start()

    # ------------------------------------------------------------------ setting up a session
    def request_start(self, routine_id: str) -> None:
        routine = self.services.catalog.get(routine_id)
        if routine is None:
            return
        self._plan = Plan(routine, self.services.avoid_offers(routine))
        self._next_question()

    def _next_question(self) -> None:
        plan = self._plan
        assert plan is not None
        if plan.offers:
            self.avoid.ask(plan.offers[0])
            self.show_screen(self.avoid)
        elif self.services.prefs.pain_ratings and not plan.asked_pain:
            self.pain_before.ask(plan.routine.title)
            self.show_screen(self.pain_before)
        else:
            self._begin_session()

    def _offer_answered(self, offer: AvoidOffer, choice: Choice) -> None:
        if self._plan is None:
            return
        self._plan.options = apply_choice(self._plan.options, offer, choice)
        self._plan.offers.remove(offer)
        self._next_question()

    def _pain_answered(self, rating: int | None) -> None:
        if self._plan is None:
            return
        self._plan.pain_before, self._plan.asked_pain = rating, True
        self._next_question()

    def _begin_session(self) -> None:
        plan = self._plan
        assert plan is not None
        self.live = self.services.new_session(
            plan.routine,
            plan.options,
            pain_before=plan.pain_before,
            on_problem=self._history_problem,
            on_cue=self.audio,
        )
        self.session.begin(self.live)
        self.show_screen(self.session)

    # ------------------------------------------------------------------ after a session
    def _history_problem(self, problem: HistoryError) -> None:
        self.banner.add(str(problem), error=True)

    def _session_ended(self, event: ev.SessionCompleted | ev.SessionStopped) -> None:
        live = self.live
        if self._closing or live is None:
            return
        if isinstance(event, ev.SessionStopped):
            self.recovery.show_stop(
                live.recorder if event.outcome is Outcome.STOPPED_FOR_PAIN else None,
                event.location,
            )
            self.show_screen(self.recovery)
            return
        entries = live.engine.agenda()
        self.completion.show_summary(
            live.recorder,
            title=live.routine.title,
            active_seconds=event.active_seconds,
            steps_done=sum(1 for e in entries if e.state is ItemState.DONE),
            steps_total=len(entries),
            streak_days=self.services.streak_days(self._today()),
            pain_before=self._plan.pain_before if self._plan else None,
            ask_pain=self.services.prefs.pain_ratings,
        )
        self.show_screen(self.completion)

    # ------------------------------------------------------------------ settings
    def apply_prefs(self, prefs: Preferences) -> None:
        old = self.services.prefs
        problem = self.services.save_prefs(prefs)
        self.settings.show_result(problem)
        if self.audio is not None:
            self.audio.apply(prefs)
        if (old.theme, old.text_size) != (prefs.theme, prefs.text_size):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, prefs.theme, prefs.text_size)
        if old.session_settings() != prefs.session_settings():
            routines = self.services.catalog.routines
            self.start.show_routines([(r, self.services.planned_seconds(r)) for r in routines])

    # ------------------------------------------------------------------ leaving
    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-session asks nothing: the session is saved as ended early."""
        self._closing = True
        if self.audio is not None:
            self.audio.stop_all()
        if self.live is not None and not self.live.engine.finished:
            self.session.stop_timers()
            self.live.engine.end_early()
        event.accept()

    def report_unexpected(self, message: str) -> None:
        """The last line of defence for a bug: a sentence in the banner, details in a file."""
        self.banner.add(message, error=True)

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
