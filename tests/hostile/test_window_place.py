"""The file that keeps the window's size and place, damaged or replaced: the window opens
inside the screen at once, and closing it never fails."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.settings import Preferences, save_prefs
from tests.ui import conftest as ui_fixtures
from tests.ui.flows import WindowFactory

# the real window's fixtures (tests/ui/conftest.py), for this folder's tests too
make_window = ui_fixtures.make_window
no_unexpected_dialogs = ui_fixtures.no_unexpected_dialogs
speechd = ui_fixtures.speechd


def _folder(place: Path) -> None:
    place.mkdir()


def _pipe(place: Path) -> None:
    os.mkfifo(place)  # nobody writes: a read would wait for ever


def _huge(place: Path) -> None:
    place.write_bytes(b"normal\n" + b"A" * 5_000_000)


def _garbage(place: Path) -> None:
    place.write_bytes(b"maximised\n\xff\xfe not base64 \x00")


def _wrong_bytes(place: Path) -> None:
    place.write_text("full-screen\nAAAA\n")  # decodes, but is no saved geometry


@pytest.mark.parametrize("damage", [_folder, _pipe, _huge, _garbage, _wrong_bytes])
def test_a_damaged_place_opens_the_window_inside_the_screen_at_once(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, damage: Callable[[Path], None]
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    place = paths.DataPaths(data_dir).window
    place.parent.mkdir(parents=True, exist_ok=True)
    damage(place)
    began = time.monotonic()
    window = make_window()
    assert time.monotonic() - began < 5
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))
    assert not window.isFullScreen()
    window.close()  # saving over a folder or a pipe fails quietly; the window still closes
    assert not window.isVisible()
