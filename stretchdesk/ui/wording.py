"""The words the session screen shows for a moment of the session (no Qt here)."""

from __future__ import annotations

from stretchdesk.routine.model import Phase, Routine, Step
from stretchdesk.session import EngineState, SegmentKind, SessionView


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
