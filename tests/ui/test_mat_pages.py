"""What to do, a page at a time at a larger text size (the words keep the size chosen, the
pages turn with the session, the mark says which), and "Next" read from the mat with the next
exercise's drawing."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock, SegmentKind
from stretchdesk.session.pages import page_in_view
from stretchdesk.settings import Preferences
from stretchdesk.ui.kit.widgets import pixels_for_cap
from stretchdesk.ui.session.mat_middle import READING_CAP
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, run_until, start_session
from tests.ui.test_mat_layout import MAT_SIZES, _at_size, _builtin_steps, _cap, _inside, _on


@pytest.mark.parametrize("size", MAT_SIZES)
@pytest.mark.parametrize("text_size", ["large", "extra-large"])
def test_a_larger_text_size_keeps_its_size_a_page_at_a_time(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int], text_size: str
) -> None:
    _at_size(qtbot, window, clock, size, text_size)
    session = window.session
    session.stop_timers()
    scale = {"large": 1.25, "extra-large": 1.5}[text_size]
    wanted = pixels_for_cap(session.instructions.font(), READING_CAP * size[1] * scale)
    paged = []
    for step in _builtin_steps(window):
        session.show_words(step)
        QApplication.processEvents()
        assert session.middle.reading_px == wanted, step.exercise_id  # never shrunk
        if session.middle.page_count > 1:
            paged.append(step.exercise_id)
    assert paged  # the words kept their size: some exercises need pages


def test_the_pages_turn_with_the_session(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.apply_prefs(Preferences(safety_seen=True, text_size="extra-large"))
    window.resize(1280, 800)
    start_session(qtbot, window, "quick-relief")
    session, engine = window.session, engine_of(window)
    middle = session.middle
    assert middle.page_count > 1 and middle.page == 0
    first = engine.view().step.instructions[0]
    assert first in session.instructions.text()  # the line the voice reads first
    seen = set()
    while True:
        clock.advance(0.5)
        session.refresh()
        if engine.view().position != 0:
            break
        assert middle.page == page_in_view(engine.view(), middle.page_count)
        assert middle.mark.text() == f"{middle.page + 1}/{middle.page_count}"
        seen.add(middle.page)
        count = middle.page_count
    assert seen == set(range(count))


@pytest.mark.parametrize("size", MAT_SIZES)
def test_next_reads_from_the_mat_with_its_drawing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int]
) -> None:
    _at_size(qtbot, window, clock, size, "normal")
    session, engine = window.session, engine_of(window)
    assert not session.next_drawing.isVisible()
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.BETWEEN)
    coming = engine.view().next_step
    assert coming is not None
    assert session.next_label.text() == f"Next: {coming.title}"
    assert _cap(session.next_label) >= 0.03 * size[1]  # as big as what to do, and more
    drawing = session.next_drawing
    assert drawing.isVisible() and _inside(window, drawing)
    assert drawing.accessibleDescription() == coming.title
    assert drawing.height() >= 0.15 * size[1]
    assert not _on(window, drawing).intersects(_on(window, session.dial))
    assert not _on(window, drawing).intersects(_on(window, session.middle.reading))
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.LEAD_IN)
    assert not drawing.isVisible()


@pytest.mark.parametrize("size", MAT_SIZES)
@pytest.mark.parametrize("text_size", ["large", "extra-large"])
def test_next_appearing_keeps_the_words_pages(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int], text_size: str
) -> None:
    """In a step's last seconds "Next" and its drawing join the side and the rep beside the
    countdown: the words of what to do keep their size and their pages (the page a person
    is reading does not change under them)."""
    _at_size(qtbot, window, clock, size, text_size)
    session, middle = window.session, window.session.middle
    session.stop_timers()
    steps = _builtin_steps(window)
    for step, coming in itertools.pairwise(steps):
        session.next_label.hide()
        session.next_drawing.hide()
        session.side.setText("LEFT SIDE" if step.exercise.per_side else "")
        session.show_words(step)
        middle.arrange()
        QApplication.processEvents()
        before = (middle.reading_px, middle.pages)
        session.next_label.setText(f"Next: {coming.title}")
        session.next_label.show()
        session.next_drawing.show()
        middle.arrange()
        QApplication.processEvents()
        after = (middle.reading_px, middle.pages)
        assert after == before, (step.exercise_id, text_size)
        assert _inside(window, session.next_label), step.exercise_id
