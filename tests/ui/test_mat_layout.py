"""Readable from the mat: the countdown's digits measured on the real screen at three window
sizes and every text size, nothing cut, the pause seen across the room, messages that do not
move the layout, F11, and a screen reader told of changes at sensible moments."""

from __future__ import annotations

from collections.abc import Iterator
from math import ceil

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.routine.model import Step
from stretchdesk.session import FakeClock, SegmentKind
from stretchdesk.settings import Preferences
from stretchdesk.ui.kit.theme import current_colors
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, press, run_until, start_session

SIZES = [(800, 600), (1280, 800), (1920, 1080)]
TEXT_SIZES = ["normal", "large", "extra-large"]


def _ink_height(image: QImage, colour: QColor) -> int:
    """Rows of the picture where the digits' colour is drawn (the digits' height)."""
    rows = 0
    for y in range(image.height()):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red()) < 40
                and abs(pixel.green() - colour.green()) < 40
                and abs(pixel.blue() - colour.blue()) < 40
            ):
                rows += 1
                break
    return rows


def _on(screen: QWidget, widget: QWidget) -> QRect:
    """Where ``widget`` is, in ``screen``'s coordinates."""
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


def _cut_labels(window: MainWindow) -> list[str]:
    """Visible one-line labels narrower than their text (a cut word)."""
    cut = []
    for widget in window.session.findChildren(QLabel):
        if not widget.isVisible() or widget.wordWrap() or not widget.text():
            continue
        if widget.width() + 1 < widget.sizeHint().width():
            cut.append(widget.text())
    return cut


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("size", SIZES)
def test_the_countdown_is_a_sixth_of_the_window_and_nothing_is_cut(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int], text_size: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.apply_prefs(Preferences(safety_seen=True, text_size=text_size))
    window.resize(*size)
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    app.processEvents()
    assert (window.width(), window.height()) == size  # the window fits its size
    dial = window.session.dial
    digits = _ink_height(dial.grab().toImage(), QColor(current_colors().text))
    assert digits >= size[1] / 6, (digits, size)
    assert _cut_labels(window) == []
    assert window.session.pain_button.isVisible()
    pain = window.session.pain_button
    assert pain.mapTo(window, pain.rect().bottomRight()).y() <= window.height()


def test_text_size_never_shrinks_the_countdown(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    heights = []
    for text_size in TEXT_SIZES:
        window.apply_prefs(Preferences(safety_seen=True, text_size=text_size))
        window.resize(1280, 800)
        QApplication.processEvents()
        if window.current is not window.session:
            start_session(qtbot, window, "quick-relief")
        window.session.rescale(force=True)
        QApplication.processEvents()
        heights.append(window.session.dial.height())
    assert heights[1] >= heights[0] - 2 and heights[2] >= heights[0] - 2


def test_a_message_does_not_move_the_layout(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    QApplication.processEvents()
    before = window.session.dial.geometry()
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_Right)  # refused in a warm-up: a message
    QApplication.processEvents()
    assert window.session.notice.text()
    assert window.session.dial.geometry() == before
    clock.advance(11)
    window.session.refresh()
    assert window.session.notice.text() == ""  # gone on the session's clock


def test_pause_covers_the_exercise_with_words(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_Space)
    overlay = window.session.paused
    assert overlay.isVisible() and "Space to go on" in overlay.text()
    assert overlay.geometry() == window.session.overlay_rect()
    assert not overlay.geometry().intersects(_on(window.session, window.session.dial))
    assert overlay.font().pixelSize() >= window.height() * 0.07
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_Space)
    assert not overlay.isVisible()


