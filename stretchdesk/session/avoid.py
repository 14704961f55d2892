"""Next time after a pain-stop: offer to skip the exercise, do it with shorter holds, or
(a warm-up) do it in its other position.

Warm-ups are never skipped (the warm-up gate), but one with an alternative can be swapped;
an exercise without holds cannot be shortened. Whatever cannot be offered is simply done as
usual.

A warm-up stopped while done in its other position (the history records the exercise that
was actually done) is offered by that name too: the offer is to do it in the routine's own
position, or with shorter holds.
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
    # the stopped exercise is a warm-up's other position: "swap" is the routine's own one,
    # which is also what "as usual" would do, so only "swap" is offered
    variant: bool = False

    @property
    def choices(self) -> tuple[Choice, ...]:
        offered = []
        if self.can_skip:
            offered.append(Choice.SKIP)
        if self.can_swap:
            offered.append(Choice.SWAP)
        if self.can_shorten:
            offered.append(Choice.SHORTER)
        if self.variant and offered:
            return tuple(offered)
        return (*offered, Choice.AS_USUAL)

    @property
    def unchanged(self) -> Choice:
        """The answer that leaves the routine as it is written (what the window focuses
        first, so a stray key changes nothing)."""
        return Choice.SWAP if self.variant and Choice.SWAP in self.choices else Choice.AS_USUAL


def offers_for(routine: Routine, stopped: dict[str, str]) -> list[AvoidOffer]:
    """Offers for the exercises in ``stopped`` (id -> title) that this routine contains."""
    found: list[AvoidOffer] = []
    for exercise_id, title in stopped.items():
        indices = tuple(i for i, s in enumerate(routine.steps) if s.exercise_id == exercise_id)
        if not indices:
            found.extend(_variant_offer(routine, exercise_id, title))
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


def _variant_offer(routine: Routine, exercise_id: str, title: str) -> list[AvoidOffer]:
    """An offer for warm-ups done in their other position, ``exercise_id``, when it hurt."""
    indices = tuple(
        i
        for i, s in enumerate(routine.steps)
        if s.phase is Phase.WARMUP
        and s.alternative is not None
        and s.alternative.exercise_id == exercise_id
    )
    if not indices:
        return []
    own = routine.steps[indices[0]]
    can_shorten = any(routine.steps[i].timing.is_hold for i in indices)
    return [
        AvoidOffer(
            exercise_id,
            title,
            indices,
            can_skip=False,
            can_shorten=can_shorten,
            can_swap=True,
            other_title=own.title,
            variant=True,
        )
    ]


def apply_choice(options: SessionOptions, offer: AvoidOffer, choice: Choice) -> SessionOptions:
    """The session's options with the person's answer to one offer applied."""
    if choice is Choice.SKIP and offer.can_skip:
        return replace(options, skip=options.skip | set(offer.step_indices))
    if choice is Choice.SWAP and offer.can_swap:
        if offer.variant:  # back to the routine's own position
            return replace(options, swaps=options.swaps - set(offer.step_indices))
        return replace(options, swaps=options.swaps | set(offer.step_indices))
    if choice is Choice.SHORTER and offer.can_shorten:
        scales = dict(options.hold_scale)
        scales.update(dict.fromkeys(offer.step_indices, SHORTER_HOLDS))
        return replace(options, hold_scale=scales)
    return options
