"""The user's settings, kept in ``settings.toml`` in the config directory. No Qt.

Reading never fails and never waits: a value out of range or of the wrong kind falls back
to its default and is named in ``problems``. A file that is not TOML is read line by line
for what can still be used (the first-run screen seen and the health answers above all);
``open_prefs`` then keeps the damaged file aside and writes what was saved from it.
Writing checks every value, writes it with the one TOML writer (stretchdesk/tomlwrite.py),
and goes to a temporary file that replaces the old one, so a full disk never leaves half a
settings file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from stretchdesk import tomlwrite
from stretchdesk.history.files import atomic_text
from stretchdesk.i18n import LANGUAGES, _, ngettext
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.tomlfile import cost_problem
from stretchdesk.schedule.days import MAX_PLAN_WEEKS, Plan, plan_start_problem
from stretchdesk.schedule.reminders import (
    ReminderRules,
    format_days,
    format_quiet,
    format_times,
    parse_days,
    parse_quiet,
    parse_times,
)
from stretchdesk.schedule.small_file import NotReadable, read_small
from stretchdesk.screen_fit import SESSION_MODES
from stretchdesk.session.advice import AdviceSettings
from stretchdesk.session.health import Answer
from stretchdesk.session.settings import SessionSettings

THEMES = ("system", "light", "dark")
TEXT_SIZES = ("normal", "large", "extra-large")
MAX_SETTINGS_BYTES = 64 * 1024

# name -> (lowest, highest) for the numbers (the Settings screen's limits too); choices for
# the words
RANGES: dict[str, tuple[float, float]] = {
    "lead_in": (3, 30),
    "hold_percent": (50, 200),
    "rewarm_minutes": (5, 60),
    "full_rewarm_minutes": (10, 120),
    "volume": (0, 100),
    "voice_rate": (-1.0, 1.0),
    "advice_severe_pain": (5, 10),
    "advice_worse_count": (1, 5),
    "advice_trend_days": (7, 42),
    "advice_repeated_stops": (1, 10),
    "plan_weeks": (1, MAX_PLAN_WEEKS),
}
VOICE_RATE_STEPS = 5  # the Settings screen shows voice_rate -1.0..1.0 as -5..5


def whole_range(name: str) -> tuple[int, int]:
    """A number setting's limits as whole numbers, for a spin box."""
    low, high = RANGES[name]
    return int(low), int(high)


LANGUAGE_CHOICES = ("", *LANGUAGES)  # "": the desktop's
_CHOICES: dict[str, tuple[str, ...]] = {
    "theme": THEMES,
    "text_size": TEXT_SIZES,
    "language": LANGUAGE_CHOICES,
    "session_window": SESSION_MODES,
}


def _plan_start(text: str) -> str:
    if not text:
        return ""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("should be a date like 2027-01-04")) from None
    problem = plan_start_problem(day)
    if problem is not None:
        raise ValueError(problem)
    return day.isoformat()


def _routine_id(text: str) -> str:
    text = text.strip()
    if text and not is_id(text):
        raise ValueError(_("should be a routine's id: lower-case words joined by hyphens"))
    return text


def _sync_folder(text: str) -> str:
    text = text.strip()
    if text and (not Path(text).expanduser().is_absolute() or not text.isprintable()):
        raise ValueError(_("should be a folder's full path, or empty for none"))
    return text


# text settings: a function that returns the value written the usual way, or raises
# ValueError with the reason
_TEXTS: dict[str, Callable[[str], str]] = {
    "reminder_times": lambda text: format_times(parse_times(text)),
    "reminder_days": lambda text: format_days(parse_days(text)),
    "quiet_hours": lambda text: format_quiet(parse_quiet(text)),
    "reminder_routine": _routine_id,
    "plan_start": _plan_start,
    "sync_folder": _sync_folder,
}


