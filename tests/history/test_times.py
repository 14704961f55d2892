"""History times come from one wall-clock reading at the start plus monotonic time since:
a wall clock that jumps during a session, forward or back, moves none of them. An
interrupted session ends where it was last known to be running."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.export import export_sessions_csv
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.recorder import HEARTBEAT_SECONDS
from stretchdesk.routine import Catalog, Routine
from stretchdesk.session import FakeClock
from stretchdesk.session.events import StepStarted
from tests.history import rows
from tests.history.helpers import Recorded, open_store
from tests.session.helpers import short_routine

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


class JumpingWall:
    """A wall clock that follows the monotonic clock until told to jump."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.offset = START - timedelta(seconds=clock.now)

    def jump(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)

    def __call__(self) -> datetime:
        return self.offset + timedelta(seconds=self.clock.now)


@pytest.fixture
def quick(catalog: Catalog) -> Routine:
    found = short_routine()
    assert found is not None
    return found


def _recorded(store: HistoryStore, routine: Routine) -> tuple[Recorded, JumpingWall]:
    rec = Recorded(store, routine)
    wall = JumpingWall(rec.clock)
    rec.recorder._wall = wall  # the recorder reads the wall through this one clock
    return rec, wall


@pytest.mark.parametrize("jump", [-3600.0, 3600.0, -86400.0 * 400, 7.5])
@pytest.mark.parametrize("ending", ["pain", "complete"])
def test_a_wall_clock_jump_mid_step_moves_no_time(
    data_dir: Path, quick: Routine, jump: float, ending: str
) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec, wall = _recorded(store, quick)
    began = rec.clock.now
    rec.engine.start()
    rec.run(60)  # inside belly breathing (15 s lead-in, then 120 s)
    wall.jump(jump)
    rec.run(11)
    if ending == "pain":
        rec.engine.pain_stop()
    else:
        rec.run(3000)
    (s,) = q.list_sessions(store.conn)
    assert s.started_at == START
    assert s.ended_at == START + timedelta(seconds=rec.clock.now - began)
    steps = list(rows.iter_steps(store.conn))
    first = steps[0]
    assert first.exercise_id == "belly-breathing"
    assert first.started_at == START  # it began before the jump
    if ending == "complete":
        assert first.ended_at == START + timedelta(seconds=15 + 120)
    for earlier, later in itertools.pairwise(steps):
        assert earlier.started_at <= earlier.ended_at <= later.started_at
    assert all(s.started_at <= t.started_at and t.ended_at <= s.ended_at for t in steps)
    store.close()


def test_a_71_second_session_reads_71_seconds_after_a_jump_forward(
    data_dir: Path, quick: Routine
) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec, wall = _recorded(store, quick)
    rec.engine.start()
    rec.run(30)
    wall.jump(3600)
    rec.run(41)
    rec.engine.pain_stop()
    out = io.StringIO()
    export_sessions_csv(store.conn, out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    began = datetime.fromisoformat(row["started_at"].replace("Z", "+00:00"))
    ended = datetime.fromisoformat(row["ended_at"].replace("Z", "+00:00"))
    assert (ended - began).total_seconds() == 71
    store.close()


def test_the_wall_clock_is_read_once_per_session(data_dir: Path, quick: Routine) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec = Recorded(store, quick)
    reads: list[datetime] = []

    def counting() -> datetime:
        reads.append(rec.wall())
        return reads[-1]

    rec.recorder._wall = counting
    rec.engine.start()
    rec.run(400)
    rec.engine.pain_stop()
    assert len(reads) == 1
    store.close()


def _kill(store: HistoryStore) -> None:
    """The process dies: its lock goes, nothing more is written."""
    store._lock.release()  # type: ignore[union-attr]
    store.conn.close()


def test_an_interrupted_session_ends_where_it_was_last_known_running(
    data_dir: Path, quick: Routine
) -> None:
    path = data_dir / "history.sqlite"
    first = open_store(path)
    rec, _ = _recorded(first, quick)
    rec.engine.start()
    rec.run(16)  # killed 16 s in, in the first lead-in: no step has finished
    _kill(first)
    second, _ = HistoryStore.open(path)
    (s,) = q.list_sessions(second.conn)
    assert s.outcome is SessionOutcome.INTERRUPTED
    assert s.ended_at is not None
    length = (s.ended_at - s.started_at).total_seconds()
    assert 16 - HEARTBEAT_SECONDS <= length <= 16
    second.close()


def test_a_paused_session_that_is_killed_ends_at_the_pause(data_dir: Path, quick: Routine) -> None:
    path = data_dir / "history.sqlite"
    first = open_store(path)
    rec, _ = _recorded(first, quick)
    rec.engine.start()
    rec.run(42)
    rec.engine.pause()
    rec.clock.advance(600)
    _kill(first)
    second, _ = HistoryStore.open(path)
    (s,) = q.list_sessions(second.conn)
    assert s.ended_at == START + timedelta(seconds=42)
    second.close()


def test_a_pain_stopped_step_is_kept_with_the_seconds_done(data_dir: Path, quick: Routine) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec, _ = _recorded(store, quick)
    started: list[StepStarted] = []
    rec.engine.add_listener(lambda e: started.append(e) if isinstance(e, StepStarted) else None)
    began = rec.clock.now
    rec.engine.start()
    rec.run(200)  # into knee rolls
    rec.engine.pain_stop()
    last = list(rows.iter_steps(store.conn))[-1]
    assert (last.exercise_id, last.status) == ("knee-rolls", StepOutcome.STOPPED)
    assert last.started_at == START + timedelta(seconds=started[-1].at - began)
    assert last.ended_at == START + timedelta(seconds=200)
    assert 0 < last.active_seconds < 200 - (started[-1].at - began)
    store.close()
