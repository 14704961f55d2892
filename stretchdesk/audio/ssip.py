"""Speech through speech-dispatcher, spoken to directly over its socket in its own text
protocol (SSIP). No Qt.

Why not Qt's speech module: on Linux it is speech-dispatcher underneath, and it comes in a
400 MB add-on package. Why not the ``spd-say`` client: a process per sentence, and cutting
speech off would mean starting yet another one. One socket does all of it: sentences are
queued in order, ``CANCEL self`` cuts the sentence being spoken and drops the queued ones at
once, rate and volume are two ``SET`` lines.

Priority ``message``: a screen reader (Orca) speaks at ``message`` too, and by the SSIP rules
(speech-dispatcher's SSIP manual, "Priority Categories",
https://htmlpreview.github.io/?https://github.com/brailcom/speechd/blob/master/doc/ssip.html)
a ``message`` "doesn't interrupt itself": whichever comes second waits for the first, so
neither the app's cue nor the screen reader's words are cut. At ``text`` every message of the
screen reader cancelled the cue being spoken, and ``text`` interrupts itself. ``important``
would cut the screen reader and is meant for short, rare messages.

Nothing here can block its caller: ``say``, ``stop`` and the settings only put a job in a
queue that a worker thread writes to the socket; a reader thread takes the answers and the
begin/end notices. ``stop`` empties the queue before the worker sees it, so a pain-stop
never waits behind sentences. A server that stops answering (two seconds) or goes away
closes the connection; the next sentence tries again, at most every few seconds, starting
the server as its own client library does when the address is the default one.
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from stretchdesk.audio.speechd_server import (
    ANSWER_SECONDS,
    SPAWN_SECONDS,
    Address,
    SsipError,
    connect,
    spawn_server,
)

RETRY_SECONDS = 3.0
CLIENT = "stretchdesk:main"
EVENT_END, EVENT_CANCELLED = 702, 703


class ConnectionLost(SsipError):
    """A connection that had worked broke (the server was stopped or restarted)."""


def voice_languages(lines: tuple[str, ...]) -> set[str]:
    """The languages of ``LIST SYNTHESIS_VOICES``'s lines ("German\tde\tnone" -> "de")."""
    found = set()
    for line in lines:
        fields = line.split("\t")
        if len(fields) >= 2 and fields[1]:
            found.add(fields[1].split("-")[0].split("_")[0].lower())
    return found


def speak_block(text: str) -> bytes:
    """The lines that follow ``SPEAK``: CR LF line ends, a line starting with a dot doubled,
    and a line holding only a dot to end."""
    clean = "".join(c if c.isprintable() or c == "\n" else " " for c in text.replace("\r", ""))
    lines = [("." + line) if line.startswith(".") else line for line in clean.split("\n")]
    return ("\r\n".join([*lines, ".", ""])).encode("utf-8")


@dataclass(frozen=True)
class Reply:
    code: int
    text: str
    data: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return 200 <= self.code < 300


class Connection:
    """One socket: requests one at a time from one thread; a reader thread sorts what
    comes back into replies and notices (7xx, passed to ``on_event``)."""

    def __init__(
        self, sock: socket.socket, on_event: Callable[[Reply], None], answer_seconds: float
    ) -> None:
        self._sock = sock
        self._on_event = on_event
        self._answer_seconds = answer_seconds
        self._replies: queue.Queue[Reply | None] = queue.Queue()
        self.on_reply: Callable[[Reply], None] = lambda _reply: None  # in the reader thread
        self.alive = True  # False once the server has closed its end
        self.on_closed: Callable[[], None] = lambda: None  # in the reader thread
        self._reader = threading.Thread(target=self._read, name="speechd-reader", daemon=True)
        self._reader.start()

    def request(self, line: str, block: bytes = b"") -> Reply:
        """Send a command (and for ``SPEAK`` its text) and wait for the answer."""
        try:
            self._sock.sendall(line.encode("utf-8") + b"\r\n")
            reply = self._answer(line)
            if block and reply.code == 230:
                self._sock.sendall(block)
                reply = self._answer(line)
        except OSError as exc:
            raise ConnectionLost(f"the connection to speech-dispatcher broke ({exc})") from None
        return reply

    def _answer(self, line: str) -> Reply:
        try:
            reply = self._replies.get(timeout=self._answer_seconds)
        except queue.Empty:
            command = line.split(" ", 1)[0]
            raise SsipError(f"speech-dispatcher did not answer {command}") from None
        if reply is None:
            raise ConnectionLost("speech-dispatcher closed the connection")
        return reply

    def _read(self) -> None:
        pending = b""
        data: list[str] = []
        while True:
            try:
                chunk = self._sock.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                line = raw.rstrip(b"\r").decode("utf-8", "replace")
                if len(line) < 4 or not line[:3].isdigit():
                    continue  # not SSIP: ignored rather than trusted
                if line[3] == "-":
                    data.append(line[4:])
                    continue
                reply = Reply(int(line[:3]), line[4:], tuple(data))
                data = []
                if 700 <= reply.code < 800:
                    self._on_event(reply)
                else:
                    self.on_reply(reply)
                    self._replies.put(reply)
        self.alive = False
        self.on_closed()
        self._replies.put(None)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()


