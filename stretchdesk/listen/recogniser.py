"""Command words in 16 kHz mono 16-bit sound, recognised offline with PocketSphinx (the
``listen`` extra; its wheel carries the English model). No Qt.

Commands are said on their own, so the sound is first cut into stretches of speech between
silences (segments.py, with PocketSphinx's speech detector). A stretch longer than a command
word is someone talking, not a command, and is ignored. A short one is decoded against a
grammar of the command words and other short words (words.py: the app's own cue words and
everyday ones), and again as free phonemes (any sound at all). A command is taken only when
the grammar picks it and explains the sound nearly as well as the phonemes do, so a cough or
another word is turned down. How near is ``CONFIDENCE`` (the app's own choice, measured by
``make bench``: bench/listen_bench.py).
"""

from __future__ import annotations

import array
import importlib
import operator
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stretchdesk.listen.segments import FRAME_SECONDS, Segmenter
from stretchdesk.listen.words import COMMANDS, VARIANTS, grammar
from stretchdesk.session.remote import Command

RATE = 16000
MAX_SECONDS = 1.6  # longer than any command word said on its own
CONFIDENCE = -0.3  # grammar minus free phonemes (best_score): at least this


class NoiseFloor:
    """A microphone's own faint hiss (about -60 dBFS), added to the sound: the model was
    trained on real recordings, and digital silence around a word (a virtual microphone,
    a noise-cancelling headset) makes it hear the word much less often. A fixed sequence,
    so the same sound is always heard the same way."""

    def __init__(self, spread: float = 30.0, seconds: float = 1.0) -> None:
        rng = random.Random(16000)
        self._size = round(seconds * RATE)
        self._noise = [round(rng.gauss(0.0, spread)) for _ in range(self._size)]
        self._at = 0

    def add(self, pcm: bytes) -> bytes:
        samples = array.array("h", pcm[: len(pcm) // 2 * 2])
        noise: list[int] = []
        while len(noise) < len(samples):  # the fixed hiss, from where the last block ended
            noise += self._noise[self._at :]
            noise += self._noise[: self._at]
        summed = list(map(operator.add, samples, noise))
        if summed and (max(summed) > 32767 or min(summed) < -32768):
            summed = [max(-32768, min(32767, value)) for value in summed]
        self._at = (self._at + len(samples)) % self._size
        return array.array("h", summed).tobytes()


class ListenError(Exception):
    """Listening cannot work here; the message says why in a few words."""


@dataclass(frozen=True)
class Heard:
    word: str
    command: Command
    confidence: float
    seconds: float  # how long the word took


def load_engine() -> Any:
    """The pocketsphinx module, or ListenError saying how to get it."""
    try:
        return importlib.import_module("pocketsphinx")
    except ImportError as exc:
        raise ListenError(
            "voice commands need PocketSphinx: pip install 'stretchdesk[listen]'"
        ) from exc


class Recogniser:
    def __init__(self, confidence: float = CONFIDENCE, max_seconds: float = MAX_SECONDS) -> None:
        ps = load_engine()
        model = Path(ps.get_model_path()) / "en-us"
        try:
            self._decoder = ps.Decoder(
                hmm=str(model / "en-us"),
                dict=str(model / "cmudict-en-us.dict"),
                lm=None,
                loglevel="FATAL",
            )
            for word, spellings in VARIANTS.items():
                number = 2  # the dictionary's own alternatives are word(2), word(3)...
                for phones in spellings:
                    while self._decoder.lookup_word(f"{word}({number})") is not None:
                        number += 1
                    self._decoder.add_word(f"{word}({number})", phones, True)
            self._decoder.add_jsgf_string("commands", grammar())
            self._decoder.add_allphone_file("phones", str(model / "en-us-phone.lm.bin"))
        except (RuntimeError, OSError, ValueError) as exc:
            raise ListenError(f"the speech model could not load ({exc})") from exc
        self._confidence = confidence
        vad = ps.Vad(ps.Vad.LOOSE, RATE, FRAME_SECONDS)
        self._frame = int(vad.frame_bytes)
        self._segments = Segmenter(lambda frame: bool(vad.is_speech(frame)), max_seconds)
        self._pending = b""
        self._floor = NoiseFloor()

    def reset(self) -> None:
        """Forget any speech in progress (after the app's own voice, or a pause)."""
        self._pending = b""
        self._segments.reset()

    def feed(self, pcm: bytes) -> list[Heard]:
        """Sound as it comes; the commands whose word has just ended."""
        self._pending += self._floor.add(pcm)
        heard: list[Heard] = []
        while len(self._pending) >= self._frame:
            frame, self._pending = self._pending[: self._frame], self._pending[self._frame :]
            for speech in self._segments.frame(frame):
                found = self._judge(speech) if speech is not None else None
                if found is not None:
                    heard.append(found)
        return heard

    def _decode(self, search: str, speech: bytes) -> tuple[str, float]:
        """The best words and how well they explain the sound (higher is better)."""
        self._decoder.activate_search(search)
        self._decoder.start_utt()
        self._decoder.process_raw(speech, False, True)
        self._decoder.end_utt()
        hyp = self._decoder.hyp()
        if hyp is None:
            return "", float("-inf")
        return str(hyp.hypstr).strip(), float(hyp.best_score)

    def _judge(self, speech: bytes) -> Heard | None:
        word, score = self._decode("commands", speech)
        command = COMMANDS.get(word)
        if command is None:
            return None
        _, free = self._decode("phones", speech)
        confidence = score - free
        if confidence < self._confidence:
            return None
        return Heard(word, command, confidence, len(speech) / 2 / RATE)
