"""The phase-order rules: warm-ups before any stretch, cool-downs only after stretches; and
warm-ups that warm: breathing alone does not count as the whole warm-up."""

from __future__ import annotations

from collections.abc import Sequence

from stretchdesk.i18n import _
from stretchdesk.routine.errors import Problem
from stretchdesk.routine.model import Phase, Step


def check_phase_order(
    label: str, phases: Sequence[Phase | None], titles: Sequence[str | None]
) -> list[Problem]:
    """Every phase-order problem, one per offending step (steps numbered from 1)."""
    problems: list[Problem] = []
    warmups = [i for i, p in enumerate(phases) if p is Phase.WARMUP]
    stretches = [i for i, p in enumerate(phases) if p is Phase.STRETCH]
    last_warmup = warmups[-1] if warmups else None
    last_stretch = stretches[-1] if stretches else None

    def add(i: int, message: str) -> None:
        problems.append(Problem(label, message, i + 1, titles[i]))

    if stretches and not warmups:
        add(stretches[0], "the routine has stretches but no warm-up; warm-ups must come first")
    for i, phase in enumerate(phases):
        if phase is Phase.STRETCH and last_warmup is not None and i < last_warmup:
            add(
                i,
                _("stretch comes before the last warm-up (step {number})").format(
                    number=last_warmup + 1
                ),
            )
        elif phase is Phase.COOLDOWN:
            if last_stretch is None:
                add(i, "cool-down with no stretch before it; cool-downs only follow stretches")
            elif i < last_stretch:
                add(
                    i,
                    _("cool-down comes before a stretch (step {number})").format(
                        number=last_stretch + 1
                    ),
                )
    return problems


def check_warming(label: str, steps: Sequence[Step]) -> list[Problem]:
    """A routine with stretches needs at least one warm-up with light movement: a muscle is
    warmed by moving it, not by breathing alone (shared brief; which exercises warm is the
    exercise file's ``warms``)."""
    return check_warming_of(
        label, [s.phase for s in steps], [s.exercise.warms for s in steps], [s.title for s in steps]
    )


def check_warming_of(
    label: str, phases: Sequence[Phase], warms: Sequence[bool], titles: Sequence[str]
) -> list[Problem]:
    """``check_warming`` for steps given as their phases, whether each warms, and titles."""
    warmups = [i for i, p in enumerate(phases) if p is Phase.WARMUP]
    if Phase.STRETCH not in phases or not warmups or any(warms[i] for i in warmups):
        return []
    first = warmups[0]
    return [
        Problem(
            label,
            _(
                "the warm-ups are breathing alone, which does not warm a muscle: add a warm-up "
                "with light movement (for example march-in-place or pelvic-tilt)"
            ),
            first + 1,
            titles[first],
        )
    ]
