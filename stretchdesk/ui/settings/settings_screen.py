"""Settings: saved in the config directory as soon as they change. A running session keeps
the timing it started with; theme and text size apply to the whole window at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.i18n import N_, _
from stretchdesk.settings import VOICE_RATE_STEPS, Preferences, whole_range
from stretchdesk.ui.kit.flow_layout import FittingForm
from stretchdesk.ui.kit.widgets import button, label, reading, status_line, wrapping
from stretchdesk.ui.settings.controls import (
    Control,
    combo,
    flowing,
    language_names,
    on_change,
    show_value,
    spin,
    value_of,
)
from stretchdesk.ui.settings.reminder_settings import ReminderSettings
from stretchdesk.ui.settings.sync_section import SyncSection

THEME_NAMES = {"system": N_("Follow the system"), "light": N_("Light"), "dark": N_("Dark")}
SIZE_NAMES = {"normal": N_("Normal"), "large": N_("Large"), "extra-large": N_("Extra large")}
SESSION_WINDOW_NAMES = {
    "full-screen": N_("Full screen"),
    "maximised": N_("Maximised"),
    "unchanged": N_("As it is"),
}


# setting, prefix, suffix, accessible name, description: the thresholds of the suggestions
ADVICE_CONTROLS = (
    (
        "advice_severe_pain",
        N_("pain "),
        N_(" or more before a session"),
        N_("Suggest help when the pain before a session is at least"),
        N_("A rating this high brings a suggestion to see a GP or physiotherapist"),
    ),
    (
        "advice_worse_count",
        N_("worse after "),
        N_(" of the last 5 sessions"),
        N_("Suggest help when pain after was worse in this many of the last 5 sessions"),
        N_("Pain after a session 2 points or more higher than before it"),
    ),
    (
        "advice_trend_days",
        N_("no easing over "),
        N_(" days"),
        N_("Suggest help when the pain has not eased over this many days"),
        N_("Moderate pain before sessions that has not come down by 2 points or 30 %"),
    ),
    (
        "advice_repeated_stops",
        N_("one exercise stopped "),
        N_(" times in 30 days"),
        N_("Suggest help when one exercise was stopped for pain this many times"),
        N_("Pain-stops on the same exercise"),
    ),
)


class SettingsScreen(QFrame):
    changed = Signal(object)  # the new Preferences
    safety_requested = Signal()
    health_requested = Signal()
    test_sound = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Settings"))
        self._prefs = Preferences()
        self._loading = False
        self.reminders = ReminderSettings(today, lambda: self._prefs, self)
        self.reminders.edited.connect(self._reminders_edited)
        self.reminders.problem.connect(self.reminders.show_status)
        self.sharing = SyncSection(lambda: self._prefs, self)
        self.sharing.edited.connect(self._reminders_edited)
        self._make_session_controls()
        self._make_advice_controls()
        self._make_screen_controls()
        self._make_audio_controls()
        self.result = label("", "muted")
        self._lay_out()
        self.controls = self._controls()
        for control in (*self.controls.values(), self.rate):
            on_change(control, self._edited)

    def _make_session_controls(self) -> None:
        self.lead_in = spin(
            whole_range("lead_in"),
            1,
            suffix=_(" s"),
            name=_("Get-ready time"),
            tip=_("Seconds to get ready"),
        )
        low, high = whole_range("hold_percent")
        self.hold = spin(
            (low, high),
            10,
            suffix=" %",
            name=_("Hold length"),
            tip=_("Holds at {low} to {high} % of the routine's").format(low=low, high=high),
        )
        self.pain = QCheckBox(_("Ask for a pain rating before and after"))
        self.pain.setAccessibleName(_("Pain ratings"))
        self.rewarm = spin(
            whole_range("rewarm_minutes"),
            1,
            suffix=_(" min"),
            name=_("Warm-up stays fresh for"),
            tip=_("After this long paused or away, a short re-warm comes before the stretches"),
        )

    def _groups(self) -> tuple[tuple[str, Any], ...]:
        """Each group of the screen: its heading and its rows (a label, and a control)."""
        return (
            (
                _("The session"),
                (
                    (_("Get ready before each exercise"), self.lead_in),
                    (_("Hold length"), self.hold),
                    (_("Pain ratings"), wrapping(self.pain)),
                    (_("Warm-up stays fresh for"), self.rewarm),
                ),
            ),
            (
                _("The screen"),
                (
                    (_("Theme"), self.theme),
                    (_("Text size"), self.text_size),
                    (_("Window during a session"), self.session_window),
                    (_("Language (from the next start)"), self.language),
                ),
            ),
            (
                _("Sound and voice"),
                (
                    (_("Sound"), wrapping(self.sound)),
                    ("", self.sound_status),
                    (_("Voice"), wrapping(self.voice)),
                    ("", self.voice_status),
                    (_("Volume"), self.volume),
                    (_("Voice speed"), self.rate),
                ),
            ),
            (
                _("Control from the mat"),
                (
                    (_("Headset and media keys"), wrapping(self.media_keys)),
                    ("", self.media_status),
                    (_("Voice commands"), wrapping(self.voice_commands)),
                    ("", self.listen_status),
                ),
            ),
            (_("Reminders and plan"), self.reminders.rows),
            (_("Share history between my computers"), self.sharing.rows),
            (
                _("Suggest a GP or physiotherapist when"),
                (
                    (_("Pain before a session"), self.high_pain),
                    (_("Worse after sessions"), self.worse_count),
                    (_("No easing"), self.trend_days),
                    (_("One exercise stopped"), self.repeated_stops),
                ),
            ),
        )

    def _lay_out(self) -> None:
        safety = button(
            _("Show the safety information"), _("Safety information"), _("Who the routines are for")
        )
        safety.clicked.connect(self.safety_requested.emit)
        health = button(
            _("Health check"),
            _("Health check"),
            _("Answers that change which exercises are offered"),
        )
        health.clicked.connect(self.health_requested.emit)
        form = FittingForm()
        form.setSpacing(14)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for heading, rows in self._groups():
            form.addRow(label(heading, "subheading"))
            for text, field in rows:
                form.addRow(text, field)
        inner = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(reading(inner, self.accessibleName()))
        column = QVBoxLayout(inner)
        column.setContentsMargins(48, 24, 48, 24)
        column.addWidget(label(_("Settings"), "title"))
        column.addWidget(
            label(
                _("Changes are saved at once. A session already running keeps its timing."), "muted"
            )
        )
        column.addSpacing(12)
        column.addLayout(form)
        column.addWidget(self.result)
        column.addStretch(1)
        column.addWidget(flowing(safety, health, self.try_sound))

    def _controls(self) -> dict[str, Control]:
        """The controls that show one setting each as it is, by the setting's name (the
        voice's speed shows in steps: ``self.rate``)."""
        return {
            "lead_in": self.lead_in,
            "hold_percent": self.hold,
            "pain_ratings": self.pain,
            "rewarm_minutes": self.rewarm,
            "theme": self.theme,
            "text_size": self.text_size,
            "language": self.language,
            "session_window": self.session_window,
            "sound": self.sound,
            "volume": self.volume,
            "voice": self.voice,
            "media_keys": self.media_keys,
            "voice_commands": self.voice_commands,
            **{row[0]: spin for row, spin in zip(ADVICE_CONTROLS, self._advice, strict=True)},
        }

    def _make_screen_controls(self) -> None:
        self.theme = combo(THEME_NAMES, _("Theme"))
        self.text_size = combo(SIZE_NAMES, _("Text size"))
        self.language = combo(language_names(), _("Language"))
        self.language.setToolTip(_("Used from the next start of stretchdesk"))
        self.session_window = combo(SESSION_WINDOW_NAMES, _("Window during a session"))
        self.session_window.setAccessibleDescription(
            _("F11 or the session's Full screen button changes it at any time")
        )

    def _make_advice_controls(self) -> None:
        """The thresholds of the suggestions made from the history (the app's own choice)."""
        made = []
        for setting, prefix, suffix, name, tip in ADVICE_CONTROLS:
            box = spin(whole_range(setting), 1, suffix=_(suffix), name=_(name), tip=_(tip))
            box.setPrefix(_(prefix))
            made.append(box)
        self.high_pain, self.worse_count, self.trend_days, self.repeated_stops = made
        self._advice = tuple(made)

    def _make_audio_controls(self) -> None:
        self.sound = QCheckBox(_("Play soft sounds at each change"))
        self.sound.setAccessibleName(_("Sound cues"))
        self.volume = spin(
            whole_range("volume"),
            10,
            suffix=" %",
            name=_("Volume"),
            tip=_("Loudness of sounds and voice"),
        )
        self.voice = QCheckBox(_("Say each exercise and what to do"))
        self.voice.setAccessibleName(_("Spoken guidance"))
        steps = VOICE_RATE_STEPS
        self.rate = spin(
            (-steps, steps),
            1,
            suffix=_("  (-{steps} slowest, 0 normal, {steps} fastest)").format(steps=steps),
            name=_("Voice speed"),
            tip=_("-{steps} slower to {steps} faster").format(steps=steps),
        )
        self.sound_status = status_line()
        self.voice_status = status_line()
        self.media_keys = QCheckBox(_("Play/pause pauses and resumes; stop is Pain — stop"))
        self.media_keys.setAccessibleName(_("Headset and media keys"))
        self.media_keys.setToolTip(
            _(
                "The desktop's media controls, a headset's button, media keys and a paired phone "
                "control the session; Next follows the Next button's rules"
            )
        )
        self.media_status = status_line()
        self.voice_commands = QCheckBox(_("Listen for “stop”, “pause”, “go on” and “next”"))
        self.voice_commands.setAccessibleName(_("Voice commands"))
        self.voice_commands.setToolTip(
            _(
                "Only during a session, with a sign on the screen while it listens. Recognised "
                "on this computer; the sound is never kept or sent anywhere."
            )
        )
        self.listen_status = status_line()
        self.try_sound = button(
            _("Test sound"), _("Test sound"), _("Play a chime and say a sentence")
        )
        self.try_sound.clicked.connect(self.test_sound.emit)

    def show_prefs(self, prefs: Preferences, *, again: bool = False) -> None:
        """``again``: a change announced; nothing to do if it was made here."""
        if again and prefs == self._prefs:
            return
        self._loading = True
        self._prefs = prefs
        for name, control in self.controls.items():
            show_value(control, getattr(prefs, name))
        self.rate.setValue(round(prefs.voice_rate * VOICE_RATE_STEPS))
        self.reminders.show_prefs(prefs)
        self.sharing.show_prefs(prefs)
        self._loading = False

    def show_audio(self, sound: str, voice: str) -> None:
        """One line each: what is working, or why it is not."""
        self.sound_status.setText(sound)
        self.voice_status.setText(voice)

    def show_media(self, status: str) -> None:
        self.media_status.setText(status)

    def show_listen(self, status: str) -> None:
        self.listen_status.setText(status)

    def _reminders_edited(self, prefs: Preferences) -> None:
        self._prefs = prefs
        self.changed.emit(prefs)

    def show_result(self, problem: str | None) -> None:
        self.result.setText(problem or _("Saved."))

    def _edited(self) -> None:
        if self._loading:
            return
        shown: dict[str, Any] = {name: value_of(c) for name, c in self.controls.items()}
        self._prefs = replace(
            self._prefs,
            **shown,
            full_rewarm_minutes=max(self._prefs.full_rewarm_minutes, self.rewarm.value()),
            voice_rate=self.rate.value() / VOICE_RATE_STEPS,
        )
        self.changed.emit(self._prefs)
