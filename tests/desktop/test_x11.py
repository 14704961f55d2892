"""The real app on a real X display (Xvfb, Qt's xcb platform), driven with xdotool as a
person would: the installation self-test, one clear line when Qt cannot open a window, and
a double-click that does one thing."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.settings import Preferences, save_prefs

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.slow
NEEDS_X = pytest.mark.needs("Xvfb", package="xvfb")
NEEDS_XDOTOOL = pytest.mark.needs("Xvfb", "xdotool", package="xvfb xdotool")


def _env(display: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    if display is not None:
        env["DISPLAY"] = display
    env.update(extra)
    return env


def _stretchdesk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


@NEEDS_X
def test_the_self_test_passes_on_x11(x_display: str) -> None:
    done = _stretchdesk("--self-test", env=_env(x_display, QT_QPA_PLATFORM="xcb"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(xcb)" in done.stdout and "self-test passed" in done.stdout


def test_an_unknown_window_system_is_one_line(data_dir: Path) -> None:
    done = _stretchdesk(env=_env(None, QT_QPA_PLATFORM="bogus"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        done.stderr.strip().splitlines()[0]
    ] and done.stderr.startswith("stretchdesk cannot start: Qt has no window system called 'bogus'")


@NEEDS_X
def test_a_display_that_cannot_be_reached_is_one_line(data_dir: Path) -> None:
    done = _stretchdesk(env=_env(":9999", QT_QPA_PLATFORM="xcb"))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "stretchdesk cannot start: there is no display to open the window on "
        "(DISPLAY=:9999 cannot be reached); start stretchdesk from your desktop session"
    )


@pytest.fixture
def pyside_without(tmp_path: Path) -> Iterator[Path]:
    """A PySide6 whose X11 plugin needs a library that is not there: every file a link to the
    real one, but for a copy of the plugin that asks for libxkbcommon-x11-gone.so.0."""
    import PySide6  # noqa: PLC0415

    real = Path(PySide6.__file__).resolve().parent
    fake = tmp_path / "site" / "PySide6"
    platforms = fake / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    for entry in real.iterdir():
        if entry.name != "Qt":
            (fake / entry.name).symlink_to(entry)
    for entry in (real / "Qt").iterdir():
        if entry.name != "plugins":
            (fake / "Qt" / entry.name).symlink_to(entry)
    for entry in (real / "Qt" / "plugins").iterdir():
        if entry.name != "platforms":
            (fake / "Qt" / "plugins" / entry.name).symlink_to(entry)
    for entry in (real / "Qt" / "plugins" / "platforms").iterdir():
        if entry.name != "libqxcb.so":
            (platforms / entry.name).symlink_to(entry)
    plugin = platforms / "libqxcb.so"
    shutil.copy2(real / "Qt" / "plugins" / "platforms" / "libqxcb.so", plugin)
    subprocess.run(
        ["patchelf", "--replace-needed", "libxkbcommon-x11.so.0", "libxkbcommon-x11-gone.so.0",
         str(plugin)],
        check=True,
    )  # fmt: skip
    yield tmp_path / "site"


@NEEDS_X
@pytest.mark.needs("patchelf", package="patchelf")
def test_a_missing_system_library_is_named_with_its_package(
    x_display: str, pyside_without: Path, data_dir: Path
) -> None:
    done = _stretchdesk(
        env=_env(x_display, QT_QPA_PLATFORM="xcb", PYTHONPATH=f"{pyside_without}:{Path.cwd()}")
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        "stretchdesk cannot start: Qt's window support needs the system library "
        "libxkbcommon-x11-gone.so.0, which is not installed (on Debian and Ubuntu: "
        "sudo apt install libxkbcommon-x11-gone0)"
    )


class OnScreen:
    """The app on the X display, its lines read as they come."""

    def __init__(self, display: str, data: Path) -> None:
        self.env = _env(display, QT_QPA_PLATFORM="xcb")
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "app_on_screen.py"), str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=self.env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def wait_for(self, prefix: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no {prefix!r} after {self.seen}")

    def settle(self, seconds: float) -> list[str]:
        """Everything said in the next ``seconds``."""
        deadline = time.monotonic() + seconds
        said = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                said.append(self.lines.get(timeout=left))
            except queue.Empty:
                break
        self.seen += said
        return said

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=30)

    def double_click(self, where: str) -> None:
        x, y = where.split()[1:]
        self.xdotool("mousemove", x, y)
        self.xdotool("click", "--repeat", "2", "--delay", "120", "1")

    def click(self, where: str) -> None:
        x, y = where.split()[1:]
        self.xdotool("mousemove", x, y)
        self.xdotool("click", "1")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@NEEDS_XDOTOOL
def test_a_double_click_on_start_opens_the_session_and_a_second_one_runs_it(
    x_display: str, data_dir: Path
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    app = OnScreen(x_display, data_dir)
    try:
        start = app.wait_for("start ")
        app.double_click(start)  # the second click lands where Pain — stop appears
        app.wait_for("screen session")
        pause = app.wait_for("pause ")
        pain = app.wait_for("pain ")
        assert "screen recovery" not in app.settle(1.0)
        app.double_click(pause)  # Start (Space), double-clicked: starts and runs
        app.wait_for("started")
        assert "paused" not in app.settle(1.0)
        app.click(pain)  # a deliberate click: stops at once
        app.wait_for("screen recovery")
        assert "stopped" in app.seen + app.settle(0.5)
    finally:
        app.close()
