"""Next time after a pain-stop: offer to skip the exercise, do it with shorter holds, or
(a warm-up) do it in its other position.

Warm-ups are never skipped (the warm-up gate), but one with an alternative can be swapped;
an exercise without holds cannot be shortened. Whatever cannot be offered is simply done as
usual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from stretchdesk.routine.model import Phase, Routine
from stretchdesk.session.settings import SessionOptions

SHORTER_HOLDS = 0.5  # our choice: half the hold, the same reps


class Choice(StrEnum):
    SKIP = "skip"
    SWAP = "swap"
    SHORTER = "shorter"
    AS_USUAL = "as_usual"


@dataclass(frozen=True)
class AvoidOffer:
    exercise_id: str
    title: str
    step_indices: tuple[int, ...]
    can_skip: bool
    can_shorten: bool
    can_swap: bool = False
    other_title: str = ""  # the exercise it would be swapped for

    @property
    def choices(self) -> tuple[Choice, ...]:
        offered = []
        if self.can_skip:
            offered.append(Choice.SKIP)
        if self.can_swap:
            offered.append(Choice.SWAP)
        if self.can_shorten:
            offered.append(Choice.SHORTER)
        return (*offered, Choice.AS_USUAL)


def offers_for(routine: Routine, stopped: dict[str, str]) -> list[AvoidOffer]:
    """Offers for the exercises in ``stopped`` (id -> title) that this routine contains."""
    found: list[AvoidOffer] = []
    for exercise_id, title in stopped.items():
        indices = tuple(i for i, s in enumerate(routine.steps) if s.exercise_id == exercise_id)
        if not indices:
            continue
        steps = [routine.steps[i] for i in indices]
        can_skip = all(s.phase is not Phase.WARMUP for s in steps)
        can_shorten = any(s.timing.is_hold for s in steps)
        others = [s.alternative for s in steps if s.phase is Phase.WARMUP and s.alternative]
        can_swap = bool(others) and len(others) == len(steps)
        other = others[0].title if can_swap and others[0] else ""
        if can_skip or can_shorten or can_swap:
            found.append(
                AvoidOffer(exercise_id, title, indices, can_skip, can_shorten, can_swap, other)
            )
    found.sort(key=lambda offer: offer.step_indices[0])
    return found


def apply_choice(options: SessionOptions, offer: AvoidOffer, choice: Choice) -> SessionOptions:
    """The session's options with the person's answer to one offer applied."""
    if choice is Choice.SKIP and offer.can_skip:
        return replace(options, skip=options.skip | set(offer.step_indices))
    if choice is Choice.SWAP and offer.can_swap:
        return replace(options, swaps=options.swaps | set(offer.step_indices))
    if choice is Choice.SHORTER and offer.can_shorten:
        scales = dict(options.hold_scale)
        scales.update(dict.fromkeys(offer.step_indices, SHORTER_HOLDS))
        return replace(options, hold_scale=scales)
    return options
