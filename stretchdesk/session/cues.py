"""What to play or say, and when, so a session can be followed with eyes closed. No Qt.

A CuePlan listens to the engine's events and hands cues to a sink (the audio layer, or a
list when writing the spoken script). Pausing silences; resuming replays nothing; after a
pain-stop everything is silenced and the plan stays mute. A cue that comes too late (the
window was busy and the engine caught up several seconds at once) is dropped rather than
played out of time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.i18n import _
from stretchdesk.routine.model import Side, Sides, Step
from stretchdesk.session import events as ev
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.plan import SegmentKind

TICK_SECONDS = (3, 2, 1)  # soft ticks in the last seconds of a lead-in and of a hold
HALFWAY_FROM = 60.0  # a movement or hold this long gets "Halfway" in the middle
SOUND_LATE = 0.4  # seconds: a sound later than this is dropped
SPEECH_LATE = 4.0


class Sound(StrEnum):
    TICK = "tick"  # a countdown second
    REP = "rep"  # the next repetition of a paced movement
    SWITCH = "switch"  # change sides
    STEP_DONE = "step-done"  # an exercise is finished
    COMPLETE = "complete"  # the whole routine is done


@dataclass(frozen=True)
class Play:
    at: float
    sound: Sound


@dataclass(frozen=True)
class Say:
    at: float
    text: str


@dataclass(frozen=True)
class Silence:
    """Stop every sound and every word now."""

    at: float


Cue = Play | Say | Silence
Sink = Callable[[Cue], None]


def first_sentence(step: Step) -> str:
    return step.instructions[0] if step.instructions else ""


def announce(step: Step, side: Side | None) -> str:
    """ "Single knee to chest, left side. Lie on your back, knees bent, feet flat." """
    name = step.title
    if side is not None and step.timing.sides is Sides.BOTH:
        name = _("{exercise}, {side}").format(exercise=name, side=side.phrase)
    first = first_sentence(step)
    return _("{name}. {first}").format(name=name, first=first) if first else f"{name}."


WORDS_PER_SECOND = 2.6  # a speech engine at its normal rate, a little slower than talk


def speech_seconds(text: str, rate: float = 0.0) -> float:
    """About how long saying ``text`` takes (``rate``: the voice speed setting, -1 to 1)."""
    return len(text.split()) / (WORDS_PER_SECOND * (1.0 + 0.5 * rate))


class CuePlan:
    def __init__(
        self,
        sink: Sink,
        clock: Clock = monotonic,
        *,
        rewarm_text: str = "",
        speaking: Callable[[str], float] = speech_seconds,
    ) -> None:
        self._sink = sink
        self._clock = clock
        self._rewarm_text = rewarm_text
        self._hold = False
        self._active_seconds = 0.0
        self._speaking = speaking
        self._speech_ends = 0.0  # ticks wait for the words: none under the voice
        self.mute = False  # set for good by a pain-stop or the end of the session

    def _out(self, cue: Cue) -> None:
        if self.mute:
            return
        late = self._clock() - cue.at
        if isinstance(cue, Play) and late > SOUND_LATE:
            return
        if isinstance(cue, Say) and late > SPEECH_LATE:
            return
        if isinstance(cue, Say):
            start = max(cue.at, self._speech_ends)  # said after what is still being said
            self._speech_ends = start + self._speaking(cue.text)
        if isinstance(cue, Play) and cue.sound is Sound.TICK and cue.at < self._speech_ends:
            return  # a tick would be lost under the voice: the words carry the moment
        self._sink(cue)

    def __call__(self, event: ev.Event) -> None:
        if self.mute:
            return
        if isinstance(event, ev.LeadInStarted):
            self._out(Say(event.at, announce(event.step, event.side)))
        elif isinstance(event, ev.RepStarted):
            self._on_rep(event)
        elif isinstance(event, ev.CountdownSecond):
            self._on_second(event)
        elif isinstance(event, ev.SideSwitched):
            self._out(Play(event.at, Sound.SWITCH))
            self._out(
                Say(event.at, _("Switch sides. Now the {side}.").format(side=event.side.phrase))
            )
        elif isinstance(event, ev.RestStarted):
            if event.between_exercises:
                nxt = event.next_step
                said = (
                    _("Rest. Coming up: {exercise}.").format(exercise=nxt.title)
                    if nxt
                    else _("Rest.")
                )
                self._out(Say(event.at, said))
            else:
                self._out(Say(event.at, _("Relax.")))
        elif isinstance(event, ev.StepFinished):
            if event.status is ev.StepStatus.COMPLETED:
                self._out(Play(event.at, Sound.STEP_DONE))
        elif isinstance(event, ev.WarmupExpired):
            if self._rewarm_text:
                self._out(Say(event.at, self._rewarm_text))
        elif isinstance(event, ev.Paused):
            self._out(Silence(event.at))
        elif isinstance(event, ev.SessionCompleted):
            self._out(Play(event.at, Sound.COMPLETE))
            if event.steps_skipped:
                self._out(Say(event.at, _("The routine is finished. Some steps were skipped.")))
            else:
                self._out(Say(event.at, _("Well done. The routine is complete.")))
            self.mute = True
        elif isinstance(event, ev.SessionStopped):
            self.mute = True  # first: even if silencing fails, nothing more is played
            self._sink(Silence(event.at))  # never dropped, however late

    def _on_rep(self, event: ev.RepStarted) -> None:
        self._hold = event.hold
        self._active_seconds = event.seconds
        alternate = event.side is not None and event.step.timing.sides is Sides.ALTERNATE
        if event.hold:
            # alternating holds name the side first: the person cannot see which way
            words = []
            if alternate and event.side:
                words.append(event.side.phrase.capitalize() + ".")
            if event.reps > 1:
                words.append(_("Rep {rep} of {reps}.").format(rep=event.rep, reps=event.reps))
            words.append(_("Hold, and keep breathing."))  # never holding the breath [MayoS]
            self._out(Say(event.at, " ".join(words)))
        elif alternate and event.side is not None:
            # one way, then the other
            self._out(Say(event.at, _("{side}.").format(side=event.side.label.capitalize())))
        elif event.rep <= 1:
            self._out(Say(event.at, _("Begin.")))
        else:
            self._out(Play(event.at, Sound.REP))

    def _on_second(self, event: ev.CountdownSecond) -> None:
        counted = event.segment is SegmentKind.LEAD_IN or (
            event.segment is SegmentKind.ACTIVE and self._hold
        )
        if counted and event.seconds_left in TICK_SECONDS:
            self._out(Play(event.at, Sound.TICK))
        if (
            event.segment is SegmentKind.ACTIVE
            and self._active_seconds >= HALFWAY_FROM
            and event.seconds_left == round(self._active_seconds / 2)
        ):
            self._out(Say(event.at, _("Halfway.")))
