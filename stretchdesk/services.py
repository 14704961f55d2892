"""What the window needs from the rest of the app, built once by app.py. No Qt.

Holds the routine catalog, the safety texts, the history file and the settings, and makes
a new session (engine plus history recorder) when one starts. Problems with any of them
become sentences in ``notices`` for the window's banner; none of them stops the app.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from stretchdesk import i18n, paths
from stretchdesk.announcer import Announcer
from stretchdesk.crashlog import write_crash_log
from stretchdesk.history import HistoryError, HistoryStore, SessionRecorder
from stretchdesk.history.queries import SessionSummary
from stretchdesk.history.reader import HistoryReader, HistoryReadError
from stretchdesk.history.schema import empty_history
from stretchdesk.history.shown import Shown, before_session, suggestions_shown
from stretchdesk.history.timefmt import utc_now
from stretchdesk.i18n import _
from stretchdesk.routine import Catalog, ExerciseLibrary, Routine, load_catalog, load_library
from stretchdesk.routine.catalog import FileMemo
from stretchdesk.routine.content import SafetyContent, sources_path
from stretchdesk.routine.services_for import local_content
from stretchdesk.routine.sources import load_sources
from stretchdesk.routine.territory import desktop_territory
from stretchdesk.routine.translate import (
    ENGLISH,
    builtin_sentences,
    catalog_in,
    content_in,
    library_in,
)
from stretchdesk.routine_shelf import RoutineShelf
from stretchdesk.schedule.days import done_times, pain_by_week, pain_text, progress, summary
from stretchdesk.session import Clock, SessionEngine, SessionOptions, monotonic
from stretchdesk.session import events as ev
from stretchdesk.session.avoid import AvoidOffer, offers_for
from stretchdesk.session.cues import CuePlan, Sink, speech_seconds
from stretchdesk.session.emitter import ListenerFailure, Stage
from stretchdesk.session.health import HealthWords, describe, plan_for
from stretchdesk.session.plan import routine_seconds
from stretchdesk.session.setup import NotToday, Ready, SessionSetup
from stretchdesk.settings import Preferences, PrefsStore


@dataclass
class Notice:
    """A sentence for the banner; ``error`` ones are shown in red, the rest calmly."""

    message: str
    error: bool = False
    details: list[str] = field(default_factory=list)


@dataclass
class LiveSession:
    routine: Routine
    engine: SessionEngine
    recorder: SessionRecorder
    notes: dict[int, str] = field(default_factory=dict)  # why a step is left out or marked
    started_at: float | None = None  # on the session's clock, once started


def content_path() -> Path:
    return paths.content_file()


content_folders = paths.content_folders


class Services(RoutineShelf):
    def __init__(
        self,
        data: paths.DataPaths,
        library: ExerciseLibrary,
        catalog: Catalog,
        content: SafetyContent,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
    ) -> None:
        self.data = data
        self.library = library
        self.catalog = catalog
        self.content = content
        self.clock = clock
        self.wall = wall
        self.notices: list[Notice] = []
        self.memo = FileMemo()  # what the person's routine files held when last read
        self.texts = ENGLISH  # the content's sentences in the person's language (see load)
        self.routines_changed: Announcer[[]] = Announcer(self._follower_failed)
        self.store: HistoryStore | None = None
        self.store_opened: Callable[[HistoryStore], None] | None = None  # (opened late)
        self._reader: sqlite3.Connection | None = None
        self.settings = PrefsStore(data.settings, data.flags, on_failure=self._follower_failed)
        loaded = self.settings.loaded
        if loaded.damaged is not None:  # what happened, then what could not be used
            said, *details = loaded.problems
            self.notices.append(Notice(said, details=details))
        elif loaded.problems:
            self.notices.append(
                Notice(_("Some settings could not be used."), details=loaded.problems)
            )

    @classmethod
    def load(
        cls,
        data: paths.DataPaths,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
        quick_bytes: int | None = None,
    ) -> Services:
        """Load the built-in content; a broken install raises RoutineError (shown by app.py).
        ``quick_bytes``: read only so much of the person's routine files now; the others
        wait in ``catalog.pending`` (the window reads them once it shows)."""
        say, problems = builtin_sentences(i18n.language(), content_folders())
        library = library_in(load_library(paths.exercises_dir()), say)
        sources = load_sources(sources_path(content_path()))
        memo = FileMemo()
        catalog = load_catalog(
            library,
            paths.builtin_routines_dir(),
            data.routines,
            sources,
            quick_bytes=quick_bytes,
            memo=memo,
        )
        # the numbers to call where the desktop says it is (routine/services_for.py)
        place = local_content(content_path(), sources, i18n.language(), desktop_territory())
        content = content_in(place, say)
        services = cls(data, library, catalog_in(catalog, say), content, clock=clock, wall=wall)
        services.memo = memo
        services.texts = say
        if problems:
            services.notices.append(
                Notice(
                    _("Some translations could not be read: shown in English."), details=problems
                )
            )
        services.open_history()
        return services

    def reviewed(self) -> bool:
        """Both the window's words and the content were checked by a native speaker (or
        are the English they are written in)."""
        english = i18n.language() in (i18n.SOURCE, i18n.PSEUDO)
        return english or bool(i18n.reviewed_by() and self.texts.reviewed_by)

    # ------------------------------------------------------------------ history
    def open_history(self) -> None:
        try:
            self.store, found = HistoryStore.open(self.data.history, self.data.locks)
        except HistoryError as exc:
            self.notices.append(Notice(str(exc), error=True))
            with contextlib.suppress(HistoryError):
                self._reader = HistoryStore.open_readonly(self.data.history, self.data.locks).conn
            return
        self.notices.extend(Notice(n.message) for n in found)

    def _history_again(self) -> None:
        """The history could not be opened at the start (a full disk, say): try again before
        a session, so that it is recorded once the problem is gone."""
        if self.store is not None:
            return
        with contextlib.suppress(HistoryError):
            self.store, _found = HistoryStore.open(self.data.history, self.data.locks)
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            if self.store_opened is not None:
                self.store_opened(self.store)

    @property
    def reader(self) -> HistoryReader:
        """Everything the window reads from the history."""
        return HistoryReader(lambda: self.history)

    @property
    def history(self) -> sqlite3.Connection:
        """A connection to read the history from (an empty one if there is none)."""
        if self.store is not None:
            return self.store.conn
        if self._reader is None:
            self._reader = empty_history()
        return self._reader

    def last_session(self) -> SessionSummary | None:
        try:
            return self.reader.last_session()
        except HistoryReadError:
            return None

    def streak_days(self, today: date) -> int:
        tz = datetime.now().astimezone().tzinfo
        assert tz is not None
        try:
            return self.reader.streak(today, tz)
        except HistoryReadError:
            return 0

    def reminder_routine(self) -> Routine | None:
        """The routine the reminders are for: the chosen one, else the first on offer."""
        chosen = self.catalog.get(self.prefs.reminder_routine)
        return chosen or (self.catalog.routines[0] if self.catalog.routines else None)

    def sessions_since(self, since: datetime) -> list[SessionSummary]:
        """Sessions since then, oldest first; none if the history cannot be read."""
        try:
            return self.reader.sessions_since(since)
        except HistoryReadError:
            return []

    def today_words(self, zone: tzinfo) -> str:
        """Today's reminders and the plan's progress, in words ("" with neither)."""
        now = self.wall()
        routine = self.reminder_routine()
        rules = self.prefs.reminder_rules() if self.prefs.reminders and routine else None
        done = (
            done_times(self.sessions_since(now - timedelta(days=3)), routine.id) if routine else []
        )
        try:
            days = self.reader.days_done(zone)
        except HistoryReadError:
            days = set()
        return summary(rules, self.prefs.plan(), zone, now, done=done, days_done=days)

    def plan_words(self, zone: tzinfo) -> list[str]:
        """The plan's progress and the pain over it, for the history screen ([] without a
        plan)."""
        plan = self.prefs.plan()
        if plan is None:
            return []
        start = datetime.combine(plan.start, datetime.min.time(), zone)
        try:
            days = self.reader.days_done(zone)
            pain = self.reader.pain_since(start)
        except HistoryReadError:
            return []
        today = self.wall().astimezone(zone).date()
        words = [progress(plan, days, today).text(), pain_text(pain_by_week(plan, pain, zone))]
        return [w for w in words if w]

    def avoid_offers(self, routine: Routine) -> list[AvoidOffer]:
        try:
            stopped = self.reader.unresolved_pain_stops()
        except HistoryReadError:
            return []
        return offers_for(routine, stopped)

    # ------------------------------------------------------------------ settings
    @property
    def prefs(self) -> Preferences:
        """The settings now (changed only through ``settings.save``, which announces it)."""
        return self.settings.prefs

    def _follower_failed(self, exc: Exception) -> str:
        """A part of the app that follows the settings or the routines failed: written to
        crash.log; one sentence for the person."""
        log = write_crash_log(self.data.crash_log, exc, "following a change")
        where = _(" The details are in {log}.").format(log=log) if log else ""
        return _(
            "Something went wrong while following the change ({error}); everything else "
            "carried on.{where}"
        ).format(error=exc, where=where)

    # ------------------------------------------------------------------ sessions
    def routine_cards(self) -> list[tuple[Routine, float, tuple[str, ...]]]:
        """Every routine on offer with how long it takes with the current settings, and
        what the health check changes in it."""
        settings = self.prefs.session_settings()
        return [
            (r, routine_seconds(r, settings), self.health_for(r).card)
            for r in self.catalog.routines
        ]

    def health_for(self, routine: Routine) -> HealthWords:
        """What the health check's answers change in this routine, in words."""
        plan = plan_for(routine, self.prefs.health_answers())
        return describe(plan, routine, self.content.texts["health"])

    def planned_seconds(self, routine: Routine) -> float:
        """How long a routine takes with the current settings (the builder's minutes)."""
        return routine_seconds(routine, self.prefs.session_settings())

    def setup_for(self, routine_id: str) -> SessionSetup | None:
        """The questions before a session of this routine; None if there is no such routine."""
        routine = self.catalog.get(routine_id)
        if routine is None:
            return None
        settings = self.prefs.advice_settings()
        try:
            advice = self.reader.advice(self.wall(), settings)
        except HistoryReadError:
            advice = []
        plan = plan_for(routine, self.prefs.health_answers())
        words = describe(plan, routine, self.content.texts["health"])
        return SessionSetup(
            routine,
            self.avoid_offers(routine),
            ask_pain=self.prefs.pain_ratings,
            options=SessionOptions(
                skip=plan.left_out, notes=words.steps, swaps=plan.swaps, avoid=plan.avoid
            ),
            advice=advice,
            advice_settings=settings,
            health=plan,
        )

    def shown_before(self, ready: Ready) -> tuple[Shown, ...]:
        """What the history keeps of what was shown before this session."""
        answers = self.prefs.health_answers()
        return before_session(ready.routine, answers, ready.health, ready.shown, self.content)

    def not_today(self, declined: NotToday) -> str | None:
        """Keep the suggestions read before "not today"; a sentence if that failed."""
        if self.store is None or not declined.shown:
            return None
        try:
            self.store.add_shown(self.wall(), suggestions_shown(declined.shown, self.content))
        except HistoryError as exc:
            return str(exc)
        return None

    def new_session(
        self,
        routine: Routine,
        options: SessionOptions | None = None,
        *,
        pain_before: int | None = None,
        on_problem: Callable[[str], None] | None = None,
        on_cue: Sink | None = None,
        shown: Sequence[Shown] = (),
    ) -> LiveSession:
        """A session ready to start: the engine with its sound cues (stage SILENCE) and its
        history recorder (stage RECORD); the window adds itself at stage SHOW. A listener
        that fails is written to crash.log and told to ``on_problem`` in one sentence."""
        report = on_problem or (lambda _message: None)
        self._history_again()
        engine = SessionEngine(routine, self.prefs.session_settings(), options, clock=self.clock)
        engine.on_listener_error = lambda failure: report(self.listener_failed(failure))
        if on_cue is not None:
            rewarm = self.content.text("rewarm", "spoken")
            prefs = self.prefs
            speaking = (
                (lambda text: speech_seconds(text, prefs.voice_rate))
                if prefs.voice
                else (
                    lambda _text: 0.0  # no voice: every tick is heard
                )
            )
            plan = CuePlan(on_cue, self.clock, rewarm_text=rewarm, speaking=speaking)
            engine.add_listener(plan, Stage.SILENCE)
        recorder = SessionRecorder(
            self.store,
            clock=self.clock,
            wall=self.wall,
            on_problem=lambda problem: report(str(problem)),
            pain_before=pain_before,
            shown=shown,
        )
        engine.add_listener(recorder, Stage.RECORD)
        notes = dict(options.notes) if options is not None else {}
        live = LiveSession(routine, engine, recorder, notes)

        def started(event: ev.Event) -> None:
            if isinstance(event, ev.SessionStarted):
                live.started_at = event.at

        engine.add_listener(started, Stage.RECORD)
        return live

    def listener_failed(self, failure: ListenerFailure) -> str:
        """Write the failure to crash.log; one sentence for the banner."""
        log = write_crash_log(self.data.crash_log, failure.error, f"while {failure.stage.doing}")
        where = _(" The details are in {log}.").format(log=log) if log else ""
        return _(
            "Something went wrong while {doing} ({error}); everything else carried on.{where}"
        ).format(doing=failure.stage.doing, error=failure.error, where=where)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
