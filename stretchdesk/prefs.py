"""The user's settings, kept in ``settings.toml`` in the data directory. No Qt.

Reading never fails: a value out of range or of the wrong kind falls back to its default
and is named in ``problems``; a file that is not TOML at all is renamed aside (so it is not
overwritten by the next save) and the defaults are used. Writing goes to a temporary file
that replaces the old one, so a full disk never leaves half a settings file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from stretchdesk.history.files import atomic_text
from stretchdesk.i18n import LANGUAGES, _
from stretchdesk.schedule.days import MAX_PLAN_WEEKS, Plan
from stretchdesk.schedule.reminders import (
    ReminderRules,
    format_days,
    format_quiet,
    format_times,
    parse_days,
    parse_quiet,
    parse_times,
)
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
    "advice_high_pain": (5, 10),
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
}


def _plan_start(text: str) -> str:
    return date.fromisoformat(text).isoformat() if text else ""


# text settings: a function that returns the value written the usual way, or raises
# ValueError with the reason
_TEXTS: dict[str, Callable[[str], str]] = {
    "reminder_times": lambda text: format_times(parse_times(text)),
    "reminder_days": lambda text: format_days(parse_days(text)),
    "quiet_hours": lambda text: format_quiet(parse_quiet(text)),
    "reminder_routine": str.strip,
    "plan_start": _plan_start,
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
    sound: bool = True
    volume: int = 70
    voice: bool = True
    voice_rate: float = 0.0
    media_keys: bool = True  # the session as a media player (MPRIS): headset and media keys
    voice_commands: bool = False  # listen for a few words during a session (listen extra)
    # suggestions from the history (session/advice.py); the thresholds are the app's own choice
    advice_high_pain: int = 8  # a rating before a session at least this
    advice_worse_count: int = 3  # worse after than before in this many of the last 5
    advice_trend_days: int = 14  # no meaningful fall in pain before sessions over this long
    advice_repeated_stops: int = 2  # pain-stops on one exercise within 30 days
    # the optional health check (session/health.py), kept on this computer only
    health_asked: bool = False
    health_pregnant: bool = False
    health_osteoporosis: bool = False
    health_surgery: bool = False
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

    def reminder_rules(self) -> ReminderRules:
        return ReminderRules(
            parse_times(self.reminder_times),
            parse_days(self.reminder_days),
            parse_quiet(self.quiet_hours),
        )

    def plan(self) -> Plan | None:
        return (
            Plan(date.fromisoformat(self.plan_start), self.plan_weeks) if self.plan_start else None
        )

    def health_answers(self) -> frozenset[Answer]:
        given = {
            Answer.PREGNANT: self.health_pregnant,
            Answer.OSTEOPOROSIS: self.health_osteoporosis,
            Answer.SURGERY: self.health_surgery,
            Answer.UNDER_16: self.health_under_16,
        }
        return frozenset(answer for answer, yes in given.items() if yes)

    def with_health(self, answers: frozenset[Answer]) -> Preferences:
        return replace(
            self,
            health_asked=True,
            health_pregnant=Answer.PREGNANT in answers,
            health_osteoporosis=Answer.OSTEOPOROSIS in answers,
            health_surgery=Answer.SURGERY in answers,
            health_under_16=Answer.UNDER_16 in answers,
        )

    def advice_settings(self) -> AdviceSettings:
        return replace(
            AdviceSettings(),
            high_pain=self.advice_high_pain,
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


@dataclass
class LoadedPreferences:
    prefs: Preferences
    problems: list[str] = field(default_factory=list)


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


def from_mapping(data: dict[str, Any], label: str) -> LoadedPreferences:
    defaults = Preferences()
    values: dict[str, Any] = {}
    problems: list[str] = []
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
    return LoadedPreferences(replace(defaults, **values), problems)


def load_prefs(path: Path) -> LoadedPreferences:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return LoadedPreferences(Preferences())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadedPreferences(
            Preferences(), [_("{path} cannot be read ({reason})").format(path=path, reason=reason)]
        )
    try:
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError(_("it is far too large for a settings file"))
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
        kept = _keep_aside(path)
        where = _("; it was kept as {name}").format(name=kept.name) if kept else ""
        return LoadedPreferences(
            Preferences(),
            [
                _("{path} is damaged ({exc}); default settings are used{where}").format(
                    path=path, exc=exc, where=where
                )
            ],
        )
    return from_mapping(data, path.name)


def _keep_aside(path: Path) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def dumps(prefs: Preferences) -> str:
    lines = ["# stretchdesk settings; edited by the app's Settings screen", ""]
    lines += [f"{name} = {_toml_value(value)}" for name, value in asdict(prefs).items()]
    return "\n".join(lines) + "\n"


def save_prefs(path: Path, prefs: Preferences) -> None:
    """Write the settings atomically; raises OSError (with strerror) when it cannot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_text(path) as out:
        out.write(dumps(prefs))
