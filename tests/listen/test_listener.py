"""The listening thread on recorded sound: a command is passed on, the app's own voice is
never heard (nor its echo), a stop is at once, and a microphone that fails says why."""

from __future__ import annotations

import threading
from collections.abc import Callable

from stretchdesk.listen.listener import AFTER_SPEECH_SECONDS, Listener, Source
from stretchdesk.listen.recogniser import Heard, ListenError
from stretchdesk.session.remote import Command

STOP = Heard("stop", Command.STOP, 0.0, 0.4)


class Blocks(Source):
    """Blocks marked b"W" (a command word ends here) or b"." (nothing), then an error."""

    def __init__(self, marks: str, before_each: Callable[[int], None] = lambda _i: None):
        self.marks = marks
        self.index = 0
        self.closed = threading.Event()
        self.before_each = before_each

    def read(self) -> bytes:
        if self.index >= len(self.marks):
            raise ListenError("the microphone stopped (unplugged)")
        self.before_each(self.index)
        mark = self.marks[self.index]
        self.index += 1
        return mark.encode()

    def close(self) -> None:
        self.closed.set()


class Spots:
    """A recogniser that hears a command in every b"W" block."""

    def __init__(self) -> None:
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1

    def feed(self, pcm: bytes) -> list[Heard]:
        return [STOP] if pcm == b"W" else []


def listen(marks: str, muted_at: set[int] | None = None) -> tuple[list[Heard], list[str], Blocks]:
    heard: list[Heard] = []
    failed: list[str] = []
    clock = [0.0]
    muted_at = muted_at or set()
    source = Blocks(marks, lambda i: clock.__setitem__(0, i * 0.1))
    listener = Listener(
        heard.append,
        lambda: source.index - 1 in muted_at,
        lambda: source,
        Spots(),  # type: ignore[arg-type]
        on_failed=failed.append,
        monotonic=lambda: clock[0],
    )
    listener.start()
    assert source.closed.wait(5)
    listener.join()
    return heard, failed, source


def test_a_command_is_passed_on_and_a_failing_microphone_says_why() -> None:
    heard, failed, source = listen("..W..")
    assert heard == [STOP]
    assert failed == ["the microphone stopped (unplugged)"]
    assert source.closed.is_set()


def test_nothing_is_heard_while_the_app_speaks_or_just_after() -> None:
    echo = round(AFTER_SPEECH_SECONDS / 0.1)
    marks = "." + "W" * 3 + "W" * (echo - 1) + "..W"
    heard, _, _ = listen(marks, muted_at={1, 2, 3})
    assert heard == [STOP]  # only the last one, after the voice and its echo


def test_stop_ends_listening_and_closes_the_microphone() -> None:
    gate = threading.Event()
    source = Blocks("." * 1000, lambda _i: gate.wait(5))
    heard: list[Heard] = []
    listener = Listener(heard.append, lambda: False, lambda: source, Spots())  # type: ignore[arg-type]
    listener.start()
    assert listener.listening
    listener.stop()
    gate.set()
    assert source.closed.wait(5)
    listener.join()
    assert not listener.listening and source.index < 1000
