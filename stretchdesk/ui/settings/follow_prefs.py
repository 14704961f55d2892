"""After the settings change: sound and voice, media keys, voice commands, reminders and the
login entry, theme and text size, and the routine cards follow them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from stretchdesk.autostart import follow_setting
from stretchdesk.prefs import Preferences
from stretchdesk.ui.history import shared_history
from stretchdesk.ui.kit.theme import apply_theme

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


def follow_prefs(
    window: MainWindow, old: Preferences, prefs: Preferences, problem: str | None
) -> None:
    """``problem``: saving failed, in words (shown in Settings with any of our own)."""
    if old.sync_folder != prefs.sync_folder:
        shared_history.follow_setting(window, prefs.sync_folder)
    if window.between is not None:
        problem = window.between.prefs_changed(old, prefs) or problem
    else:
        data = window.services.data
        problem = follow_setting(old.start_at_login, prefs.start_at_login, data) or problem
    if "settings" in window.built_screens:
        window.settings.show_result(problem)
        window.settings.reminders.show_status(window.reminders_status())
    if window.audio is not None:
        window.audio.apply(prefs)  # the voice opens or closes with its setting
        if "settings" in window.built_screens:
            window.settings.show_audio(window.audio.sound_status, window.audio.voice_status)
    if window.media is not None and prefs.media_keys:
        window.media.update()
    elif window.media is not None:
        window.media.unregister()
    if window.voice_control is not None:
        window.voice_control.update(retry=True)
        if "settings" in window.built_screens:
            window.settings.show_listen(window.voice_control.status)
    if (old.theme, old.text_size) != (prefs.theme, prefs.text_size):
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme, prefs.text_size)
    changed = (old.session_settings(), old.health_answers()) != (
        prefs.session_settings(),
        prefs.health_answers(),
    )
    if changed and "start" in window.built_screens:
        window.start.show_routines(window.services.routine_cards())
