"""One window at a time: a second start asks the first to come to the front, then quits.

A local socket (never TCP) named after the user and the data directory, so two data
directories (or two users) never meet.
"""

from __future__ import annotations

import getpass
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

WAKE = b"raise\n"
CONNECT_MS = 500


def server_name(data_root: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = f"{user}:{data_root.expanduser().resolve()}".encode()
    # Two checksums make a 64-bit name without loading OpenSSL (3 MB) for a hash.
    return f"stretchdesk-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def _wake_running(name: str) -> bool:
    """True if another instance answered and was asked to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(WAKE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """``claim()`` is False when another instance is running (it has been woken)."""

    def __init__(self, data_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_root)
        self.server = QLocalServer(self)
        # default options: with access options Qt would rename its socket over a live one
        self._on_wake: Callable[[], None] | None = None
        self.server.newConnection.connect(self._accept)

    def claim(self) -> bool:
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError and (
            _wake_running(self.name)
        ):
            return False
        QLocalServer.removeServer(self.name)  # left behind by a process that was killed
        return self.server.listen(self.name)

    def on_wake(self, callback: Callable[[], None]) -> None:
        self._on_wake = callback

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # a bound method, not a lambda holding ``self``: the connection must not keep
            # this object alive, or deleting the socket could delete it (and the socket
            # again) from inside the socket's own destructor
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if WAKE.strip() in bytes(socket.readAll().data()) and self._on_wake is not None:
            self._on_wake()
