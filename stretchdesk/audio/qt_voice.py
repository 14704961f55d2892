"""The voice through Qt's speech module (QTextToSpeech, in the PySide6-Addons package): the
voice on Windows and macOS, and on Linux only when asked for by name (the ``qt-sound``
extra installs the module). On Linux the voice is speech-dispatcher itself (``ssip.py``)."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QLocale, QObject

from stretchdesk.audio.voice_help import speechd_problem

PREFERRED_ENGINES = ("speechd", "flite", "sapi", "winrt", "darwin", "macos")


def load_module(module: str) -> tuple[Any | None, str | None]:
    """Import a Qt add-on module; (module, None) or (None, the reason in a few words)."""
    try:
        return importlib.import_module(module), None
    except ImportError as exc:
        reason = str(exc).split(":")[0] if "cannot open shared object" in str(exc) else str(exc)
        return None, reason


class QtVoice:
    """A QTextToSpeech engine behind the same few calls as ``SpeechDispatcher``."""

    def __init__(self, engine: Any, name: str) -> None:
        self._engine = engine
        self.name = name

    def say(self, text: str) -> None:
        self._engine.enqueue(text)

    def stop(self) -> None:
        self._engine.stop()

    def set_rate(self, rate: float) -> None:
        self._engine.setRate(rate)

    def set_volume(self, volume: float) -> None:
        self._engine.setVolume(volume)

    @property
    def speaking(self) -> bool:
        return bool(self._engine.state() == type(self._engine).State.Speaking)

    def close(self) -> None:
        self._engine.stop()


def open_qt_voice(wanted: str | None, parent: QObject) -> tuple[QtVoice | None, str]:
    """The engine asked for (or the first preferred one there is), and the status line."""
    speech, why = load_module("PySide6.QtTextToSpeech")
    if speech is None:
        return None, f"Voice is off: Qt's speech module could not load ({why})."
    engines = list(speech.QTextToSpeech.availableEngines())
    choice = wanted or next((e for e in PREFERRED_ENGINES if e in engines), None)
    if choice is None or choice not in engines:
        return None, "Voice is off: no speech engine is installed."
    engine = speech.QTextToSpeech(choice, parent)
    if engine.state() == speech.QTextToSpeech.State.Error:
        if choice == "speechd":
            return None, speechd_problem()
        return None, f"Voice is off: the speech engine {choice} did not start."
    language = _english_if_no_voice(engine)
    return QtVoice(engine, choice), f"Voice is on ({choice}{language})."


def _english_if_no_voice(engine: Any) -> str:
    """Under a locale with no voice (LANG=C.UTF-8, for one), speak English instead of
    nothing. Returns words for the status line ("" when the desktop's language is used)."""
    if list(engine.availableVoices()):
        return ""
    for locale in engine.availableLocales():
        if locale.language() == QLocale.Language.English:
            engine.setLocale(locale)
            return ", in English: no voice for the desktop's language"
    return ""
