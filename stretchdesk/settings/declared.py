"""Every setting and one-time flag, declared once: its name, type and default are the field
of ``Preferences``; its range or choices, whether it is a setting or a flag, and where it
shows are the field's ``Declared``. Loading, saving, the checks and the Settings screen's
limits are derived from these. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from stretchdesk.i18n import LANGUAGES, _
from stretchdesk.routine.ids import is_id
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
from stretchdesk.screen_fit import SESSION_MODES
from stretchdesk.session.health import Answer
from stretchdesk.session.settings import SessionSettings

if TYPE_CHECKING:  # (the advice loads with the history, after the first paint)
    from stretchdesk.session.advice import AdviceSettings

THEMES = ("system", "light", "dark")
TEXT_SIZES = ("normal", "large", "extra-large")
LANGUAGE_CHOICES = ("", *LANGUAGES)  # "": the desktop's
VOICE_RATE_STEPS = 5  # the Settings screen shows voice_rate -1.0..1.0 as -5..5


class Kind(Enum):
    SETTING = "setting"  # chosen by the person: settings.toml
    FLAG = "flag"  # a one-time flag the app keeps (a screen seen, an offer made): state.json


class Place(Enum):
    """Where a value shows: a group of the Settings screen, another screen, or nowhere."""

    SESSION = "the session"
    SCREEN = "the screen"
    SOUND = "sound and voice"
    MAT = "control from the mat"
    REMINDERS = "reminders and plan"
    ADVICE = "suggestions"
    HEALTH = "the health check"  # its own screen, opened from Settings
    SHARING = "sharing between computers"  # its own section (ui/settings/sync_section.py)
    NOWHERE = "nowhere"


@dataclass(frozen=True)
class Declared:
    place: Place
    kind: Kind = Kind.SETTING
    low: float | None = None  # numbers: the lowest and highest (the spin boxes' limits too)
    high: float | None = None
    choices: tuple[str, ...] = ()  # words: the values it may take
    text: Callable[[str], str] | None = None  # text: the value written the usual way, or
    # ValueError with the reason


T = TypeVar("T")
DECLARED = "stretchdesk.declared"


def _declare(default: T, place: Place, **more: Any) -> T:
    return field(default=default, metadata={DECLARED: Declared(place, **more)})


def setting(default: T, place: Place, **more: Any) -> T:
    """A field that the person chooses."""
    return _declare(default, place, **more)


def flag() -> bool:
    """A one-time flag: false until the app has done it once (a screen read, an offer made)."""
    return _declare(False, Place.NOWHERE, kind=Kind.FLAG)


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


def _times(text: str) -> str:
    return format_times(parse_times(text))


def _days(text: str) -> str:
    return format_days(parse_days(text))


def _quiet(text: str) -> str:
    return format_quiet(parse_quiet(text))


def _sync_folder(text: str) -> str:
    text = text.strip()
    if text and (not Path(text).expanduser().is_absolute() or not text.isprintable()):
        raise ValueError(_("should be a folder's full path, or empty for none"))
    return text


def _routine_id(text: str) -> str:
    text = text.strip()
    if text and not is_id(text):
        raise ValueError(_("should be a routine's id: lower-case words joined by hyphens"))
    return text


@dataclass(frozen=True)
class Preferences:
    """What the person chose, and the one-time flags the app keeps (``Kind.FLAG``)."""

    safety_seen: bool = flag()
    # the session: seconds to get ready for the next exercise; holds at 50-200 % of the
    # routine's; a 0-10 rating before and after; the warm-up counts as fresh this long after
    # it ended, and after this long idle the whole warm-up comes again
    lead_in: int = setting(5, Place.SESSION, low=3, high=30)
    hold_percent: int = setting(100, Place.SESSION, low=50, high=200)
    pain_ratings: bool = setting(True, Place.SESSION)
    rewarm_minutes: int = setting(10, Place.SESSION, low=5, high=60)
    full_rewarm_minutes: int = setting(25, Place.NOWHERE, low=10, high=120)
    # the screen; language "": the desktop's (used from the next start)
    theme: str = setting("system", Place.SCREEN, choices=THEMES)
    text_size: str = setting("normal", Place.SCREEN, choices=TEXT_SIZES)
    language: str = setting("", Place.SCREEN, choices=LANGUAGE_CHOICES)
    session_window: str = setting("full-screen", Place.SCREEN, choices=SESSION_MODES)
    sound: bool = setting(True, Place.SOUND)
    volume: int = setting(70, Place.SOUND, low=0, high=100)
    voice: bool = setting(True, Place.SOUND)
    voice_rate: float = setting(0.0, Place.SOUND, low=-1.0, high=1.0)
    # the session as a media player (MPRIS); listening for a few words (the listen extra)
    media_keys: bool = setting(True, Place.MAT)
    voice_commands: bool = setting(False, Place.MAT)
    # suggestions from the history (session/advice.py: each default and its source): a rating
    # before a session at least this (7-10: severe); 2 points worse after than before in this
    # many of the last 5; moderate pain not easing over this long; pain-stops on one exercise
    # within 30 days
    advice_severe_pain: int = setting(7, Place.ADVICE, low=5, high=10)
    advice_worse_count: int = setting(3, Place.ADVICE, low=1, high=5)
    advice_trend_days: int = setting(14, Place.ADVICE, low=7, high=42)
    advice_repeated_stops: int = setting(2, Place.ADVICE, low=1, high=10)
    # the optional health check (session/health.py), kept on this computer only; health_hip:
    # a hip replacement, or hip surgery
    health_asked: bool = flag()
    health_pregnant: bool = setting(False, Place.HEALTH)
    health_osteoporosis: bool = setting(False, Place.HEALTH)
    health_back_surgery: bool = setting(False, Place.HEALTH)
    health_hip: bool = setting(False, Place.HEALTH)
    health_under_16: bool = setting(False, Place.HEALTH)
    # reminders between sessions (schedule/), off until the person turns them on; the routine
    # "": the first on offer; quiet hours "": none
    reminders: bool = setting(False, Place.REMINDERS)
    reminder_times: str = setting("08:00 18:00", Place.REMINDERS, text=_times)
    reminder_days: str = setting("mon tue wed thu fri sat sun", Place.REMINDERS, text=_days)
    reminder_routine: str = setting("", Place.REMINDERS, text=_routine_id)
    quiet_hours: str = setting("22:00-07:00", Place.REMINDERS, text=_quiet)
    reminder_offered: bool = flag()  # the first completed session has offered them
    start_at_login: bool = setting(False, Place.REMINDERS)  # the XDG autostart entry
    tray_note_shown: bool = flag()  # "still running in the tray" has been said once
    # "every day for N weeks" (CSP says at least 6 to 8), from the ISO date it began ("": none)
    plan_weeks: int = setting(6, Place.REMINDERS, low=1, high=MAX_PLAN_WEEKS)
    plan_start: str = setting("", Place.REMINDERS, text=_plan_start)
    # the history shared with the person's other computers (history/sync/), and their own
    # routines through the same folder
    sync_folder: str = setting("", Place.SHARING, text=_sync_folder)
    sync_routines: bool = setting(True, Place.SHARING)

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
        from stretchdesk.session.advice import AdviceSettings  # noqa: PLC0415

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


def _declared(item: Field[Any]) -> Declared:
    found = item.metadata[DECLARED]
    assert isinstance(found, Declared)
    return found


DECLARATIONS: dict[str, Declared] = {item.name: _declared(item) for item in fields(Preferences)}
DEFAULTS: dict[str, Any] = {item.name: item.default for item in fields(Preferences)}
FLAGS = tuple(name for name, d in DECLARATIONS.items() if d.kind is Kind.FLAG)
SETTINGS = tuple(name for name, d in DECLARATIONS.items() if d.kind is Kind.SETTING)
# name -> (lowest, highest) for the numbers; choices for the words
RANGES: dict[str, tuple[float, float]] = {
    name: (d.low, d.high)
    for name, d in DECLARATIONS.items()
    if d.low is not None and d.high is not None
}
CHOICES: dict[str, tuple[str, ...]] = {
    name: d.choices for name, d in DECLARATIONS.items() if d.choices
}


MAX_PROBLEM_CHARS = 300  # a line of the banner's details, however long the value


def said(problem: str) -> str:
    return problem if len(problem) <= MAX_PROBLEM_CHARS else problem[:MAX_PROBLEM_CHARS] + "…"


def whole_range(name: str) -> tuple[int, int]:
    """A number setting's limits as whole numbers, for a spin box."""
    low, high = RANGES[name]
    return int(low), int(high)


def shown_in(place: Place) -> tuple[str, ...]:
    """The values that show in one place, in the order they are declared."""
    return tuple(name for name, d in DECLARATIONS.items() if d.place is place)


def check(name: str, value: Any) -> Any:
    """The value if it fits the setting, else raise ValueError with the reason."""
    declared, default = DECLARATIONS[name], DEFAULTS[name]
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
    if declared.text is not None:
        if not isinstance(value, str):
            raise ValueError(_("should be text"))
        return declared.text(value)
    if value not in declared.choices:
        raise ValueError(_("should be one of {list}").format(list=", ".join(declared.choices)))
    return value
