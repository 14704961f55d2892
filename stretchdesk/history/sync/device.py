"""This computer's device id: random, made once, kept in the data folder beside the
history, so two data folders (two computers, or two ``--data-dir``) are two devices."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sqlite3
from pathlib import Path

from stretchdesk.history.sync.names import is_uid

DEVICE_FILE = "device-id"


def device_id(data_folder: Path) -> str:
    """The id kept in ``data_folder``; made (and written whole) the first time."""
    path = data_folder / DEVICE_FILE
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = path.read_text("ascii").strip()
        if is_uid(text):
            return text
    made = secrets.token_hex(16)
    data_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{DEVICE_FILE}.{made[:8]}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(handle, (made + "\n").encode("ascii"))
        os.fsync(handle)
    finally:
        os.close(handle)
    temporary.replace(path)
    return made


def computer_name() -> str:
    """The name the other computers show for this one: its host name."""
    return (socket.gethostname() or "computer")[:200]


THIS_COMPUTER = ""  # sync_device's row for this computer's own name


def computer_names(conn: sqlite3.Connection) -> dict[int, str]:
    """Each session's computer by its name ("" where none is known: a history that was
    never shared, or older than the sync tables)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_device'"
    ).fetchone()
    if has is None:
        return {}
    return {
        int(sid): str(name)
        for sid, name in conn.execute(
            "SELECT s.id, d.name FROM session s JOIN sync_device d "
            "ON d.device = COALESCE(s.device, ?)",
            (THIS_COMPUTER,),
        )
    }


def shared_with_others(conn: sqlite3.Connection) -> bool:
    """The history holds sessions done on another computer."""
    try:
        return (
            conn.execute("SELECT 1 FROM session WHERE device IS NOT NULL LIMIT 1").fetchone()
            is not None
        )
    except sqlite3.OperationalError:  # older than the sync tables
        return False


def sessions_per_computer(conn: sqlite3.Connection, low: str, high: str) -> list[tuple[str, int]]:
    """How many finished sessions started in [low, high) on each computer, by name (this
    computer's as "" unless it was named in the sync folder), most first; [] for a history
    never shared with another computer."""
    if not shared_with_others(conn):
        return []
    names = {
        str(device): str(name)
        for device, name in conn.execute("SELECT device, name FROM sync_device")
    }
    counts = conn.execute(
        "SELECT COALESCE(device, ?), COUNT(*) FROM session WHERE started_at >= ? "
        "AND started_at < ? AND outcome != 'running' GROUP BY 1 ORDER BY 2 DESC, 1",
        (THIS_COMPUTER, low, high),
    )
    return [(names.get(str(device), str(device)[:8]), int(n)) for device, n in counts]


def other_computers(conn: sqlite3.Connection) -> dict[int, str]:
    """The sessions done on another computer, each with that computer's name."""
    if not shared_with_others(conn):
        return {}
    return {
        int(sid): str(name or device[:8])
        for sid, device, name in conn.execute(
            "SELECT s.id, s.device, d.name FROM session s LEFT JOIN sync_device d "
            "ON d.device = s.device WHERE s.device IS NOT NULL"
        )
    }
