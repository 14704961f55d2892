"""Settings -> "Share history between my computers": a folder chosen, a pass over it after
the window is up, sessions from another computer in the history screen, unreadable files
in one line of the banner, and sharing stopped with what came kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from stretchdesk.history.sync import syncer
from stretchdesk.history.sync.names import ROOT
from stretchdesk.history.sync.routines import RoutineSharing
from stretchdesk.session import FakeClock
from stretchdesk.settings import load_prefs
from stretchdesk.ui.history.shared_history import SharedHistory
from stretchdesk.ui.history.skipped_files import skipped_words
from stretchdesk.ui.kit.theme import apply_theme
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.sharing import share_history
from tests.history.sync.computers import computers
from tests.ui.flows import answer, engine_of, press, run_until, start_session


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
    qtbot.waitUntil(lambda: "could not be read" in window.banner.text, timeout=10_000)
    assert window.banner.text.count("could not be read") == 1
    window.nav_to("settings")
    section.stop.click()
    assert load_prefs(data_dir / "settings.toml").prefs.sync_folder == ""
    assert shared.sync is None
    assert "could not be read" not in window.banner.text
    assert section.status.text() == (
        "Sharing stopped: the sessions that came from the other computers stay in this "
        "history; nothing more is written to or read from the folder."
    )
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


def _shared_with(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[SharedHistory, Path]:
    """Sharing through a folder that holds another computer's sessions, the first pass over."""
    folder = tmp_path / "Sync"
    device = _other_computer(tmp_path, folder)
    shared = share_history(window)
    shared._every.stop()  # (no pass but the ones the test asks for)
    with qtbot.waitSignal(shared.done, timeout=10_000):
        window.apply_prefs(replace(window.services.prefs, sync_folder=str(folder)))
    return shared, next((folder / ROOT / device).iterdir())


def _pass(qtbot: QtBot, shared: SharedHistory) -> None:
    with qtbot.waitSignal(shared.done, timeout=10_000):
        shared.run()


def test_a_dismissed_line_stays_away_until_something_new_goes_wrong(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shared, month = _shared_with(qtbot, window, tmp_path)
    newer = '{"format": "stretchdesk-sync", "version": 999}'
    for n in range(5):
        (month / f"s.{month.parent.name}.{'f' * 31}{n}.json").write_text(newer)
    _pass(qtbot, shared)
    assert window.banner.messages == [
        "5 files in the shared folder could not be read: they were written by a newer "
        "version of stretchdesk. Sessions from the other computers that they hold are "
        "missing here until they can be read; update stretchdesk on this computer."
    ]
    assert shared.last_status == "Shared, except 5 files that could not be read."
    qtbot.mouseClick(window.banner.dismiss, Qt.MouseButton.LeftButton)
    for _again in range(3):  # as the minute's passes
        _pass(qtbot, shared)
        assert window.banner.isHidden()
    (month / f"s.{month.parent.name}.{'e' * 32}.json").write_text("not json at all")
    _pass(qtbot, shared)
    assert window.banner.messages == [
        "6 files in the shared folder could not be read: 5 were written by a newer version "
        "of stretchdesk. Sessions from the other computers that they hold are missing here "
        "until they can be read; update stretchdesk on this computer. One is not "
        "stretchdesk's. Files that are not stretchdesk's can be deleted."
    ]


def test_files_that_are_not_stretchdesks_can_be_deleted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shared, month = _shared_with(qtbot, window, tmp_path)
    (month / f"s.{month.parent.name}.{'f' * 32}.json").write_text('{"format": "photos"}')
    _pass(qtbot, shared)
    assert window.banner.messages == [
        "1 file in the shared folder could not be read: it is not stretchdesk's. Files "
        "that are not stretchdesk's can be deleted."
    ]


def test_no_line_comes_or_goes_during_a_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clock: FakeClock
) -> None:
    shared, month = _shared_with(qtbot, window, tmp_path)
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    (month / f"s.{month.parent.name}.{'f' * 32}.json").write_text("{")
    top = window.stack.mapTo(window, window.stack.rect().topLeft())
    _pass(qtbot, shared)
    assert window.banner.isHidden()  # held: the session's screen does not move
    assert window.stack.mapTo(window, window.stack.rect().topLeft()) == top
    press(qtbot, window, Qt.Key.Key_Escape)  # Pain — stop: the session is over
    assert window.current is window.recovery
    assert "could not be read" in window.banner.text


def test_a_folder_that_cannot_be_used_replaces_the_files_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shared, month = _shared_with(qtbot, window, tmp_path)
    (month / f"s.{month.parent.name}.{'f' * 32}.json").write_text("{")
    _pass(qtbot, shared)
    assert "could not be read" in window.banner.text
    (tmp_path / "Sync").rename(tmp_path / "gone")
    _pass(qtbot, shared)
    assert len(window.banner.messages) == 1
    assert "cannot be used now" in window.banner.text


def test_a_session_reaches_the_folder_as_it_ends_and_a_rating_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, clock: FakeClock
) -> None:
    shared, _month = _shared_with(qtbot, window, tmp_path)
    mine = tmp_path / "Sync" / ROOT / shared.sync.device  # type: ignore[union-attr]
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(list(mine.glob("*/s.*.json"))) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: not shared._running, timeout=10_000)
    qtbot.mouseClick(window.recovery.scale.rating_button(6), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(list(mine.glob("*/c.*.json"))) >= 1, timeout=10_000)
    qtbot.waitUntil(lambda: not shared._running, timeout=10_000)
    changes = len(list(mine.glob("*/c.*.json")))
    window.nav_to("history")  # a note written afterwards goes at once too
    window.history.note.click()
    dialog = window.history.note_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("the left side pulled")
    dialog.accept()
    qtbot.waitUntil(lambda: len(list(mine.glob("*/c.*.json"))) > changes, timeout=10_000)


