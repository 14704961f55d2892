"""The one TOML writer: any text, any key, every setting and every part of a routine draft
reads back exactly as it was written."""

from __future__ import annotations

import math
import tomllib
from dataclasses import asdict, fields, replace
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchdesk import tomlwrite
from stretchdesk.routine import Phase
from stretchdesk.routine.draft import Draft, DraftStep, Value, to_toml
from stretchdesk.schedule.days import FIRST_PLAN_DAY, LAST_PLAN_DAY
from stretchdesk.schedule.reminders import format_days, format_quiet, format_times
from stretchdesk.settings import (
    CHOICES as _CHOICES,
)
from stretchdesk.settings import (
    RANGES,
    Preferences,
    checked,
    dumps,
    load_prefs,
    save_prefs,
)

SOME_TEXT = st.text(max_size=40)  # every code point TOML can hold (no lone surrogates)
NASTY = st.sampled_from(
    ["", "\n", "\r\n", '"', '"""', "'''", "\\", "\\u0000", "\x00", "\x08", "\x1f", "\x7f",
     "\u2028", "\ufeff", "\U0010ffff", "a = 1\n[x]", "# no", "é", "\t"]
)  # fmt: skip
TEXT = st.one_of(SOME_TEXT, NASTY, st.lists(NASTY, max_size=6).map("".join))


@given(TEXT)
def test_any_text_reads_back_exactly(text: str) -> None:
    assert tomllib.loads(f"v = {tomlwrite.string(text)}") == {"v": text}


@given(TEXT, TEXT)
def test_any_key_reads_back_exactly(key: str, text: str) -> None:
    assert tomllib.loads(tomlwrite.assignment(key, text)) == {key: text}
    assert tomllib.loads(f"[{tomlwrite.dotted('t', key)}]\nv = 1\n") == {"t": {key: {"v": 1}}}


def test_every_control_character_and_the_escapes() -> None:
    every = "".join(chr(c) for c in range(0x80)) + "\x85\u2028\u2029\ufffe\uffff"
    written = tomlwrite.string(every)
    assert "\n" not in written and "\x7f" not in written
    assert tomllib.loads(f"v = {written}")["v"] == every
    assert tomlwrite.string('\b\t\n\f\r"\\') == r'"\b\t\n\f\r\"\\"'
    assert tomlwrite.string("\x00\x1b\x7f") == r'"\u0000\u001B\u007F"'


def test_keys_are_bare_only_when_they_can_be() -> None:
    assert tomlwrite.key("lead_in") == "lead_in"
    assert tomlwrite.key("A-z_09") == "A-z_09"
    for name in ("", "a b", "a.b", "é", "a=b", "[x]", "a\n"):
        assert tomlwrite.key(name).startswith('"'), name


def test_what_toml_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="surrogate"):
        tomlwrite.string("a\ud800b")
    with pytest.raises(ValueError, match="no value for"):
        tomlwrite.value(None)
    with pytest.raises(ValueError, match="no value for"):
        tomlwrite.value({"a": 1})


@given(st.floats() | st.integers() | st.booleans())
def test_numbers_read_back(number: float) -> None:
    back = tomllib.loads(tomlwrite.assignment("n", number))["n"]
    assert back == number or (math.isnan(number) and math.isnan(back))
    assert type(back) is type(number)


@given(st.lists(TEXT | st.integers(), max_size=5))
def test_arrays_read_back(items: list[Any]) -> None:
    assert tomllib.loads(tomlwrite.assignment("a", items))["a"] == items


# ---------------------------------------------------------------------- every setting


def _numbers(name: str, default: object) -> st.SearchStrategy[Any]:
    low, high = RANGES[name]
    if isinstance(default, int):
        return st.integers(int(low), int(high))
    return st.floats(low, high)


