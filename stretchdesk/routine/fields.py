"""Typed reading of TOML tables that collects every problem instead of stopping at one."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.routine.controls import first_control
from stretchdesk.routine.errors import Problem, quoted, shorten
from stretchdesk.routine.model import Sides, Timing

E = TypeVar("E", bound=StrEnum)

# Upper limits beyond which a timing is taken for a typing mistake.
LIMITS: dict[str, tuple[float, float, str]] = {
    # key: (minimum exclusive unless 0 allowed, maximum inclusive, human name)
    "duration": (0, 30 * 60, "duration"),
    "hold": (0, 10 * 60, "hold"),
    "rep_seconds": (0, 120, "rep_seconds"),
    "rest": (0, 5 * 60, "rest"),
}
MAX_REPS = 100
MAX_TITLE = 120  # characters of a title
MAX_TEXT = 2000  # characters of any other text: a description, a caution, a source
MAX_LINE = 500  # characters of one line of a list of lines (instructions)
MAX_BREAKS = 4  # line breaks in a longer text: a few paragraphs, never a screen of blank lines
NAMED_KEYS = 5  # unknown keys named in a problem; the rest are counted
TIMING_KEYS = ("duration", "hold", "rep_seconds", "reps", "rest", "sides")


@dataclass
class TableReader:
    """Reads one table, recording problems with a fixed location."""

    file: str
    table: Mapping[str, Any]
    step: int | None = None
    title: str | None = None
    where: str = ""  # prefix such as "timing: " for problem messages
    section: str = N_("step")
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(
            Problem(self.file, self.where + message, self.step, self.title, section=self.section)
        )

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        known = set(allowed)
        unknown = [k for k in self.table if k not in known]
        if unknown:
            names = ", ".join(f'"{shorten(k)}"' for k in sorted(unknown)[:NAMED_KEYS])
            if len(unknown) > NAMED_KEYS:
                names += " " + _("and {n} more").format(n=len(unknown) - NAMED_KEYS)
            self.problem(
                ngettext("unknown key {names}", "unknown keys {names}", len(unknown)).format(
                    names=names
                )
            )

    def text(
        self, key: str, *, required: bool = False, default: str = "", most: int = MAX_TEXT
    ) -> str:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(_('"{key}" is missing').format(key=key))
            return default
        if not isinstance(value, str) or not value.strip():
            self.problem(_('"{key}" must be a non-empty text').format(key=key))
            return default
        if not self._short(key, value, most) or not self._plain(key, value, most > MAX_TITLE):
            return default
        return value.strip()

    def _plain(self, key: str, value: str, lines: bool) -> bool:
        """``value`` holds no control character, and no line break unless ``lines`` (then
        a few): a title that moves the cursor or runs down the screen would push the window
        (its Pain — stop button too) off it. A problem if not."""
        value = value.strip()
        char = first_control(value, lines=lines)
        if char is None and lines and value.count("\n") > MAX_BREAKS:
            self.problem(
                _('"{key}" has {count} line breaks; keep it to {most} or fewer').format(
                    key=key, count=value.count("\n"), most=MAX_BREAKS
                )
            )
            return False
        if char is None:
            return True
        if char in "\r\n":
            self.problem(_('"{key}" must be one line').format(key=key))
        else:
            self.problem(
                _(
                    '"{key}" holds a control character ({code}); only plain text can be shown'
                ).format(key=key, code=f"U+{ord(char):04X}")
            )
        return False

    def _short(self, key: str, value: str, most: int) -> bool:
        """``value`` is at most ``most`` characters long; a problem if not."""
        if len(value.strip()) <= most:
            return True
        self.problem(
            _('"{key}" is {length} characters long; keep it to {most} or fewer').format(
                key=key, length=len(value.strip()), most=most
            )
        )
        return False

    def lines(self, key: str, *, required: bool = False, at_most: int = 8) -> tuple[str, ...]:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(_('"{key}" is missing').format(key=key))
            return ()
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            self.problem(_('"{key}" must be a list of short texts').format(key=key))
            return ()
        if len(value) > at_most:
            self.problem(
                _('"{key}" has {count} lines; keep it to {at_most} or fewer').format(
                    key=key, count=len(value), at_most=at_most
                )
            )
            return ()
        if not all(self._short(key, v, MAX_LINE) and self._plain(key, v, False) for v in value):
            return ()
        return tuple(v.strip() for v in value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.problem(_('"{key}" must be true or false').format(key=key))
            return default
        return value

    def choice(self, key: str, kind: type[E], *, required: bool = False) -> E | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.problem(_('"{key}" is missing').format(key=key))
            return None
        try:
            return kind(value)
        except ValueError:
            options = ", ".join(f'"{m.value}"' for m in kind)
            self.problem(
                _('"{key}" is {value}; it must be one of {options}').format(
                    key=key, value=quoted(value), options=options
                )
            )
            return None

    def number(self, key: str, *, low: float, high: float) -> float | None:
        """An optional number of seconds within ``low``..``high``."""
        value = self.table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self.problem(_('"{key}" must be a number of seconds').format(key=key))
            return None
        if not low <= value <= high:
            self.problem(
                _('"{key}" must be between {low:g} and {high:g} seconds (it is {value:g})').format(
                    key=key, low=low, high=high, value=value
                )
            )
            return None
        return float(value)

    def timing_fields(self) -> dict[str, Any]:
        """The timing keys present in this table, checked for type and range."""
        found: dict[str, Any] = {}
        for key, (low, high, name) in LIMITS.items():
            if key not in self.table:
                continue
            value = self.table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
                self.problem(_('"{name}" must be a number of seconds').format(name=name))
            elif key == "rest" and value < 0:
                self.problem(
                    _('"{name}" must not be negative (it is {value:g})').format(
                        name=name, value=value
                    )
                )
            elif key != "rest" and value <= low:
                self.problem(
                    _('"{name}" must be more than zero seconds (it is {value:g})').format(
                        name=name, value=value
                    )
                )
            elif value > high:
                self.problem(
                    _(
                        '"{name}" of {value:g} s is too long (at most {high:g} s); is it a '
                        "typing mistake?"
                    ).format(name=name, value=value, high=high)
                )
            else:
                found[key] = float(value)
        if "reps" in self.table:
            reps = self.table["reps"]
            if isinstance(reps, bool) or not isinstance(reps, int):
                self.problem(_('"reps" must be a whole number'))
            elif reps < 1:
                self.problem(_('"reps" must be at least 1 (it is {reps})').format(reps=reps))
            elif reps > MAX_REPS:
                self.problem(
                    _('"reps" of {reps} is too many (at most {most})').format(
                        reps=reps, most=MAX_REPS
                    )
                )
            else:
                found["reps"] = reps
        if "sides" in self.table:
            sides = self.choice("sides", Sides)
            if sides is not None:
                found["sides"] = sides
        return found


_FORM_KEYS = {
    "duration": ("hold", "rep_seconds", "reps", "rest"),
    "hold": ("duration", "rep_seconds"),
    "rep_seconds": ("duration", "hold", "rest"),
}


def merge_timing(defaults: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a step's timing keys over an exercise's defaults.

    Naming one timing form in the step (duration, hold or rep_seconds) drops the
    default's other form, so a step can turn a hold into a timed movement.
    """
    merged = dict(defaults)
    for key, dropped in _FORM_KEYS.items():
        if key in overrides:
            for other in dropped:
                if other not in overrides:
                    merged.pop(other, None)
    merged.update(overrides)
    return merged


