"""Whether the folder this computer writes to is the one it wrote its sessions to before.

A session is written into the folder once (``session.shared``). When the person chooses
another folder, or their folder was emptied, or a share's mount point is written to while
the share is not mounted and then the share comes back, the sessions noted as written are
not all in the folder they see now. So this computer's own folder there holds a random
mark (``<device>/folder-id``), kept also beside the history (``sync-folder-id``): when the
two differ, every session of this computer is written again (a file already there is left
as it is: written again, it is the same). No Qt.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from pathlib import Path

from stretchdesk.atomic import write_whole as write_here
from stretchdesk.history.migrate import transaction
from stretchdesk.history.sync.folder import write_whole as write_there
from stretchdesk.history.sync.names import is_uid

MARK = "folder-id"  # in this computer's own folder of the shared folder
KEPT = "sync-folder-id"  # beside the history


def _read(path: Path) -> str | None:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = path.read_text("ascii").strip()
        if is_uid(text):
            return text
    return None


def check(conn: sqlite3.Connection, own: Path, data_folder: Path) -> bool:
    """Make sure the sessions noted as written are in the folder seen now: True if they
    were all noted as not written yet (a new or another folder, the first time after
    sessions were written). OSError if the folder cannot be written (nothing is changed
    then)."""
    there = _read(own / MARK)
    if there is not None and there == _read(data_folder / KEPT):
        return False
    noted = "SELECT 1 FROM session WHERE device IS NULL AND shared = 1 LIMIT 1"
    if conn.execute(noted).fetchone() is None:
        return False  # nothing written anywhere yet: the mark comes with the first files
    if there is None:
        there = secrets.token_hex(16)
        write_there(own / MARK, f"{there}\n".encode("ascii"), replace=True)
    with transaction(conn):
        conn.execute("UPDATE session SET shared = 0 WHERE device IS NULL AND shared = 1")
    write_here(data_folder / KEPT, f"{there}\n".encode("ascii"))
    return True
