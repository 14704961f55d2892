"""A session wakes only for what is seen or heard: a new number, or the drawing's next
frame; a wake for a frame redraws the frame alone, not the words and buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
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


class _Seen(QObject):
    """Counts the events of some kinds a widget receives."""

    def __init__(self, kinds: set[QEvent.Type]) -> None:
        super().__init__()
        self.kinds, self.count = kinds, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.count += 1
        return False


def test_a_new_number_leaves_the_buttons_and_the_layout_alone(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """Each second the buttons are as they were: none is given its words, tip or name
    again (a tip set again lays the whole window out anew, once a second)."""
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    screen = window.session
    QCoreApplication.processEvents()
    tips, layouts = _Seen({QEvent.Type.ToolTipChange}), _Seen({QEvent.Type.LayoutRequest})
    for button in (screen.swap_button, screen.pause_button, screen.back_button):
        button.installEventFilter(tips)
    screen.installEventFilter(layouts)
    numbers, shown = 0, screen.dial.seconds
    for _ in range(40):  # four seconds, looked at as the timer would
        clock.advance(0.1)
        screen._wake()
        QCoreApplication.processEvents()
        if screen.dial.seconds != shown:
            numbers, shown = numbers + 1, screen.dial.seconds
    assert numbers == 4
    assert tips.count == 0
    assert layouts.count < numbers  # only when words change (a rep), not at every number
