"""The session history in SQLite: schema, migrations, recovery, queries, export. No Qt."""

from stretchdesk.history.errors import (
    HistoryError,
    HistoryNotice,
    HistoryTooNew,
    HistoryUnwritable,
    HistoryWriteFailed,
    NoticeKind,
)
from stretchdesk.history.recorder import SessionRecorder
from stretchdesk.history.store import HistoryStore

__all__ = [
    "HistoryError",
    "HistoryNotice",
    "HistoryStore",
    "HistoryTooNew",
    "HistoryUnwritable",
    "HistoryWriteFailed",
    "NoticeKind",
    "SessionRecorder",
]
