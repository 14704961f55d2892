"""The history as the window reads and writes it: opened at the start (read-only, or an
empty one, when it cannot be written), tried again before a session, and read without a
read error ever reaching a screen (it shows as nothing read). The window opens it just after
its first paint (``waiting`` until then: nothing is read, nothing of the history's modules
loaded). A part of ``Services``. No Qt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from stretchdesk.services.notices import Notice

if TYPE_CHECKING:
    import sqlite3

    from stretchdesk import paths
    from stretchdesk.history import HistoryStore
    from stretchdesk.history.queries import SessionSummary
    from stretchdesk.history.reader import HistoryReader
    from stretchdesk.routine import Routine
    from stretchdesk.routine.content import SafetyContent
    from stretchdesk.session.avoid import AvoidOffer
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
    history_waiting: bool  # to be opened after the window's first paint: not yet
    late_notices: list[Notice]  # what opening it late said, until the banner takes it

    def open_history(self) -> None:
        from stretchdesk.history import HistoryError, HistoryStore  # noqa: PLC0415

        self.history_waiting = False
        try:
            self.store, found = HistoryStore.open(self.data.history, self.data.locks)
        except HistoryError as exc:
            self.notices.append(Notice(str(exc), error=True))
            with contextlib.suppress(HistoryError):
                self._reader = HistoryStore.open_readonly(self.data.history, self.data.locks).conn
            return
        self.notices.extend(Notice(n.message) for n in found)

    def open_history_late(self) -> None:
        """Open the history that waited for the window's first paint (or for the first
        read, if that came sooner); what opening it said waits in ``late_notices`` for the
        banner, and its upkeep starts (``store_opened``)."""
        if not self.history_waiting:
            return
        said = len(self.notices)
        self.open_history()
        self.late_notices.extend(self.notices[said:])
        if self.store is not None and self.store_opened is not None:
            self.store_opened(self.store)

    def _history_again(self) -> None:
        """The history could not be opened at the start (a full disk, say): try again before
        a session, so that it is recorded once the problem is gone."""
        from stretchdesk.history import HistoryError, HistoryStore  # noqa: PLC0415

        if self.history_waiting:
            self.open_history_late()
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
        from stretchdesk.history.reader import HistoryReader  # noqa: PLC0415

        return HistoryReader(lambda: self.history)

    @property
    def history(self) -> sqlite3.Connection:
        """A connection to read the history from (an empty one if there is none)."""
        self.open_history_late()
        if self.store is not None:
            return self.store.conn
        if self._reader is None:
            from stretchdesk.history.schema import empty_history  # noqa: PLC0415

            self._reader = empty_history()
        return self._reader

    def last_session(self) -> SessionSummary | None:
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415

        try:
            return self.reader.last_session()
        except HistoryReadError:
            return None

    def streak_days(self, today: date) -> int:
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415
        from stretchdesk.schedule.zone import local_zone  # noqa: PLC0415

        try:
            return self.reader.streak(today, local_zone())  # the zone with its rules
        except HistoryReadError:
            return 0

    def sessions_since(self, since: datetime) -> list[SessionSummary]:
        """Sessions since then, oldest first; none if the history cannot be read."""
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415

        try:
            return self.reader.sessions_since(since)
        except HistoryReadError:
            return []

    def avoid_offers(self, routine: Routine) -> list[AvoidOffer]:
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415
        from stretchdesk.session.avoid import offers_for  # noqa: PLC0415

        try:
            stopped = self.reader.unresolved_pain_stops()
        except HistoryReadError:
            return []
        return offers_for(routine, stopped)

    def not_today(self, declined: NotToday) -> str | None:
        """Keep the suggestions read before "not today"; a sentence if that failed."""
        from stretchdesk.history import HistoryError  # noqa: PLC0415
        from stretchdesk.history.shown import suggestions_shown  # noqa: PLC0415

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
