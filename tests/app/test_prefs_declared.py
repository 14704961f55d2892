"""Each setting is declared once; loading, saving and the checks come from the declaration."""

from __future__ import annotations

import tomllib
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from stretchdesk.settings import (
    CHOICES,
    DECLARATIONS,
    FLAGS,
    RANGES,
    SETTINGS,
    Kind,
    Place,
    Preferences,
    dumps,
    from_mapping,
    load_prefs,
    save_prefs,
)
from stretchdesk.settings.declared import shown_in

DEFAULTS = Preferences()


def _other_value(name: str) -> Any:
    """A value that fits the setting and is not its default."""
    default = getattr(DEFAULTS, name)
    if isinstance(default, bool):
        return not default
    if name in RANGES:
        low, high = RANGES[name]
        value = high if default != high else low
        return type(default)(value)
    if name in CHOICES:
        return next(c for c in CHOICES[name] if c != default)
    return {
        "reminder_times": "07:05 19:00",
        "reminder_days": "mon wed",
        "reminder_routine": "my-routine",
        "quiet_hours": "",
        "plan_start": "2027-01-04",
        "sync_folder": "/srv/shared/stretchdesk",
    }[name]


def _bad_value(name: str) -> Any:
    default = getattr(DEFAULTS, name)
    if isinstance(default, bool):
        return "yes"
    if name in RANGES:
        return RANGES[name][1] + 1000
    if name in CHOICES:
        return "purple"
    return 12


def test_every_field_is_declared_once_as_a_setting_or_a_flag() -> None:
    names = [f.name for f in fields(Preferences)]
    assert list(DECLARATIONS) == names
    assert sorted(SETTINGS + FLAGS) == sorted(names)
    assert set(FLAGS) == {"safety_seen", "health_asked", "reminder_offered", "tray_note_shown"}
    assert all(DECLARATIONS[n].kind is Kind.FLAG for n in FLAGS)
    assert all(DECLARATIONS[n].place is Place.NOWHERE for n in FLAGS)
    assert set(shown_in(Place.HEALTH)) == {
        "health_pregnant",
        "health_osteoporosis",
        "health_back_surgery",
        "health_hip",
        "health_under_16",
    }


@pytest.mark.parametrize("name", [f.name for f in fields(Preferences)])
def test_every_declared_value_saves_and_loads_back(tmp_path: Path, name: str) -> None:
    prefs = replace(DEFAULTS, **{name: _other_value(name)})
    save_prefs(tmp_path / "settings.toml", prefs)
    loaded = load_prefs(tmp_path / "settings.toml")
    assert loaded.problems == [] and loaded.prefs == prefs
    assert tomllib.loads(dumps(prefs))[name] == getattr(prefs, name)


@pytest.mark.parametrize("name", [f.name for f in fields(Preferences)])
def test_every_bad_value_falls_back_to_its_default_with_a_note(name: str) -> None:
    """A good value beside it is kept."""
    other = "volume" if name != "volume" else "lead_in"
    loaded = from_mapping({name: _bad_value(name), other: 8}, "settings.toml")
    assert getattr(loaded.prefs, name) == getattr(DEFAULTS, name)
    assert getattr(loaded.prefs, other) == 8
    assert len(loaded.problems) == 1 and name in loaded.problems[0]
    assert "default" in loaded.problems[0]


def test_a_value_that_does_not_fit_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    with pytest.raises(ValueError, match="volume"):
        save_prefs(path, replace(DEFAULTS, volume=500))
    assert not path.exists() and not (tmp_path / "state.json").exists()
