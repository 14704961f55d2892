"""One window at a time: a second start asks the first to come to the front (or to open a
routine file, or to start a routine), then quits.

A local socket (never TCP) in the runtime directory, named after the user and the data
directory, so two data directories (or two users) never meet. Where the runtime directory's
path would be too long for a socket, Qt's own place (the temporary folder) is used.

A message is acted on only once its whole line has arrived, and never inside the socket's
own slot: the sender may close its end (and Qt delete the socket) while a question asked
by the action waits for an answer. Each request is queued and carried out after the slot
has returned, when the socket is no longer needed.
"""

from __future__ import annotations

import base64
import getpass
import os
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from stretchdesk.paths import DataPaths, runtime_dir

WAKE = b"raise\n"
OPEN = b"open "  # then a routine file's path, base64, and a new line
ROUTINE = b"routine "  # then a routine's id or file path, base64, and a new line
CONNECT_MS = 500
MAX_MESSAGE = 64 * 1024  # a path is at most 4 KiB: more than this is not one of ours


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


def routine_message(id_or_file: str) -> bytes:
    """Asks the running instance to start a routine (``--routine``): an id, or a file's
    absolute path."""
    return ROUTINE + base64.b64encode(os.fsencode(id_or_file)) + b"\n"


def _decoded(payload: bytes) -> str | None:
    try:
        return os.fsdecode(base64.b64decode(payload, validate=True))
    except ValueError:
        return None  # not one of ours


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
    """``claim()`` is False when another instance is running (it has been given the
    message). The callbacks are called from the event loop, never from the socket's slot."""

    def __init__(self, data: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data)
        self.server = QLocalServer(self)
        # default options: with access options Qt would rename its socket over a live one
        self._on_wake: Callable[[], None] | None = None
        self._on_open: Callable[[Path], None] | None = None
        self._on_routine: Callable[[str], None] | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}
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

    def on_routine(self, callback: Callable[[str], None]) -> None:
        self._on_routine = callback

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            # bound methods, not lambdas holding ``self``: the connection must not keep
            # this object alive, or deleting the socket could delete it (and the socket
            # again) from inside the socket's own destructor
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(self._gone)
            if socket.bytesAvailable():
                self._take(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._take(socket)

    def _gone(self) -> None:
        """The sender has closed its end: a last line without its new line counts too."""
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        self._take(socket)
        rest = self._buffers.pop(socket, bytearray())
        if rest.strip():
            self._queue(bytes(rest).strip())
        socket.deleteLater()  # from the event loop, after this slot has returned

    def _take(self, socket: QLocalSocket) -> None:
        """Read what has come and queue every whole line; only reading happens here."""
        buffer = self._buffers.get(socket)
        if buffer is None or not socket.isOpen():
            return
        buffer.extend(bytes(socket.readAll().data()))
        *lines, rest = bytes(buffer).split(b"\n")
        buffer[:] = rest
        for line in lines:
            self._queue(line)
        if len(buffer) > MAX_MESSAGE:  # a line that never ends is not one of ours
            del self._buffers[socket]  # nothing more is read from it
            QTimer.singleShot(0, socket, socket.abort)  # not inside its own slot

    def _queue(self, line: bytes) -> None:
        QTimer.singleShot(0, self, partial(self._act, line.rstrip(b"\r")))

    def _act(self, line: bytes) -> None:
        if line == WAKE.strip():
            if self._on_wake is not None:
                self._on_wake()
        elif line.startswith(OPEN):
            path = _decoded(line[len(OPEN) :])
            if path and self._on_open is not None:
                self._on_open(Path(path))
        elif line.startswith(ROUTINE):
            routine = _decoded(line[len(ROUTINE) :])
            if routine and self._on_routine is not None:
                self._on_routine(routine)
