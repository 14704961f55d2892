"""Shared fixtures: every test gets its own data directory; nothing touches real user data."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from stretchdesk import i18n, paths, screen_fit
from stretchdesk.routine import Catalog, ExerciseLibrary, load_catalog, load_library
from stretchdesk.session import FakeClock
from tests.buses import bus_daemon
from tests.fakes import FakeWall
from tests.root import require_root
from tests.sound_server import null_sink
from tests.toolcheck import missing_tool


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs"):
        missing = [command for command in mark.args if shutil.which(command) is None]
        if not missing:
            continue
        missing_tool(f"needs {', '.join(missing)} (apt install {mark.kwargs['package']})")
    for mark in item.iter_markers("needs_root"):
        require_root(mark.args[0])


@pytest.fixture(autouse=True)
def window_stays(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process a session leaves the window at the size the test gave it (the
    offscreen screen is small), unless the test is about filling the screen (full_screen)."""
    if request.node.get_closest_marker("full_screen") is None:
        monkeypatch.setattr(screen_fit, "session_mode", lambda setting: None)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test speaks English unless it asks for another language, whatever the machine's
    desktop language (the app and its subprocesses read $STRETCHDESK_LANGUAGE first), and is
    in no known country unless it says which (the numbers to call follow the locale's
    territory: routine/territory.py)."""
    monkeypatch.setenv("STRETCHDESK_LANGUAGE", "en")
    for name in ("LC_ALL", "LC_TELEPHONE", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    i18n.use(i18n.SOURCE)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data directory, also set in the environment for subprocesses."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / f"xdg-{name.lower()}"))
    runtime = tmp_path / "xdg-runtime"  # made by the login manager on a desktop
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound-server'}")  # no autospawn
    # nothing answers here, and a given address is never started: no test reaches (or
    # starts) the real speech-dispatcher unless it asks for it
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'no-speechd.sock'}")
    # no desktop bus either (nor one started for X11): a test that wants one makes its own
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-session-bus'}")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path / 'no-system-bus'}")
    return folder


@pytest.fixture
def virtual_microphone() -> Iterator[None]:
    """A private sound server whose default source is a null sink's monitor: what is played
    into it is what a microphone hears."""
    with null_sink() as what:
        assert what == "PulseAudio null sink", what
        subprocess.run(["pactl", "set-default-source", "null.monitor"], check=True)
        yield


@pytest.fixture(scope="session")
def library() -> ExerciseLibrary:
    return load_library(paths.exercises_dir())


@pytest.fixture(scope="session")
def catalog(library: ExerciseLibrary) -> Catalog:
    return load_catalog(library, paths.builtin_routines_dir())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wall(clock: FakeClock) -> FakeWall:
    return FakeWall(clock)


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus: nothing reaches the desktop's own."""
    with bus_daemon(tmp_path / "bus") as address:
        yield address
