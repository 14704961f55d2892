"""Warm-up freshness: after a long pause the warm muscles have cooled again.

Rule (shared/routine-content.md, thresholds are settings): after ``rewarm_after`` seconds
idle once warm, a short re-warm comes before stretches continue; after
``full_rewarm_after`` seconds the whole warm-up phase is required again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stretchdesk.routine.model import Phase, Step
from stretchdesk.session.events import RewarmLevel, StepStatus, WarmupExpired
from stretchdesk.session.plan import AgendaItem
from stretchdesk.session.settings import SessionSettings


@dataclass(frozen=True)
class RewarmDecision:
    event: WarmupExpired
    goto: int  # the position to continue from
    insert: list[AgendaItem]  # steps to insert at ``goto``
    reset: list[int]  # positions whose warm-ups count as not done any more


def plan_rewarm(
    *,
    idle: float,
    settings: SessionSettings,
    items: Sequence[AgendaItem],
    status: Sequence[StepStatus | None],
    target: int,
    rewarm_steps: Sequence[Step],
    at: float,
) -> RewarmDecision | None:
    """What to do on resuming after ``idle`` seconds, with ``target`` the step due next."""
    if idle < settings.rewarm_after or target >= len(items):
        return None
    warmups = [i for i, it in enumerate(items) if it.phase is Phase.WARMUP]
    if not any(status[i] is StepStatus.COMPLETED for i in warmups):
        return None  # never warm yet: nothing has cooled
    in_warmup_phase = items[target].phase is Phase.WARMUP
    full = idle >= settings.full_rewarm_after or not rewarm_steps
    if in_warmup_phase and not full:
        return None  # the remaining warm-ups come before any stretch anyway
    if full:
        originals = [it for it in items if it.phase is Phase.WARMUP and not it.is_rewarm]
        steps = tuple(it.step for it in originals)
        event = WarmupExpired(at, RewarmLevel.FULL, idle, steps)
        if in_warmup_phase:
            return RewarmDecision(event, goto=warmups[0], insert=[], reset=warmups)
        return RewarmDecision(event, goto=target, insert=list(originals), reset=[])
    inserted = [AgendaItem(step, None, step.timing) for step in rewarm_steps]
    event = WarmupExpired(at, RewarmLevel.SHORT, idle, tuple(rewarm_steps))
    return RewarmDecision(event, goto=target, insert=inserted, reset=[])
