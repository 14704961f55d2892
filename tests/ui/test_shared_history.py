"""Settings -> "Share history between my computers": a folder chosen, a pass over it after
the window is up, sessions from another computer in the history screen, unreadable files
in one line of the banner, and sharing stopped with what came kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from stretchdesk.history.sync.names import ROOT
from stretchdesk.history.sync.routines import RoutineSharing
from stretchdesk.settings import load_prefs
from stretchdesk.ui.history.shared_history import SharedHistory
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.sharing import share_history
from tests.history.sync.computers import computers


def _other_computer(tmp_path: Path, folder: Path) -> str:
    (work,) = computers(tmp_path / "elsewhere", folder, ("work",))
    work.session(0, note="done at work")
    work.session(60)
    work.run()
    work.store.close()
    routines = tmp_path / "elsewhere" / "work" / "routines"
    routines.mkdir()
    (routines / "from-work.toml").write_text(
        'id = "from-work"\ntitle = "From work"\n\n[[step]]\nexercise = "pelvic-tilt"\n'
    )
    RoutineSharing(folder, routines.parent, routines, work.sync.device).run()
    return work.sync.device


def test_a_folder_chosen_brings_the_other_computers_sessions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, data_dir: Path
) -> None:
    folder = tmp_path / "Sync"
    device = _other_computer(tmp_path, folder)
    share_history(window)  # as after the first paint
    shared = window.findChild(SharedHistory)
    assert shared is not None and shared.sync is None  # nothing shared yet
    window.nav_to("settings")
    section = window.settings.sharing
    assert "sends nothing itself" in section.explained.text()
    section.choose_folder = lambda parent, start: str(folder)
    section.choose.click()
    assert load_prefs(data_dir / "settings.toml").prefs.sync_folder == str(folder)
    qtbot.waitUntil(lambda: section.status.text().startswith("Shared:"), timeout=10_000)
    assert section.status.text() == "Shared: 2 sessions came from other computers."
    assert section.routines.isChecked()  # the person's own routines follow too
    assert (window.services.data.routines / "from-work.toml").is_file()
    window.nav_to("history")
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2, timeout=5_000)
    assert all(row[1] == "Routine (on work)" for row in window.history.model.rows)
    # a file that cannot be read: one line in the banner, the others still read
    month = next((folder / ROOT / device).iterdir())
    (month / f"s.{device}.{'f' * 32}.json").write_text("{")
    shared.run()
    qtbot.waitUntil(lambda: "left for now" in window.banner.text, timeout=10_000)
    assert window.banner.text.count("left for now") == 1
    window.nav_to("settings")
    section.stop.click()
    assert load_prefs(data_dir / "settings.toml").prefs.sync_folder == ""
    assert shared.sync is None
    assert "left for now" not in window.banner.text
    assert len(window.services.sessions_since(datetime(2000, 1, 1, tzinfo=UTC))) == 2  # kept


def test_a_folder_that_is_not_there_is_said_in_the_banner(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    share_history(window)
    window.nav_to("settings")
    section = window.settings.sharing
    section.choose_folder = lambda parent, start: str(tmp_path / "not-mounted")
    section.choose.click()
    qtbot.waitUntil(lambda: "cannot be used now" in window.banner.text, timeout=10_000)
    assert "No such file or directory" in window.banner.text
    assert not (tmp_path / "not-mounted").exists()  # nothing written under a mount point
    section.stop.click()
    assert "cannot be used now" not in window.banner.text
