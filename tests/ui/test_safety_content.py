"""The safety, recovery, completion and About screens show the sourced texts: the emergency
list first and largest, red flags never smaller than the general lines, time limits and
keeping active after a session, and every source as a link that opens in the browser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.routine.content import SafetyContent
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import open_session, press


def _labels(screen: QWidget) -> list[QLabel]:
    return screen.findChildren(QLabel)


def _text_of(screen: QWidget) -> str:
    return "\n".join(widget.text() for widget in _labels(screen))


def _pixels(widget: QWidget) -> int:
    widget.ensurePolished()
    return widget.fontInfo().pixelSize()


def _holding(screen: QWidget, text: str) -> QLabel:
    return next(w for w in _labels(screen) if text in w.text())


def test_safety_screen_puts_the_emergency_first_and_largest(window: MainWindow) -> None:
    content: SafetyContent = window.services.content
    screen = window.safety
    boxes = [f for f in screen.findChildren(QFrame) if f.property("role") == "emergency-box"]
    assert len(boxes) == 1
    emergency = _holding(screen, content.emergency.title)
    soon = _holding(screen, content.doctor.title)
    assert (
        emergency.mapTo(screen, emergency.rect().topLeft()).y()
        < soon.mapTo(screen, soon.rect().topLeft()).y()
    )
    assert _pixels(emergency) > _pixels(soon)
    general = _holding(screen, content.who.lines[0])
    for section in (content.emergency, content.doctor):
        flags = _holding(screen, section.lines[0])
        assert _pixels(flags) >= _pixels(general)  # red flags never smaller
    text = _text_of(screen)
    assert "999 in the UK" in text  # no country known: the numbers by region
    assert content.pain_stop.title in text


def test_recovery_and_completion_show_time_limits_and_keeping_active(
    window: MainWindow,
) -> None:
    content = window.services.content
    recovery = _text_of(window.recovery)
    assert content.time_limits.lines[0] in recovery
    assert "bed rest makes back pain worse" in recovery
    completion = _text_of(window.completion)
    for line in (*content.keep_active.lines, *content.time_limits.lines):
        assert line in completion


def test_about_lists_every_source_as_a_link(window: MainWindow) -> None:
    sources = window.services.content.sources
    links = window.about.sources
    assert links.openExternalLinks()
    for source in sources.values():
        assert f'href="{source.url.replace("&", "&amp;")}"' in links.text()
        assert f"Checked {source.checked.day} {source.checked:%B %Y}" in links.text()
    assert window.services.content.how_often.lines[0] in _text_of(window.about)


def test_f1_in_a_session_shows_pain_that_means_stop(qtbot: QtBot, window: MainWindow) -> None:
    open_session(qtbot, window, "quick-relief")
    help_panel = window.session.help
    assert not help_panel.isVisible()
    press(qtbot, window, Qt.Key.Key_F1)
    assert help_panel.isVisible()
    text = _text_of(help_panel)
    content = window.services.content
    assert content.pain_stop.title in text and content.pain_stop.lines[0] in text
    press(qtbot, window, Qt.Key.Key_F1)
    assert not help_panel.isVisible()
