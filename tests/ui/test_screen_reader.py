"""What a screen reader finds: the first-run texts are Tab stops named with every word of
their section, each screen is a named panel (Orca speaks a panel's name when the focus moves
into it), the countdown is no progress bar, and what the app's own voice says is not told to
the screen reader a second time. tests/desktop/test_orca.py hears the same with Orca."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QScrollArea
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock
from stretchdesk.session import events as ev
from stretchdesk.session.avoid import AvoidOffer, Choice
from stretchdesk.ui.kit import wording
from stretchdesk.ui.kit.read_aloud import spoken
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, engine_of, press, run_until, start_session


def test_tab_from_i_understand_reads_each_section_once(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    safety = window.services.content
    assert window.focusWidget() is window.safety.ok
    heard = []
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        heard.append(focused.accessibleName())
    assert heard[0].startswith(safety.who.title)
    for said, section in zip(
        heard[1:], (safety.emergency, safety.doctor, safety.pain_stop), strict=True
    ):
        assert said.startswith(spoken([section.title]))
        for line in section.lines:
            assert spoken([line]) in said
    assert window.current is window.safety  # reading changed nothing


def test_screens_are_named_panels(qtbot: QtBot, window: MainWindow) -> None:
    for screen in (window.safety, window.recovery, window.completion, window.history):
        face = QAccessible.queryAccessibleInterface(screen)
        assert face is not None
        assert face.role() is not QAccessible.Role.Client  # a filler, which Orca skips
        assert face.text(QAccessible.Text.Name) == screen.accessibleName() != ""


def test_the_countdown_is_no_progress_bar(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_until(window, clock, lambda: engine_of(window).view().step.exercise_id != "")
    assert window.session.findChildren(QProgressBar) == []
    assert "seconds left" in window.session.dial.accessibleDescription()


def test_what_the_voice_says_is_not_told_twice() -> None:
    paused = ev.Paused(at=1.0)
    assert wording.announcement(paused, voiced=True) == wording.announcement(paused)
    rest = ev.RestStarted(at=0.0, seconds=10.0, between_exercises=False, next_step=None)
    assert wording.announcement(rest) == "Relax."
    assert wording.announcement(rest, voiced=True) is None


def test_with_the_voice_on_a_screen_reader_hears_only_what_it_does_not_say(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    assert window.session.voice_speaks()  # the fake speech-dispatcher answers
    start_session(qtbot, window, "quick-relief")
    engine = engine_of(window)
    run_until(window, clock, lambda: engine.view().step.exercise_id == "knee-to-chest")
    press(qtbot, window, Qt.Key.Key_Space)
    said = window.session.announced
    assert said[-1] == "Paused. Press Space to go on."
    assert not any(text.startswith("March on the spot") for text in said)


def test_a_card_says_its_name_length_and_phases_once(qtbot: QtBot, window: MainWindow) -> None:
    for card in window.start.cards.values():
        said = f"{card.accessibleName()} {card.accessibleDescription()}"
        assert "·" not in said
        assert len(said.split()) < 40, said
        for child in card.findChildren(QLabel):
            assert "·" not in child.accessibleName()  # flat review: no "middle dot"


def test_the_questions_are_named_after_themselves(qtbot: QtBot, window: MainWindow) -> None:
    question = window.services.content.text("pain_scale", "question_before")
    assert window.pain_before.scale.accessibleName() == question
    offer = AvoidOffer(
        "knee-rolls",
        "Knee rolls",
        (3,),
        can_skip=True,
        can_shorten=True,
        can_swap=True,
        other_title="Seated knee rolls",
    )
    window.avoid.ask(offer)
    assert window.avoid.message.text() in window.avoid.accessibleName()
    swap = window.avoid.buttons[Choice.SWAP]
    assert "Seated knee rolls" in swap.accessibleDescription()
    assert "..." not in swap.accessibleDescription()


def test_a_screen_reader_is_told_through_the_focused_control(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """Every Orca speaks a change of the focused control's description (Orca 42 and 43 no
    announcement event); the control gets its own description back when the focus leaves."""
    window.session.voice_speaks = lambda: False
    start_session(qtbot, window, "quick-relief")
    pause = window.session.pause_button
    assert pause.hasFocus()
    assert pause.accessibleDescription() == window.session.announced[-1]
    teller = window.session.teller
    teller.tell("Relax.")
    teller.tell("Relax.")  # the same words again are a change Orca speaks
    assert pause.accessibleDescription().rstrip("\u200b") == "Relax."
    assert pause.accessibleDescription() != "Relax."
    own = teller._lent[1] if teller._lent else ""
    window.session.next_button.setFocus()
    qtbot.waitUntil(lambda: pause.accessibleDescription() == own)
    assert "·" not in window.pain_before.scale.accessibleDescription()


def test_a_section_taller_than_the_page_shows_its_beginning(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.height() <= 600)
    area = next(a for a in window.safety.findChildren(QScrollArea) if a.isVisible())
    press(qtbot, window, Qt.Key.Key_Tab)
    press(qtbot, window, Qt.Key.Key_Tab)  # the emergency red flags, taller than the page
    focused = QApplication.focusWidget()
    assert focused is not None and focused.height() > area.viewport().height()
    inner = area.widget()
    assert inner is not None
    framed = focused.parentWidget()  # the red frame with its heading
    assert framed is not None
    top = framed.mapTo(inner, QPoint(0, 0)).y()
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() == top)