@dataclass
class _Job:
    command: str
    block: bytes = b""
    cancelled: bool = False  # a sentence being sent when ``stop`` came: no longer counted


class SpeechDispatcher:
    """Sentences to speech-dispatcher in order; ``stop`` cuts them all off.

    ``open`` connects (starting the server if needed) or raises SsipError with the reason.
    """

    def __init__(
        self,
        address: Address,
        *,
        language: str = "en",
        answer_seconds: float = ANSWER_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.address = address
        self.problem: str | None = None  # why the last connection ended, if it did
        self.modules: tuple[str, ...] = ()
        self.languages: frozenset[str] | None = None  # the voices' languages ("de"), if told
        self._language = language
        self._answer_seconds = answer_seconds
        self._retry_seconds = retry_seconds
        self._monotonic = monotonic
        self._settings: dict[str, str] = {}
        self._jobs: deque[_Job] = deque()
        self._busy = threading.Condition()
        self._in_flight: _Job | None = None
        self._speaking: set[str] = set()  # messages queued or spoken, not yet ended
        self._conn: Connection | None = None
        self._failed_at: float | None = None
        self._closing = False
        self._worker = threading.Thread(target=self._work, name="speechd-writer", daemon=True)

    # ------------------------------------------------------------------ opening
    @property
    def language(self) -> str:
        return self._language

    def open(self) -> None:
        """Connect; may run on a thread of its own while sentences and settings are queued
        (they are sent once it has connected), and ``close`` may come meanwhile."""
        conn = self._connect()
        with self._busy:
            self._conn = conn
            closing = self._closing
        if closing:
            conn.close()
            return
        self._worker.start()

    def _connect(self) -> Connection:
        try:
            sock = connect(self.address, self._answer_seconds)
        except OSError as first:
            if not self.address.default:
                raise SsipError(f"nothing answers at {self.address} ({first.strerror})") from None
            sock = self._spawn_and_connect()
        conn = Connection(sock, self._event, self._answer_seconds)
        conn.on_reply = self._replied
        conn.on_closed = self._closed
        try:
            self._hello(conn)
        except SsipError:
            conn.close()
            raise
        return conn

    def _spawn_and_connect(self) -> socket.socket:
        try:
            spawn_server(self.address)
        except OSError as exc:
            raise SsipError(f"speech-dispatcher could not be started ({exc})") from None
        deadline = self._monotonic() + SPAWN_SECONDS
        while True:
            try:
                return connect(self.address, self._answer_seconds)
            except OSError as exc:
                if self._monotonic() >= deadline:
                    raise SsipError(f"speech-dispatcher did not start ({exc.strerror})") from None
                time.sleep(0.02)

    def _hello(self, conn: Connection) -> None:
        user = os.environ.get("USER") or "user"
        for line in (
            f"SET self CLIENT_NAME {user}:{CLIENT}",
            "SET self NOTIFICATION all on",
            "SET self PRIORITY message",
            f"SET self LANGUAGE {self._language}",
            *self._settings_now(),
        ):
            reply = conn.request(line)
            if not reply.ok:
                raise SsipError(f"speech-dispatcher refused {line!r}: {reply.code} {reply.text}")
        modules = conn.request("LIST OUTPUT_MODULES")
        self.modules = modules.data if modules.ok else ()
        if self.languages is None:  # once: espeak-ng lists thousands of voices
            voices = conn.request("LIST SYNTHESIS_VOICES")
            if voices.ok:
                self.languages = frozenset(voice_languages(voices.data))

    def _settings_now(self) -> list[str]:
        with self._busy:
            return list(self._settings.values())

    # ------------------------------------------------------------------ the caller's side
    def speak(self, text: str) -> None:
        self._put(_Job("SPEAK", speak_block(text)))

    def stop(self) -> None:
        """Cut off the sentence being spoken and every queued one, now."""
        with self._busy:
            self._jobs = deque(job for job in self._jobs if job.command.startswith("SET"))
            self._jobs.appendleft(_Job("CANCEL self"))
            if self._in_flight is not None:
                self._in_flight.cancelled = True
            self._speaking.clear()
            self._busy.notify()

    def set_rate(self, rate: float) -> None:
        """-1.0 (slowest) .. 1.0 (fastest); 0 is the voice's own speed."""
        self._set("RATE", round(max(-1.0, min(1.0, rate)) * 100))

    def set_volume(self, volume: float) -> None:
        """0.0 .. 1.0, as the sound volume."""
        self._set("VOLUME", round(max(0.0, min(1.0, volume)) * 200) - 100)

    def _set(self, key: str, value: int) -> None:
        line = f"SET self {key} {value}"
        with self._busy:
            if self._settings.get(key) == line:
                return
            self._settings[key] = line
        self._put(_Job(line))

    def _put(self, job: _Job) -> None:
        with self._busy:
            self._jobs.append(job)
            self._busy.notify()

    @property
    def speaking(self) -> bool:
        with self._busy:
            queued = any(job.block for job in self._jobs)
            job = self._in_flight
            flying = job is not None and bool(job.block) and not job.cancelled
            return queued or flying or bool(self._speaking)

    def close(self) -> None:
        with self._busy:
            self._closing = True
            self._jobs.clear()
            self._busy.notify()
            conn = self._conn
        if conn is not None:
            conn.close()

    # ------------------------------------------------------------------ the worker's side
    def _work(self) -> None:
        while True:
            with self._busy:
                while not self._jobs and not self._closing:
                    self._busy.wait()
                if self._closing:
                    return
                job = self._in_flight = self._jobs.popleft()
            try:
                self._run(job)
            except ConnectionLost as exc:  # it worked until now: the next sentence tries at once
                self._lost(str(exc), retry_now=True)
            except SsipError as exc:
                self._lost(str(exc))
            finally:
                with self._busy:
                    self._in_flight = None

    def _run(self, job: _Job) -> None:
        if self._conn is not None and not self._conn.alive:  # the server went away
            self._conn.close()
            self._conn = None
        conn = self._conn or self._reconnect(job)
        if conn is None:
            return
        reply = conn.request(job.command, job.block)
        if job.command == "CANCEL self":
            with self._busy:
                self._speaking.clear()  # everything sent before the cancel is gone
        elif not reply.ok and job.block:
            raise SsipError(f"speech-dispatcher refused a sentence: {reply.code} {reply.text}")

    def _reconnect(self, job: _Job) -> Connection | None:
        """A new connection for a sentence, no more often than every few seconds."""
        now = self._monotonic()
        if not job.block or (
            self._failed_at is not None and now - self._failed_at < self._retry_seconds
        ):
            return None
        try:
            self._conn = self._connect()
        except SsipError as exc:
            self._failed_at = now
            self.problem = str(exc)
            return None
        self.problem = None
        return self._conn

    def _lost(self, why: str, *, retry_now: bool = False) -> None:
        """Give up the connection; a new one is tried for the next sentence, at once after a
        connection that broke (the server may have been restarted), else after a pause."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        self._failed_at = None if retry_now else self._monotonic()
        self.problem = why
        with self._busy:
            self._speaking.clear()

    # ------------------------------------------------------------------ the reader's side
    def _replied(self, reply: Reply) -> None:
        if reply.code == 225 and reply.data:  # MESSAGE QUEUED, with its id
            with self._busy:
                job = self._in_flight
                if job is not None and job.block and not job.cancelled:
                    self._speaking.add(reply.data[0])

    def _closed(self) -> None:
        with self._busy:
            self._speaking.clear()  # a server that went away says nothing more

    def _event(self, reply: Reply) -> None:
        if reply.code in (EVENT_END, EVENT_CANCELLED) and reply.data:
            with self._busy:
                self._speaking.discard(reply.data[0])
