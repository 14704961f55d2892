"""``--routine ID`` and ``--routine FILE`` both open that routine's session, ready to start,
through the usual questions, and after the safety screen on a first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.routine import Routine, resolve_routine
from stretchdesk.session import EngineState
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, engine_of, press

OWN = """
id = "my-physio"
title = "From my physio"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
"""


def _routine(window: MainWindow, how: str, tmp_path: Path) -> Routine:
    services = window.services
    if how == "id":
        return resolve_routine("quick-relief", services.catalog, services.library)
    path = tmp_path / "elsewhere" / "my-physio.toml"
    path.parent.mkdir()
    path.write_text(OWN, encoding="utf-8")
    return resolve_routine(str(path), services.catalog, services.library)


@pytest.mark.parametrize("how", ["id", "file"])
def test_the_routine_opens_ready_to_start(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, tmp_path: Path, how: str
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    window = make_window()
    routine = _routine(window, how, tmp_path)
    window.open_routine(routine)
    assert window.current is window.session
    assert engine_of(window).routine.id == routine.id
    assert engine_of(window).state is EngineState.READY
    assert routine.id in window.start.cards  # and it is on the routine list from now on


@pytest.mark.parametrize("how", ["id", "file"])
def test_the_pain_question_comes_first_when_it_is_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, how: str
) -> None:
    window.open_routine(_routine(window, how, tmp_path))
    assert window.current is window.pain_before
    qtbot.mouseClick(window.pain_before.scale.rating_button(3), Qt.MouseButton.LeftButton)
    assert window.current is window.session
    assert engine_of(window).state is EngineState.READY


def test_a_first_run_reads_the_safety_screen_first(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, tmp_path: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(pain_ratings=False))
    window = make_window()
    window.open_routine(_routine(window, "file", tmp_path))
    assert window.current is window.safety
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current is window.health  # the optional health check, once
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current is window.session
    assert engine_of(window).routine.id == "my-physio"