@dataclass(frozen=True)
class Preferences:
    safety_seen: bool = False
    lead_in: int = 5  # seconds to get ready for the next exercise
    hold_percent: int = 100  # holds at 50 % to 200 % of the routine's
    pain_ratings: bool = True  # ask for a 0-10 rating before and after
    rewarm_minutes: int = 10  # warm-up counts as fresh this long after it ended
    full_rewarm_minutes: int = 25  # after this long idle, the whole warm-up again
    theme: str = "system"
    text_size: str = "normal"
    language: str = ""  # "": the desktop's; else one of i18n.LANGUAGES (at the next start)
    session_window: str = "full-screen"  # a session fills the screen (screen_fit.SESSION_MODES)
    sound: bool = True
    volume: int = 70
    voice: bool = True
    voice_rate: float = 0.0
    media_keys: bool = True  # the session as a media player (MPRIS): headset and media keys
    voice_commands: bool = False  # listen for a few words during a session (listen extra)
    # suggestions from the history (session/advice.py: each default and its source)
    advice_severe_pain: int = 7  # a rating before a session at least this (7-10: severe)
    advice_worse_count: int = 3  # 2 points worse after than before in this many of the last 5
    advice_trend_days: int = 14  # moderate pain before sessions that has not eased over this long
    advice_repeated_stops: int = 2  # pain-stops on one exercise within 30 days
    # the optional health check (session/health.py), kept on this computer only
    health_asked: bool = False
    health_pregnant: bool = False
    health_osteoporosis: bool = False
    health_back_surgery: bool = False
    health_hip: bool = False  # a hip replacement, or hip surgery
    health_under_16: bool = False
    # reminders between sessions (schedule/); off until the person turns them on
    reminders: bool = False
    reminder_times: str = "08:00 18:00"  # morning and evening: the app's own choice
    reminder_days: str = "mon tue wed thu fri sat sun"
    reminder_routine: str = ""  # a routine id; empty: the first one on offer
    quiet_hours: str = "22:00-07:00"  # empty: none
    reminder_offered: bool = False  # the first completed session has offered them
    start_at_login: bool = False  # the XDG autostart entry (stretchdesk --background)
    tray_note_shown: bool = False  # "still running in the tray" has been said once
    plan_weeks: int = 6  # "every day for N weeks": CSP says at least 6 to 8
    plan_start: str = ""  # ISO date the plan began; empty: no plan
    sync_folder: str = ""  # history shared with the person's other computers (history/sync/)
    sync_routines: bool = True  # and their own routines, through the same folder

    def reminder_rules(self) -> ReminderRules:
        return ReminderRules(
            parse_times(self.reminder_times),
            parse_days(self.reminder_days),
            parse_quiet(self.quiet_hours),
        )

    def plan(self) -> Plan | None:
        """The plan, if one was begun (None too for a date or length out of range)."""
        if not self.plan_start:
            return None
        try:
            return Plan(date.fromisoformat(self.plan_start), self.plan_weeks)
        except ValueError:
            return None

    def health_answers(self) -> frozenset[Answer]:
        return frozenset(answer for answer in Answer if getattr(self, f"health_{answer.value}"))

    def with_health(self, answers: frozenset[Answer]) -> Preferences:
        given: dict[str, Any] = {f"health_{answer.value}": answer in answers for answer in Answer}
        return replace(self, health_asked=True, **given)

    def advice_settings(self) -> AdviceSettings:
        return replace(
            AdviceSettings(),
            high_pain=self.advice_severe_pain,
            worse_count=self.advice_worse_count,
            trend_days=self.advice_trend_days,
            repeated_stops=self.advice_repeated_stops,
        )

    def session_settings(self) -> SessionSettings:
        """Timing for a new session; a running session keeps the settings it started with."""
        full = max(self.full_rewarm_minutes, self.rewarm_minutes)
        base = SessionSettings()
        return replace(
            base,
            lead_in=float(self.lead_in),
            position_change_lead_in=max(float(self.lead_in), base.position_change_lead_in),
            hold_scale=self.hold_percent / 100.0,
            rewarm_after=self.rewarm_minutes * 60.0,
            full_rewarm_after=full * 60.0,
        )


