"""A stand-in for speech-dispatcher on a private Unix socket: it speaks SSIP as the real
server does (replies, message ids, begin/end/cancel notices), keeps every sentence it was
given, "speaks" each for ``seconds`` of real time, and can be told to stop answering or to
hang up. The real server is tested separately (tests/audio/test_speechd_real.py)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class FakeSpeechd:
    def __init__(
        self,
        path: Path,
        seconds: float = 30.0,
        modules: tuple[str, ...] = ("espeak-ng",),
        voices: tuple[str, ...] | None = None,
    ):
        self.path = path
        self.seconds = seconds
        self.modules = modules
        self.voices = voices  # the voices' languages ("en", "de"); None: not answered
        self.said: list[str] = []
        self.commands: list[str] = []
        self.cancelled = 0
        self.answering = True
        self.hang_up_at_speak = False  # once: close the connection when SPEAK comes
        self._lock = threading.Lock()
        self._ids = 0
        self._done = threading.Event()
        self._clients: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        self._server.listen()
        self._server.settimeout(0.05)
        self._start(self._accept)

    @property
    def address(self) -> str:
        return f"unix_socket:{self.path}"

    def _start(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._done.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._clients.append(client)
            self._start(self._serve, client)

    def _serve(self, client: socket.socket) -> None:
        playing: dict[str, threading.Timer] = {}
        reader = client.makefile("rb")
        try:
            self._loop(client, reader, playing)
        except OSError:
            pass
        finally:
            for timer in playing.values():
                timer.cancel()
            reader.close()

    def _loop(
        self, client: socket.socket, reader: object, playing: dict[str, threading.Timer]
    ) -> None:
        for raw in reader:  # type: ignore[attr-defined]
            line = raw.decode().rstrip("\r\n")
            self.commands.append(line)
            if not self.answering:
                continue
            if line == "SPEAK" and self.hang_up_at_speak:
                self.hang_up_at_speak = False
                self.hang_up()
                return
            if line == "SPEAK":
                client.sendall(b"230 OK RECEIVING DATA\r\n")
                text = []
                for data in reader:  # type: ignore[attr-defined]
                    piece = data.decode().rstrip("\r\n")
                    if piece == ".":
                        break
                    text.append(piece[1:] if piece.startswith("..") else piece)
                self._speak(client, "\n".join(text), playing)
            elif line == "CANCEL self":
                with self._lock:
                    self.cancelled += 1
                for msg, timer in list(playing.items()):
                    timer.cancel()
                    client.sendall(f"703-{msg}\r\n703-1\r\n703 CANCELLED\r\n".encode())
                playing.clear()
                client.sendall(b"210 OK CANCELED\r\n")
            elif line == "LIST OUTPUT_MODULES":
                listed = "".join(f"250-{m}\r\n" for m in self.modules)
                client.sendall(f"{listed}250 OK MODULE LIST SENT\r\n".encode())
            elif line == "LIST SYNTHESIS_VOICES" and self.voices is not None:
                listed = "".join(
                    f"249-Voice {n}\t{lang}\tnone\r\n" for n, lang in enumerate(self.voices)
                )
                client.sendall(f"{listed}249 OK VOICE LIST SENT\r\n".encode())
            elif line.startswith("SET self"):
                client.sendall(b"200 OK SET\r\n")
            elif line == "QUIT":
                client.sendall(b"231 HAPPY HACKING\r\n")
                return
            else:
                client.sendall(b"300 ERR UNKNOWN COMMAND\r\n")

    def _speak(self, client: socket.socket, text: str, playing: dict[str, threading.Timer]) -> None:
        with self._lock:
            self._ids += 1
            msg = str(self._ids)
            self.said.append(text)
        client.sendall(
            f"225-{msg}\r\n225 OK MESSAGE QUEUED\r\n701-{msg}\r\n701-1\r\n701 BEGIN\r\n".encode()
        )

        def end() -> None:
            playing.pop(msg, None)
            with contextlib.suppress(OSError):
                client.sendall(f"702-{msg}\r\n702-1\r\n702 END\r\n".encode())

        timer = threading.Timer(self.seconds, end)
        timer.daemon = True
        playing[msg] = timer
        timer.start()

    def hang_up(self) -> None:
        """Close every connection, as a server that was killed."""
        for client in self._clients:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()
        self._clients.clear()

    def close(self) -> None:
        self._done.set()
        self.hang_up()
        self._server.close()
        for thread in self._threads:
            thread.join(timeout=2)


@contextmanager
def fake_speechd(folder: Path, **options: object) -> Iterator[FakeSpeechd]:
    server = FakeSpeechd(folder / "speechd.sock", **options)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.close()
