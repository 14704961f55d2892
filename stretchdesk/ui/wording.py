"""The words the session screen shows (and tells a screen reader) for a moment of the
session (no Qt here)."""

from __future__ import annotations

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.routine.model import Phase, Routine, Step
from stretchdesk.session import AgendaEntry, EngineState, ItemState, SegmentKind, SessionView
from stretchdesk.session import events as ev

OUTCOME_WORDS = {
    SessionOutcome.RUNNING: "in progress",
    SessionOutcome.COMPLETED: "completed",
    SessionOutcome.COMPLETED_WITH_SKIPS: "finished, steps skipped",
    SessionOutcome.STOPPED_FOR_PAIN: "stopped for pain",
    SessionOutcome.ENDED_EARLY: "ended early",
    SessionOutcome.INTERRUPTED: "interrupted",
}
PHASE_PLURALS = {Phase.WARMUP: "warm-ups", Phase.STRETCH: "stretches", Phase.COOLDOWN: "cool-downs"}


def badge(view: SessionView) -> str:
    """ "Warm-up 2 of 5", "Stretch 1 of 5", "Re-warm 1 of 2"."""
    name = "Re-warm" if view.is_rewarm else view.phase.label
    return f"{name} {view.phase_number} of {view.phase_total}"


def rep_and_side(view: SessionView) -> str:
    """ "Rep 2 of 3 · left side"; empty where there is nothing to count."""
    parts = []
    if view.reps > 1 and view.segment in (SegmentKind.ACTIVE, SegmentKind.REST):
        parts.append(f"Rep {view.rep} of {view.reps}")
    if view.side is not None and view.segment is not SegmentKind.BETWEEN:
        parts.append(f"{view.side.value} side")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def side_text(view: SessionView) -> str:
    """ "LEFT SIDE" in capitals, to read from the mat; empty when there is no side."""
    if view.side is None or view.segment is SegmentKind.BETWEEN:
        return ""
    return f"{view.side.value} side".upper()


def rep_text(view: SessionView) -> str:
    """ "Rep 2 of 3" while reps are being counted."""
    if view.reps > 1 and view.segment in (SegmentKind.ACTIVE, SegmentKind.REST):
        return f"Rep {view.rep} of {view.reps}"
    return ""


def caption(view: SessionView, *, hold: bool) -> str:
    """The word under the countdown."""
    if view.state is EngineState.READY:
        return "Ready"
    kind = view.segment
    if kind is SegmentKind.LEAD_IN:
        return "Get ready"
    if kind is SegmentKind.ACTIVE:
        return "Hold" if hold else "Move"
    if kind is SegmentKind.REST:
        return "Relax"
    if kind is SegmentKind.SWITCH_SIDES:
        return "Switch sides"
    if kind is SegmentKind.BETWEEN:
        return "Rest"
    return ""


def headline(view: SessionView, *, position_changed: bool, hold: bool) -> str:
    """The one big line that says what to do now."""
    step = view.step
    if view.state is EngineState.READY:
        return "Press Start (Space) when you are ready"
    if view.state is EngineState.PAUSED:
        return "Paused: press Space to go on"
    kind = view.segment
    if kind is SegmentKind.LEAD_IN:
        if position_changed:
            return f"Get into position: {step.position.label}"
        return "Get ready"
    if kind is SegmentKind.ACTIVE:
        if hold:
            return "Hold gently; breathe freely"
        return "Move gently; never force, never bounce"
    if kind is SegmentKind.REST:
        return "Relax"
    if kind is SegmentKind.SWITCH_SIDES and view.side is not None:
        return f"Switch to the {view.side.value} side"
    if kind is SegmentKind.BETWEEN:
        return "Rest"
    return ""


def coming_next(view: SessionView) -> str:
    if view.next_step is None:
        return "Last exercise"
    return f"Next: {view.next_step.title}"


def minutes(seconds: float) -> str:
    whole = round(seconds / 60)
    if whole < 1:
        return "under a minute"
    return f"{whole} min"


def time_spent(active_seconds: float, total_seconds: float) -> str:
    """ "4 min of exercise, 8 min in all" (getting into position and rests are the rest),
    so it agrees with the routine card, which counts it all."""
    exercise = f"{minutes(active_seconds)} of exercise"
    if total_seconds <= active_seconds + 30:
        return exercise
    return f"{exercise}, {minutes(total_seconds)} in all"


def routine_summary(routine: Routine) -> str:
    warmups = routine.count(Phase.WARMUP)
    stretches = routine.count(Phase.STRETCH)
    parts = [f"{warmups} warm-up{'s' if warmups != 1 else ''}"]
    parts.append(f"{stretches} stretch{'es' if stretches != 1 else ''}")
    cooldowns = routine.count(Phase.COOLDOWN)
    if cooldowns:
        parts.append(f"{cooldowns} cool-down{'s' if cooldowns != 1 else ''}")
    return " · ".join(parts)


def step_lines(step: Step) -> tuple[str, ...]:
    return step.instructions


def completion_title(entries: list[AgendaEntry]) -> str:
    if any(e.state is ItemState.SKIPPED for e in entries):
        return "Routine finished, with some steps skipped"
    return "Well done: routine complete"


def what_was_done(entries: list[AgendaEntry]) -> str:
    """ "Warm-ups done; 0 of 2 stretches done, 2 skipped." """
    parts = []
    for phase, plural in PHASE_PLURALS.items():
        mine = [e for e in entries if e.item.phase is phase]
        if not mine:
            continue
        done = sum(1 for e in mine if e.state is ItemState.DONE)
        skipped = sum(1 for e in mine if e.state is ItemState.SKIPPED)
        if phase is Phase.WARMUP and done == len(mine):
            parts.append("warm-ups done")
            continue
        noun = plural if len(mine) != 1 else phase.label.lower()
        parts.append(
            f"{done} of {len(mine)} {noun} done" + (f", {skipped} skipped" if skipped else "")
        )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


ANNOUNCE_LEFT = 10  # a screen reader hears "10 seconds left" in segments at least twice this


def announcement(event: ev.Event, longest: float = 0.0) -> str | None:
    """What a screen reader is told at this moment of the session: the changes of phase and
    the time left at a few moments, never every second. ``longest``: the segment's seconds."""
    if isinstance(event, ev.LeadInStarted):
        where = (
            f"Get into position: {event.step.position.label}. " if event.position_changed else ""
        )
        return f"{event.step.title}. {where}{round(event.seconds)} seconds to get ready."
    if isinstance(event, ev.RepStarted):
        side = f"{event.side.value.capitalize()} side. " if event.side else ""
        counted = f"Rep {event.rep} of {event.reps}. " if event.reps > 1 else ""
        what = "Hold" if event.hold else "Move gently"
        return f"{side}{counted}{what}, {round(event.seconds)} seconds."
    if isinstance(event, ev.SideSwitched):
        return f"Switch to the {event.side.value} side."
    if isinstance(event, ev.RestStarted):
        if event.between_exercises and event.next_step is not None:
            return f"Rest. Coming up: {event.next_step.title}."
        return "Relax."
    if isinstance(event, ev.CountdownSecond):
        if event.seconds_left == ANNOUNCE_LEFT and longest >= 2 * ANNOUNCE_LEFT:
            return f"{ANNOUNCE_LEFT} seconds left."
        return None
    if isinstance(event, ev.Paused):
        return "Paused. Press Space to go on."
    if isinstance(event, ev.Resumed):
        return "Going on."
    return None
