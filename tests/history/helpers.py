"""Running a routine into a history store with a fake clock."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.routine import Routine
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.emitter import Stage
from tests.fakes import FakeWall


class Recorded:
    def __init__(self, store: HistoryStore | None, routine: Routine, **recorder_args) -> None:  # type: ignore[no-untyped-def]
        self.clock = FakeClock()
        self.wall = FakeWall(self.clock)
        self.engine = SessionEngine(routine, clock=self.clock)
        self.problems: list[Exception] = []
        self.recorder = SessionRecorder(
            store,
            clock=self.clock,
            wall=self.wall,
            on_problem=self.problems.append,
            **recorder_args,
        )
        self.engine.add_listener(self.recorder, Stage.RECORD)

    def run(self, seconds: float, tick: float = 1.0) -> None:
        end = self.clock.now + seconds
        while self.clock.now < end and not self.engine.finished:
            self.clock.advance(tick)
            self.engine.poll()


def open_store(path: Path) -> HistoryStore:
    store, notices = HistoryStore.open(path)
    assert notices == []
    return store


def sqlite_error(code: int, message: str) -> sqlite3.OperationalError:
    """An error as SQLite raises it, with its result code."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


class Flaky:
    """Makes a store's transactions fail while ``full`` is set, as a full disk would."""

    def __init__(self, store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = store.transaction

        @contextlib.contextmanager
        def transaction() -> Iterator[sqlite3.Connection]:
            if self.full:
                raise sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full")
            with real() as conn:
                yield conn

        monkeypatch.setattr(store, "transaction", transaction)
