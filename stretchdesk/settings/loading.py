"""Reading the settings: never fails and never waits. A value out of range or of the wrong
kind falls back to its default and is named in ``problems``. A file that is not TOML is read
line by line for what can still be used (the health answers above all); ``open_prefs``
then keeps the damaged file aside and writes what was saved from it. The one-time flags
come from the state file (stretchdesk/settings/flags.py). No Qt."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from stretchdesk.i18n import _, ngettext
from stretchdesk.routine.tomlfile import cost_problem
from stretchdesk.schedule.small_file import NotReadable, read_small
from stretchdesk.settings.declared import DECLARATIONS, FLAGS, Preferences, check, said
from stretchdesk.settings.flags import beside, load_flags
from stretchdesk.settings.saving import save_prefs

MAX_SETTINGS_BYTES = 64 * 1024


@dataclass
class LoadedPreferences:
    prefs: Preferences
    problems: list[str] = field(default_factory=list)
    used: int = 0  # values read from the files and used
    damaged: str | None = None  # why the file is not TOML (what could be read was used)
    read: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # their names


# a setting of an earlier version -> the settings it became; its value goes to each that the
# file does not set itself (one answer "back or hip surgery, or a hip replacement" became two)
RENAMED = {"health_surgery": ("health_back_surgery", "health_hip")}
# a setting of an earlier version whose default changed -> (its new name, the old default): a
# file written by that version holds the old default whether or not it was chosen, so that
# value gives way to the new default, and any other value is kept (the severe-pain prompt
# began at 8 while the pain scale calls 7 severe)
RETIRED_DEFAULTS = {"advice_high_pain": ("advice_severe_pain", 8)}


def _renamed(data: dict[str, Any], label: str, problems: list[str]) -> dict[str, Any]:
    out = {
        name: value
        for name, value in data.items()
        if name not in RENAMED and name not in RETIRED_DEFAULTS
    }
    for old, (name, old_default) in RETIRED_DEFAULTS.items():
        if old in data and data[old] != old_default:
            out.setdefault(name, data[old])
    for old, new in RENAMED.items():
        if old not in data:
            continue
        if not isinstance(data[old], bool):  # named as the file has it
            problems.append(
                _("{label}: {name} {exc}; the default is used").format(
                    label=label, name=old, exc=_("should be true or false")
                )
            )
            continue
        for name in new:
            out.setdefault(name, data[old])
    return out


def from_mapping(data: dict[str, Any], label: str) -> LoadedPreferences:
    """The settings a file holds (the one-time flags too, as earlier versions kept them)."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    data = _renamed(data, label, problems)
    for name, value in data.items():
        if name not in DECLARATIONS:
            problems.append(
                _("{label}: unknown setting {name} ignored").format(label=label, name=repr(name))
            )
            continue
        try:
            values[name] = check(name, value)
        except ValueError as exc:
            problems.append(
                _("{label}: {name} {exc}; the default is used").format(
                    label=label, name=name, exc=exc
                )
            )
    return LoadedPreferences(
        replace(Preferences(), **values),
        [said(p) for p in problems],
        used=len(values),
        read=frozenset(values),
    )


BYTE_ORDER_MARK = "\ufeff"
_SETTING_LINE = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


def salvage(text: str) -> dict[str, Any]:
    """The settings that can still be read from a damaged file, each on its own line (the
    first of a setting written twice)."""
    known = set(DECLARATIONS) | set(RENAMED)
    found: dict[str, Any] = {}
    for line in text.split("\n"):
        match = _SETTING_LINE.match(line)
        if match is None or match.group(1) not in known or match.group(1) in found:
            continue
        try:
            data = tomllib.loads(line.rstrip("\r"))
        except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError
            continue
        if match.group(1) in data:
            found[match.group(1)] = data[match.group(1)]
    return found


def load_prefs(path: Path, state: Path | None = None) -> LoadedPreferences:
    """The settings in ``path`` with the flags in ``state`` (by default the state file
    beside it); changes nothing on disk."""
    return _with_flags(_load_settings(path), state or beside(path))


def _load_settings(path: Path) -> LoadedPreferences:
    try:
        found = read_small(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return LoadedPreferences(Preferences())
    except NotReadable as exc:
        return LoadedPreferences(
            Preferences(), [_("{path} cannot be read ({reason})").format(path=path, reason=exc)]
        )
    text = found.data.decode("utf-8", errors="replace").removeprefix(BYTE_ORDER_MARK)
    try:
        if found.too_large:
            raise ValueError(_("it is far too large for a settings file"))
        found.data.decode("utf-8")
        costly = cost_problem(text, path.name)  # nesting or dotted keys that tomllib is slow on
        if costly is not None:
            raise ValueError(costly.message)
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        return _damaged(path, text, _("not UTF-8 text at byte {at}").format(at=exc.start))
    except (ValueError, RecursionError, MemoryError) as exc:  # TOMLDecodeError is a ValueError
        return _damaged(path, text, said(str(exc) or type(exc).__name__))
    return from_mapping(data, path.name)


def _with_flags(loaded: LoadedPreferences, state: Path) -> LoadedPreferences:
    """A flag counts when either file sets it: the settings file of an earlier version, or
    the state file."""
    flags, problems = load_flags(state)
    prefs = loaded.prefs
    merged: dict[str, Any] = {n: getattr(prefs, n) or flags.get(n, False) for n in FLAGS}
    more = set(flags) - loaded.read
    return replace(
        loaded,
        prefs=replace(prefs, **merged),
        problems=loaded.problems + [said(p) for p in problems],
        used=loaded.used + len(more),
        read=loaded.read | more,
    )


def _damaged(path: Path, text: str, reason: str) -> LoadedPreferences:
    loaded = from_mapping(salvage(text), path.name)
    kept = loaded.used
    message = _("{path} is damaged ({reason}).").format(path=path, reason=reason)
    if kept:
        message += " " + ngettext(
            "{count} setting could still be read from it and is kept; the others are back "
            "to their defaults.",
            "{count} settings could still be read from it and are kept; the others are back "
            "to their defaults.",
            kept,
        ).format(count=kept)
    else:
        message += " " + _("None of its settings could be read: the defaults are used.")
    return LoadedPreferences(loaded.prefs, [message, *loaded.problems], kept, reason, loaded.read)


def open_prefs(path: Path, state: Path | None = None) -> LoadedPreferences:
    """``load_prefs``, and a damaged file kept aside (renamed, so nothing is lost) with what
    could be read from it written in its place at once, so the next start has it too."""
    loaded = load_prefs(path, state)
    if loaded.damaged is None:
        return loaded
    kept = _keep_aside(path)
    if kept is None:
        return loaded  # left where it is: the next save replaces it
    loaded.problems[0] += " " + _("The damaged file was kept as {name}.").format(name=kept.name)
    try:
        save_prefs(path, loaded.prefs, state)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        loaded.problems.append(
            _("The settings could not be written again ({reason}).").format(reason=reason)
        )
    return loaded


def _keep_aside(path: Path) -> Path | None:
    from stretchdesk.history.timefmt import utc_now  # noqa: PLC0415 - only when damaged

    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target
