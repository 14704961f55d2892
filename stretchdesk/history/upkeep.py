"""What a history store still owes: the sessions it is recording (a heartbeat, even while
paused) and the writes that failed (a full disk) and wait to be tried again, its own and
those a gone process left in its pending file. No Qt.

The rule of when to try is here; something with a clock (the window's timer,
ui/shell/pending_writes.py) calls ``run`` when asked and again after the delay it answers. Every
write is also tried with the session's next event, with each answer on the screens after a
session, and once more when the store closes; whatever is still pending then stays in the
pending file (journal.py) for the next start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from stretchdesk.history.errors import HistoryError, HistoryWriteFailed
from stretchdesk.history.journal import PendingFile, pending_files, read_pending
from stretchdesk.history.liveness import lock_held
from stretchdesk.history.pending import SessionRef, Write, write_from_json

if TYPE_CHECKING:
    from stretchdesk.history.writes import SessionWriter

RETRY_SECONDS = 5.0  # a failed write is tried again this often (and with every event)


class Writer(Protocol):
    @property
    def pending(self) -> int: ...

    def upkeep(self) -> float | None:
        """Try what is due; seconds until it wants this again, None when it is done."""

    def flush(self) -> bool: ...

    def pending_records(self) -> list[dict[str, Any]]: ...


class Upkeep:
    def __init__(self, store: SessionWriter, pending: Path) -> None:
        self._store = store
        self._file = PendingFile(pending)
        self._saved: list[dict[str, Any]] = []
        self.writers: list[Writer] = []
        self.wanted: Callable[[], None] | None = None  # "call run soon" (the window's timer)

    @property
    def pending(self) -> int:
        return sum(w.pending for w in self.writers)

    def add(self, writer: Writer) -> None:
        """A session started (or writes were left over): look after it from now on."""
        if writer not in self.writers:
            self.writers.append(writer)
        self._file.reserve()  # room on disk while there is room (journal.py)
        if self.wanted is not None:
            self.wanted()

    def changed(self) -> None:
        """A writer's pending writes changed: keep them on disk, and ask to be run."""
        self._save()
        if self.wanted is not None:
            self.wanted()

    def run(self) -> float | None:
        """Try everything that is due; seconds until the next try, None if nothing waits."""
        delays = []
        for writer in list(self.writers):
            delay = writer.upkeep()
            if delay is None:
                self.writers.remove(writer)
            else:
                delays.append(delay)
        self._save()
        return min(delays) if delays else None

    def _save(self) -> None:
        records = [r for w in self.writers for r in w.pending_records()]
        if records != self._saved and self._file.save(records):
            self._saved = records

    def try_now(self) -> None:
        """Try every waiting write at once (the person did something on the screen)."""
        for writer in list(self.writers):
            if writer.pending:
                with contextlib.suppress(HistoryError):
                    writer.flush()
        self._save()

    def close(self) -> None:
        """Try every pending write once more; what is left stays in the pending file."""
        self.wanted = None  # (the window's timer is gone)
        for writer in self.writers:
            with contextlib.suppress(HistoryError):
                writer.flush()
        self._save()
        self._file.close()
        self.writers.clear()


class Leftover:
    """The pending writes a process that is gone left in its file: tried until they are in
    the history, then the file is removed."""

    def __init__(self, store: SessionWriter, path: Path, clock: Callable[[], float]) -> None:
        self._store = store
        self.path = path
        self._clock = clock
        self._last_try = -RETRY_SECONDS
        self._writes: list[tuple[SessionRef, Write]] = []
        refs: dict[tuple[str, str], SessionRef] = {}
        for record in read_pending(path):
            try:
                session, write = record["session"], write_from_json(record["write"])
                key = (str(session["owner"]), str(session["started_at"]))
            except (KeyError, TypeError, ValueError):
                continue  # a line no version wrote: left out
            self._writes.append((refs.setdefault(key, SessionRef(*key)), write))

    @property
    def pending(self) -> int:
        return len(self._writes)

    def flush(self) -> bool:
        self._last_try = self._clock()
        while self._writes:
            ref, write = self._writes[0]
            # HistoryError: tried again later; a write no version of the app made (a
            # damaged file), or one the history refuses, is left out
            with contextlib.suppress(ValueError, TypeError, KeyError):
                try:
                    write.make(self._store, ref)
                except HistoryWriteFailed as exc:
                    if not exc.refused:
                        raise
            self._writes.pop(0)
        with contextlib.suppress(OSError):
            self.path.unlink()
        return True

    def upkeep(self) -> float | None:
        waited = self._clock() - self._last_try
        if waited < RETRY_SECONDS:
            return RETRY_SECONDS - waited
        try:
            self.flush()
        except HistoryError:
            return RETRY_SECONDS
        return None

    def pending_records(self) -> list[dict[str, Any]]:
        return []  # they stay in their own file until written


def leftovers(
    store: SessionWriter, locks: Path, own: str, clock: Callable[[], float]
) -> list[Leftover]:
    """The pending files of processes that are gone, each tried once now."""
    found = []
    for owner, path in pending_files(store.path):
        if owner == own or lock_held(locks, owner):
            continue  # a live process's own (a second instance)
        left = Leftover(store, path, clock)
        with contextlib.suppress(HistoryError):
            left.flush()
        if left.pending:
            found.append(left)
    return found
