"""What to do, a page at a time: lines packed in order, and the page shown at each moment of
a real session: the first as a step begins, every page in every step, none turned sooner
than a reader needs unless a new phase begins, none turned while paused."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock, SegmentKind, SessionEngine
from stretchdesk.session.pages import MIN_DWELL, pack, page_at, page_in_view
from stretchdesk.session.view import EngineState


def test_lines_that_fit_make_one_page() -> None:
    assert pack([30, 40, 20], room=100, gap=5) == [range(0, 3)]


def test_lines_go_on_in_order_onto_new_pages() -> None:
    assert pack([60, 30, 30, 50], room=100, gap=5) == [range(0, 2), range(2, 4)]


def test_the_gap_counts_between_lines_only() -> None:
    assert pack([50, 50], room=100, gap=0) == [range(0, 2)]
    assert pack([50, 50], room=100, gap=1) == [range(0, 1), range(1, 2)]


def test_a_line_taller_than_the_room_has_a_page_of_its_own() -> None:
    assert pack([20, 150, 20], room=100) == [range(0, 1), range(1, 2), range(2, 3)]


def test_no_lines_no_pages() -> None:
    assert pack([], room=100) == []


def test_pages_turn_evenly_through_a_long_segment() -> None:
    shown = [page_at(2, elapsed=t, seconds=20) for t in (0, 9.9, 10, 19.9, 20)]
    assert shown == [0, 0, 1, 1, 1]
    assert [page_at(3, elapsed=t, seconds=30) for t in (0, 10, 20)] == [0, 1, 2]


def test_a_short_segment_turns_one_page_on_per_phase() -> None:
    seconds = 2 * MIN_DWELL - 1  # too short for both pages
    assert page_at(2, elapsed=0, seconds=seconds, turn=0) == 0
    assert page_at(2, elapsed=0, seconds=seconds, turn=1) == 1
    assert page_at(2, elapsed=0, seconds=seconds, turn=2) == 0
    assert page_at(2, elapsed=MIN_DWELL, seconds=seconds, turn=0) == 1


def test_one_page_is_always_the_first() -> None:
    assert page_at(1, elapsed=50, seconds=60, turn=3) == 0
    assert page_at(0, elapsed=5, seconds=10) == 0


@pytest.mark.parametrize("routine_id", ["quick-relief", "lower-back-spasm"])
@pytest.mark.parametrize("pages", [2, 3])
def test_in_a_session_every_page_shows_and_none_flickers(
    catalog: Catalog, routine_id: str, pages: int
) -> None:
    clock = FakeClock()
    engine = SessionEngine(catalog.get(routine_id), clock=clock)
    assert engine.view().state is EngineState.READY
    assert page_in_view(engine.view(), pages) == 0
    engine.start()
    seen: dict[int, set[int]] = {}
    phase: tuple[object, ...] = ()
    page, since = 0, clock.now
    while not engine.finished:
        view = engine.view()
        now = (view.position, view.segment, view.rep, view.side)
        shown = page_in_view(view, pages)
        assert 0 <= shown < pages
        seen.setdefault(view.position, set()).add(shown)
        if view.segment is SegmentKind.LEAD_IN and view.remaining == view.segment_seconds:
            assert shown == 0, "a step begins on the page the voice reads from"
        if now == phase and shown != page:  # turned within a phase: not too soon
            assert clock.now - since >= MIN_DWELL - 0.25, (now, clock.now - since)
        if now != phase or shown != page:
            phase, page, since = now, shown, clock.now
        clock.advance(0.25)
        engine.poll()
    assert all(shown == set(range(pages)) for shown in seen.values()), seen


def test_a_pause_keeps_the_page(catalog: Catalog) -> None:
    clock = FakeClock()
    engine = SessionEngine(catalog.get("quick-relief"), clock=clock)
    engine.start()
    clock.advance(6)
    engine.poll()
    engine.pause()
    before = page_in_view(engine.view(), 2)
    clock.advance(60)
    engine.poll()
    assert engine.view().state is EngineState.PAUSED
    assert page_in_view(engine.view(), 2) == before
