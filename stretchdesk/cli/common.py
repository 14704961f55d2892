"""What the command line's commands share: one line on stderr, every text from a file made
harmless for a terminal, and the history opened read-only (export and report read it;
neither ever writes it)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from stretchdesk import paths
from stretchdesk.routine.controls import CONTROLS

if TYPE_CHECKING:
    from stretchdesk.history import HistoryStore

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2  # done; a problem said on stderr; a wrong option

# Characters a terminal acts on rather than shows (routine/controls.py), written out
_CONTROLS = sorted(CONTROLS)
_ESCAPED = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _CONTROLS}
_KEEP_LINES = {code: text for code, text in _ESCAPED.items() if chr(code) not in "\t\n\r"}
_ONE_LINE = str.maketrans(_ESCAPED)
_MANY_LINES = str.maketrans(_KEEP_LINES)


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` (a title, an id, a path, a problem: anything that came from a file) with
    every control character written out as ``\\x1b`` or ``\\u202e``, so it cannot move the
    cursor, clear the screen, reorder the line or start a fake new one. ``lines``: tabs
    and line ends are kept (a table written to a terminal)."""
    return text.translate(_MANY_LINES if lines else _ONE_LINE)


def stderr_line(message: str) -> None:
    """One line for the person at the terminal, on stderr (stdout may be the export)."""
    print(f"stretchdesk: {printable(message)}", file=sys.stderr)


def tell(message: str, stream: TextIO | None = None) -> None:
    """One line of a command's own output (stdout unless ``stream``), made printable."""
    print(printable(message), file=stream or sys.stdout)


def readonly_history(data: paths.DataPaths) -> HistoryStore | None:
    """The history opened read-only; None when there is none yet. HistoryError (one
    sentence) when it cannot be opened."""
    from stretchdesk.history import HistoryStore  # noqa: PLC0415 - not for the window

    if not data.history.exists():
        return None
    return HistoryStore.open_readonly(data.history, data.locks)  # (whose app is still open)