def build_timing(fields: Mapping[str, Any], reader: TableReader) -> Timing | None:
    """Turn checked timing fields into a Timing, or record why they do not make one."""
    forms = [k for k in ("duration", "hold", "rep_seconds") if k in fields]
    sides = fields.get("sides", Sides.NONE)
    if not forms:
        reader.problem(
            _(
                'timing is missing: give "duration", or "hold" and "reps", '
                'or "rep_seconds" and "reps"'
            )
        )
        return None
    if len(forms) > 1:
        reader.problem(_("give only one of {list}").format(list=", ".join(forms)))
        return None
    form = forms[0]
    if form == "duration":
        if "reps" in fields and fields["reps"] != 1:
            reader.problem(_('"reps" does not go with "duration"'))
            return None
        if sides is Sides.ALTERNATE:
            reader.problem(
                _('sides "alternate" needs reps: use "hold" or "rep_seconds" with "reps"')
            )
            return None
        return Timing(duration=fields["duration"], sides=sides)
    if "reps" not in fields:
        reader.problem(_('"reps" is missing (needed with "{form}")').format(form=form))
        return None
    if form == "hold":
        return Timing(
            hold=fields["hold"], reps=fields["reps"], rest=fields.get("rest", 0.0), sides=sides
        )
    return Timing(rep_seconds=fields["rep_seconds"], reps=fields["reps"], sides=sides)
