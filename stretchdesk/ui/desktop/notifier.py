"""Desktop notifications (org.freedesktop.Notifications) with actions, over the session bus.

The messages are written by desktop/wire.py (Qt's D-Bus module, through PySide, cannot
send the unsigned ids this interface takes) and carried by a ``QLocalSocket`` to the bus:
nothing blocks the window. ``show`` sends Notify (replacing the one shown before);
ActionInvoked and NotificationClosed for that id become ``action`` and ``closed``. Any
failure (no bus, no notification service, an error reply) is ``failed`` with the reason,
and the caller falls back to the tray's message or the window.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

from stretchdesk import paths
from stretchdesk.desktop import wire
from stretchdesk.desktop.wire import Message, Variant

SERVICE = "org.freedesktop.Notifications"
OBJECT = "/org/freedesktop/Notifications"
BUS = "org.freedesktop.DBus"
START, LATER, OPEN = "start", "later", "default"  # "default": the notification clicked
NEVER_EXPIRES = 0
ANSWER_MS = 5000  # a bus or service that does not answer in this long has failed


def session_bus_address() -> str:
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return f"unix:path={Path(runtime) / 'bus'}" if runtime else ""


@dataclass(frozen=True)
class Note:
    summary: str
    body: str
    actions: tuple[tuple[str, str], ...]  # (key, label)


Reply = Callable[[Message], None]


class BusConnection(QObject):
    """One connection to a bus: the EXTERNAL login, Hello, method calls with their replies,
    and the signals the match rules let through (``signal``)."""

    signal = Signal(object)  # a wire.Message
    lost = Signal(str)

    def __init__(self, address: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._socket = QLocalSocket(self)
        self._buffer = bytearray()
        self._authenticated = False
        self._serial = 0
        self._waiting: dict[int, Reply] = {}
        self._queue: list[bytes] = []
        self._dead: str | None = None
        self._socket.connected.connect(self._login)
        self._socket.readyRead.connect(self._read)
        # bound methods, not lambdas: nothing is called once this object is gone
        self._socket.errorOccurred.connect(self._socket_error)
        self._socket.disconnected.connect(self._closed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._no_answer)
        where = wire.socket_path(address)
        if where is None:
            QTimer.singleShot(0, self, self._no_bus)
            return
        path, abstract = where
        if abstract:
            self._socket.setSocketOptions(QLocalSocket.SocketOption.AbstractNamespaceOption)
        self._timer.start(ANSWER_MS)
        self._socket.connectToServer(path)

    @property
    def failed(self) -> str | None:
        return self._dead

    def call(
        self,
        destination: str,
        path: str,
        interface: str,
        member: str,
        *,
        signature: str = "",
        body: list[object] | None = None,
        reply: Reply | None = None,
    ) -> None:
        """Send a method call; ``reply`` gets the answer (or the error as a message)."""
        self._serial += 1
        message = Message(
            wire.METHOD_CALL,
            self._serial,
            path=path,
            interface=interface,
            member=member,
            destination=destination,
            signature=signature,
            body=list(body or []),
            flags=0 if reply else wire.NO_REPLY_EXPECTED,
        )
        if reply is not None:
            self._waiting[self._serial] = reply
        data = wire.encode(message)
        if self._dead is not None:
            self._answer_all_failed()
        elif self._authenticated:
            self._socket.write(data)
        else:
            self._queue.append(data)

    def close(self) -> None:
        self._waiting.clear()
        self._socket.abort()

    def _login(self) -> None:
        uid = str(os.getuid()).encode().hex().encode()
        self._socket.write(b"\0AUTH EXTERNAL " + uid + b"\r\n")

    def _read(self) -> None:
        self._buffer.extend(bytes(self._socket.readAll().data()))
        if not self._authenticated:
            end = self._buffer.find(b"\r\n")
            if end < 0:
                return
            line, self._buffer = bytes(self._buffer[:end]), self._buffer[end + 2 :]
            if not line.startswith(b"OK "):
                self._fail("the bus refused the login")
                return
            self._authenticated = True
            self._socket.write(b"BEGIN\r\n")
            self.call(BUS, "/org/freedesktop/DBus", BUS, "Hello", reply=self._hello)  # first
            for data in self._queue:
                self._socket.write(data)
            self._queue.clear()
        try:
            while (length := wire.message_length(bytes(self._buffer[:16]))) is not None:
                if len(self._buffer) < length:
                    return
                message = wire.decode(bytes(self._buffer[:length]))
                del self._buffer[:length]
                self._dispatch(message)
        except wire.WireError as exc:
            self._fail(f"the bus sent a message that cannot be read ({exc})")

    def _hello(self, message: Message) -> None:
        self._timer.stop()
        if message.kind == wire.ERROR:
            self._fail(_error_text(message))

    def _dispatch(self, message: Message) -> None:
        if message.kind in (wire.METHOD_RETURN, wire.ERROR) and message.reply_serial:
            reply = self._waiting.pop(message.reply_serial, None)
            if reply is not None:
                reply(message)
        elif message.kind == wire.SIGNAL:
            self.signal.emit(message)

    def _socket_error(self, _error: QLocalSocket.LocalSocketError) -> None:
        self._fail(self._socket.errorString())

    def _closed(self) -> None:
        self._fail("the bus closed the connection")

    def _no_bus(self) -> None:
        self._fail("there is no desktop session bus")

    def _no_answer(self) -> None:
        self._fail("the bus did not answer")

    def _fail(self, reason: str) -> None:
        if self._dead is not None:
            return
        self._dead = reason
        self._timer.stop()
        self._answer_all_failed()
        self.lost.emit(reason)

    def _answer_all_failed(self) -> None:
        waiting, self._waiting = self._waiting, {}
        for reply in waiting.values():
            reply(Message(wire.ERROR, error_name="stretchdesk.Failed", body=[self._dead or ""]))


def _error_text(message: Message) -> str:
    detail = message.body[0] if message.body and isinstance(message.body[0], str) else ""
    return detail or str(message.error_name)


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
            for member in ("ActionInvoked", "NotificationClosed"):
                rule = f"type='signal',sender='{SERVICE}',interface='{SERVICE}',member='{member}'"
                self._bus.call(
                    BUS, "/org/freedesktop/DBus", BUS, "AddMatch", signature="s", body=[rule]
                )
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
        names = reply.body[0] if reply.kind != wire.ERROR and reply.body else []
        self._markup = isinstance(names, list) and "body-markup" in names
        note, self._pending = self._pending, None
        if note is not None:
            self._notify(note)

    def _notify(self, note: Note) -> None:
        actions = [part for key, text in note.actions for part in (key, text)]
        hints = {"desktop-entry": Variant("s", paths.APP_ID)}
        hints["category"] = Variant("s", "x-stretchdesk.reminder")
        body: list[object] = [
            "stretchdesk",
            self._id,
            paths.APP_ID,
            note.summary,
            # a routine's title is the sender's text: never markup, never a link
            html.escape(note.body, quote=False) if self._markup else note.body,
            actions,
            hints,
            NEVER_EXPIRES,
        ]
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
                SERVICE, OBJECT, SERVICE, "CloseNotification", signature="u", body=[self._id]
            )
        self._id = 0

    def _shown(self, reply: Message) -> None:
        if reply.kind == wire.ERROR:
            self._id = 0
            self.failed.emit(_error_text(reply))
            return
        value = reply.body[0] if reply.body else 0
        self._id = value if isinstance(value, int) and not isinstance(value, bool) else 0

    def _signalled(self, message: Message) -> None:
        """The bus's words about our notification. What they ask for (a session, the window,
        perhaps a question) is done from the event loop, not inside the socket's slot."""
        values = message.body
        if not values or not self._id or values[0] != self._id:
            return  # another app's notification, or one already replaced
        if message.member == "ActionInvoked" and len(values) > 1:
            QTimer.singleShot(0, self, partial(self.action.emit, str(values[1])))
        elif message.member == "NotificationClosed":
            self._id = 0
            QTimer.singleShot(0, self, self.closed.emit)
