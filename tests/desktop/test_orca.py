"""With Orca, Debian's screen reader, listening to the real window: the first-run screen's
red flags are read with Tab alone; a session's spoken cues are synthesised whole, none cut by
Orca; the countdown is never spoken as a percentage; Pain — stop is confirmed by the screen
Orca lands on. What Orca and speech-dispatcher said is kept beside the test's files
(``orca.log``, ``speechd/``) and, when STRETCHDESK_ARTEFACTS names a folder, copied there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.routine.content import load_content
from tests.desktop.orca_run import OrcaRun, orca_desktop

pytestmark = [
    pytest.mark.slow,
    pytest.mark.needs(
        "orca",
        "speech-dispatcher",
        "pulseaudio",
        "dbus-daemon",
        "xdotool",
        "Xvfb",
        package="orca speech-dispatcher speech-dispatcher-espeak-ng pulseaudio xvfb xdotool "
        "dbus-daemon at-spi2-core",
    ),
]
SEEN = (
    "safety_seen = true\nhealth_asked = true\nreminder_offered = true\n"
    'session_window = "unchanged"\n'
)


def keep(run: OrcaRun, name: str) -> None:
    folder = os.environ.get("STRETCHDESK_ARTEFACTS")
    if folder:
        target = Path(folder) / name
        target.mkdir(parents=True, exist_ok=True)
        (target / "said.txt").write_text("\n".join(run.said()) + "\n")
        shutil.copy(run.orca_log, target / "orca.log")
        shutil.copytree(run.home / "speechd", target / "speechd", dirs_exist_ok=True)


def test_the_first_run_screen_is_read_with_tab(tmp_path: Path) -> None:
    safety = load_content(paths.content_file())
    with orca_desktop(tmp_path / "home") as run:
        run.start_app(tmp_path / "data")
        run.pause(4)
        for _section in (safety.who, safety.emergency, safety.doctor, safety.pain_stop):
            run.key("Tab")
            run.pause(12)  # the longest section takes espeak about ten seconds
        run.stop()
        keep(run, "first-run")
        said = " ".join(run.said())
        assert "Safety information" in said  # the screen's name, with the first focus
        for section in (safety.emergency, safety.doctor, safety.pain_stop):
            assert section.title in said
            for line in section.lines:
                assert line in said


def test_a_session_is_heard_whole_and_stopped_aloud(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(SEEN)
    with orca_desktop(tmp_path / "home") as run:
        run.start_app(data)
        run.pause(5)  # the first routine's card has the focus
        run.key("Return")  # the pain question
        run.pause(4)
        run.key("Return")  # skipped: the session screen
        run.pause(5)
        run.key("space")
        run.pause(25)  # the first exercise's words, its lead-in and its first rep
        run.key("Escape")
        run.pause(6)
        run.stop()
        keep(run, "session")
        fates = run.fates()
        cut = {text for fate, text in fates if fate == "cut"}
        cues = ["March on the spot. Stand tall, with a chair beside you for balance.", "Begin."]
        for cue in cues:
            assert ("spoken", cue) in fates
            assert cue not in cut, f"{cue!r} was cut off"
        said = " ".join(run.said())
        assert "Stopped for pain" in said
        assert "percent" not in said
        assert "%" not in said


def test_with_the_voice_off_orca_speaks_each_phase(tmp_path: Path) -> None:
    """Orca 43 has no announcements: the phase reaches it as the focused control's new
    description, which every Orca speaks."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(SEEN + "voice = false\n")
    with orca_desktop(tmp_path / "home") as run:
        run.start_app(data)
        run.pause(5)
        run.key("Return")  # the pain question
        run.pause(4)
        run.key("Return")  # skipped: the session screen
        run.pause(5)
        run.key("space")
        run.pause(22)  # the lead-in, then the first rep
        run.key("Escape")
        run.pause(5)
        run.stop()
        keep(run, "voice-off")
        said = run.said()
        assert any(line.startswith("March on the spot. Get into position") for line in said)
        assert any(line.startswith("Move gently") for line in said)
        assert "Stopped for pain panel." in said


TINY = """
id = "tiny"
title = "Tiny"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 1
rep_seconds = 4
"""


def test_the_completion_screen_names_itself(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(SEEN + "lead_in = 3\n")
    routine = tmp_path / "tiny.toml"
    routine.write_text(TINY, encoding="utf-8")
    with orca_desktop(tmp_path / "home") as run:
        run.start_app(data, "--routine", str(routine))
        run.pause(6)
        run.key("Return")  # the pain question skipped: the session screen
        run.pause(5)
        run.key("space")
        run.pause(25)  # the lead-in, the one rep, and the routine is complete
        run.stop()
        keep(run, "complete")
        said = run.said()
        assert "Session complete panel." in said, said[-8:]
        assert ("spoken", "Well done. The routine is complete.") in run.fates()
