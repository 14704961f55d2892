"""Making a session: the questions before it (session/setup.py) from the settings, the
history and the health check, then the engine with its sound cues and its history recorder.
A listener that fails is written to crash.log and told in one sentence. A part of
``Services``. No Qt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.services.history import HistoryAccess

if TYPE_CHECKING:  # the engine, its cues and the recorder load with the first session
    from stretchdesk.history import SessionRecorder
    from stretchdesk.history.shown import Shown
    from stretchdesk.routine import Catalog, Routine
    from stretchdesk.session import Clock, SessionEngine, SessionOptions
    from stretchdesk.session import events as ev
    from stretchdesk.session.cues import Sink
    from stretchdesk.session.emitter import ListenerFailure
    from stretchdesk.session.setup import Ready, SessionSetup
    from stretchdesk.settings import PrefsStore


@dataclass
class LiveSession:
    routine: Routine
    engine: SessionEngine
    recorder: SessionRecorder
    notes: dict[int, str] = field(default_factory=dict)  # why a step is left out or marked
    started_at: float | None = None  # on the session's clock, once started


class SessionFactory(HistoryAccess):
    """What ``Services`` holds for it besides the history: the settings, the routines and
    the session's clock."""

    settings: PrefsStore
    catalog: Catalog
    clock: Clock

    def setup_for(self, routine_id: str) -> SessionSetup | None:
        """The questions before a session of this routine; None if there is no such routine."""
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415
        from stretchdesk.session.health import describe, plan_for  # noqa: PLC0415
        from stretchdesk.session.settings import SessionOptions  # noqa: PLC0415
        from stretchdesk.session.setup import SessionSetup  # noqa: PLC0415

        routine = self.catalog.get(routine_id)
        if routine is None:
            return None
        settings = self.settings.prefs.advice_settings()
        try:
            advice = self.reader.advice(self.wall(), settings)
        except HistoryReadError:
            advice = []
        plan = plan_for(routine, self.settings.prefs.health_answers())
        words = describe(plan, routine, self.content.texts["health"])
        return SessionSetup(
            routine,
            self.avoid_offers(routine),
            ask_pain=self.settings.prefs.pain_ratings,
            options=SessionOptions(
                skip=plan.left_out, notes=words.steps, swaps=plan.swaps, avoid=plan.avoid
            ),
            advice=advice,
            advice_settings=settings,
            health=plan,
        )

    def shown_before(self, ready: Ready) -> tuple[Shown, ...]:
        """What the history keeps of what was shown before this session."""
        from stretchdesk.history.shown import before_session  # noqa: PLC0415

        answers = self.settings.prefs.health_answers()
        return before_session(ready.routine, answers, ready.health, ready.shown, self.content)

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
        from stretchdesk.history import SessionRecorder  # noqa: PLC0415
        from stretchdesk.session import events as ev  # noqa: PLC0415
        from stretchdesk.session.cues import CuePlan, speech_seconds  # noqa: PLC0415
        from stretchdesk.session.emitter import Stage  # noqa: PLC0415
        from stretchdesk.session.engine import SessionEngine  # noqa: PLC0415

        report = on_problem or (lambda _message: None)
        self._history_again()
        settings = self.settings.prefs.session_settings()
        engine = SessionEngine(routine, settings, options, clock=self.clock)
        engine.on_listener_error = lambda failure: report(self.listener_failed(failure))
        if on_cue is not None:
            rewarm = self.content.text("rewarm", "spoken")
            prefs = self.settings.prefs
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
