"""Settings and reminder state that cannot be read: a named pipe or a folder in place of the
file, nesting and sizes that would make the parser fail or crawl, damaged JSON. Reading them
never waits and gives the defaults; what is written reads back."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from time import monotonic

import pytest

from stretchdesk.schedule.state import ReminderState, load_state, save_state
from stretchdesk.settings import Preferences, load_prefs, open_prefs

NOW = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
LIMIT = 5.0  # seconds: every read here takes milliseconds


@pytest.fixture(autouse=True)
def bounded() -> Iterator[None]:
    """Every test here is over in seconds; a read that waits runs in a child process with a
    timeout."""
    started = monotonic()
    yield
    assert monotonic() - started < 60


def _read_in_child(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )


@pytest.mark.parametrize("name", ["settings.toml", "reminders.json"])
def test_a_named_pipe_in_place_of_a_file_is_never_a_wait(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    code = (
        "import sys; from datetime import UTC, datetime; from pathlib import Path\n"
        "from stretchdesk.settings import load_prefs, open_prefs\n"
        "from stretchdesk.schedule.state import load_state\n"
        f"path = Path({str(tmp_path / name)!r})\n"
        "if path.suffix == '.toml':\n"
        "    print(load_prefs(path).problems, open_prefs(path).problems)\n"
        "else:\n"
        "    print(load_state(path, datetime.now(UTC)).problems)\n"
    )
    started = monotonic()
    done = _read_in_child(code)
    assert monotonic() - started < 15
    assert done.returncode == 0, done.stderr
    assert "named pipe" in done.stdout


def test_a_folder_in_place_of_the_settings(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()
    (tmp_path / "reminders.json").mkdir()
    assert "folder" in load_prefs(tmp_path / "settings.toml").problems[0]
    assert "folder" in load_state(tmp_path / "reminders.json", NOW).problems[0]


@pytest.mark.parametrize(
    "text",
    [
        "a = " + "[" * 60_000,  # the parser is recursive: RecursionError, not a crash
        "a = " + "{b = " * 30_000,
        "x" * 70_000,  # too large for a settings file
        "lead_in = 1" + "0" * 5000,
        "a" + ".a" * 30_000 + " = 1",  # tomllib is quadratic in a dotted key's parts (8 s)
    ],
)
def test_hostile_settings_files_give_the_defaults_at_once(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    started = monotonic()
    loaded = open_prefs(path)
    assert monotonic() - started < 1.0
    assert loaded.prefs == Preferences()
    assert loaded.problems and all(len(p) < 800 for p in loaded.problems)


@pytest.mark.parametrize(
    "data", [b"[" * 4000, b'{"shown": ' * 2000, b"\xff\xfe", b"null", b"[1, 2]", b"{}" * 3000]
)
def test_hostile_reminder_state_is_an_empty_state(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "reminders.json"
    path.write_bytes(data)
    started = monotonic()
    loaded = load_state(path, NOW)
    assert monotonic() - started < LIMIT
    assert loaded.state == ReminderState()


def test_reminder_state_is_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "state" / "reminders.json"
    state = ReminderState(NOW, NOW + timedelta(minutes=30))
    save_state(path, state)
    assert load_state(path, NOW).state == state