def test_f11_toggles_full_screen(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen() or window.windowState() & Qt.WindowState.WindowFullScreen
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_a_screen_reader_hears_changes_not_every_second(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.session.voice_speaks = lambda: False  # the app's voice off: all is told
    start_session(qtbot, window, "quick-relief")
    said = window.session.announced
    assert said[0].startswith("March on the spot. Get into position: standing.")
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    run_until(window, clock, lambda: engine.view().segment is SegmentKind.REST, limit=120)
    assert "Left side. Rep 1 of 2. Hold, 20 seconds." in said
    assert "10 seconds left." in said
    assert len(said) < clock.now / 4  # a few moments, not every second
    dial = window.session.dial
    assert f"{dial.seconds} seconds left" in dial.accessibleDescription()


def test_tab_reaches_every_nav_button_and_pain_stop(qtbot: QtBot, window: MainWindow) -> None:
    reached = set()
    for _ in range(40):
        press(qtbot, window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is not None:
            reached.add(focused.accessibleName())
    names = {button.accessibleName() for button in window.nav_buttons.values()}
    assert names <= reached
    window.start.select("quick-relief")
    window.start.start.click()
    scale = window.pain_before.scale
    assert all(isinstance(scale.rating_button(n), QRadioButton) for n in range(11))
    scale.skip.click()
    reached.clear()
    for _ in range(20):
        press(qtbot, window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is not None:
            reached.add(focused.accessibleName())
    assert "Pain — stop" in reached


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_every_screen_fits_800x600(window: MainWindow, text_size: str) -> None:
    window.apply_prefs(Preferences(safety_seen=True, text_size=text_size))
    window.resize(800, 600)
    for name in (
        "safety",
        "health",
        "start",
        "pain_before",
        "avoid",
        "advice",
        "history",
        "settings",
        "about",
        "recovery",
        "completion",
    ):
        window.show_screen(getattr(window, name))
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, (name, hint)
        assert (window.width(), window.height()) == (800, 600), name


# ---------------------------------------------------------------- the mat layout, measured
MAT_SIZES = [(1280, 800), (1920, 1080)]


def _builtin_steps(window: MainWindow) -> list[Step]:
    """Every built-in exercise, once, with the warm-ups' other positions."""
    steps: dict[str, Step] = {}
    for routine in window.services.catalog.routines:
        for step in routine.steps:
            for one in (step, step.alternative):
                if one is not None:
                    steps.setdefault(one.exercise_id, one)
    return list(steps.values())


def _cap(widget: QWidget) -> float:
    return QFontMetricsF(widget.font()).capHeight()


def _inside(window: MainWindow, widget: QWidget) -> bool:
    """The widget's painted rectangle is inside the window and inside each of its parents
    (nothing is clipped by a parent or scrolled away), and tall enough for its words."""
    child: QWidget = widget
    parent = child.parentWidget()
    while parent is not None and child is not window:
        if not parent.rect().contains(child.geometry()):
            return False
        child, parent = parent, parent.parentWidget()
    rect = _on(window, widget)
    tall = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else 0
    return window.rect().contains(rect) and widget.height() >= tall


def _every_page(window: MainWindow, step: Step) -> Iterator[QWidget]:
    """Each page of what to do shown in turn, and the lines shown on it while it is (each
    instruction line and the caution on exactly one page, in order; the mark says which)."""
    session = window.session
    session.stop_timers()  # the running session would show its own step and page
    middle, said = session.middle, []
    for page in range(middle.page_count):
        middle.show_page(page)
        QApplication.processEvents()
        lines = [line for line in middle.lines if line.isVisible()]
        assert lines, (step.exercise_id, page)
        said += [middle.units[i][1] for i in middle.pages[page]]
        if middle.page_count > 1:
            assert middle.mark.isVisible() and _inside(window, middle.mark)
            assert middle.mark.text() == f"{page + 1}/{middle.page_count}"
            assert not any(_on(window, middle.mark).intersects(_on(window, x)) for x in lines)
        yield from (line for line in lines if line is not middle.lines[-1])  # not the breathing
    wanted = [*step.instructions, *([step.caution] if step.caution else [])]
    assert [line for line in said if line in wanted] == wanted, step.exercise_id
    middle.show_page(0)


def _frame_height(window: MainWindow) -> int:
    """The drawing's frame (it keeps the frames' 4:3), as placed in its box."""
    box = window.session.illustration.size()
    return QSize(4, 3).scaled(box, Qt.AspectRatioMode.KeepAspectRatio).height()


def _digits(window: MainWindow, *, paused: bool = False) -> int:
    """The countdown's digits' height, as painted (greyed while paused)."""
    colour = current_colors().muted if paused else current_colors().text
    return _ink_height(window.session.dial.grab().toImage(), QColor(colour))


def _at_size(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int], text: str
) -> None:
    window.apply_prefs(Preferences(safety_seen=True, text_size=text))
    window.resize(*size)
    start_session(qtbot, window, "full-routine")
    run_until(window, clock, lambda: engine_of(window).view().segment is SegmentKind.ACTIVE)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    QApplication.processEvents()


@pytest.mark.parametrize("text_size", TEXT_SIZES)
@pytest.mark.parametrize("size", MAT_SIZES)
def test_every_exercise_reads_from_the_mat(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int], text_size: str
) -> None:
    _at_size(qtbot, window, clock, size, text_size)
    session, height = window.session, size[1]
    session.stop_timers()  # the running session would show its own step
    steps = _builtin_steps(window)
    assert len(steps) >= 10
    for step in steps:
        # what the session shows while the step is done (its longest number counting)
        hold = step.timing.is_hold
        moving = "Hold gently; breathe freely" if hold else "Move gently; never force, never bounce"
        session.headline.setText(moving)
        session.side.setText("LEFT SIDE" if step.exercise.per_side else "")
        session.show_words(step)
        seconds = [step.timing.duration, step.timing.hold, step.timing.rep_seconds]
        session.dial.set_state(ceil(max(t for t in seconds if t)), 0.5, "Hold", paused=False)
        QApplication.processEvents()
        name = step.exercise_id
        assert _cap(session.headline) >= 0.045 * height, name
        assert _cap(session.side) >= 0.045 * height, name
        assert _cap(session.title) >= 0.04 * height, name
        for line in _every_page(window, step):
            assert line.isVisible() and _inside(window, line), (name, line.geometry())
            assert _cap(line) >= 0.025 * height - 0.5, (name, _cap(line))
        assert session.middle.fits, name
        assert _frame_height(window) >= 0.45 * height, name
        assert _digits(window) >= height / 6, name
        assert session.pain_button.isVisible() and _inside(window, session.pain_button)


@pytest.mark.parametrize("size", MAT_SIZES)
def test_the_countdown_keeps_its_size_with_help_a_banner_a_notice_and_a_pause(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int]
) -> None:
    _at_size(qtbot, window, clock, size, "normal")
    session = window.session
    before = _on(window, session.dial)
    press(qtbot, window, Qt.Key.Key_F1)
    assert session.help.isVisible() and _inside(window, session.help)
    assert session.help.heightForWidth(session.help.width()) <= session.help.height()  # all
    assert not _on(window, session.help).intersects(before)
    window.banner.add("The history could not be saved: the disk is full.", error=True)
    clock.advance(1)
    press(qtbot, window, Qt.Key.Key_Right)  # refused in a warm-up: a message
    QApplication.processEvents()
    assert session.notice.text()
    assert _digits(window) >= size[1] / 6
    assert session.dial.size() == before.size()
    press(qtbot, window, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert session.paused.isVisible()
    assert _digits(window, paused=True) >= size[1] / 6
    assert not _on(window, session.paused).intersects(_on(window, session.dial))


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_a_small_window_shows_every_line_smaller_rather_than_cut(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, text_size: str
) -> None:
    _at_size(qtbot, window, clock, (800, 600), text_size)
    session = window.session
    session.stop_timers()  # the running session would show its own step
    for step in _builtin_steps(window):
        session.show_words(step)
        QApplication.processEvents()
        assert session.middle.fits, step.exercise_id
        for line in _every_page(window, step):
            assert line.isVisible() and _inside(window, line), (step.exercise_id, line.geometry())


def test_next_is_shown_in_rests_and_the_last_seconds(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _at_size(qtbot, window, clock, (1280, 800), "normal")
    session, engine = window.session, engine_of(window)
    assert not session.next_label.isVisible()
    run_until(window, clock, lambda: engine.view().remaining <= 4)
    assert session.next_label.isVisible() and session.next_label.text().startswith("Next: ")
    assert _inside(window, session.next_label)


def test_the_time_left_in_the_routine_is_shown_and_goes_down(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    _at_size(qtbot, window, clock, (1280, 800), "normal")
    engine = engine_of(window)
    first = engine.seconds_left()
    total, _active = engine.planned()
    assert 0 < first <= total
    minutes = ceil(first / 60)
    assert f"{minutes} min left" in window.session.place.text()
    clock.advance(30)
    window.session.refresh()
    assert engine.seconds_left() == pytest.approx(first - 30, abs=0.01)
