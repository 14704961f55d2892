"""Every setting declared for a group of the Settings screen has its control there, shows
as it is and comes back as it was; a change made elsewhere shows at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk.settings import CHOICES, RANGES, Place, Preferences
from stretchdesk.settings.declared import shown_in
from stretchdesk.ui.settings.settings_screen import SettingsScreen
from stretchdesk.ui.shell.main_window import MainWindow

GROUPS = (Place.SESSION, Place.SCREEN, Place.SOUND, Place.MAT, Place.ADVICE)
SHOWN = [name for place in GROUPS for name in shown_in(place)]


def _other(name: str) -> Any:
    default = getattr(Preferences(), name)
    if isinstance(default, bool):
        return not default
    if name in CHOICES:
        return next(choice for choice in CHOICES[name] if choice != default)
    low, high = RANGES[name]
    return type(default)(low if default != low else high)


def test_every_setting_of_a_settings_group_has_a_control(qtbot: QtBot) -> None:
    screen = SettingsScreen(date(2026, 11, 2))
    qtbot.addWidget(screen)
    assert set(SHOWN) == {*screen.controls, "voice_rate"}


@pytest.mark.parametrize("name", SHOWN)
def test_each_control_shows_its_setting_and_gives_it_back(qtbot: QtBot, name: str) -> None:
    screen = SettingsScreen(date(2026, 11, 2))
    qtbot.addWidget(screen)
    prefs = replace(Preferences(), **{name: _other(name)})
    screen.show_prefs(prefs)
    toggled = screen.sound if name != "sound" else screen.voice
    with qtbot.waitSignal(screen.changed) as emitted:
        toggled.setChecked(not toggled.isChecked())
    made = emitted.args[0]
    assert isinstance(made, Preferences)
    assert getattr(made, name) == getattr(prefs, name)


def test_a_change_made_elsewhere_shows_in_settings(window: MainWindow) -> None:
    window.nav_to("settings")
    window.apply_prefs(replace(window.services.prefs, volume=30, reminders=True))
    assert window.settings.volume.value() == 30
    assert window.settings.reminders.on.isChecked()
    assert window.settings.result.text() == "Saved."
