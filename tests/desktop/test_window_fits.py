"""The real app on X displays of 800x600, 1366x768 and 1280x800 (Xvfb): the window opens
inside the screen with Start on it, and a session's Start and Pain — stop are on the screen,
filling it or in the window as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.settings import Preferences, save_prefs
from tests.desktop.xvfb import xvfb

HERE = Path(__file__).resolve().parent
pytestmark = [pytest.mark.slow, pytest.mark.needs("Xvfb", "openbox", package="xvfb openbox")]
Box = tuple[int, int, int, int]


def _xvfb(size: str) -> Iterator[str]:
    """An X display of this size with a window manager (openbox: frames, full screen)."""
    with xvfb(size) as display:
        manager = subprocess.Popen(
            ["openbox", "--sm-disable", "--startup", "echo ready"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert manager.stdout is not None
            said = []  # a few notes may come first; nothing at all: it ended
            while (line := manager.stdout.readline()) and line.strip() != "ready":
                said.append(line.strip())
            assert line, f"openbox did not start: {said}"
            yield display
        finally:
            manager.terminate()
            manager.wait(timeout=10)
            manager.stdout.close()


def _run(size: str, data: Path, setting: str, shot: Path | None = None) -> dict[str, Box]:
    """What the app said: each place by name (``session ...`` once a session shows), and
    ``full``: (1,) when the session filled the screen."""
    save_prefs(
        data / "settings.toml",
        Preferences(safety_seen=True, pain_ratings=False, session_window=setting),
    )
    for display in _xvfb(size):
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        extra = [str(shot)] if shot is not None else []
        done = subprocess.run(
            [sys.executable, str(HERE / "window_fit_app.py"), str(data), *extra],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
            env=env,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        said: dict[str, Box] = {}
        prefix = ""
        for line in done.stdout.splitlines():
            word, *numbers = line.split()
            if word == "session":
                said["full"] = (int(numbers[0]), 0, 0, 0)
                prefix = "session "
            else:
                x, y, w, h = (int(n) for n in numbers)
                said[prefix + word] = (x, y, w, h)
        return said
    raise AssertionError("no display")


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


@pytest.mark.parametrize("size", ["800x600", "1366x768"])
@pytest.mark.parametrize("setting", ["full-screen", "unchanged"])
def test_the_window_and_its_buttons_are_on_the_screen(
    data_dir: Path, size: str, setting: str
) -> None:
    said = _run(size, data_dir, setting)
    screen = said["screen"]
    width, height = (int(n) for n in size.split("x"))
    assert screen == (0, 0, width, height)
    for name in ("window", "start", "session window", "session pause", "session pain"):
        where = said[name]
        assert _inside(where, screen), f"{name} {where} is not inside {screen}"
    if setting == "full-screen":
        assert said["full"][0] == 1
        assert said["session window"] == screen
    else:
        assert said["full"][0] == 0
        assert said["session window"] == said["window"]


def test_a_session_fills_a_1280x800_screen(data_dir: Path, tmp_path: Path) -> None:
    shot = Path(os.environ.get("STRETCHDESK_SHOT", tmp_path / "session.png"))
    said = _run("1280x800", data_dir, "full-screen", shot)
    assert said["full"][0] == 1
    assert said["session window"] == (0, 0, 1280, 800)
    assert shot.stat().st_size > 0
