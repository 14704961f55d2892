"""The session screen: illustration, big countdown, what to do now, the steps, and the controls.

Every control forwards to the engine in one line; the screen only draws what
``engine.view()`` says. One single-shot timer is armed for the next moment something
visible changes (the countdown's next whole second or the next illustration frame); a
late timer only means a late repaint, never a wrong time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from stretchdesk.i18n import _, ngettext
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.model import Side
from stretchdesk.services import LiveSession
from stretchdesk.session import EngineState, Refusal, SessionView
from stretchdesk.session import events as ev
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.emitter import Stage
from stretchdesk.session.guard import RepeatGuard
from stretchdesk.session.pages import page_in_view
from stretchdesk.session.remote import Action, MediaState, media_state
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.screen_reader import Teller
from stretchdesk.ui.kit.widgets import double_click_seconds
from stretchdesk.ui.session.notice_timer import NoticeTimer
from stretchdesk.ui.session.session_buttons import label_buttons
from stretchdesk.ui.session.session_layout import SessionLayout
from stretchdesk.ui.session.step_list import POSITION_ROLE


class SessionScreen(SessionLayout):
    ended = Signal(object)  # the SessionCompleted or SessionStopped event
    started = Signal()  # the person started the session: from now on every press counts
    cancelled = Signal()  # left before it started: nothing was recorded
    changed = Signal()  # after every visible change, and when the session ends or is left

    def __init__(
        self,
        content: SafetyContent,
        assets: Path,
        clock: Clock = monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(content, parent)
        # a double-click on Start, or Space pressed twice quickly, starts and runs
        self._toggles = RepeatGuard(double_click_seconds(), clock)
        self.setAccessibleName(_("Session"))
        self._assets = assets
        self.live: LiveSession | None = None
        self._frames_key: tuple[int, str, Side | None] | None = None
        self._frames_side: Side | None = None
        self._final: ev.SessionCompleted | ev.SessionStopped | None = None
        self._position_changed = True
        self._agenda_dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)
        self._moment: tuple[object, ...] | None = None  # what the words were last shown for
        self._buttons_for: tuple[object, ...] | None = None  # what the buttons were set for
        self._clock = clock
        self.announced: list[str] = []  # what a screen reader was told, for tests
        self.teller = Teller(self)  # through the focused control (ui/kit/screen_reader.py)
        self.voice_speaks: Callable[[], bool] = lambda: False  # the app's voice is on
        self._segment_seconds = 0.0
        self.notice_timer = NoticeTimer(self.show_message, clock, self)
        self._connect()
        self._keys()

    def _connect(self) -> None:
        self.steps.jump_requested.connect(self._jump)
        self.steps.swap_requested.connect(self._swap_at)
        self.swap_button.clicked.connect(self._swap)
        self.help_button.clicked.connect(self.toggle_help)
        self.back_button.clicked.connect(self._back)
        self.pause_button.clicked.connect(self._toggle)
        self.next_button.clicked.connect(self._next)
        self.pain_button.clicked.connect(self.pain_stop)

    def announce(self, text: str) -> None:
        """Tell a screen reader, politely (it finishes what it is saying first)."""
        self.announced.append(text)
        self.teller.tell(text)

    def toggle_help(self) -> None:
        self.show_help(not self.help.isVisible())

    def _keys(self) -> None:
        pairs: list[tuple[QKeySequence.StandardKey | Qt.Key, Callable[[], object]]] = [
            (Qt.Key.Key_Escape, self.pain_stop),
            (Qt.Key.Key_Space, self._toggle),
            (Qt.Key.Key_Left, self._back),
            (Qt.Key.Key_Right, self._next),
            (Qt.Key.Key_P, self._swap),
            (Qt.Key.Key_F1, self.toggle_help),
        ]
        self._shortcuts = []
        for key, slot in pairs:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    # ------------------------------------------------------------------ session
    def begin(self, live: LiveSession) -> None:
        """Show a new session, ready to start; the engine and its recorder are wired."""
        self.stop_timers()
        self.live = live
        self._frames_key = None
        self._frames_side = None
        self._position_changed = True
        self._agenda_dirty = True
        self._buttons_for = None
        self._final = None
        self._toggles.disarm()  # a new session: nothing before it is an echo
        live.engine.add_listener(self._on_event, Stage.SHOW)
        if not self.isVisible():  # sized for the window before it is shown in it
            self.rescale(force=True, size=self.window().size())
        self.notice_timer.hide()
        self.refresh()
        self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_timers(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self.live is not None and not self.live.engine.finished

    def _on_event(self, event: ev.Event) -> None:
        seconds = getattr(event, "seconds", None)  # a segment begins: its length
        if isinstance(seconds, float | int) and not isinstance(event, ev.SessionStarted):
            self._segment_seconds = float(seconds)
        said = wording.announcement(event, self._segment_seconds, voiced=self.voice_speaks())
        if said:
            self.announce(said)
        if isinstance(event, ev.SessionCompleted | ev.SessionStopped):
            self._final = event  # first: whatever fails next, Esc can still lead away
            self.stop_timers()
            self.ended.emit(event)
            self.changed.emit()
            return
        if isinstance(event, ev.LeadInStarted):
            self._position_changed = event.position_changed
            self._frames_side = event.side
        elif isinstance(event, ev.RepStarted | ev.SideSwitched):
            self._frames_side = event.side
        elif isinstance(event, ev.WarmupExpired):
            self.notice_timer.show(self._rewarm_text(event))
        if isinstance(event, ev.StepStarted | ev.StepFinished | ev.WarmupExpired):
            self._agenda_dirty = True

    def _rewarm_text(self, event: ev.WarmupExpired) -> str:
        group = "full" if event.level is ev.RewarmLevel.FULL else "short"
        minutes = max(1, round(event.idle_seconds / 60))
        return self._content.text("rewarm", group, minutes=minutes)

    # ------------------------------------------------------------------ controls
    def pain_stop(self) -> None:
        """Stop at once: the engine ends the session and the recorder writes it first.

        If the session had already ended but the screen is still here (showing what came
        next failed), the same end is announced again, so this key always leads away."""
        self.stop_timers()
        if self.live is None:
            return
        self.live.engine.pain_stop()
        ended = self.live is not None and self.live.engine.finished
        if ended and self._final is not None and self.isVisible():
            self.ended.emit(self._final)

    def _toggle(self) -> None:
        if self.running and self._toggles.admit():
            assert self.live is not None
            ready = self.live.engine.state is EngineState.READY
            self.live.engine.toggle_pause()
            self.refresh()
            if ready:
                self.started.emit()

    def _answer(self, refusal: Refusal | None) -> None:
        if refusal is not None:
            self.notice_timer.show(refusal.message)
        self.refresh()

    def _next(self) -> Refusal | None:
        if not self.running:
            return None
        assert self.live is not None
        refusal = self.live.engine.next_step()
        self._answer(refusal)
        return refusal

    def act(self, action: Action) -> Refusal | None:
        """A remote control's command: the same slot as the key or button."""
        if action is Action.PAIN_STOP:
            self.pain_stop()
        elif action is Action.NEXT:
            return self._next()
        elif action is Action.TOGGLE:
            self._toggle()
        return None

    def media_state(self) -> MediaState | None:
        if self.live is None:
            return None
        return media_state(self.live.engine.view(), self.live.routine.title)

    def _back(self) -> None:
        if self.live is not None and self.live.engine.state is EngineState.READY:
            self.stop_timers()
            self.live = None
            self.cancelled.emit()
            self.changed.emit()
        elif self.running:
            assert self.live is not None
            self._answer(self.live.engine.back())

    def _swap(self) -> None:
        """P: the warm-up picked in the step list when it has focus, else the current one."""
        picked = self.steps.currentItem() if self.steps.hasFocus() else None
        position = picked.data(POSITION_ROLE) if picked is not None else None
        if position is not None:
            self._swap_at(int(position))
        elif self.running:
            assert self.live is not None
            self._agenda_dirty = True
            self._answer(self.live.engine.swap())

    def _swap_at(self, position: int) -> None:
        if self.running:
            assert self.live is not None
            self._agenda_dirty = True
            self._answer(self.live.engine.swap(position))

    def _jump(self, position: int) -> None:
        if self.running:
            assert self.live is not None
            self._answer(self.live.engine.jump(position))

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        """Bring everything shown up to the engine's now and arm the next wake-up."""
        self.notice_timer.hide_if_over()
        if self.live is None:
            return
        engine = self.live.engine
        view, seen_at = engine.view(), self._clock()
        if engine.finished:
            return
        hold = engine.items[view.position].timing.is_hold
        next_frame = self._show(view, hold)
        self._moment = view.moment
        self._arm(view, next_frame, seen_at)
        self.changed.emit()

    def _wake(self) -> None:
        """The timer: everything again, unless only the drawing's next frame is due."""
        live = self.live
        if live is None or live.engine.finished or self.notice_timer.showing:
            self.refresh()
            return
        view, seen_at = live.engine.view(), self._clock()
        if view.moment != self._moment:
            self.refresh()
            return
        self._arm(view, self._show_drawing(view), seen_at)

    def _show(self, view: SessionView, hold: bool) -> float | None:
        """Everything on the screen as ``view`` has it; when the drawing next changes. The
        countdown's new number is painted first: laying the words out anew can take a while."""
        assert self.live is not None
        if self._show_dial(view, hold) and self.dial.isVisible():
            self.dial.repaint()
        self._show_words(view, hold)
        self.middle.show_page(page_in_view(view, self.middle.page_count))
        self._show_buttons(view)
        if self._agenda_dirty:
            self._agenda_dirty = False
            self.steps.show_agenda(self.live.engine.agenda(), self.live.notes)
        return self._show_drawing(view)

    def _show_words(self, view: SessionView, hold: bool) -> None:
        assert self.live is not None
        self.badge.setText(wording.badge(view))
        self.show_words(view.step, wording.coming_next(view))
        minutes = max(1, math.ceil(self.live.engine.seconds_left() / 60))
        # Translators: the time left in the whole routine, in whole minutes
        time_left = ngettext("{minutes} min left", "{minutes} min left", minutes)
        self.place.setText(
            _("Step {number} of {total}\n{left}").format(
                number=view.position + 1, total=view.total, left=time_left.format(minutes=minutes)
            )
        )
        self.headline.setText(
            wording.headline(view, position_changed=self._position_changed, hold=hold)
        )
        self.side.setText(wording.side_text(view))
        self.rep.setText(wording.rep_text(view))
        self.show_next(view, self._assets)

    def _show_buttons(self, view: SessionView) -> None:
        """The buttons' words, names and tips; set only when they change (a tip set again
        lays the whole window out again, once a second)."""
        assert self.live is not None
        paused = view.state is EngineState.PAUSED
        self.show_paused(paused)
        other = view.step.alternative
        swappable = other is not None and self.live.engine.can_swap()
        wanted = (view.state, other.title if other is not None else None, swappable)
        if wanted == self._buttons_for:
            return
        self._buttons_for = wanted
        label_buttons(self, view.state, other, swappable=swappable)

    def _show_dial(self, view: SessionView, hold: bool) -> bool:  # True: it changed
        assert self.live is not None
        if view.state is EngineState.READY:
            seconds = math.ceil(self.live.engine.settings.position_change_lead_in)
            return self.dial.set_state(seconds, 0.0, _("Ready"), paused=False)
        # the ring moves with the number, so the dial repaints once a second
        shown = view.shown_seconds
        ring = 1.0 - shown / view.segment_seconds if view.segment_seconds > 0 else 0.0
        paused = view.state is EngineState.PAUSED
        return self.dial.set_state(shown, ring, wording.caption(view, hold=hold), paused=paused)

    def _show_drawing(self, view: SessionView) -> float | None:
        """The step's drawing at this moment; when its next frame is due (None: still)."""
        step = view.step
        left = self._frames_side is Side.LEFT
        key = (
            view.position,
            step.exercise.id,
            self._frames_side if step.exercise.per_side else None,
        )
        if key != self._frames_key:
            self._frames_key = key
            frames = self.illustration.frames_for(step, self._assets)
            self.illustration.set_frames(frames, left=left)
        self.illustration.decode_ahead(view.next_step, view.step_seconds - view.step_into)
        if view.segment is None:
            return None
        elapsed = view.segment_seconds - view.remaining
        return self.illustration.show_moment(
            view.segment, elapsed, rep_seconds=view.segment_seconds
        )

    def _arm(self, view: SessionView, next_frame: float | None, seen_at: float) -> None:
        """The timer, for the next number or frame after ``view`` (taken at ``seen_at`` on
        the session's clock): the time spent drawing since is not waited again."""
        if view.state is not EngineState.RUNNING:
            self._timer.stop()
            return
        shown = view.shown_seconds
        until_tick = view.remaining - (shown - 1) if shown > 0 else view.remaining
        delays = [until_tick]
        if next_frame is not None:
            delays.append(next_frame)
        wait = max(0.001, min(delays) - max(0.0, self._clock() - seen_at))
        self._timer.start(math.ceil(wait * 1000) + 1)

    @property
    def next_wake_ms(self) -> int | None:
        """When the screen will next look at the clock (None: it is idle)."""
        return self._timer.remainingTime() if self._timer.isActive() else None
