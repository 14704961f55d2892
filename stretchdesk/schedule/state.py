"""What the reminders last did, kept across restarts in ``reminders.json`` (the state
directory): when one was last shown, and when "Later" asks again. No Qt.

It is state, not a setting: the Settings screen never writes it. Reading never fails and
never waits: a missing file is an empty state; a damaged one, or a time in it that is not a
time with its zone between 2000 and a day from now, is left out and named in ``problems``
(at worst one reminder comes again). Writing replaces the file atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from stretchdesk.atomic import atomic_text
from stretchdesk.i18n import _
from stretchdesk.schedule.reminders import AHEAD
from stretchdesk.schedule.small_file import NotReadable, read_small

MAX_BYTES = 4096
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # no reminder was shown before this
KEYS = ("shown", "snoozed_until")


@dataclass(frozen=True)
class ReminderState:
    shown: datetime | None = None
    snoozed_until: datetime | None = None


@dataclass(frozen=True)
class LoadedState:
    state: ReminderState = ReminderState()
    problems: list[str] = field(default_factory=list)


def _moment(value: object, now: datetime) -> datetime | None:
    """The UTC instant ``value`` names, if it is one between EARLIEST and now + AHEAD."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return None
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    if moment < EARLIEST or moment - now > AHEAD:
        return None
    return moment


def load_state(path: Path, now: datetime) -> LoadedState:
    """The state kept in ``path``; ``now`` (aware) bounds the times that are believed."""
    name = path.name
    try:
        found = read_small(path, MAX_BYTES)
    except FileNotFoundError:
        return LoadedState()
    except NotReadable as exc:
        return LoadedState(
            problems=[_("{name} cannot be read ({reason}).").format(name=name, reason=exc)]
        )
    damaged = [_("{name} is damaged; it is read as empty.").format(name=name)]
    if found.too_large:
        return LoadedState(problems=damaged)
    try:
        data = json.loads(found.data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return LoadedState(problems=damaged)
    if not isinstance(data, dict):
        return LoadedState(problems=damaged)
    values: dict[str, datetime | None] = {}
    problems = []
    for key in KEYS:
        given = data.get(key)
        values[key] = _moment(given, now)
        if given is not None and values[key] is None:
            problems.append(
                _(
                    "{name}: {key} is not a time with its zone between {first} and a day "
                    "from now ({value}); it is left out."
                ).format(name=name, key=key, first=EARLIEST.year, value=repr(given)[:80])
            )
    return LoadedState(ReminderState(**values), problems)


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
