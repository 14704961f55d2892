"""The microphone through a real, private PulseAudio server whose only source is a null
sink's monitor (a virtual microphone): what is played into the sink is read back, and a
command said there is heard."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from stretchdesk.listen.microphone import BLOCK_SECONDS, Microphone
from stretchdesk.listen.recogniser import ListenError, Recogniser
from stretchdesk.session.remote import Command
from tests.listen.helpers import said

pytestmark = pytest.mark.needs(
    "pulseaudio", "paplay", "espeak-ng", "sox", package="pulseaudio pulseaudio-utils espeak-ng sox"
)


def test_a_word_played_into_the_virtual_microphone_is_heard(
    virtual_microphone: None, tmp_path: Path
) -> None:
    pytest.importorskip("pocketsphinx")
    sound = said("go on", tmp_path)
    wav = tmp_path / "go-on.wav"
    subprocess.run(
        ["sox", "-V0", "-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", "-", wav],
        input=sound,
        check=True,
    )
    microphone = Microphone()
    recogniser = Recogniser()
    player = subprocess.Popen(["paplay", str(wav)], env=os.environ)
    heard = []
    try:
        for _ in range(round(6 / BLOCK_SECONDS)):
            block = microphone.read()
            assert len(block) == round(BLOCK_SECONDS * 16000) * 2
            heard += [h.command for h in recogniser.feed(block)]
            if heard:
                break
    finally:
        microphone.close()
        player.wait(timeout=10)
    assert heard == [Command.PLAY]


def test_without_a_sound_server_it_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'none'}")
    with pytest.raises(ListenError, match="the microphone cannot be opened"):
        Microphone()
