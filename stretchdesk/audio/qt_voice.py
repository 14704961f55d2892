"""The voice through Qt's speech module (QTextToSpeech, in the PySide6-Addons package): the
voice on Windows and macOS, and on Linux only when asked for by name (the ``qt-sound``
extra installs the module). On Linux the voice is speech-dispatcher itself (``ssip.py``)."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QLocale, QObject

from stretchdesk import i18n
from stretchdesk.audio.voice_help import speechd_problem
from stretchdesk.i18n import _

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

    def speak(self, text: str) -> None:
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
        return None, _("Voice is off: Qt's speech module could not load ({reason}).").format(
            reason=why
        )
    engines = list(speech.QTextToSpeech.availableEngines())
    choice = wanted or next((e for e in PREFERRED_ENGINES if e in engines), None)
    if choice is None or choice not in engines:
        return None, _("Voice is off: no speech engine is installed.")
    engine = speech.QTextToSpeech(choice, parent)
    if engine.state() == speech.QTextToSpeech.State.Error:
        if choice == "speechd":
            return None, speechd_problem()
        return None, _("Voice is off: the speech engine {engine} did not start.").format(
            engine=choice
        )
    language = _voice_for_language(engine)
    return QtVoice(engine, choice), _("Voice is on ({engine}).").format(engine=choice + language)


def _voice_for_language(engine: Any) -> str:
    """A voice for the language the app speaks (Settings, else the desktop's); with none,
    English rather than silence. Returns words for the status line ("" when all is well)."""
    wanted = i18n.language() if i18n.language() != i18n.PSEUDO else i18n.SOURCE
    locales = list(engine.availableLocales())
    for locale in locales:
        if locale.name().split("_")[0] == wanted:
            if engine.locale().name().split("_")[0] != wanted:
                engine.setLocale(locale)
            return ""
    for locale in locales:
        if locale.language() == QLocale.Language.English:
            engine.setLocale(locale)
            return ", " + _("in English: no voice for {language} is installed").format(
                language=i18n.LANGUAGES.get(wanted, wanted)
            )
    return ""