def _check(name: str, value: Any, default: Any) -> Any:
    """The value if it fits the setting, else raise ValueError with the reason."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(_("should be true or false"))
        return value
    if isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(_("should be a number"))
        low, high = RANGES[name]
        if not low <= value <= high:
            raise ValueError(_("should be between {low:g} and {high:g}").format(low=low, high=high))
        return int(value) if isinstance(default, int) else float(value)
    if name in _TEXTS:
        if not isinstance(value, str):
            raise ValueError(_("should be text"))
        return _TEXTS[name](value)
    if value not in _CHOICES[name]:
        raise ValueError(_("should be one of {list}").format(list=", ".join(_CHOICES[name])))
    return value


@dataclass
class LoadedPreferences:
    prefs: Preferences
    problems: list[str] = field(default_factory=list)
    used: int = 0  # settings read from the file and used
    damaged: str | None = None  # why the file is not TOML (what could be read was used)


MAX_PROBLEM_CHARS = 300  # a line of the banner's details, however long the value


def _said(problem: str) -> str:
    return problem if len(problem) <= MAX_PROBLEM_CHARS else problem[:MAX_PROBLEM_CHARS] + "…"


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
    defaults = Preferences()
    values: dict[str, Any] = {}
    problems: list[str] = []
    data = _renamed(data, label, problems)
    known = {f.name for f in fields(Preferences)}
    for name, value in data.items():
        if name not in known:
            problems.append(
                _("{label}: unknown setting {name} ignored").format(label=label, name=repr(name))
            )
            continue
        try:
            values[name] = _check(name, value, getattr(defaults, name))
        except ValueError as exc:
            problems.append(
                _("{label}: {name} {exc}; the default is used").format(
                    label=label, name=name, exc=exc
                )
            )
    return LoadedPreferences(
        replace(defaults, **values), [_said(p) for p in problems], used=len(values)
    )


def checked(prefs: Preferences) -> tuple[dict[str, Any], list[str]]:
    """Every setting's value as it is written (times and dates the usual way), and every
    value that does not fit its setting, in words (none for settings the app made)."""
    defaults = Preferences()
    values: dict[str, Any] = {}
    problems = []
    for name, value in asdict(prefs).items():
        try:
            values[name] = _check(name, value, getattr(defaults, name))
        except ValueError as exc:
            problems.append(_said(f"{name} {exc}"))
    return values, problems


BYTE_ORDER_MARK = "\ufeff"
_SETTING_LINE = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=")


def salvage(text: str) -> dict[str, Any]:
    """The settings that can still be read from a damaged file, each on its own line (the
    first of a setting written twice)."""
    known = {f.name for f in fields(Preferences)} | set(RENAMED)
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


def load_prefs(path: Path) -> LoadedPreferences:
    """The settings in ``path``; changes nothing on disk."""
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
        return _damaged(path, text, _said(str(exc) or type(exc).__name__))
    return from_mapping(data, path.name)


def _damaged(path: Path, text: str, reason: str) -> LoadedPreferences:
    loaded = from_mapping(salvage(text), path.name)
    kept = loaded.used
    said = _("{path} is damaged ({reason}).").format(path=path, reason=reason)
    if kept:
        said += " " + ngettext(
            "{count} setting could still be read from it and is kept; the others are back "
            "to their defaults.",
            "{count} settings could still be read from it and are kept; the others are back "
            "to their defaults.",
            kept,
        ).format(count=kept)
    else:
        said += " " + _("None of its settings could be read: the defaults are used.")
    return LoadedPreferences(loaded.prefs, [said, *loaded.problems], kept, reason)


def open_prefs(path: Path) -> LoadedPreferences:
    """``load_prefs``, and a damaged file kept aside (renamed, so nothing is lost) with what
    could be read from it written in its place at once, so the next start has it too."""
    loaded = load_prefs(path)
    if loaded.damaged is None:
        return loaded
    kept = _keep_aside(path)
    if kept is None:
        return loaded  # left where it is: the next save replaces it
    loaded.problems[0] += " " + _("The damaged file was kept as {name}.").format(name=kept.name)
    try:
        save_prefs(path, loaded.prefs)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        loaded.problems.append(
            _("The settings could not be written again ({reason}).").format(reason=reason)
        )
    return loaded


def _keep_aside(path: Path) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def dumps(prefs: Preferences) -> str:
    """The settings file's text; ValueError names every value that does not fit."""
    values, problems = checked(prefs)
    if problems:
        raise ValueError("; ".join(problems))
    lines = ["# stretchdesk settings; edited by the app's Settings screen", ""]
    lines += tomlwrite.table(values)
    return "\n".join(lines) + "\n"


def save_prefs(path: Path, prefs: Preferences) -> None:
    """Write the settings atomically; raises OSError (with strerror) when it cannot, and
    ValueError (before writing anything) for a value that does not fit its setting."""
    text = dumps(prefs)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(path) as out:
        out.write(text)