ROUTINE_ID = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
MINUTE = st.builds(time, st.integers(0, 23), st.integers(0, 59))
SETTINGS: dict[str, st.SearchStrategy[Any]] = {
    "reminder_times": st.lists(MINUTE, max_size=8, unique=True).map(format_times),
    "reminder_days": st.sets(st.integers(0, 6)).map(format_days),
    "quiet_hours": st.just("")
    | st.tuples(MINUTE, MINUTE).filter(lambda pair: pair[0] != pair[1]).map(format_quiet),
    "reminder_routine": st.just("") | ROUTINE_ID,
    "plan_start": st.just("") | st.dates(FIRST_PLAN_DAY, LAST_PLAN_DAY).map(date.isoformat),
    "sync_folder": st.sampled_from(("", "/home/me/Sync", "~/Nextcloud/stretch ä")),
}
for _field in fields(Preferences):
    _default = getattr(Preferences(), _field.name)
    if _field.name in SETTINGS:
        continue
    if isinstance(_default, bool):
        SETTINGS[_field.name] = st.booleans()
    elif _field.name in RANGES:
        SETTINGS[_field.name] = _numbers(_field.name, _default)
    else:
        SETTINGS[_field.name] = st.sampled_from(_CHOICES[_field.name])
PREFERENCES = st.fixed_dictionaries(SETTINGS).map(lambda values: Preferences(**values))


def test_every_setting_has_a_strategy() -> None:
    assert set(SETTINGS) == {f.name for f in fields(Preferences)}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(PREFERENCES)
def test_every_setting_reads_back(tmp_path: Path, prefs: Preferences) -> None:
    path = tmp_path / "settings.toml"
    save_prefs(path, prefs)
    loaded = load_prefs(path)
    assert loaded.problems == []
    assert loaded.prefs == prefs


TEXT_SETTINGS = [f.name for f in fields(Preferences) if isinstance(f.default, str)]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TEXT_SETTINGS), TEXT)
def test_a_hostile_text_setting_is_written_whole_or_refused(
    tmp_path: Path, name: str, text: str
) -> None:
    """Either the value is one the setting can hold (and it reads back as it was written),
    or it is refused by name before anything is written: never a file that wipes the
    others."""
    path = tmp_path / "settings.toml"
    before = Preferences(safety_seen=True, health_asked=True, health_hip=True)
    save_prefs(path, before)
    changed: dict[str, Any] = {name: text}
    prefs = replace(before, **changed)
    try:
        save_prefs(path, prefs)
    except ValueError as exc:
        assert name in str(exc)
        assert load_prefs(path).prefs == before
    else:  # as it was, or written the usual way ("7:05" as "07:05")
        loaded = load_prefs(path)
        assert asdict(loaded.prefs) == checked(prefs)[0] and loaded.problems == []
    assert tomllib.loads(dumps(before))["safety_seen"] is True


# ---------------------------------------------------------------------- a routine draft

HEAD = st.fixed_dictionaries(
    dict.fromkeys(("id", "title", "description", "author", "note", "source"), TEXT)
)
STEP_TEXT = st.dictionaries(
    st.sampled_from(["title", "instructions", "caution", "position", "image"]), TEXT, max_size=3
)
TRANSLATIONS = st.dictionaries(TEXT, st.dictionaries(TEXT, TEXT, max_size=3), max_size=3).map(
    lambda tables: tuple((lang, tuple(pairs.items())) for lang, pairs in tables.items())
)


@given(HEAD, STEP_TEXT, st.lists(TEXT, max_size=3), TRANSLATIONS)
def test_every_part_of_a_draft_reads_back(
    head: dict[str, str],
    step_text: dict[str, str],
    lines: list[str],
    translations: tuple[tuple[str, tuple[tuple[str, str], ...]], ...],
) -> None:
    keys: tuple[tuple[str, Value], ...] = (
        *sorted(step_text.items()),
        ("instructions", tuple(lines)),
        ("hold", 12.5),
    )
    step = DraftStep("knee-to-chest", Phase.STRETCH, keys)
    rewarm = DraftStep("pelvic-tilt", Phase.WARMUP, (("caution", head["note"]),))
    draft = Draft(**head, steps=(step,), rewarm=(rewarm,), translations=translations)
    data = tomllib.loads(to_toml(draft))
    for key, text in head.items():
        assert data.get(key, "") == text.strip()
    assert data["step"] == [
        {"exercise": "knee-to-chest", "phase": "stretch"}
        | dict(step_text)
        | {"instructions": lines, "hold": 12.5}
    ]
    assert data["rewarm"] == [{"exercise": "pelvic-tilt", "caution": head["note"]}]
    assert data.get("translation", {}) == {lang: dict(pairs) for lang, pairs in translations}
