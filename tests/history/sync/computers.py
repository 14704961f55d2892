"""Two or three computers of one person, each with its own history, and one folder."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from stretchdesk.history import HistoryStore, packed
from stretchdesk.history.export import export_json
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.sync import SyncFolder, SyncReport
from stretchdesk.history.writes import StopPlace

START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self, moment: datetime = START) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@dataclass
class Computer:
    name: str
    store: HistoryStore
    sync: SyncFolder
    clock: Clock

    def session(
        self, minute: int, *, note: str | None = None, pain: bool = False, routine: str = "r"
    ) -> int:
        began = START + timedelta(minutes=minute)
        sid = self.store.begin_session(
            routine_id=routine,
            routine_title="Routine",
            total_steps=2,
            planned_seconds=120,
            started_at=began,
            pain_before=3,
        )
        self.store.add_step(
            sid,
            position=0,
            routine_step=0,
            exercise_id="pelvic-tilt",
            title="Pelvic tilt",
            phase="warmup",
            status=StepOutcome.COMPLETED,
            started_at=began,
            ended_at=began + timedelta(seconds=60),
            active_seconds=60,
        )
        place = StopPlace(1, "knee-hug", "Knee hug", None, 1, 12.0)
        self.store.finish_session(
            sid,
            outcome=SessionOutcome.STOPPED_FOR_PAIN if pain else SessionOutcome.COMPLETED,
            ended_at=began + timedelta(seconds=90),
            active_seconds=90,
            location=place if pain else None,
        )
        if note is not None:
            self.store.set_note(sid, note)
        return sid

    def run(self, *, write: bool = True) -> SyncReport:
        return self.sync.run(self.store.conn, write=write)

    def sessions(self) -> list[tuple[Any, ...]]:
        return self.store.conn.execute(
            "SELECT uid, started_at, outcome, note, pain_after, device IS NULL FROM session "
            "ORDER BY started_at, uid"
        ).fetchall()

    def state(self) -> list[tuple[Any, ...]]:
        """What every computer must agree on: each session and its fields, and its rows
        (its steps: rows, or still packed)."""
        conn = self.store.conn
        uids = dict(conn.execute("SELECT id, uid FROM session"))
        packs = Counter(uids[row[0]] for row in packed.rows(conn))
        return [
            (
                *row,
                self.store.conn.execute(
                    "SELECT COUNT(*) FROM step t JOIN session s ON s.id = t.session_id "
                    "WHERE s.uid = ?",
                    (row[0],),
                ).fetchone()[0]
                + packs[row[0]],
                self.store.conn.execute(
                    "SELECT group_concat(rating) FROM pain_report r JOIN session s "
                    "ON s.id = r.session_id WHERE s.uid = ?",
                    (row[0],),
                ).fetchone()[0],
            )
            for row in self.store.conn.execute(
                "SELECT uid, started_at, outcome, note, pain_after FROM session ORDER BY uid"
            )
        ]

    def exported(self) -> list[dict[str, Any]]:
        out = io.StringIO()
        export_json(self.store.conn, out)
        sessions: list[dict[str, Any]] = json.loads(out.getvalue())["sessions"]
        return sessions


def computers(
    tmp_path: Path, folder: Path, names: tuple[str, ...] = ("home", "work")
) -> list[Computer]:
    made = []
    folder.mkdir(parents=True, exist_ok=True)  # the folder the sync program keeps
    for name in names:
        data = tmp_path / name
        store, _notices = HistoryStore.open(data / "history.sqlite")
        clock = Clock()
        sync = SyncFolder(folder, data, now=clock, computer=name)
        made.append(Computer(name, store, sync, clock))
    return made


def settle(machines: list[Computer], rounds: int = 2) -> None:
    for _ in range(rounds):
        for machine in machines:
            machine.run()


def files(folder: Path, predicate: Callable[[Path], bool] = lambda p: True) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json") if p.is_file() and predicate(p))
