"""The one-time flags (``Kind.FLAG``: the safety screen read, the health check asked, the
reminders offered, the tray note said) in ``state.json`` beside what the reminders last did,
not among the settings. No Qt.

An earlier version kept them in ``settings.toml``: a flag set in either file counts (each
only ever goes from false to true), so nobody sees the first run again; the next save
writes them here and leaves them out of the settings.

The health answers and ``plan_start`` stay settings: the person gives and changes them
(the health check opened from Settings, the plan's box, which shows the date it began),
and they change what is offered, so they are kept, salvaged and backed up with the rest.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stretchdesk.atomic import atomic_text
from stretchdesk.i18n import _
from stretchdesk.schedule.small_file import NotReadable, read_small
from stretchdesk.settings.declared import FLAGS

STATE_NAME = "state.json"
MAX_STATE_BYTES = 16 * 1024


def beside(settings: Path) -> Path:
    """The state file of a data folder that holds everything (``--data-dir``, tests)."""
    return settings.with_name(STATE_NAME)


def load_flags(path: Path) -> tuple[dict[str, bool], list[str]]:
    """The flags the state file sets, and what could not be used, in words."""
    try:
        found = read_small(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return {}, []
    except NotReadable as exc:
        return {}, [_("{path} cannot be read ({reason})").format(path=path, reason=exc)]
    try:
        if found.too_large:
            raise ValueError(_("it is far too large"))
        data: Any = json.loads(found.data.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError(_("it holds no names and values"))
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError too
        return {}, [_("{path} is damaged ({reason}).").format(path=path, reason=exc)]
    flags: dict[str, bool] = {}
    problems = []
    for name, value in data.items():
        if name not in FLAGS:
            continue  # a later version's: left alone
        if isinstance(value, bool):
            flags[name] = value
        else:
            problems.append(
                _("{label}: {name} {exc}; the default is used").format(
                    label=path.name, name=name, exc=_("should be true or false")
                )
            )
    return flags, problems


def save_flags(path: Path, flags: dict[str, bool]) -> None:
    """Write the flags atomically; raises OSError (with strerror) when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(path) as out:
        out.write(json.dumps(flags, indent=1, sort_keys=True) + "\n")
