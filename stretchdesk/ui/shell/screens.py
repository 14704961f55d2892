"""The window's screens, each built (and its module imported) the first time it is needed,
so the window paints sooner. ``window.history`` builds the history screen on first use and
returns the same one after that."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from stretchdesk import paths
from stretchdesk.i18n import N_, _
from stretchdesk.ui.kit.follow import follow
from stretchdesk.ui.shell.screen_names import Screen

MEDIA_LATER = N_("Media keys control a session while one is on screen.")
LISTEN_LATER = N_("Voice commands are listened for only during a session, when this is on.")

if TYPE_CHECKING:
    from stretchdesk.schedule.days import Plan
    from stretchdesk.session.view import EngineState
    from stretchdesk.ui.after.after_screens import CompletionScreen, RecoveryScreen
    from stretchdesk.ui.before.advice_screen import AdviceScreen
    from stretchdesk.ui.before.avoid_screen import AvoidScreen
    from stretchdesk.ui.before.health_screen import HealthScreen
    from stretchdesk.ui.before.pain_before_screen import PainBeforeScreen
    from stretchdesk.ui.before.safety_screen import SafetyScreen
    from stretchdesk.ui.builder.builder_screen import BuilderScreen
    from stretchdesk.ui.desktop.media_player import MediaPlayer
    from stretchdesk.ui.history.history_screen import HistoryScreen
    from stretchdesk.ui.routines.start_screen import StartScreen
    from stretchdesk.ui.session.session_screen import SessionScreen
    from stretchdesk.ui.session.voice_control import VoiceControl
    from stretchdesk.ui.settings.settings_screen import SettingsScreen
    from stretchdesk.ui.shell.about_screen import AboutScreen
    from stretchdesk.ui.shell.main_window import MainWindow

W = TypeVar("W", bound=QWidget)


class Lazy(Generic[W]):
    """A screen attribute of the main window, made by ``make`` on first access."""

    name: Screen  # the attribute's own name

    def __init__(self, make: Callable[[MainWindow], W]) -> None:
        self._make = make

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = Screen(name)  # (every screen attribute has its typed name)

    def __get__(self, window: Any, owner: type | None = None) -> W:
        screens = window.screens
        screen = screens.get(self.name)
        if screen is None:
            screen = self._make(window)
            screens.add(self.name, screen)
        return screen  # type: ignore[no-any-return]


def make_safety(window: MainWindow) -> SafetyScreen:
    from stretchdesk.ui.before.safety_screen import SafetyScreen  # noqa: PLC0415

    screen = SafetyScreen(window.services.content)
    screen.understood.connect(window.safety_understood)
    return screen


def make_start(window: MainWindow) -> StartScreen:
    from stretchdesk.ui.routines.cards_follow import follow_routines  # noqa: PLC0415
    from stretchdesk.ui.routines.start_screen import StartScreen  # noqa: PLC0415

    screen = StartScreen()
    screen.start_requested.connect(window.request_start)
    screen.about_requested.connect(lambda: window.show_screen(window.about))

    def sheet(routine_id: str, printing: bool) -> None:
        from stretchdesk.ui.routines import sheet_actions  # noqa: PLC0415 - loads Qt's PDF writer

        if printing:
            sheet_actions.print_sheet(window, window.services, window.tell, routine_id)
        else:
            sheet_actions.save_sheet(window, window.services, window.tell, routine_id)

    screen.sheet_requested.connect(sheet)

    def routine_action(key: str, routine_id: str) -> None:
        from stretchdesk.ui.routines import routine_actions  # noqa: PLC0415

        routine = window.services.catalog.get(routine_id)
        if key == "new":
            routine_actions.new_routine(window)
        elif key == "open":
            routine_actions.choose_file(window)
        elif routine is not None:
            action = {
                "copy": routine_actions.copy_routine,
                "change": routine_actions.change_routine,
                "rename": routine_actions.rename_routine,
                "delete": routine_actions.delete_routine,
                "share": routine_actions.share_routine,
            }[key]
            action(window, routine)

    screen.routine_action.connect(routine_action)
    screen.show_routines(window.services.routine_cards(), window.services.catalog.invalid)
    follow_routines(screen, window.services)
    return screen


def make_builder(window: MainWindow) -> BuilderScreen:
    from stretchdesk.routine.draft import usual_phases  # noqa: PLC0415
    from stretchdesk.ui.builder.builder_screen import BuilderScreen  # noqa: PLC0415
    from stretchdesk.ui.routines import routine_actions  # noqa: PLC0415

    services = window.services
    screen = BuilderScreen(
        services.library,
        services.content.sources,
        services.planned_seconds,
        lambda draft, path: routine_actions.save(window, draft, path),
        usual=usual_phases(r for r in services.catalog.routines if r.builtin),
    )
    screen.closed.connect(lambda _path: window.go_start())
    return screen


def make_pain_before(window: MainWindow) -> PainBeforeScreen:
    from stretchdesk.ui.before.pain_before_screen import PainBeforeScreen  # noqa: PLC0415

    screen = PainBeforeScreen(window.services.content)
    screen.answered.connect(window.flow.pain_answered)
    screen.back.connect(window.flow.back)
    return screen


def make_avoid(window: MainWindow) -> AvoidScreen:
    from stretchdesk.ui.before.avoid_screen import AvoidScreen  # noqa: PLC0415

    screen = AvoidScreen(window.services.content)
    screen.answered.connect(window.flow.offer_answered)
    screen.back.connect(window.flow.back)
    return screen


def make_advice(window: MainWindow) -> AdviceScreen:
    from stretchdesk.ui.before.advice_screen import AdviceScreen  # noqa: PLC0415

    screen = AdviceScreen(window.services.content)
    screen.answered.connect(window.flow.advice_answered)
    screen.back.connect(window.flow.back)
    return screen


def make_session(window: MainWindow) -> SessionScreen:
    from stretchdesk.ui.session.full_screen_button import show_full_screen_words  # noqa: PLC0415
    from stretchdesk.ui.session.session_screen import SessionScreen  # noqa: PLC0415

    screen = SessionScreen(window.services.content, paths.assets_dir(), window.services.clock)
    screen.ended.connect(window.session_ended)
    screen.started.connect(window.echoes.guard.disarm)
    screen.cancelled.connect(window.go_start)
    screen.full_screen_button.clicked.connect(window.toggle_full_screen)
    # what the app's own voice says is not told to a screen reader as well
    screen.voice_speaks = lambda: window.audio is not None and window.audio.voice_ready
    show_full_screen_words(screen.full_screen_button, window.isFullScreen())
    window.media = make_media_player(window, screen)
    window.voice_control = make_voice_control(window, screen)
    return screen


def make_voice_control(window: MainWindow, screen: SessionScreen) -> VoiceControl:
    """Voice commands: listening while a session runs, when the setting is on."""
    from stretchdesk.ui.session.voice_control import VoiceControl  # noqa: PLC0415

    def speaking() -> bool:
        return window.audio is not None and window.audio.speaking

    control = VoiceControl(
        screen,
        lambda: window.services.prefs.voice_commands,
        speaking,
        _speak(window),
        parent=window,
    )
    screen.changed.connect(control.update)
    follow(window.services.settings.changed, control, lambda _o, _n: control.update(retry=True))
    return control


def make_media_player(window: MainWindow, screen: SessionScreen) -> MediaPlayer | None:
    """The session as a media player on the desktop's bus while one is on screen; None
    where the D-Bus library cannot load (the session runs the same, from the keyboard)."""
    try:
        from stretchdesk.ui.desktop.media_player import Controls, MediaPlayer  # noqa: PLC0415
    except ImportError as exc:
        window.media_problem = _(
            "Media keys are off: the D-Bus library could not load ({reason})."
        ).format(reason=exc)
        return None

    def engine_state() -> EngineState | None:
        return screen.live.engine.state if screen.live is not None else None

    speak = _speak(window)
    controls = Controls(screen.media_state, engine_state, screen.act, speak, window.bring_to_front)
    player = MediaPlayer(controls, window.media_bus, window)

    def changed() -> None:
        if window.services.prefs.media_keys:
            player.update()
        else:
            player.unregister()

    screen.changed.connect(changed)
    follow(window.services.settings.changed, player, lambda _old, _new: changed())
    return player


def _speak(window: MainWindow) -> Callable[[str], None]:
    """Words for the voice to speak (sound and voice are made after the first paint)."""

    def speak(text: str) -> None:
        if window.audio is not None:
            window.audio.speak(text)

    return speak


def make_recovery(window: MainWindow) -> RecoveryScreen:
    from stretchdesk.ui.after.after_screens import RecoveryScreen  # noqa: PLC0415

    screen = RecoveryScreen(window.services.content)
    screen.done.connect(window.go_start)
    return screen


def make_completion(window: MainWindow) -> CompletionScreen:
    from stretchdesk.ui.after.after_screens import CompletionScreen  # noqa: PLC0415
    from stretchdesk.ui.after.session_end import answer_offer  # noqa: PLC0415

    screen = CompletionScreen(window.services.content)
    screen.done.connect(window.go_start)
    screen.history_requested.connect(lambda: window.nav_to(Screen.HISTORY))
    screen.offer_answered.connect(lambda yes: answer_offer(window, yes))
    return screen


def make_history(window: MainWindow) -> HistoryScreen:
    from stretchdesk.ui.history.history_screen import HistoryScreen  # noqa: PLC0415

    services = window.services
    titles = {key: exercise.title for key, exercise in services.library.items()}

    def plan() -> tuple[Plan | None, list[str]]:
        from stretchdesk.schedule.zone import local_zone  # noqa: PLC0415

        zone = window.between.zone if window.between is not None else local_zone()
        return services.prefs.plan(), services.plan_words(zone)

    def save_note(session_id: int, text: str) -> str | None:
        from stretchdesk.history.errors import HistoryError  # noqa: PLC0415

        store = services.store
        if store is None:
            return _("The note was not saved: the history cannot be written now.")
        try:
            store.set_note(session_id, text)
        except HistoryError as exc:
            return _("The note was not saved: {reason}").format(reason=exc)
        return None

    screen = HistoryScreen(services.reader, titles, window.today, plan, save_note=save_note)

    def note_saved() -> None:  # to the other computers at once, if the history is shared
        from stretchdesk.ui.history.shared_history import SharedHistory  # noqa: PLC0415

        shared = window.findChild(SharedHistory)
        if shared is not None:
            shared.history_written()

    screen.note_saved.connect(note_saved)

    def report() -> None:
        from stretchdesk.ui.history import report_actions  # noqa: PLC0415 - loads Qt's PDF writer

        report_actions.open_report(window, window.services, window.tell)

    screen.report_requested.connect(report)
    return screen


def make_health(window: MainWindow) -> HealthScreen:
    from stretchdesk.ui.before.health_screen import HealthScreen  # noqa: PLC0415

    screen = HealthScreen(window.services.content)
    screen.answered.connect(window.health_answered)
    return screen


def make_settings(window: MainWindow) -> SettingsScreen:
    from stretchdesk.ui.desktop.between_sessions import reminders_status  # noqa: PLC0415
    from stretchdesk.ui.settings.settings_follow import follow_settings  # noqa: PLC0415
    from stretchdesk.ui.settings.settings_screen import SettingsScreen  # noqa: PLC0415

    screen = SettingsScreen(window.today())
    screen.reminders.show_routines(window.services.catalog.routines)
    screen.show_prefs(window.services.prefs)
    screen.reminders.show_status(reminders_status(window.services, window.between))
    screen.changed.connect(window.apply_prefs)
    screen.safety_requested.connect(lambda: window.show_screen(window.safety))
    screen.health_requested.connect(window.ask_health)
    audio = window.audio
    if audio is None:
        screen.show_audio(_("Sound is starting..."), _("Voice is starting..."))
    else:
        screen.show_audio(audio.sound_status, audio.voice_status)
        screen.test_sound.connect(audio.test_sound)
    media = window.media
    screen.show_media(media.status if media is not None else window.media_problem)
    voice = window.voice_control
    screen.show_listen(voice.status if voice is not None else _(LISTEN_LATER))

    def statuses() -> None:
        screen.reminders.show_status(reminders_status(window.services, window.between))
        if window.audio is not None:
            screen.show_audio(window.audio.sound_status, window.audio.voice_status)
        if window.voice_control is not None:
            screen.show_listen(window.voice_control.status)

    follow_settings(screen, window.services, statuses)
    return screen


def make_about(window: MainWindow) -> AboutScreen:
    from stretchdesk.ui.shell.about_screen import AboutScreen  # noqa: PLC0415

    services = window.services
    return AboutScreen(
        services.content, services.library, services.catalog.routines, services.reviewed()
    )


def may_leave(window: MainWindow) -> bool:
    """Whether an unsaved routine lets the window go (the routine menu's code loads here)."""
    from stretchdesk.ui.routines.routine_actions import may_leave as routine_lets_go  # noqa: PLC0415

    return routine_lets_go(window)
