"""The speech-dispatcher client against a stand-in server: sentences in order, a stop that
cuts everything off without waiting, settings on the wire, and a server that hangs, dies or
is not there never blocking the caller."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stretchdesk.audio.speechd_server import Address, SsipError, address_from, default_socket
from stretchdesk.audio.ssip import SpeechDispatcher, speak_block
from tests.fake_speechd import FakeSpeechd, fake_speechd

WAIT = 5.0  # seconds a thread may take to do what it was asked (it takes milliseconds)


def eventually(condition: Callable[[], bool]) -> None:
    """Wait for another thread (not for time to pass): fail after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the speech thread did not get there"
        time.sleep(0.002)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FakeSpeechd]:
    with fake_speechd(tmp_path) as fake:
        yield fake


@pytest.fixture
def voice(server: FakeSpeechd) -> Iterator[SpeechDispatcher]:
    client = SpeechDispatcher(Address(path=server.path, default=False), answer_seconds=0.5)
    client.open()
    yield client
    client.close()


def test_sentences_are_spoken_in_order(server: FakeSpeechd, voice: SpeechDispatcher) -> None:
    for text in ("Get ready.", "Knee to chest.\n.5 minutes", "Well done."):
        voice.speak(text)
    eventually(lambda: len(server.said) == 3)
    assert server.said == ["Get ready.", "Knee to chest.\n.5 minutes", "Well done."]
    assert "SET self PRIORITY message" in server.commands  # queued, never cut by Orca
    assert "SET self LANGUAGE en" in server.commands
    assert voice.speaking


def test_stop_cuts_off_the_sentence_and_drops_the_queue_at_once(
    server: FakeSpeechd, voice: SpeechDispatcher
) -> None:
    voice.speak("Breathe in.")
    eventually(lambda: len(server.said) == 1)
    server.answering = False  # whatever is queued now stays in our queue
    for n in range(50):
        voice.speak(f"Sentence {n}.")
    started = time.perf_counter()
    voice.stop()
    took = time.perf_counter() - started
    assert not voice.speaking  # at once, not when the server has answered
    assert took < 0.05  # it only emptied a queue (under a millisecond here)
    server.answering = True
    voice.speak("After the stop.")
    eventually(lambda: server.cancelled == 1 and server.said[-1] == "After the stop.")
    assert server.said == ["Breathe in.", "After the stop."]


def test_speed_and_volume_go_on_the_wire_once(server: FakeSpeechd, voice: SpeechDispatcher) -> None:
    voice.set_rate(0.5)
    voice.set_volume(0.7)
    voice.set_volume(0.7)
    voice.set_rate(-2)  # clamped
    voice.speak("Hello.")
    eventually(lambda: server.said == ["Hello."])
    sets = [c for c in server.commands if c.startswith(("SET self RATE", "SET self VOLUME"))]
    assert sets == ["SET self RATE 50", "SET self VOLUME 40", "SET self RATE -100"]


def test_a_server_that_stops_answering_never_blocks_the_caller(
    server: FakeSpeechd, voice: SpeechDispatcher
) -> None:
    server.answering = False
    started = time.perf_counter()
    voice.speak("Nobody hears this.")
    voice.stop()
    voice.set_volume(0.1)
    assert time.perf_counter() - started < 0.05
    eventually(lambda: voice.problem is not None)
    assert voice.problem == "speech-dispatcher did not answer CANCEL"


def test_after_the_server_went_away_the_next_sentence_reconnects(
    server: FakeSpeechd, voice: SpeechDispatcher
) -> None:
    voice.set_rate(0.2)
    voice.speak("One.")
    eventually(lambda: server.said == ["One."])
    server.hang_up()  # killed and started again by the desktop
    eventually(lambda: not voice.speaking)
    voice.speak("Two.")
    eventually(lambda: server.said == ["One.", "Two."])
    assert server.commands.count("SET self RATE 20") == 2  # the settings came back too


def test_a_server_gone_while_a_sentence_was_sent_is_tried_again_at_once(
    server: FakeSpeechd, voice: SpeechDispatcher
) -> None:
    """A connection that breaks before the sentence's answer is not a server that cannot be
    reached: the next sentence connects again without waiting for the retry pause."""
    server.hang_up_at_speak = True
    voice.speak("Lost.")
    eventually(lambda: voice.problem is not None and not voice.speaking)
    voice.speak("Two.")
    eventually(lambda: server.said == ["Two."])
    assert voice.problem is None


def test_nothing_at_the_address_is_a_reason(tmp_path: Path) -> None:
    client = SpeechDispatcher(Address(path=tmp_path / "none.sock", default=False))
    with pytest.raises(SsipError, match=r"nothing answers at .*none\.sock"):
        client.open()


def test_the_address_comes_from_the_environment(tmp_path: Path) -> None:
    assert address_from({"SPEECHD_ADDRESS": "unix_socket:/run/x.sock"}) == Address(
        path=Path("/run/x.sock"), default=False
    )
    assert address_from({"SPEECHD_ADDRESS": "inet_socket:localhost:7000"}) == Address(
        path=None, host="localhost", port=7000, default=False
    )
    runtime = {"XDG_RUNTIME_DIR": "/run/user/1000"}
    assert address_from(runtime) == Address(
        path=Path("/run/user/1000/speech-dispatcher/speechd.sock")
    )
    assert default_socket({"HOME": str(tmp_path)}) == (
        tmp_path / ".cache" / "speech-dispatcher" / "speechd.sock"
    )


def test_a_sentence_is_sent_as_ssip_data() -> None:
    assert speak_block("a\n.b\r\nc\x07") == b"a\r\n..b\r\nc \r\n.\r\n"
