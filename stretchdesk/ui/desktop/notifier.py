"""Desktop notifications (org.freedesktop.Notifications) with actions, over the session bus.

The calls go through ui/desktop/bus.py (jeepney's messages under a ``QLocalSocket``: the
unsigned ``u`` ids this interface takes, which Qt's D-Bus module cannot send from Python):
nothing blocks the window. ``show`` sends Notify (replacing the one shown before);
ActionInvoked and NotificationClosed for that id become ``action`` and ``closed``. Any
failure (no bus, no notification service, an error reply) is ``failed`` with the reason,
and the caller falls back to the tray's message or the window.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import partial

from jeepney import Message
from PySide6.QtCore import QObject, QTimer, Signal

from stretchdesk import paths
from stretchdesk.ui.desktop.bus import (
    BUS,
    BUS_PATH,
    BusConnection,
    error_text,
    is_error,
    member,
    session_bus_address,
)

SERVICE = "org.freedesktop.Notifications"
OBJECT = "/org/freedesktop/Notifications"
START, LATER, OPEN = "start", "later", "default"  # "default": the notification clicked
NEVER_EXPIRES = 0


@dataclass(frozen=True)
class Note:
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]  # (key, label)


class DesktopNotifier(QObject):
    action = Signal(str)  # START, LATER or OPEN, for the notification shown now
    closed = Signal()
    failed = Signal(str)  # why it could not be shown

    def __init__(self, address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = session_bus_address() if address is None else address
        self._bus: BusConnection | None = None
        self._id = 0  # the service's id of the one shown now
        self._markup: bool | None = None  # does the service read markup in a body? (asked once)
        self._pending: Note | None = None  # waits for that answer

    @property
    def showing(self) -> bool:
        return self._id != 0

    def _connection(self) -> BusConnection:
        if self._bus is None or self._bus.failed is not None:
            if self._bus is not None:
                self._bus.deleteLater()
            self._bus = BusConnection(self._address, self)
            self._bus.signal.connect(self._signalled)
            for name in ("ActionInvoked", "NotificationClosed"):
                rule = f"type='signal',sender='{SERVICE}',interface='{SERVICE}',member='{name}'"
                self._bus.call(BUS, BUS_PATH, BUS, "AddMatch", signature="s", body=(rule,))
        return self._bus

    def show(self, note: Note) -> None:
        """Show ``note`` in place of the one shown before (if any)."""
        if self._markup is not None and self._bus is not None and self._bus.failed is None:
            self._notify(note)
            return
        asking = self._pending is not None
        self._pending = note
        if not asking:
            self._connection().call(
                SERVICE, OBJECT, SERVICE, "GetCapabilities", reply=self._capabilities
            )

    def _capabilities(self, reply: Message) -> None:
        names = reply.body[0] if not is_error(reply) and reply.body else []
        self._markup = isinstance(names, list) and "body-markup" in names
        note, self._pending = self._pending, None
        if note is not None:
            self._notify(note)

    def _notify(self, note: Note) -> None:
        actions = [part for key, text in note.actions for part in (key, text)]
        hints = {"desktop-entry": ("s", paths.APP_ID), "category": ("s", "x-stretchdesk.reminder")}
        body = (
            "stretchdesk",
            self._id,
            paths.APP_ID,
            note.summary,
            # a routine's title is the sender's text: never markup, never a link
            html.escape(note.body, quote=False) if self._markup else note.body,
            actions,
            hints,
            NEVER_EXPIRES,
        )
        self._connection().call(
            SERVICE,
            OBJECT,
            SERVICE,
            "Notify",
            signature="susssasa{sv}i",
            body=body,
            reply=self._shown,
        )

    def close(self) -> None:
        """Take the notification away (the routine was started or done)."""
        if self._id and self._bus is not None and self._bus.failed is None:
            self._bus.call(
                SERVICE, OBJECT, SERVICE, "CloseNotification", signature="u", body=(self._id,)
            )
        self._id = 0

    def _shown(self, reply: Message) -> None:
        if is_error(reply):
            self._id = 0
            self.failed.emit(error_text(reply))
            return
        value = reply.body[0] if reply.body else 0
        self._id = value if isinstance(value, int) and not isinstance(value, bool) else 0

    def _signalled(self, message: Message) -> None:
        """The bus's words about our notification. What they ask for (a session, the window,
        perhaps a question) is done from the event loop, not inside the socket's slot."""
        values = message.body
        if not values or not self._id or values[0] != self._id:
            return  # another app's notification, or one already replaced
        if member(message) == "ActionInvoked" and len(values) > 1:
            QTimer.singleShot(0, self, partial(self.action.emit, str(values[1])))
        elif member(message) == "NotificationClosed":
            self._id = 0
            QTimer.singleShot(0, self, self.closed.emit)
