"""The tray icon (QSystemTrayIcon: StatusNotifierItem where the desktop uses it, the X11
tray elsewhere): Start <routine>, Open, Reminders on/off, Quit. Made only where the desktop
has a tray; without one the app behaves as it always has."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from stretchdesk.i18n import _
from stretchdesk.ui.kit.widgets import plain_tip


class Tray(QObject):
    start_requested = Signal()
    open_requested = Signal()
    reminders_toggled = Signal(bool)
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        # Start and Quit may ask a question (a routine being made is unsaved): asked from
        # the event loop, not inside the menu's slot (on a StatusNotifierItem desktop, a
        # D-Bus call that Qt is still answering)
        queued = Qt.ConnectionType.QueuedConnection
        self.start = QAction(_("Start"), self.menu)
        self.start.triggered.connect(self.start_requested.emit, queued)
        self.open = QAction(_("Open stretchdesk"), self.menu)
        self.open.triggered.connect(self.open_requested.emit)
        self.reminders = QAction(_("Reminders"), self.menu)
        self.reminders.setCheckable(True)
        self.reminders.toggled.connect(self._toggled)
        self.quit = QAction(_("Quit"), self.menu)
        self.quit.triggered.connect(self.quit_requested.emit, queued)
        for action in (self.start, self.open):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.reminders)
        self.menu.addSeparator()
        self.menu.addAction(self.quit)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("stretchdesk")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._loading = False

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def update(self, routine_title: str | None, reminders_on: bool, today: str) -> None:
        # a routine's title is its sender's words: an "&" in it is no shortcut key
        routine = routine_title.replace("&", "&&") if routine_title else None
        self.start.setText(_("Start {routine}").format(routine=routine) if routine else _("Start"))
        self.start.setEnabled(routine_title is not None)
        self._loading = True
        self.reminders.setChecked(reminders_on)
        self._loading = False
        self.icon.setToolTip(plain_tip(f"stretchdesk\n{today}") if today else "stretchdesk")

    def message(self, title: str, text: str) -> None:
        self.icon.showMessage(
            title, plain_tip(text), QSystemTrayIcon.MessageIcon.Information, 30_000
        )

    def _toggled(self, on: bool) -> None:
        if not self._loading:
            self.reminders_toggled.emit(on)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def hide(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
