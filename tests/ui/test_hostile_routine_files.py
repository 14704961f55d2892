"""Hostile routine files (bench/hostile_routines.py) in the window; tests/hostile/
test_routine_files.py has them through the command line and the catalogue. The person's
large files are read after the window shows, on a worker thread; a file with hundreds of
problems shows the first ones and how many more, on its card and in the "cannot be used"
box, which fits on the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from bench.hostile_routines import GOOD_STEP, HOSTILE_TEN, write_all
from stretchdesk import paths
from stretchdesk.routine.errors import WINDOW_PROBLEMS
from stretchdesk.services import Services
from stretchdesk.ui.desktop import sent_files
from stretchdesk.ui.routines import late_routines
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory

PADDING = "# " + "." * 9000 + "\n"  # makes a routine file larger than the quick part


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Services read the person's files as the app does: the first 2 KiB before the window."""
    load = Services.load.__func__  # type: ignore[attr-defined]

    def quick_load(cls: type[Services], data: paths.DataPaths, **given: object) -> Services:
        return load(cls, data, quick_bytes=2048, **given)  # type: ignore[no-any-return]

    monkeypatch.setattr(Services, "load", classmethod(quick_load))


def test_a_card_shows_the_first_problems_and_how_many_more(
    seen: None, make_window: WindowFactory, data_dir: Path
) -> None:
    write_all(data_dir / "routines", ["hundred-bad-steps"])
    window = make_window()
    (card,) = window.start.broken_cards
    texts = [w.text() for w in card.findChildren(QLabel)]
    listed = next(t for t in texts if "unknown key" in t)
    assert listed.count("<li>") == WINDOW_PROBLEMS + 1
    assert "… and 492 more problems" in listed
    assert "Step 1 (nope): unknown key" in listed  # the card names the file once, above
    assert card.accessibleDescription().startswith("500 problems: Step 1 (nope)")
    assert "492 more problems" in card.accessibleDescription()


def test_the_cannot_be_used_box_fits_on_the_screen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = write_all(tmp_path, ["hundred-bad-steps"])
    shown: list[tuple[str, int]] = []

    def read(box: QMessageBox) -> int:
        shown.append((box.text(), box.sizeHint().height()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    sent_files.open_file(window, path)
    ((text, height),) = shown
    assert text.count("<li>") == WINDOW_PROBLEMS + 1
    assert "… and 492 more problems" in text
    assert height < window.screen().availableGeometry().height()


def test_large_files_are_read_after_the_window_and_their_cards_appear(
    qtbot: QtBot, seen: None, quick: None, data_dir: Path, make_window: WindowFactory
) -> None:
    write_all(data_dir / "routines", HOSTILE_TEN)
    big = f'id = "big"\ntitle = "Big"\n{PADDING}{GOOD_STEP}'
    (data_dir / "routines" / "big.toml").write_text(big, encoding="utf-8")
    (data_dir / "routines" / "small.toml").write_text(
        f'id = "small"\ntitle = "Small"\n{GOOD_STEP}', encoding="utf-8"
    )
    window = make_window()
    assert "small" in window.start.cards
    assert "big" not in window.start.cards
    waiting = {path.stem for path in window.services.catalog.pending}
    assert waiting == {"big", *HOSTILE_TEN} - {"escapes"}  # all but the 247 bytes of "escapes"
    window.start.select("quick-relief")
    window.start.focus_default()
    started: list[bool] = []
    late_routines.read_later(window, then=lambda: started.append(True))
    qtbot.waitUntil(lambda: bool(started), timeout=30_000)
    assert "big" in window.start.cards
    assert len(window.start.broken_cards) == len(HOSTILE_TEN)
    assert not window.services.catalog.pending
    assert window.start.selected == "quick-relief"
    focused = QApplication.focusWidget()
    assert focused is window.start.cards["quick-relief"]


def test_nothing_waiting_goes_straight_on(window: MainWindow) -> None:
    started: list[bool] = []
    late_routines.read_later(window, then=lambda: started.append(True))
    assert started == [True]


def test_a_file_opened_while_files_wait_is_checked_against_all_of_them(
    seen: None,
    quick: None,
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The person's large routine with the same id has not been read yet: it is read first,
    so the offer says the file replaces it."""
    routine = f'id = "mine"\ntitle = "Mine"\n{PADDING}{GOOD_STEP}'
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "mine.toml").write_text(routine, encoding="utf-8")
    window = make_window()
    assert window.services.catalog.pending
    sent = tmp_path / "sent.toml"
    sent.write_text(f'id = "mine"\ntitle = "Mine, new"\n{GOOD_STEP}', encoding="utf-8")
    offered: list[str] = []

    def read(box: QMessageBox) -> int:
        offered.append(" ".join(b.text() for b in box.buttons()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    sent_files.open_file(window, sent)
    assert offered and "Replace my routine" in offered[0]