@pytest.mark.parametrize("routines_shared", [True, False])
def test_deleting_a_routine_says_it_goes_from_the_other_computers(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, routines_shared: bool
) -> None:
    window.start.select("quick-relief")
    window.start.mine_actions["copy"].trigger()
    window.builder.save()
    window.builder.close_button.click()
    prefs = replace(
        window.services.prefs, sync_folder=str(tmp_path / "Sync"), sync_routines=routines_shared
    )
    window.apply_prefs(prefs)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answer(QMessageBox.StandardButton.Cancel, shown))
    window.start.select("quick-relief-my-copy")
    window.start.mine_actions["delete"].trigger()
    (box,) = shown
    said = "it goes from them too, into the “deleted” folder of their routines"
    assert (said in box.text()) is routines_shared
    assert window.services.catalog.get("quick-relief-my-copy") is not None  # cancelled


@pytest.mark.parametrize("text_size", ["normal", "extra-large"])
def test_the_shared_folder_shows_its_whole_path(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, text_size: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light", text_size)
    window.resize(800, 600)
    window.nav_to("settings")
    field = window.settings.sharing.folder
    for path in ("/tmp/bbsync/sh-home", "/home/someone/" + "a-long-folder-name/" * 6 + "Sync"):
        window.apply_prefs(replace(window.services.prefs, sync_folder=path))
        if "bbsync" in path:  # room enough: all of it, once the form has made room
            qtbot.waitUntil(lambda f=field, p=path: f.text() == p)
        assert field.toolTip() == path and field.accessibleDescription() == path
        shown = field.text()
        assert shown.startswith("/") and shown.endswith("Sync" if "long" in path else "sh-home")
        assert field.fontMetrics().horizontalAdvance(shown) <= field.contentsRect().width()
        assert field.cursorPosition() == 0
        if "bbsync" not in path:
            assert "…" in shown and field.width() <= window.width()
    apply_theme(app, "light", "normal")


def test_the_files_line_picks_what_to_do_from_the_reasons() -> None:
    newer = ("a", "it was written by a newer version of stretchdesk")
    big = ("b", "it is larger than 16 MiB")
    half = ("c", "it is not complete yet")
    assert skipped_words([big, newer]).startswith(
        "2 files in the shared folder could not be read: one was written by a newer version"
    )
    assert skipped_words([big, half]) == (
        "2 files in the shared folder could not be read: one is not complete yet. It is "
        "read once your sync program has copied it whole. One is not stretchdesk's. Files "
        "that are not stretchdesk's can be deleted."
    )
    assert skipped_words([half]) == (
        "1 file in the shared folder could not be read: it is not complete yet. It is read "
        "once your sync program has copied it whole."
    )
    junk = ("e", "it is not a stretchdesk file")
    assert skipped_words([junk, half, ("f", "it cannot be opened (Permission denied)")]) == (
        "3 files in the shared folder could not be read: one is not complete yet. It is read "
        "once your sync program has copied it whole. One is not stretchdesk's. Files that are "
        "not stretchdesk's can be deleted. One cannot be read now. It is tried again later."
    )
    assert skipped_words([big]).endswith(
        "it is not stretchdesk's. Files that are not stretchdesk's can be deleted."
    )
    assert skipped_words([("d", "it cannot be opened (Permission denied)")]) == (
        "1 file in the shared folder could not be read: it cannot be opened (Permission "
        "denied). It is tried again later."
    )


def test_steps_read_in_one_go_are_written_as_rows_by_the_passes_that_follow(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Sync"
    (work,) = computers(tmp_path / "elsewhere", folder, ("work",))
    for month in range(3):
        work.session(month * 31 * 24 * 60)
    work.run()
    work.clock.advance(120 * 24 * 3600)
    while work.run().written:  # each month gathered into its month file
        pass
    work.store.close()
    monkeypatch.setattr(syncer, "IMPORT_BATCH", 1)  # (three sessions: a first import)
    monkeypatch.setattr(syncer, "UNPACK_MONTHS", 1)
    passes: list[int] = []
    share_history(window)
    shared = window.findChild(SharedHistory)
    assert shared is not None
    shared.done.connect(lambda report: passes.append(report.packed_left))
    shared.follow(str(folder))
    store = window.services.store
    assert store is not None
    qtbot.waitUntil(lambda: passes[-1:] == [0], timeout=10_000)
    assert passes == [3, 2, 1, 0]  # the importing pass, then a month a pass, one after another
    assert store.conn.execute("SELECT COUNT(*) FROM step").fetchone() == (3,)
    window.nav_to("history")
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 3, timeout=5_000)


def test_the_first_pass_waits_only_for_the_history_to_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history opens just after the window's first paint: the first pass comes as soon
    as it is open, not at the next minute's."""
    folder = tmp_path / "Sync"
    _other_computer(tmp_path, folder)
    store = window.services.store
    monkeypatch.setattr(window.services, "store", None)  # not open yet
    share_history(window)
    shared = window.findChild(SharedHistory)
    assert shared is not None
    reports: list[object] = []
    shared.done.connect(reports.append)
    shared.follow(str(folder))
    assert reports == []
    window.services.store = store  # open now
    qtbot.waitUntil(lambda: bool(reports), timeout=3_000)
    qtbot.waitUntil(
        lambda: len(window.services.sessions_since(datetime(2000, 1, 1, tzinfo=UTC))) == 2
    )
