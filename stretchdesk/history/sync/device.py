"""This computer's device id: random, made once, kept in the data folder beside the
history, so two data folders (two computers, or two ``--data-dir``) are two devices."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sqlite3
from collections import Counter
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


def computer_labels(conn: sqlite3.Connection) -> dict[str, str]:
    """Each computer's name by its device id (this one's under THIS_COMPUTER); two computers
    of one name (a default host name) told apart by the start of the other's id."""
    try:
        rows = [(str(d), str(n)) for d, n in conn.execute("SELECT device, name FROM sync_device")]
    except sqlite3.OperationalError:  # older than the sync tables
        return {}
    used = Counter(name for _device, name in rows)
    return {
        device: name if used[name] == 1 or device == THIS_COMPUTER else f"{name} ({device[:6]})"
        for device, name in rows
    }


def computer_names(conn: sqlite3.Connection) -> dict[int, str]:
    """Each session's computer by its name ("" where none is known: a history that was
    never shared, or older than the sync tables)."""
    labels = computer_labels(conn)
    if not labels:
        return {}
    return {
        int(sid): labels[str(device)]
        for sid, device in conn.execute(
            "SELECT id, COALESCE(device, ?) FROM session", (THIS_COMPUTER,)
        )
        if str(device) in labels
    }


def shared_with_others(conn: sqlite3.Connection, *, or_sent: bool = False) -> bool:
    """The history holds sessions done on another computer (``or_sent``: or has sent one
    of its own to the shared folder: the export's columns stay the same from its first
    session shared on)."""
    sql = "SELECT 1 FROM session WHERE device IS NOT NULL"
    if or_sent:
        sql += " OR shared = 1"
    try:
        return conn.execute(sql + " LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # older than the sync tables
        return False


def sessions_per_computer(conn: sqlite3.Connection, low: str, high: str) -> list[tuple[str, int]]:
    """How many finished sessions started in [low, high) on each computer, by name (this
    computer's as "" unless it was named in the sync folder), most first; [] for a history
    never shared with another computer."""
    if not shared_with_others(conn):
        return []
    names = computer_labels(conn)
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
    labels = computer_labels(conn)
    return {
        int(sid): labels.get(str(device)) or str(device)[:8]
        for sid, device in conn.execute("SELECT id, device FROM session WHERE device IS NOT NULL")
    }
