"""What to do, read back from the session screen's picture by an OCR engine (Debian's
tesseract-ocr) at 1280x800: every word of each exercise's instruction lines and its caution
is found, as a person would read them, not only as the widgets hold them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchdesk.routine.model import Step
from stretchdesk.session import FakeClock, SegmentKind
from stretchdesk.settings import Preferences
from stretchdesk.ui.shell.main_window import MainWindow
from tests.toolcheck import missing_tool
from tests.ui.flows import engine_of, run_until, start_session

OCR_SECONDS = 60


def words(text: str) -> list[str]:
    """Words as compared: lower case, no punctuation, and the letters OCR confuses in a
    sans-serif face (l, I, i, 1, |) one letter."""
    text = re.sub(r"[|1il]", "l", text.lower().replace("’", "'"))
    return re.findall(r"[a-z0-9']+", text.replace("'", ""))


def read_picture(path: Path) -> list[str]:
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        missing_tool("needs tesseract (apt install tesseract-ocr)")
    assert tesseract is not None
    done = subprocess.run(
        [tesseract, str(path), "-", "--psm", "3"],
        capture_output=True,
        text=True,
        timeout=OCR_SECONDS,
        check=True,
    )
    return words(done.stdout)


def _steps(window: MainWindow) -> list[Step]:
    steps: dict[str, Step] = {}
    for routine in window.services.catalog.routines:
        for step in routine.steps:
            for one in (step, step.alternative):
                if one is not None:
                    steps.setdefault(one.exercise_id, one)
    return list(steps.values())


def test_ocr_reads_every_word_of_what_to_do(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    window.apply_prefs(Preferences(safety_seen=True, text_size="normal"))
    window.resize(1280, 800)
    start_session(qtbot, window, "full-routine")
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    qtbot.waitUntil(lambda: window.size().width() == 1280)
    session = window.session
    session.stop_timers()  # the running session would show its own step
    missed = {}
    for step in _steps(window):
        session.show_words(step)
        QApplication.processEvents()
        assert session.middle.page_count == 1, step.exercise_id  # all at once
        picture = tmp_path / f"{step.exercise_id}.png"
        assert window.grab().save(str(picture))
        seen = set(read_picture(picture))
        wanted = words(" ".join([*step.instructions, step.caution]))
        lost = [word for word in wanted if word not in seen]
        if lost:
            missed[step.exercise_id] = lost
    assert not missed, missed


@pytest.mark.parametrize(
    ("text", "read"),
    [("Lift your left knee.", "lift your left knee"), ("Don't bounce", "dont bounce")],
)
def test_words_are_compared_without_case_punctuation_or_l_and_i(text: str, read: str) -> None:
    assert words(text) == words(read.upper().replace("L", "I"))
