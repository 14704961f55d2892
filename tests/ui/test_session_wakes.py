"""A session wakes only for what is seen or heard: a new number, or the drawing's next
frame; a wake for a frame redraws the frame alone, not the words and buttons."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock, SegmentKind
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, run_until, start_session


def test_a_frame_alone_redraws_only_the_drawing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_session(qtbot, window, "quick-relief")  # March in place: an animated drawing
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    screen = window.session
    words: list[int] = []
    real = screen._show_words
    monkeypatch.setattr(screen, "_show_words", lambda *a: (words.append(1), real(*a))[1])
    numbers = 0
    frames_before = screen.illustration.repaints_asked
    shown = screen.dial.seconds
    for _ in range(40):  # four seconds, looked at every tenth of a second as the timer would
        clock.advance(0.1)
        screen._wake()
        if screen.dial.seconds != shown:
            numbers, shown = numbers + 1, screen.dial.seconds
    frames = screen.illustration.repaints_asked - frames_before
    assert numbers == 4
    assert frames > numbers  # the drawing moved between the numbers
    assert len(words) <= numbers + 1  # the words were looked at for the numbers only
