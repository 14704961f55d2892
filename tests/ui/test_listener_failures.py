"""A listener that fails at any stage never keeps a session's end from being saved and
shown: pain-stop, completion and closing the window, with the failure in crash.log and
the banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.session.emitter import Stage
from stretchdesk.session.events import Event, SessionCompleted, SessionStopped
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, engine_of, press, read_history, run_until, start_session

TINY = """
id = "tiny"
title = "Tiny"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 1
rep_seconds = 3

[[step]]
exercise = "double-knee-to-chest"
phase = "stretch"
reps = 1
hold = 2
"""


class Broken(Exception):
    pass


def breaks_on_end(event: Event) -> None:
    if isinstance(event, SessionCompleted | SessionStopped):
        raise Broken("a listener broke")


@pytest.fixture
def tiny_window(seen: None, data_dir: Path, make_window: WindowFactory) -> MainWindow:
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "tiny.toml").write_text(TINY, encoding="utf-8")
    return make_window()


def _break(window: MainWindow, stage: Stage) -> None:
    engine = engine_of(window)
    engine.add_listener(breaks_on_end, stage)


def _failure_reported(window: MainWindow, data_dir: Path) -> None:
    assert "a listener broke" in window.banner.text
    assert "crash.log" in window.banner.text
    assert "Broken: a listener broke" in (data_dir / "crash.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.name.lower())
def test_pain_stop_is_saved_and_shown_whatever_fails(
    qtbot: QtBot, tiny_window: MainWindow, clock: FakeClock, data_dir: Path, stage: Stage
) -> None:
    window = tiny_window
    start_session(qtbot, window, "tiny")
    _break(window, stage)
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
    assert read_history(data_dir, "SELECT exercise_id FROM pain_report") == [
        ("double-knee-to-chest",)
    ]
    _failure_reported(window, data_dir)


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.name.lower())
def test_completion_is_saved_and_shown_whatever_fails(
    qtbot: QtBot, tiny_window: MainWindow, clock: FakeClock, data_dir: Path, stage: Stage
) -> None:
    window = tiny_window
    start_session(qtbot, window, "tiny")
    _break(window, stage)
    run_until(window, clock, lambda: engine_of(window).finished)
    assert window.current is window.completion
    assert read_history(data_dir, "SELECT outcome FROM session") == [("completed",)]
    _failure_reported(window, data_dir)


@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.name.lower())
def test_closing_mid_session_is_saved_whatever_fails(
    qtbot: QtBot, tiny_window: MainWindow, clock: FakeClock, data_dir: Path, stage: Stage
) -> None:
    window = tiny_window
    start_session(qtbot, window, "tiny")
    _break(window, stage)
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    window.close()
    assert read_history(data_dir, "SELECT outcome FROM session") == [("ended_early",)]
    assert "Broken: a listener broke" in (data_dir / "crash.log").read_text(encoding="utf-8")


def test_a_speech_engine_that_went_away_cannot_block_the_pain_stop(
    qtbot: QtBot, tiny_window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    window = tiny_window
    start_session(qtbot, window, "tiny")
    assert window.audio is not None

    def gone() -> None:
        raise Broken("the speech engine went away")

    window.audio.stop_all = gone  # type: ignore[method-assign]
    run_until(window, clock, lambda: engine_of(window).view().position == 1)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.recovery
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
    assert "the speech engine went away" in window.banner.text


def test_a_recovery_screen_that_fails_still_leads_away_from_the_session(
    qtbot: QtBot, tiny_window: MainWindow, clock: FakeClock, data_dir: Path
) -> None:
    window = tiny_window
    start_session(qtbot, window, "tiny")

    def broken(*_args: object) -> None:
        raise Broken("the recovery screen broke")

    window.recovery.show_stop = broken  # type: ignore[method-assign]
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.current is window.start
    assert "the recovery screen broke" in window.banner.text
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
