"""One window at a time: a second start asks the first to come to the front, then quits.

A local socket (never TCP) in the runtime directory, named after the user and the data
directory, so two data directories (or two users) never meet. Where the runtime directory's
path would be too long for a socket, Qt's own place (the temporary folder) is used.
"""

from __future__ import annotations

import base64
import getpass
import os
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from stretchdesk.paths import DataPaths, runtime_dir

WAKE = b"raise\n"
OPEN = b"open "  # then a routine file's path, base64, and a new line
CONNECT_MS = 500


SOCKET_PATH_MAX = 100  # a Unix socket's path holds at most 107 bytes


def server_name(data: DataPaths) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = f"{user}:{data.root.expanduser().resolve()}".encode()
    # Two checksums make a 64-bit name without loading OpenSSL (3 MB) for a hash.
    name = f"stretchdesk-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    folder = data.runtime or runtime_dir()
    path = folder / name
    if len(os.fsencode(path)) > SOCKET_PATH_MAX:
        return name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return name
    return str(path)


def open_message(path: Path) -> bytes:
    """Asks the running instance to open a routine file (the path is sent whole, in any
    encoding the file system allows)."""
    return OPEN + base64.b64encode(os.fsencode(path.absolute())) + b"\n"


def _wake_running(name: str, message: bytes = WAKE) -> bool:
    """True if another instance answered and was given ``message``."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(message)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """``claim()`` is False when another instance is running (it has been woken)."""

    def __init__(self, data: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data)
        self.server = QLocalServer(self)
        # default options: with access options Qt would rename its socket over a live one
        self._on_wake: Callable[[], None] | None = None
        self._on_open: Callable[[Path], None] | None = None
        self.server.newConnection.connect(self._accept)

    def running(self) -> bool:
        """Another instance answers (it is not asked to do anything)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        answered = socket.waitForConnected(CONNECT_MS)
        socket.abort()
        return answered

    def claim(self, message: bytes = WAKE) -> bool:
        """True: this is the one instance. False: another one runs and got ``message``."""
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError and (
            _wake_running(self.name, message)
        ):
            return False
        QLocalServer.removeServer(self.name)  # left behind by a process that was killed
        return self.server.listen(self.name)

    def on_wake(self, callback: Callable[[], None]) -> None:
        self._on_wake = callback

    def on_open(self, callback: Callable[[Path], None]) -> None:
        self._on_open = callback

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
        for line in bytes(socket.readAll().data()).splitlines():
            if line == WAKE.strip() and self._on_wake is not None:
                self._on_wake()
            elif line.startswith(OPEN) and self._on_open is not None:
                try:
                    path = Path(os.fsdecode(base64.b64decode(line[len(OPEN) :], validate=True)))
                except ValueError:
                    continue  # not one of ours
                self._on_open(path)
