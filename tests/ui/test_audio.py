"""Sound and voice in the window: the planned speech is spoken (to a stand-in speech-dispatcher), a
pain-stop cuts speech off at once, and missing pieces are reported, never raised."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk import i18n, paths
from stretchdesk.audio import output, qt_voice
from stretchdesk.audio.output import AudioOutput
from stretchdesk.session import FakeClock
from stretchdesk.session.cues import Say
from stretchdesk.settings import Preferences
from stretchdesk.ui.shell.main_window import MainWindow
from tests.fake_speechd import FakeSpeechd, fake_speechd
from tests.ui.flows import engine_of, open_session, press, run_until, start_session
from tools.spoken_script import cues_for


def test_the_window_speaks_the_planned_script(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    audio = window.audio
    assert audio is not None and audio.voice_ready
    spoken: list[str] = []
    audio.spoke.connect(spoken.append)
    open_session(qtbot, window, "quick-relief")
    routine = engine_of(window).routine
    press(qtbot, window, Qt.Key.Key_Space)
    run_until(window, clock, lambda: window.current is window.completion, limit=20 * 60)
    planned = [c.text for c in cues_for(routine)[0] if isinstance(c, Say)]
    assert spoken == planned


def test_pain_stop_cuts_speech_off(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    audio = window.audio
    assert audio is not None
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Space)  # the first exercise is announced
    qtbot.waitUntil(lambda: audio.speaking, timeout=2000)
    spoken: list[str] = []
    audio.spoke.connect(spoken.append)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not audio.speaking
    run_until(window, clock, lambda: True)
    clock.advance(60)
    window.session.refresh()
    assert spoken == []


def test_pause_silences_speech(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    audio = window.audio
    assert audio is not None
    start_session(qtbot, window, "quick-relief")
    qtbot.waitUntil(lambda: audio.speaking, timeout=2000)
    clock.advance(1)  # a deliberate press, not a double press
    press(qtbot, window, Qt.Key.Key_Space)
    assert not audio.speaking


def test_voice_and_sound_off_in_settings(qtbot: QtBot, window: MainWindow) -> None:
    audio = window.audio
    assert audio is not None
    window.settings.voice.setChecked(False)
    spoken: list[str] = []
    audio.spoke.connect(spoken.append)
    audio.test_sound()
    assert spoken == []
    window.settings.voice.setChecked(True)
    audio.test_sound()
    assert spoken == ["This is how stretchdesk sounds."]
    assert window.services.prefs.voice is True


def test_missing_qt_modules_are_one_line_not_a_crash(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "load_module", lambda name: (None, "libpulse.so.0"))
    monkeypatch.setattr(qt_voice, "load_module", lambda name: (None, "libQt6TextToSpeech.so.6"))
    audio = AudioOutput(
        paths.sounds_dir(), Preferences(), speech_engine="flite", sound_backend="qt"
    )
    assert audio.sound_status == "Sound is off: Qt's sound module could not load (libpulse.so.0)."
    assert audio.voice_status == (
        "Voice is off: Qt's speech module could not load (libQt6TextToSpeech.so.6)."
    )
    audio(Say(0.0, "nothing happens"))
    audio.stop_all()
    audio.close()


def test_without_the_sound_server_linux_says_so_not_that_qt_is_missing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(_files: object) -> None:
        raise output.PulseError("Connection refused")

    monkeypatch.setattr(output, "_on_linux", lambda: True)
    monkeypatch.setattr(output, "PulseSounds", refused)
    monkeypatch.setattr(output, "load_module", lambda name: (None, "No module named x"))
    audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="flite")
    assert audio.sound_status == (
        "Sound is off: the sound server did not answer (Connection refused)."
    )
    audio.close()


def test_missing_sound_files_are_named(qtbot: QtBot, tmp_path: Path) -> None:
    audio = AudioOutput(tmp_path, Preferences())
    assert "sound files are missing" in audio.sound_status
    assert "tick" in audio.sound_status


def test_an_unknown_speech_engine_leaves_voice_off(qtbot: QtBot) -> None:
    audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="no-such-engine")
    assert audio.voice_status.startswith("Voice is off: ")
    assert not audio.voice_ready


def test_no_speech_dispatcher_at_the_given_address_is_one_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="speechd")
    assert audio.voice_status.startswith(f"Voice is off: nothing answers at {tmp_path}")
    assert not audio.voice_ready
    audio.speak("nothing happens")
    audio.stop_all()


def test_a_speech_dispatcher_with_no_voice_names_the_package(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake_speechd(tmp_path, modules=("dummy",)) as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="speechd")
        assert audio.voice_status == (
            "Voice is off: speech-dispatcher has no voice to speak with. "
            "On Debian and Ubuntu: sudo apt install speech-dispatcher-espeak-ng."
        )
        audio.close()


@pytest.mark.parametrize(
    ("voices", "said"),
    [
        (("en", "de-DE"), "Stimme ist an (speechd)."),
        (
            ("en", "fr"),
            "Stimme ist an, aber es ist keine Stimme für Deutsch installiert. "
            "Unter Debian und Ubuntu: sudo apt install speech-dispatcher-espeak-ng.",
        ),
    ],
)
def test_the_voice_is_asked_for_the_language_and_says_when_it_has_none(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    voices: tuple[str, ...],
    said: str,
) -> None:
    i18n.use("de")
    try:
        with fake_speechd(tmp_path, voices=voices) as server:
            monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
            audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="speechd")
            assert "SET self LANGUAGE de" in server.commands
            assert audio.voice_status == said
            audio.close()
    finally:
        i18n.use(i18n.SOURCE)


def test_settings_show_why_sound_is_off(window: MainWindow) -> None:
    assert window.settings.sound_status.text().startswith("Sound is")
    assert window.settings.voice_status.text() == "Voice is on (speechd)."


def test_volume_and_speed_reach_the_voice(
    qtbot: QtBot, window: MainWindow, speechd: FakeSpeechd
) -> None:
    audio = window.audio
    assert audio is not None
    audio.apply(replace(window.services.prefs, volume=30, voice_rate=-0.4))
    audio.test_sound()
    qtbot.waitUntil(lambda: len(speechd.said) == 1, timeout=2000)
    assert "SET self VOLUME -40" in speechd.commands
    assert "SET self RATE -40" in speechd.commands


def test_no_sound_server_is_one_line(qtbot: QtBot) -> None:
    output.quiet_audio_logs()
    audio = AudioOutput(paths.sounds_dir(), Preferences(), sound_backend="pulse")
    assert audio.sound_status.startswith("Sound is off: the sound server did not answer (")
    assert not audio.sound_ready
    audio.test_sound()
    audio.close()


def test_the_sound_stream_opens_when_the_session_screen_appears(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    audio = window.audio
    assert audio is not None
    held: list[bool] = []
    audio.hold_open = held.append  # type: ignore[method-assign]
    open_session(qtbot, window, "quick-relief")
    assert held == [True]  # before Start: the first sound never waits for the stream
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert held == [True, False]


def test_back_to_the_routines_lets_the_stream_close(qtbot: QtBot, window: MainWindow) -> None:
    audio = window.audio
    assert audio is not None
    held: list[bool] = []
    audio.hold_open = held.append  # type: ignore[method-assign]
    open_session(qtbot, window, "quick-relief")
    press(qtbot, window, Qt.Key.Key_Left)
    assert window.current is window.start
    assert held == [True, False]


def test_a_session_opened_before_sound_and_voice_are_ready_is_heard_once_they_are(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    audio = window.audio  # made after the first paint; --routine opens a session before
    assert audio is not None
    window.audio = None
    start_session(qtbot, window, "quick-relief")
    spoken: list[str] = []
    audio.spoke.connect(spoken.append)
    window.attach_audio(audio)
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    assert spoken and spoken[-1].startswith("Belly breathing")
