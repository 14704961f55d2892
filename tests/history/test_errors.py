"""SQLite errors become the project's typed errors by their result code, not their words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stretchdesk.history.errors import HistoryUnwritable, HistoryWriteFailed, classify
from tests.history.helpers import sqlite_error

PATH = Path("/somewhere/history.sqlite")


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        (sqlite3.SQLITE_FULL, HistoryWriteFailed, "The disk is full"),
        (sqlite3.SQLITE_READONLY, HistoryUnwritable, "cannot be written"),
        (sqlite3.SQLITE_READONLY_DIRECTORY, HistoryUnwritable, "cannot be written"),
        (sqlite3.SQLITE_CANTOPEN, HistoryUnwritable, "cannot be written"),
        (sqlite3.SQLITE_PERM, HistoryUnwritable, "cannot be written"),
        (sqlite3.SQLITE_BUSY, HistoryWriteFailed, "busy in another program"),
        (sqlite3.SQLITE_IOERR, HistoryWriteFailed, "could not be saved"),
    ],
)
def test_classified_by_code(code: int, kind: type, words: str) -> None:
    error = classify(sqlite_error(code, "whatever SQLite says"), PATH)
    assert type(error) is kind
    assert words in str(error)


def test_the_words_of_a_message_decide_nothing() -> None:
    error = classify(sqlite_error(sqlite3.SQLITE_CORRUPT, "database or disk is full"), PATH)
    assert isinstance(error, HistoryWriteFailed) and not error.disk_full
