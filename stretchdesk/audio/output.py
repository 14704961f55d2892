"""Sound and voice for the cues. On Linux the tones go to the sound server through libpulse
(``pulse.py``) and the words to speech-dispatcher over its socket (``ssip.py``): nothing from
Qt's add-on package. Elsewhere, and on Linux when libpulse fails and the add-ons are
installed, the tones go through Qt's QSoundEffect and the words through QTextToSpeech
(``qt_voice.py``).

Either may be missing (no sound server, no audio device, no speech engine); then that part
stays silent and ``sound_status`` / ``voice_status`` say why in one line. Nothing here ever
stops a session.

The voice is opened only while the Voice setting is on: with it off, nothing connects to
speech-dispatcher (nor starts it) and no speech engine is loaded; turning it on opens it,
and turning it off closes it again. In the window, speech-dispatcher is opened on a thread of
its own (``voice_in_background``): starting it and its first answers take from a tenth of a
second to two seconds, which would hold up the countdown; sentences given meanwhile are
spoken once it answers, and ``statuses_changed`` tells when ``voice_status`` is known.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QLoggingCategory, QObject, Qt, QUrl, Signal

from stretchdesk import i18n
from stretchdesk.audio.pulse import PulseError, PulseSounds
from stretchdesk.audio.qt_voice import load_module, open_qt_voice
from stretchdesk.audio.speechd_server import SsipError, address_from
from stretchdesk.audio.ssip import SpeechDispatcher
from stretchdesk.audio.voice_help import no_voice_for, speechd_problem
from stretchdesk.i18n import _
from stretchdesk.session.cues import Cue, Play, Say, Silence, Sound
from stretchdesk.settings import Preferences


def voice_off() -> str:
    return _("Voice is off. It is checked when you turn it on.")


class Voice(Protocol):
    def speak(self, text: str) -> None: ...
    def stop(self) -> None: ...
    def set_rate(self, rate: float) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    @property
    def speaking(self) -> bool: ...
    def close(self) -> None: ...


def quiet_audio_logs() -> None:
    """Qt's sound back ends list every optional library they did not find; the settings
    screen already says in one line whether sound works, so those lines are hidden."""
    QLoggingCategory.setFilterRules(
        "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg=false\n"
        "qt.multimedia.pulseaudio=false\nqt.multimedia.*.warning=false"
    )


def _on_linux() -> bool:
    return sys.platform.startswith("linux")


class QtSounds(QObject):
    """The tones through QSoundEffect (Qt's sound module, with FFmpeg underneath)."""

    def __init__(self, effects: dict[str, Any], parent: QObject) -> None:
        super().__init__(parent)
        self._effects = effects
        self.volume = 1.0

    def play(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is not None:
            effect.setVolume(self.volume)
            effect.play()

    def stop(self) -> None:
        for effect in self._effects.values():
            effect.stop()

    def close(self) -> None:
        self.stop()


class AudioOutput(QObject):
    spoke = Signal(str)  # every sentence handed to the speech engine
    played = Signal(str)  # every sound started
    statuses_changed = Signal()  # ``voice_status`` changed after the voice opened on its thread
    _voice_opened = Signal(object, object)  # (client, SsipError or None), from the opening thread

    def __init__(
        self,
        sounds_dir: Path,
        prefs: Preferences,
        *,
        speech_engine: str | None = None,
        sound_backend: str = "auto",
        voice_in_background: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._sounds: PulseSounds | QtSounds | None = None
        self._speech: Voice | None = None
        self._speech_engine = speech_engine
        self._voice_asked = False  # asked for since the Voice setting was last turned on
        self._in_background = voice_in_background
        self._opening: SpeechDispatcher | None = None  # connecting on its own thread
        self._voice_opened.connect(self._voice_answered, Qt.ConnectionType.QueuedConnection)
        self.sound_status = self._open_sound(sounds_dir, sound_backend)
        self.voice_status = voice_off()
        self.apply(prefs)

    # ------------------------------------------------------------------ opening
    @property
    def sound_ready(self) -> bool:
        return self._sounds is not None

    @property
    def voice_ready(self) -> bool:
        return self._speech is not None and self._opening is None

    def _open_sound(self, folder: Path, backend: str) -> str:
        files = {sound.value: folder / f"{sound.value}.wav" for sound in Sound}
        missing = [name for name, path in files.items() if not path.is_file()]
        if missing:
            return _("Sound is off: sound files are missing ({names}) in {folder}.").format(
                names=", ".join(missing), folder=folder
            )
        if backend == "pulse" or (backend == "auto" and _on_linux()):
            try:
                self._sounds = PulseSounds(files)
            except PulseError as exc:
                server_said = _("Sound is off: the sound server did not answer ({reason}).").format(
                    reason=exc
                )
                if backend == "pulse":
                    return server_said
                # Qt's sound module is optional on Linux: without it, the server's answer
                # is what the person can act on
                status = self._open_qt_sound(files)
                return server_said if self._sounds is None else status
            else:
                return _("Sound is on (the system's sound server).")
        return self._open_qt_sound(files)

    def _open_qt_sound(self, files: dict[str, Path]) -> str:
        multimedia, why = load_module("PySide6.QtMultimedia")
        if multimedia is None:
            return _("Sound is off: Qt's sound module could not load ({reason}).").format(
                reason=why
            )
        device = multimedia.QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return _("Sound is off: no audio output device was found.")
        effects = {}
        for name, path in files.items():
            effect = multimedia.QSoundEffect(device, self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effects[name] = effect
        self._sounds = QtSounds(effects, self)
        return _("Sound is on ({device}).").format(device=device.description())

    def _open_voice(self, wanted: str | None) -> str:
        """``wanted``: "speechd" (speech-dispatcher's socket, Linux's default), a Qt engine's
        name, or None for the platform's usual voice."""
        if wanted == "speechd" or (wanted is None and _on_linux()):
            return self._open_speechd()
        voice, status = open_qt_voice(wanted, self)
        self._speech = voice
        return status

    def _open_speechd(self) -> str:
        address = address_from()
        language = i18n.language() if i18n.language() != i18n.PSEUDO else i18n.SOURCE
        client = SpeechDispatcher(address, language=language)
        if not self._in_background:
            return self._speechd_status(client, _try_open(client))
        self._speech = self._opening = client  # sentences wait in its queue meanwhile

        def open_it() -> None:
            self._voice_opened.emit(client, _try_open(client))

        threading.Thread(target=open_it, name="speechd-open", daemon=True).start()
        return _("Voice is starting...")

    def _voice_answered(self, client: SpeechDispatcher, error: SsipError | None) -> None:
        """speech-dispatcher answered (or not) on the opening thread."""
        if client is not self._opening:  # turned off or closed meanwhile
            client.close()
            return
        self._opening = None
        self.voice_status = self._speechd_status(client, error)
        self.statuses_changed.emit()

    def _speechd_status(self, client: SpeechDispatcher, error: SsipError | None) -> str:
        """The voice's one line once ``client`` has opened or failed; kept if it speaks."""
        self._speech = None
        if error is not None:
            client.close()
            if client.address.default:
                return speechd_problem()
            return _("Voice is off: {reason}.").format(reason=error)
        voices = [m for m in client.modules if m != "dummy"]
        if not voices:
            client.close()
            return speechd_problem(which=lambda _name: "speech-dispatcher", modules=lambda: [])
        self._speech = client
        if client.languages is not None and client.language not in client.languages:
            return no_voice_for(client.language)
        return _("Voice is on (speechd).")

    # ------------------------------------------------------------------ settings
    def _follow_voice_setting(self, on: bool) -> None:
        if on and not self._voice_asked:
            self._voice_asked = True
            self.voice_status = self._open_voice(self._speech_engine)
        elif not on and self._voice_asked:
            self._voice_asked = False
            self._opening = None
            if self._speech is not None:
                self._speech.stop()
                self._speech.close()
                self._speech = None
            self.voice_status = voice_off()

    def apply(self, prefs: Preferences) -> None:
        self._prefs = prefs
        self._follow_voice_setting(prefs.voice)
        if self._sounds is not None:
            self._sounds.volume = prefs.volume / 100
        if self._speech is not None:
            self._speech.set_volume(prefs.volume / 100)
            self._speech.set_rate(prefs.voice_rate)
        if not prefs.sound:
            self._stop_sounds()

    # ------------------------------------------------------------------ cues
    def __call__(self, cue: Cue) -> None:
        if isinstance(cue, Silence):
            self.stop_all()
        elif isinstance(cue, Play):
            self.play(cue.sound)
        elif isinstance(cue, Say):
            self.speak(cue.text)

    def play(self, sound: Sound) -> None:
        if self._sounds is None or not self._prefs.sound:
            return
        self._sounds.play(sound.value)
        self.played.emit(sound.value)

    def speak(self, text: str) -> None:
        if self._speech is None or not self._prefs.voice:
            return
        self._speech.speak(text)
        self.spoke.emit(text)

    def hold_open(self, hold: bool) -> None:
        """A session screen is showing (True) or not: open the sound stream now, so the first
        sound of the session is on time, and keep it open while it shows."""
        if isinstance(self._sounds, PulseSounds):
            self._sounds.hold_open(hold)

    def stop_all(self) -> None:
        """Silence now: every tone and every word, including what was queued."""
        self._stop_sounds()
        if self._speech is not None:
            self._speech.stop()

    def _stop_sounds(self) -> None:
        if self._sounds is not None:
            self._sounds.stop()

    def close(self) -> None:
        """Silence everything and end the sound threads (the window is closing)."""
        self.stop_all()
        self._opening = None  # a voice still opening closes itself when it answers
        if self._sounds is not None:
            self._sounds.close()
        if self._speech is not None:
            self._speech.close()

    @property
    def speaking(self) -> bool:
        return self._speech is not None and self._speech.speaking

    def test_sound(self) -> None:
        self.play(Sound.STEP_DONE)
        self.speak(_("This is how stretchdesk sounds."))


def _try_open(client: SpeechDispatcher) -> SsipError | None:
    """Connect (starting the server if need be); the reason if that failed."""
    try:
        client.open()
    except SsipError as exc:
        return exc
    return None
