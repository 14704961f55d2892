"""The window's quick start (``Services.load`` with ``quick_bytes``, as app.py opens the
window) opens the history just after the first paint: the routines screen is drawn without
it, then shows the last session and what opening the history said. A read before then
opens it at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.routine.catalog import QUICK_BYTES
from stretchdesk.services import Services
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow


@pytest.fixture
def quick_services(data_dir: Path) -> Iterator[Services]:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))
    services = Services.load(paths.DataPaths(data_dir), quick_bytes=QUICK_BYTES)
    yield services
    services.close()


def test_the_history_waits_for_the_first_paint(
    qtbot: QtBot, data_dir: Path, quick_services: Services
) -> None:
    assert quick_services.history_waiting
    assert quick_services.store is None
    window = MainWindow(quick_services)
    qtbot.addWidget(window)
    assert window.start.last.text() == ""  # drawn without the history
    window.show()
    qtbot.waitUntil(lambda: quick_services.store is not None)
    assert not quick_services.history_waiting
    qtbot.waitUntil(lambda: "No sessions yet" in window.start.last.text())
    assert (data_dir / "history.sqlite").is_file()


def test_what_opening_it_said_shows_in_the_banner(
    qtbot: QtBot, data_dir: Path, quick_services: Services
) -> None:
    (data_dir / "history.sqlite").write_text("not a database " * 100)
    window = MainWindow(quick_services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: quick_services.store is not None)
    qtbot.waitUntil(lambda: "damaged" in " ".join(window.banner.messages))
    assert quick_services.late_notices == []  # handed to the banner once


def test_a_read_before_the_first_paint_opens_it_at_once(quick_services: Services) -> None:
    assert quick_services.last_session() is None
    assert quick_services.store is not None
    assert not quick_services.history_waiting


def test_the_history_is_opened_at_once_without_the_quick_start(data_dir: Path) -> None:
    services = Services.load(paths.DataPaths(data_dir))
    try:
        assert services.store is not None and not services.history_waiting
    finally:
        services.close()


def test_the_first_paint_loads_none_of_the_history_or_the_engine() -> None:
    # (the list test_first_paint_modules.py holds the child process to)
    allowed = (Path(__file__).parent / "first_paint_modules.txt").read_text()
    assert "stretchdesk.history" not in allowed
    assert "stretchdesk.session.engine" not in allowed
