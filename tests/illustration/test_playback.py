"""Which frame shows when: in time with reps, held poses held, few repaints."""

from __future__ import annotations

import pytest

from stretchdesk.illustration import pick_frame
from stretchdesk.routine import Motion
from stretchdesk.session.plan import SegmentKind

ACTIVE, LEAD_IN, REST = SegmentKind.ACTIVE, SegmentKind.LEAD_IN, SegmentKind.REST


def test_a_cycle_plays_one_round_per_rep() -> None:
    picks = [
        pick_frame(Motion.CYCLE, 16, ACTIVE, t, seconds=None, rep_seconds=8.0).index
        for t in (0.0, 0.49, 0.5, 4.0, 7.99, 8.0)
    ]
    assert picks == [0, 0, 1, 8, 15, 0]


def test_a_cycle_timed_by_duration_uses_its_own_seconds() -> None:
    pick = pick_frame(Motion.CYCLE, 8, ACTIVE, 1.0, seconds=2.0)
    assert pick.index == 4
    assert pick.next_change == pytest.approx(0.25)


def test_frames_change_a_few_times_a_second_at_most() -> None:
    pick = pick_frame(Motion.CYCLE, 8, ACTIVE, 0.0, seconds=2.0)
    assert pick.next_change is not None and pick.next_change >= 0.2


def test_a_hold_moves_in_during_the_lead_in_then_holds() -> None:
    lead = [pick_frame(Motion.HOLD, 8, LEAD_IN, t, seconds=3.0).index for t in (0, 1.5, 2.99)]
    assert lead[0] == 0 and 0 < lead[1] < 7 and lead[2] == 6
    assert pick_frame(Motion.HOLD, 8, LEAD_IN, 3.2, seconds=3.0).index == 7
    assert pick_frame(Motion.HOLD, 8, LEAD_IN, 4.6, seconds=3.0).index == 0  # replays
    held = pick_frame(Motion.HOLD, 8, ACTIVE, 12.0, seconds=3.0)
    assert held.index == 7 and held.next_change is None


@pytest.mark.parametrize("motion", list(Motion))
def test_rests_show_the_starting_pose(motion: Motion) -> None:
    pick = pick_frame(motion, 8, REST, 3.0, seconds=3.0)
    assert pick.index == 0 and pick.next_change is None


def test_a_single_picture_never_changes() -> None:
    assert pick_frame(Motion.CYCLE, 1, ACTIVE, 5.0, seconds=2.0).next_change is None
