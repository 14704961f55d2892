"""What to do, a page at a time, when every line does not fit at the text size chosen: which
lines go on which page, and which page shows at a moment of the session. No Qt.

The lines are kept in order (the instructions, then the caution, then the breathing), so
the first page holds the first instruction line, the one the voice says as the step begins.
Through the getting-ready time the pages turn evenly, the last one shown before the
movement starts; in every later segment (a hold, a movement, a rest, a switch of sides) they
turn evenly again from the first, each page shown at least ``MIN_DWELL`` seconds. A segment
too short for every page shows one page on from the segment before it, so each new phase
turns the page and, rep by rep, every line comes round.
"""

from __future__ import annotations

from collections.abc import Sequence

from stretchdesk.routine.model import Side, Sides
from stretchdesk.session.plan import SegmentKind
from stretchdesk.session.view import EngineState, SessionView

MIN_DWELL = 4.0  # seconds: a page is never turned sooner than this


def pack(heights: Sequence[int], room: int, gap: int = 0) -> list[range]:
    """Consecutive lines into as few pages as fit ``room`` (``gap`` between two lines). A
    line taller than ``room`` gets a page of its own: whoever draws it makes it smaller."""
    pages: list[range] = []
    start, used = 0, 0
    for index, tall in enumerate(heights):
        if index > start and used + gap + tall > room:
            pages.append(range(start, index))
            start, used = index, 0
        used = tall if index == start else used + gap + tall
    if heights:
        pages.append(range(start, len(heights)))
    return pages


def page_at(pages: int, *, elapsed: float, seconds: float, turn: int = 0) -> int:
    """The page shown ``elapsed`` seconds into a segment of ``seconds``: evenly through it
    when it is long enough for every page, else one page on for each ``turn``."""
    if pages <= 1 or seconds <= 0:
        return 0
    elapsed = min(max(0.0, elapsed), seconds)
    if seconds >= pages * MIN_DWELL:
        return min(pages - 1, int(elapsed * pages / seconds))
    return (turn + int(elapsed / MIN_DWELL)) % pages


def _rep_order(view: SessionView) -> int:
    """Which repetition of the step this is, from 0, sides counted (as plan.py orders them)."""
    rep = max(0, view.rep - 1)
    right = 1 if view.side is Side.RIGHT else 0
    sides = view.step.timing.sides
    if sides is Sides.NONE:
        return rep
    if sides is Sides.ALTERNATE:
        return 2 * rep + right
    return right * max(1, view.reps) + rep


def page_in_view(view: SessionView, pages: int) -> int:
    """The page of what to do shown at the moment ``view`` pictures (0: the first)."""
    if pages <= 1 or view.state is EngineState.READY or view.segment is None:
        return 0
    elapsed = view.segment_seconds - view.remaining
    if view.segment in (SegmentKind.LEAD_IN, SegmentKind.BETWEEN):
        turn = 0
    elif view.segment is SegmentKind.ACTIVE:
        turn = 2 * _rep_order(view)
    else:  # a rest or a switch of sides names the repetition that follows it
        turn = 2 * _rep_order(view) - 1
    return page_at(pages, elapsed=elapsed, seconds=view.segment_seconds, turn=turn)
