"""The history as the window reads and writes it: opened at the start (read-only, or an
empty one, when it cannot be written), tried again before a session, and read without a
read error ever reaching a screen (it shows as nothing read). A part of ``Services``. No Qt.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import date, datetime

from stretchdesk import paths
from stretchdesk.history import HistoryError, HistoryStore
from stretchdesk.history.queries import SessionSummary
from stretchdesk.history.reader import HistoryReader, HistoryReadError
from stretchdesk.history.schema import empty_history
from stretchdesk.history.shown import suggestions_shown
from stretchdesk.routine import Routine
from stretchdesk.routine.content import SafetyContent
from stretchdesk.schedule.zone import local_zone
from stretchdesk.services.notices import Notice
from stretchdesk.session.avoid import AvoidOffer, offers_for
from stretchdesk.session.setup import NotToday


class HistoryAccess:
    """What ``Services`` holds for it: the files, the clock, the content (what was shown is
    kept by name) and the banner's notices."""

    data: paths.DataPaths
    wall: Callable[[], datetime]
    content: SafetyContent
    notices: list[Notice]
    store: HistoryStore | None
    store_opened: Callable[[HistoryStore], None] | None  # (opened late)
    _reader: sqlite3.Connection | None

    def open_history(self) -> None:
        try:
            self.store, found = HistoryStore.open(self.data.history, self.data.locks)
        except HistoryError as exc:
            self.notices.append(Notice(str(exc), error=True))
            with contextlib.suppress(HistoryError):
                self._reader = HistoryStore.open_readonly(self.data.history, self.data.locks).conn
            return
        self.notices.extend(Notice(n.message) for n in found)

    def _history_again(self) -> None:
        """The history could not be opened at the start (a full disk, say): try again before
        a session, so that it is recorded once the problem is gone."""
        if self.store is not None:
            return
        with contextlib.suppress(HistoryError):
            self.store, _found = HistoryStore.open(self.data.history, self.data.locks)
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            if self.store_opened is not None:
                self.store_opened(self.store)

    @property
    def reader(self) -> HistoryReader:
        """Everything the window reads from the history."""
        return HistoryReader(lambda: self.history)

    @property
    def history(self) -> sqlite3.Connection:
        """A connection to read the history from (an empty one if there is none)."""
        if self.store is not None:
            return self.store.conn
        if self._reader is None:
            self._reader = empty_history()
        return self._reader

    def last_session(self) -> SessionSummary | None:
        try:
            return self.reader.last_session()
        except HistoryReadError:
            return None

    def streak_days(self, today: date) -> int:
        try:
            return self.reader.streak(today, local_zone())  # the zone with its rules
        except HistoryReadError:
            return 0

    def sessions_since(self, since: datetime) -> list[SessionSummary]:
        """Sessions since then, oldest first; none if the history cannot be read."""
        try:
            return self.reader.sessions_since(since)
        except HistoryReadError:
            return []

    def avoid_offers(self, routine: Routine) -> list[AvoidOffer]:
        try:
            stopped = self.reader.unresolved_pain_stops()
        except HistoryReadError:
            return []
        return offers_for(routine, stopped)

    def not_today(self, declined: NotToday) -> str | None:
        """Keep the suggestions read before "not today"; a sentence if that failed."""
        if self.store is None or not declined.shown:
            return None
        try:
            self.store.add_shown(self.wall(), suggestions_shown(declined.shown, self.content))
        except HistoryError as exc:
            return str(exc)
        return None

    def close_history(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
