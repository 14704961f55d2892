"""Session timing settings (user-adjustable) with the defaults of the routine content."""

from __future__ import annotations

from dataclasses import dataclass, field

HOLD_SCALE_RANGE = (0.5, 2.0)


@dataclass(frozen=True)
class SessionSettings:
    """Seconds for the parts of a session that are not the exercises themselves.

    Rest between exercises plus the lead-in make about 15 s, or about 25 s when the
    position changes (shared/routine-content.md: ~15 s, 20-30 s with a position change).
    Warm-up freshness: a short re-warm after ``rewarm_after`` seconds idle, the whole
    warm-up again after ``full_rewarm_after`` seconds (10 and 25 minutes by default).
    """

    lead_in: float = 5.0
    position_change_lead_in: float = 15.0
    rest_between: float = 10.0
    switch_sides: float = 5.0
    hold_scale: float = 1.0
    rewarm_after: float = 10 * 60.0
    full_rewarm_after: float = 25 * 60.0

    def __post_init__(self) -> None:
        low, high = HOLD_SCALE_RANGE
        if not low <= self.hold_scale <= high:
            raise ValueError(f"hold scale must be between {low:g} and {high:g}")
        for name in ("lead_in", "position_change_lead_in", "rest_between", "switch_sides"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if not 0 < self.rewarm_after <= self.full_rewarm_after:
            raise ValueError("re-warm thresholds must be positive and in order")


@dataclass(frozen=True)
class SessionOptions:
    """Choices made for one session: stretches to skip and per-step hold scales.

    Keys are step indices in the routine. Warm-ups can never be skipped.
    """

    skip: frozenset[int] = frozenset()
    hold_scale: dict[int, float] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)  # why a step is left out or marked
    swaps: frozenset[int] = frozenset()  # warm-ups done in their other position
    # exercises the health check's answers advise against: a re-warm takes the other position
    avoid: frozenset[str] = frozenset()
