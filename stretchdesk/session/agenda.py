"""The steps of one session in order, and how far each has got.

The agenda starts as the routine's steps; a re-warm after a long pause inserts steps into it.
"""

from __future__ import annotations

from collections.abc import Iterable

from stretchdesk.i18n import N_
from stretchdesk.routine.model import Phase, Routine
from stretchdesk.session.events import StepStatus, StopLocation
from stretchdesk.session.plan import AgendaItem, Segment
from stretchdesk.session.settings import SessionOptions
from stretchdesk.session.swap import refuse_swap, swapped_item
from stretchdesk.session.view import (
    AgendaEntry,
    EngineState,
    ItemState,
    Refusal,
    RefusalReason,
    SessionView,
)

NOT_SKIPPABLE = Refusal(
    RefusalReason.WARMUP_NOT_SKIPPABLE,
    N_("Warm-ups can't be skipped: warm the sore muscles before any stretch."),
)
WARMUPS_FIRST = Refusal(
    RefusalReason.WARMUPS_FIRST, N_("Stretches unlock once every warm-up is done.")
)
WARMUPS_IN_ORDER = Refusal(
    RefusalReason.WARMUPS_FIRST, N_("Warm-ups are done in order; finish this one first.")
)


class Agenda:
    def __init__(self, items: Iterable[AgendaItem], preskip: Iterable[int] = ()) -> None:
        self.items: list[AgendaItem] = list(items)
        self.status: list[StepStatus | None] = [None] * len(self.items)
        # stretches chosen to be skipped, passed over when reached; never warm-ups
        self.preskip = {i for i in preskip if self.items[i].phase is not Phase.WARMUP}

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, pos: int) -> AgendaItem:
        return self.items[pos]

    def done(self, pos: int) -> bool:
        return self.status[pos] is StepStatus.COMPLETED

    def warmups_done(self, before: int | None = None) -> bool:
        """True when every warm-up (before position ``before``, if given) is completed."""
        end = len(self.items) if before is None else before
        return all(self.done(i) for i in range(end) if self.items[i].phase is Phase.WARMUP)

    def first_pending_warmup(self) -> int:
        return next(
            i for i, it in enumerate(self.items) if it.phase is Phase.WARMUP and not self.done(i)
        )

    def refuse_leaving(self, pos: int) -> Refusal | None:
        """Why the step at ``pos`` may not be left unfinished (warm-ups are never skipped)."""
        if self.items[pos].phase is Phase.WARMUP and not self.done(pos):
            return NOT_SKIPPABLE
        return None

    def refuse_reaching(self, pos: int) -> Refusal | None:
        """Why the step at ``pos`` may not be gone to now (the warm-up gate)."""
        if not 0 <= pos < len(self.items):
            return _no_such_step(pos)
        if self.warmups_done(before=pos):
            return None
        return WARMUPS_IN_ORDER if self.items[pos].phase is Phase.WARMUP else WARMUPS_FIRST

    def refuse_swapping(self, pos: int) -> Refusal | None:
        """Why the step at ``pos`` may not be done in its other position now (swap.py)."""
        if not 0 <= pos < len(self.items):
            return _no_such_step(pos)
        return refuse_swap(self.items[pos], self.status[pos])

    def place_in_phase(self, pos: int) -> tuple[int, int]:
        """(n, of) for "Warm-up 2 of 5"; re-warm steps are counted on their own."""
        item = self.items[pos]
        same = [
            i
            for i, it in enumerate(self.items)
            if it.phase is item.phase and it.is_rewarm == item.is_rewarm
        ]
        return same.index(pos) + 1, len(same)

    def first_planned(self, pos: int) -> int:
        """The first position from ``pos`` on that is not chosen to be skipped."""
        while pos < len(self.items) and pos in self.preskip:
            pos += 1
        return pos

    def counts(self) -> tuple[int, int]:
        """(completed, skipped) steps so far."""
        done = sum(1 for s in self.status if s is StepStatus.COMPLETED)
        skipped = sum(1 for s in self.status if s is StepStatus.SKIPPED)
        return done, skipped

    def planned_items(self) -> list[AgendaItem]:
        return [it for i, it in enumerate(self.items) if i not in self.preskip]

    def still_to_do(self, first: int) -> list[AgendaItem]:
        """The steps from ``first`` on that are neither chosen to be skipped nor finished."""
        return [
            item
            for i, item in enumerate(self.items)
            if i >= first and i not in self.preskip and self.status[i] is None
        ]

    def insert(self, pos: int, items: list[AgendaItem]) -> None:
        count = len(items)
        self.items[pos:pos] = items
        self.status[pos:pos] = [None] * count
        self.preskip = {p + count if p >= pos else p for p in self.preskip}

    def reset(self, positions: Iterable[int]) -> None:
        for pos in positions:
            self.status[pos] = None

    def view_at(
        self,
        pos: int,
        state: EngineState,
        seg: Segment | None,
        remaining: float,
        *,
        into: float = 0.0,
        length: float = 0.0,
        ending: bool = False,
    ) -> SessionView:
        """The session as shown at ``pos``, in segment ``seg`` with ``remaining`` seconds
        (``into`` and ``length``: seconds into the step and its planned length; ``ending``:
        only the rest between exercises is left of the step after ``seg``)."""
        item = self.items[pos]
        number, total = self.place_in_phase(pos)
        nxt = self.first_planned(pos + 1)
        return SessionView(
            state=state,
            segment=seg.kind if seg else None,
            position=pos,
            total=len(self.items),
            step=item.step,
            phase=item.phase,
            phase_number=number,
            phase_total=total,
            is_rewarm=item.is_rewarm,
            rep=seg.rep if seg else 0,
            reps=seg.reps if seg else 0,
            side=seg.side if seg else None,
            remaining=remaining,
            segment_seconds=seg.seconds if seg else 0.0,
            next_step=self.items[nxt].step if nxt < len(self.items) else None,
            warmups_done=self.warmups_done(),
            can_leave=self.refuse_leaving(pos) is None,
            step_into=into,
            step_seconds=length,
            step_ending=ending,
        )

    def location(self, pos: int, seg: Segment | None, into: float) -> StopLocation:
        """Where the session is at ``pos`` (``into``: seconds into the step)."""
        item = self.items[pos]
        return StopLocation(
            position=pos,
            routine_index=item.routine_index,
            exercise_id=item.step.exercise_id,
            title=item.step.title,
            phase=item.phase,
            segment=seg.kind if seg else None,
            side=seg.side if seg else None,
            rep=seg.rep if seg else 0,
            reps=seg.reps if seg else 0,
            seconds_into_step=round(into, 3),
        )

    def entries(self, current: int | None) -> list[AgendaEntry]:
        """Every step and where it stands; ``current`` is None once the session is over."""
        entries = []
        for i, item in enumerate(self.items):
            status = self.status[i]
            if status is StepStatus.COMPLETED:
                state = ItemState.DONE
            elif status is StepStatus.SKIPPED or i in self.preskip:
                state = ItemState.SKIPPED
            elif i == current or status is StepStatus.STOPPED:
                state = ItemState.CURRENT
            elif item.phase is not Phase.WARMUP and not self.warmups_done(before=i):
                state = ItemState.LOCKED
            else:
                state = ItemState.UPCOMING
            entries.append(AgendaEntry(item, state))
        return entries


def _no_such_step(pos: int) -> Refusal:
    return Refusal(RefusalReason.NO_SUCH_STEP, N_("There is no step {number}."), pos + 1)


def routine_agenda(routine: Routine, options: SessionOptions, hold_scale: float) -> Agenda:
    """The routine's steps with the session's options: holds scaled (``hold_scale`` for all,
    times the step's own), warm-ups chosen in their other position swapped, and the steps
    chosen to be skipped marked."""

    def scale(index: int) -> float:
        return hold_scale * options.hold_scale.get(index, 1.0)

    items = [
        AgendaItem(step, i, step.timing.scaled(scale(i))) for i, step in enumerate(routine.steps)
    ]
    for index in sorted(options.swaps):
        if 0 <= index < len(items) and refuse_swap(items[index], None) is None:
            items[index] = swapped_item(items[index], scale(index))
    return Agenda(items, options.skip)
