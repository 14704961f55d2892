"""The window keeps trying what the history could not take: after a pain-stop on a full
disk nothing else happens in the session, but a key press or a click on the recovery screen
(or the timer) writes it once space is back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.pending_writes import keep
from tests.history.helpers import Flaky
from tests.ui.flows import engine_of, press, read_history, run_until, start_session


def test_a_key_press_writes_the_waiting_pain_stop(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = window.services.store
    assert store is not None
    keeper = keep(window)
    flaky = Flaky(store, monkeypatch)
    start_session(qtbot, window, "quick-relief")
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    flaky.full = True
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert store.upkeep.pending > 0
    assert any("disk is full" in m for m in window.banner.messages)
    assert read_history(data_dir, "SELECT outcome FROM session") == [("running",)]
    press(qtbot, window, Qt.Key.Key_Tab)  # still full: it waits
    QApplication.processEvents()
    assert store.upkeep.pending > 0
    flaky.full = False  # space is back
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: store.upkeep.pending == 0)
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
    assert read_history(data_dir, "SELECT exercise_id FROM pain_report") == [("knee-to-chest",)]
    qtbot.waitUntil(lambda: not any("disk is full" in m for m in window.banner.messages))
    assert window.banner.messages == [
        "Space was found: everything that waited is now saved in the history."
    ]
    keeper.deleteLater()
