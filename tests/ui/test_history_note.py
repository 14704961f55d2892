"""A note written afterwards from History: on the session chosen (Enter on its row, or the
Note… button), saved in the history, shown in the list, taken out when emptied; a note
that cannot be saved is said, and its words offered again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from stretchdesk.history.errors import HistoryWriteFailed
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.ui.history.session_note import NoteDialog
from stretchdesk.ui.shell.main_window import MainWindow


def _session(window: MainWindow, day: int) -> int:
    store = window.services.store
    assert store is not None
    began = datetime(2026, 11, day, 8, 0, tzinfo=UTC)
    sid = store.begin_session(
        routine_id="quick-relief",
        routine_title="Quick relief",
        total_steps=6,
        planned_seconds=420,
        started_at=began,
    )
    store.finish_session(
        sid,
        outcome=SessionOutcome.COMPLETED,
        ended_at=began + timedelta(minutes=7),
        active_seconds=420,
    )
    return sid


def _dialog(window: MainWindow) -> NoteDialog:
    dialog = window.history.note_dialog
    assert isinstance(dialog, NoteDialog)
    return dialog


def test_a_note_is_written_on_the_chosen_session_and_taken_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    older, newer = _session(window, 2), _session(window, 3)
    window.nav_to("history")
    screen = window.history
    assert screen.model.ids == [newer, older]
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(1, 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # Enter on the older session's row
    dialog = _dialog(window)
    assert "Quick relief" in dialog.labelText()
    (edit,) = dialog.findChildren(QPlainTextEdit)
    assert edit.tabChangesFocus()  # the keys reach Save from the words
    dialog.setTextValue("  the left side pulled at the end  ")
    keys = {
        b.text(): QKeySequence.mnemonic(b.text()).toString()
        for b in dialog.findChildren(QPushButton)
    }
    assert keys["&Save note"] == "Alt+S" and keys["&Cancel"] == "Alt+C"
    assert len(set(keys.values())) == len(keys)  # each its own
    dialog.accept()
    assert screen.model.rows[1][5] == "the left side pulled at the end"
    assert screen.status.text() == "The note was saved."
    qtbot.waitUntil(lambda: screen.teller.told == ["The note was saved."])  # (to Orca)
    assert screen.table.currentIndex().row() == 1  # still on that session, for the keys
    store = window.services.store
    assert store is not None
    note = store.conn.execute("SELECT note FROM session WHERE id = ?", (older,)).fetchone()
    assert note == ("the left side pulled at the end",)
    screen.table.setCurrentIndex(screen.model.index(1, 0))
    screen.note.click()
    dialog = _dialog(window)
    assert dialog.textValue() == "the left side pulled at the end"  # the note it has
    dialog.setTextValue("")
    dialog.accept()
    assert screen.model.rows[1][5] == "" and screen.status.text() == "The note was taken out."


def test_a_note_that_cannot_be_saved_is_said_and_offered_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: object
) -> None:
    _session(window, 2)
    window.nav_to("history")
    store = window.services.store
    assert store is not None

    def full(session_id: int, note: str) -> None:
        raise HistoryWriteFailed("the disk is full")

    monkeypatch.setattr(store, "set_note", full)  # type: ignore[attr-defined]
    window.history.note.click()
    dialog = _dialog(window)
    dialog.setTextValue("written on a full disk")
    dialog.accept()
    assert window.history.status.text().startswith("The note was not saved: ")
    again = _dialog(window)
    assert again is not dialog and again.textValue() == "written on a full disk"
    again.reject()


def test_what_became_of_a_note_is_not_told_to_a_screen_that_has_gone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words wait for the focus to come back; if the window closes meanwhile, nothing
    is told to what is no longer there (an error in the event loop, before)."""
    import shiboken6  # noqa: PLC0415
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QPushButton, QWidget  # noqa: PLC0415

    from stretchdesk.ui.kit import screen_reader  # noqa: PLC0415

    monkeypatch.setattr(screen_reader, "FOCUS_BACK_MS", 10)
    screen = QWidget()
    button = QPushButton("Note…", screen)
    teller = screen_reader.Teller(screen)
    teller.tell_on(button, "The note was saved.")  # not shown: the focus does not come
    shiboken6.delete(screen)  # the window closed meanwhile
    later: list[bool] = []
    QTimer.singleShot(50, lambda: later.append(True))  # after the wait would have ended
    qtbot.waitUntil(lambda: bool(later))
    assert teller.told == []
