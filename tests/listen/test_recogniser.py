"""The recogniser on words said by espeak-ng: the commands it knows are heard, talk and the
app's own sentences are not, and without PocketSphinx it says how to get it."""

from __future__ import annotations

import array
from pathlib import Path

import pytest

from stretchdesk.listen import recogniser
from stretchdesk.listen.recogniser import ListenError, Recogniser
from stretchdesk.session.remote import Command
from tests.listen.helpers import said

NEEDS_SPEECH = pytest.mark.needs("espeak-ng", "sox", package="espeak-ng sox")


@pytest.fixture(scope="module")
def listener() -> Recogniser:
    pytest.importorskip("pocketsphinx")
    return Recogniser()


def heard(listener: Recogniser, sound: bytes) -> list[Command]:
    listener.reset()
    found = []
    for start in range(0, len(sound), 3200):  # a tenth of a second at a time, as it comes
        found += [h.command for h in listener.feed(sound[start : start + 3200])]
    return found


def test_without_pocketsphinx_it_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(recogniser.importlib, "import_module", missing)
    with pytest.raises(ListenError, match=r"pip install 'stretchdesk\[listen\]'"):
        Recogniser()


@NEEDS_SPEECH
@pytest.mark.parametrize(
    ("word", "command"),
    [
        ("stop", Command.STOP),
        ("pause", Command.PAUSE),
        ("go on", Command.PLAY),
        ("continue", Command.PLAY),
    ],
)
def test_a_command_said_on_its_own_is_heard(
    listener: Recogniser, tmp_path: Path, word: str, command: Command
) -> None:
    """How often each word is heard, over voices, speeds and noise, is measured by make bench
    (bench/listen_bench.py); here the clear cases, in digital silence (a virtual microphone,
    which the recogniser's own faint noise floor makes usable)."""
    assert heard(listener, said(word, tmp_path)) == [command]


def test_the_noise_floor_is_the_same_hiss_whatever_the_blocks() -> None:
    whole = recogniser.NoiseFloor().add(b"\x00\x00" * 20100)
    floor = recogniser.NoiseFloor()
    parts = floor.add(b"\x00\x00" * 20000) + floor.add(b"\x00\x00" * 100)
    assert whole == parts
    loud = recogniser.NoiseFloor().add(b"\xff\x7f" * 1000)  # full scale stays full scale
    assert max(array.array("h", loud)) == 32767


@NEEDS_SPEECH
def test_talk_and_the_apps_own_sentences_give_nothing(listener: Recogniser, tmp_path: Path) -> None:
    for text in (
        "Rest. Coming up: Knee rolls.",
        "Hold, and keep breathing.",
        "Relax.",
        "Switch sides.",
        "Well done.",
        "I think I will stop the video and then go on with the next chapter after lunch.",
    ):
        assert heard(listener, said(text, tmp_path)) == [], text
