"""The real main window on a fake clock, in a private data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.audio.output import AudioOutput, quiet_audio_logs
from stretchdesk.services import Services
from stretchdesk.session import FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.kit.theme import apply_theme
from stretchdesk.ui.shell.main_window import MainWindow
from tests.fake_speechd import FakeSpeechd, fake_speechd
from tests.fakes import FakeWall
from tests.ui.fake_notifications import notifications  # noqa: F401 (a fixture)
from tests.ui.flows import TODAY, WindowFactory


@pytest.fixture(autouse=True)
def theme_as_it_was(qapp: QApplication) -> Iterator[None]:
    """A test that changes the theme or the text size leaves the next one the usual ones
    (the text size scales the whole application, cards' columns included)."""
    yield
    apply_theme(qapp, "system", "normal")


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: one a test did not expect fails
    it at once (a test that expects one replaces it with the person's answer)."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox  # noqa: PLC0415

    def unexpected(*args: object, **kwargs: object) -> object:
        raise AssertionError(f"an unexpected dialog was opened: {args[1:3]}")

    for owner, name in (
        (QMessageBox, "question"),
        (QMessageBox, "warning"),
        (QMessageBox, "information"),
        (QMessageBox, "exec"),
        (QInputDialog, "getText"),
        (QFileDialog, "getOpenFileName"),
        (QFileDialog, "getSaveFileName"),
    ):
        monkeypatch.setattr(owner, name, unexpected)


@pytest.fixture
def seen(data_dir: Path) -> None:
    """The safety screen was already acknowledged (most tests start at the routines)."""
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True))


@pytest.fixture
def speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpeechd]:
    """A stand-in speech-dispatcher that the window's voice talks to."""
    with fake_speechd(tmp_path) as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        yield server


def _let_go(window: MainWindow) -> None:
    """What a test left unsaved in the builder is let go before the window closes."""
    if "builder" in window.built_screens:
        window.builder.editor.mark_saved()


@pytest.fixture
def make_window(
    qtbot: QtBot, data_dir: Path, clock: FakeClock, wall: FakeWall, speechd: FakeSpeechd
) -> Iterator[WindowFactory]:
    made: list[MainWindow] = []

    def make() -> MainWindow:
        services = Services.load(paths.DataPaths(data_dir), clock=clock, wall=wall)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, services.prefs.theme, services.prefs.text_size)
        quiet_audio_logs()
        audio = AudioOutput(paths.sounds_dir(), services.prefs, speech_engine="speechd")
        window = MainWindow(services, today=lambda: TODAY, audio=audio)
        qtbot.addWidget(window, before_close_func=_let_go)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # keys reach shortcuts only in the active window
        qtbot.waitUntil(window.isActiveWindow)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.services.close()


@pytest.fixture
def window(seen: None, make_window: WindowFactory) -> MainWindow:
    return make_window()
