"""What the reminders last did, kept across restarts in ``reminders.json`` (the state
directory): when one was last shown, and when "Later" asks again. No Qt.

It is state, not a setting: the Settings screen never writes it. Reading never fails (a
missing or damaged file is an empty state: at worst one reminder comes again); writing
replaces the file atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from stretchdesk.history.files import atomic_text

MAX_BYTES = 4096


@dataclass(frozen=True)
class ReminderState:
    shown: datetime | None = None
    snoozed_until: datetime | None = None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def load_state(path: Path) -> ReminderState:
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(MAX_BYTES + 1)[:MAX_BYTES])
    except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[..." nested deep
        return ReminderState()
    if not isinstance(data, dict):
        return ReminderState()
    return ReminderState(_moment(data.get("shown")), _moment(data.get("snoozed_until")))


def save_state(path: Path, state: ReminderState) -> None:
    """Raises OSError (with strerror) when it cannot be written."""
    data = {
        "shown": state.shown.isoformat() if state.shown else None,
        "snoozed_until": state.snoozed_until.isoformat() if state.snoozed_until else None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(path) as out:
        json.dump(data, out)
        out.write("\n")
