"""What the command line's commands share: one line on stderr, and the history opened
read-only (export and report read it; neither ever writes it)."""

from __future__ import annotations

import sys

from stretchdesk import paths
from stretchdesk.history import HistoryStore


def say(message: str) -> None:
    """One line for the person at the terminal, on stderr (stdout may be the export)."""
    print(f"stretchdesk: {message}", file=sys.stderr)


def readonly_history(data: paths.DataPaths) -> HistoryStore | None:
    """The history opened read-only; None when there is none yet. HistoryError (one
    sentence) when it cannot be opened."""
    if not data.history.exists():
        return None
    return HistoryStore.open_readonly(data.history, data.locks)  # (whose app is still open)
