"""The one-time flags live in state.json beside what the reminders last did, not among the
settings; a settings.toml of an earlier version that holds them still counts, and the next
save moves them."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.services import Services
from stretchdesk.settings import FLAGS, SETTINGS, Preferences, PrefsStore, load_prefs, save_prefs

EARLIER = (
    "safety_seen = true\nhealth_asked = true\nhealth_pregnant = true\nreminder_offered = true\n"
    "tray_note_shown = true\nlead_in = 9\n"
)


def test_the_flags_are_kept_apart_from_the_settings(tmp_path: Path) -> None:
    settings, state = tmp_path / "config" / "settings.toml", tmp_path / "state" / "state.json"
    prefs = Preferences(safety_seen=True, health_asked=True, health_hip=True, lead_in=8)
    save_prefs(settings, prefs, state)
    written = tomllib.loads(settings.read_text(encoding="utf-8"))
    assert set(written) == set(SETTINGS)
    assert written["health_hip"] is True  # an answer is a setting
    flags = json.loads(state.read_text(encoding="utf-8"))
    assert set(flags) == set(FLAGS)
    assert flags["safety_seen"] and flags["health_asked"] and not flags["tray_note_shown"]
    assert load_prefs(settings, state).prefs == prefs


def test_an_earlier_settings_file_keeps_its_flags_and_the_next_save_moves_them(
    tmp_path: Path,
) -> None:
    data = paths.DataPaths(tmp_path / "data", config=tmp_path / "config", state=tmp_path / "st")
    data.settings.parent.mkdir()
    data.settings.write_text(EARLIER, encoding="utf-8")
    store = PrefsStore(data.settings, data.flags)
    prefs = store.prefs
    assert store.loaded.problems == []
    assert (prefs.safety_seen, prefs.health_asked, prefs.reminder_offered) == (True, True, True)
    assert prefs.tray_note_shown and prefs.health_pregnant and prefs.lead_in == 9
    assert not data.flags.exists()  # reading changes nothing
    assert store.save(replace(prefs, theme="dark")) is None
    text = data.settings.read_text(encoding="utf-8")
    assert "safety_seen" not in text and "health_pregnant = true" in text
    assert json.loads(data.flags.read_text(encoding="utf-8"))["safety_seen"] is True
    assert PrefsStore(data.settings, data.flags).prefs == replace(prefs, theme="dark")


def test_the_app_finds_the_first_run_done_in_an_earlier_settings_file(tmp_path: Path) -> None:
    data = paths.DataPaths(tmp_path)
    data.settings.write_text(EARLIER, encoding="utf-8")
    services = Services.load(data)
    try:
        assert services.prefs.safety_seen and services.prefs.health_asked
        assert not services.notices
    finally:
        services.close()


def test_a_flag_set_in_either_file_counts(tmp_path: Path) -> None:
    settings, state = tmp_path / "settings.toml", tmp_path / "state.json"
    settings.write_text("safety_seen = true\n", encoding="utf-8")
    state.write_text('{"health_asked": true, "safety_seen": false}\n', encoding="utf-8")
    prefs = load_prefs(settings, state).prefs
    assert prefs.safety_seen and prefs.health_asked and not prefs.reminder_offered


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("{", "damaged"),
        ("[1, 2]", "damaged"),
        ('{"safety_seen": "yes"}', "safety_seen"),
        ("\xff", "damaged"),
    ],
)
def test_a_bad_state_file_is_named_and_nothing_else_lost(
    tmp_path: Path, text: str, named: str
) -> None:
    settings, state = tmp_path / "settings.toml", tmp_path / "state.json"
    settings.write_text("safety_seen = true\nlead_in = 7\n", encoding="utf-8")
    state.write_bytes(text.encode("latin-1"))
    loaded = load_prefs(settings, state)
    assert loaded.prefs == Preferences(safety_seen=True, lead_in=7)
    assert len(loaded.problems) == 1 and named in loaded.problems[0]


def test_a_state_file_that_cannot_be_written_leaves_the_flags_in_the_settings(
    tmp_path: Path,
) -> None:
    settings, state = tmp_path / "settings.toml", tmp_path / "blocked" / "state.json"
    (tmp_path / "blocked").write_text("a file where the folder would be", encoding="utf-8")
    store = PrefsStore(settings, state)
    problem = store.save(Preferences(safety_seen=True))
    assert problem is not None and str(tmp_path / "blocked") in problem
    assert load_prefs(settings, state).prefs.safety_seen  # read from the settings file
