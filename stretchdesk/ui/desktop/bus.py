"""One connection to a D-Bus bus, carried by a ``QLocalSocket`` in Qt's event loop: no thread,
no blocking call, nothing that holds the window up.

The messages themselves (the SASL login, the wire format, the header fields) are jeepney's:
its ``Authenticator`` and ``Parser`` do no I/O of their own, so they sit under Qt's socket.
jeepney writes each value with the type its signature names, which Qt's D-Bus module cannot
do from Python: notification ids are unsigned ``u``, MPRIS's lists of strings ``as`` and its
positions ``x``. Used for the notifications and the media player (session bus) and for
logind's PrepareForSleep (system bus). Passing file descriptors is not needed: nothing here
asks logind for an inhibitor lock.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, Message, MessageFlag, MessageType, Parser
from jeepney.auth import BEGIN, AuthenticationError, Authenticator
from jeepney.bus import get_connectable_addresses
from jeepney.low_level import Endianness, Header
from jeepney.wrappers import new_error, new_method_call, new_method_return
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

BUS = "org.freedesktop.DBus"
BUS_PATH = "/org/freedesktop/DBus"
PEER = "org.freedesktop.DBus.Peer"
FAILED = "io.github.stretchdesk.Failed"  # the error a call gets when the bus is gone
UNKNOWN_OBJECT = "org.freedesktop.DBus.Error.UnknownObject"
ANSWER_MS = 5000  # a bus that does not answer the login and Hello in this long has failed

Reply = Callable[[Message], None]
Handler = Callable[[Message], Message | None]  # a method call -> its reply (None: none)


def session_bus_address() -> str:
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return f"unix:path={Path(runtime) / 'bus'}" if runtime else ""


def socket_path(address: str) -> tuple[str, bool] | None:
    """The first ``unix:`` transport of a bus address: (path, abstract); None if none."""
    try:
        where = str(next(get_connectable_addresses(address)))
    except (RuntimeError, ValueError, StopIteration):
        return None
    return (where[1:], True) if where.startswith("\0") else (where, False)


def is_error(message: Message) -> bool:
    return bool(message.header.message_type is MessageType.error)


def error_text(message: Message) -> str:
    body = message.body
    detail = body[0] if body and isinstance(body[0], str) else ""
    return detail or str(message.header.fields.get(HeaderFields.error_name, ""))


def member(message: Message) -> str:
    return str(message.header.fields.get(HeaderFields.member, ""))


def _failure(reason: str) -> Message:
    fields = {HeaderFields.error_name: FAILED, HeaderFields.signature: "s"}
    return Message(Header(Endianness.little, MessageType.error, 0, 1, 0, 0, fields), (reason,))


class BusConnection(QObject):
    """The EXTERNAL login, Hello, method calls with their replies, the signals the match
    rules let through (``signal``), and method calls to the objects this side serves."""

    signal = Signal(object)  # a jeepney Message
    lost = Signal(str)

    def __init__(self, address: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._socket = QLocalSocket(self)
        self._login = Authenticator()
        self._parser = Parser()
        self._serial = 0
        self._waiting: dict[int, Reply] = {}
        self._queue: list[bytes] = []
        self._served: dict[str, Handler] = {}
        self._dead: str | None = None
        self.name = ""  # the unique name the bus gave this connection (":1.42")
        self._socket.connected.connect(self._start_login)
        self._socket.readyRead.connect(self._read)
        # bound methods, not lambdas: nothing is called once this object is gone
        self._socket.errorOccurred.connect(self._socket_error)
        self._socket.disconnected.connect(self._closed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._no_answer)
        where = socket_path(address)
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
        name: str,
        *,
        signature: str = "",
        body: tuple[Any, ...] = (),
        reply: Reply | None = None,
    ) -> None:
        """Send a method call; ``reply`` gets the answer (or the error, as a message)."""
        address = DBusAddress(path, bus_name=destination, interface=interface)
        message = new_method_call(address, name, signature or None, body)
        if reply is None:
            message.header.flags |= MessageFlag.no_reply_expected
        self.send(message, reply)

    def send(self, message: Message, reply: Reply | None = None) -> None:
        """Send a message as it is: a call, a reply or a signal."""
        self._serial += 1
        if reply is not None:
            self._waiting[self._serial] = reply
        data = message.serialise(serial=self._serial)
        if self._dead is not None:
            self._answer_all_failed()
        elif self._login.authenticated:
            self._write(data)
        else:
            self._queue.append(data)

    def serve(self, path: str, handler: Handler | None) -> None:
        """Method calls to ``path`` (and the paths under it) go to ``handler``; None: no
        object there any more."""
        if handler is None:
            self._served.pop(path, None)
        else:
            self._served[path] = handler

    def close(self) -> None:
        self._waiting.clear()
        self._socket.abort()

    def _write(self, data: bytes) -> None:
        """Into the socket now, not at the event loop's next turn: a message sent before a
        client's asks reaches the bus first (flush() never blocks)."""
        self._socket.write(data)
        self._socket.flush()

    def _start_login(self) -> None:
        self._write(self._login.data_to_send() or b"")

    def _read(self) -> None:
        data = bytes(self._socket.readAll().data())
        try:
            if not self._login.authenticated:
                self._login.feed(data)
                if not self._login.authenticated:
                    return
                self._begin()
                return
            messages = self._parser.feed(data)
        except AuthenticationError:
            self._fail("the bus refused the login")
            return
        except (ValueError, KeyError, IndexError, struct.error) as exc:
            self._fail(f"the bus sent a message that cannot be read ({exc})")
            return
        for message in messages:
            self._dispatch(message)

    def _begin(self) -> None:
        self._write(BEGIN)
        queued, self._queue = self._queue, []
        self.call(BUS, BUS_PATH, BUS, "Hello", reply=self._hello)  # the first message
        for data in queued:
            self._write(data)

    def _hello(self, message: Message) -> None:
        self._timer.stop()
        if is_error(message):
            self._fail(error_text(message))
        elif message.body:
            self.name = str(message.body[0])

    def _dispatch(self, message: Message) -> None:
        kind = message.header.message_type
        if kind in (MessageType.method_return, MessageType.error):
            serial = message.header.fields.get(HeaderFields.reply_serial, 0)
            reply = self._waiting.pop(serial, None)
            if reply is not None:
                reply(message)
        elif kind is MessageType.signal:
            self.signal.emit(message)
        elif kind is MessageType.method_call:
            self._answer(message)

    def _answer(self, call: Message) -> None:
        path = str(call.header.fields.get(HeaderFields.path, ""))
        interface = call.header.fields.get(HeaderFields.interface)
        under = path.rstrip("/") + "/"  # a parent path is served too (for Introspect)
        handler = next(
            (h for p, h in self._served.items() if path == p or p.startswith(under)), None
        )
        if (interface, member(call)) == (PEER, "Ping"):  # every connection answers Ping
            answer: Message | None = new_method_return(call)
        elif handler is not None:
            answer = handler(call)
        else:
            answer = new_error(call, UNKNOWN_OBJECT, "s", (f"No object at {path}",))
        if answer is not None and not call.header.flags & MessageFlag.no_reply_expected:
            self.send(answer)

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
        # from the event loop: a socket can fail inside the constructor, before anyone listens
        QTimer.singleShot(0, self, partial(self.lost.emit, reason))

    def _answer_all_failed(self) -> None:
        waiting, self._waiting = self._waiting, {}
        for reply in waiting.values():
            reply(_failure(self._dead or ""))
