"""The window's sound and voice: attached after the first paint, following the settings, the
stream held open while the session screen shows, their state shown in Settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.audio.output import AudioOutput
    from stretchdesk.settings import Preferences
    from stretchdesk.ui.shell.main_window import MainWindow


class WindowSound(QObject):
    """What the window does with its ``audio`` (none until it is attached); a child of the
    window, so the audio's signals stop reaching it with the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.held = False  # the sound stream is held open for the session screen

    def attach(self, audio: AudioOutput) -> None:
        window = self.window
        window.audio = audio
        audio.apply(window.services.prefs)
        self.held = False
        self.hold_open()
        audio.statuses_changed.connect(self.show_status)  # the voice answered later
        self.show_status()
        settings = window.screens.if_built(Screen.SETTINGS)
        if settings is not None:
            settings.test_sound.connect(audio.test_sound)

    def show_status(self) -> None:
        settings = self.window.screens.if_built(Screen.SETTINGS)
        audio = self.window.audio
        if settings is not None and audio is not None:
            settings.show_audio(audio.sound_status, audio.voice_status)

    def follows(self, _old: Preferences, new: Preferences) -> None:
        if self.window.audio is not None:
            self.window.audio.apply(new)  # the voice opens or closes with its setting

    def hold_open(self) -> None:
        """The sound stream is open while a session screen shows (see AudioOutput)."""
        audio = self.window.audio
        on_session = self.window.screens.shown is Screen.SESSION
        if audio is not None and on_session != self.held:
            self.held = on_session
            audio.hold_open(on_session)
