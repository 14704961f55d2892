"""The Settings screen's "Share history between my computers" group: the folder that the
person's own sync engine (Syncthing, Nextcloud, a network share) keeps in step between
their computers, chosen or cleared; one line says what is written there, and that
stretchdesk itself sends nothing anywhere. The setting is ``sync_folder``; the passes over
the folder are ui/history/shared_history.py's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLineEdit, QWidget

from stretchdesk.i18n import _
from stretchdesk.settings import Preferences
from stretchdesk.ui.kit.widgets import button, status_line, wrapping
from stretchdesk.ui.settings.reminder_settings import one_row


def ask_folder(parent: QWidget | None, start: str) -> str:
    """The folder the person picks ("" if they cancel)."""
    return QFileDialog.getExistingDirectory(
        parent, _("Choose the folder your computers share"), start
    )


class PathField(QLineEdit):
    """A folder's whole path, read only: as wide as the path when there is room (else the
    middle left out, never its start), the full path in its tooltip and its accessible
    description."""

    SLACK = 16  # px around the text: the frame and the text's margins

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.path = ""

    def show_path(self, path: str) -> None:
        self.path = path
        self.setToolTip(path)
        self.setAccessibleDescription(path)
        self.updateGeometry()
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        wanted = self.fontMetrics().horizontalAdvance(self.path) + self.SLACK
        return QSize(max(hint.width(), wanted), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - self.SLACK
        shown = self.fontMetrics().elidedText(self.path, Qt.TextElideMode.ElideMiddle, room)
        if shown != self.text():
            self.setText(shown)
        self.setCursorPosition(0)  # (the start of the path, not its end)


class SyncSection(QObject):
    """The controls, as (label, widget) rows for the settings form."""

    edited = Signal(object)  # the new Preferences

    def __init__(self, current: Callable[[], Preferences], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = current
        self.choose_folder: Callable[[QWidget | None, str], str] = ask_folder
        self.folder = PathField()
        self.folder.setAccessibleName(_("Shared folder"))
        self.folder.setPlaceholderText(_("Not shared"))
        self.choose = button(
            _("Choose folder…"),
            _("Choose the shared folder"),
            _("A folder that Syncthing, Nextcloud or a network share keeps on every computer"),
        )
        self.choose.clicked.connect(self._choose)
        self.stop = button(
            _("Stop sharing"),
            _("Stop sharing the history"),
            _("Nothing more is written there; what came from the other computers is kept"),
        )
        self.stop.clicked.connect(lambda: self._set(""))
        self.explained = status_line()  # (wraps to the window, as the other notes)
        self.explained.setText(
            _(
                "stretchdesk writes a small file there for each finished session and each "
                "change, and reads the other computers' files; it sends nothing itself: "
                "your sync program copies the folder."
            )
        )
        self.routines = QCheckBox(_("My own routines too"))
        self.routines.setAccessibleName(_("Share my own routines"))
        self.routines.setToolTip(
            _("A routine made on one computer appears on the others; changed on two, both kept")
        )
        self.routines.toggled.connect(self._routines_toggled)
        self.status = status_line()
        self.rows: tuple[tuple[str, QWidget], ...] = (
            (_("Shared folder"), self.folder),  # the buttons under it: room for long words
            ("", one_row(self.choose, self.stop)),
            ("", self.explained),
            ("", wrapping(self.routines)),
            ("", self.status),
        )
        self._loading = False

    def show_prefs(self, prefs: Preferences) -> None:
        self._loading = True
        self.folder.show_path(prefs.sync_folder)
        self.stop.setEnabled(bool(prefs.sync_folder))
        self.routines.setChecked(prefs.sync_routines)
        self._loading = False

    def _routines_toggled(self, on: bool) -> None:
        if not self._loading:
            self.edited.emit(replace(self._current(), sync_routines=on))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def _choose(self) -> None:
        start = self._current().sync_folder or str(Path.home())
        chosen = self.choose_folder(self.folder.window(), str(Path(start).expanduser()))
        if chosen:
            self._set(chosen)

    def _set(self, folder: str) -> None:
        prefs = replace(self._current(), sync_folder=folder)
        self.show_prefs(prefs)
        self.edited.emit(prefs)
