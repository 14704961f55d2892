"""Settings' controls: the wheel scrolls the page unless a control has the focus, the words
and dates follow the language, and the voice line says what the voice setting does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk import i18n
from stretchdesk.settings import Preferences
from stretchdesk.ui.builder.builder_step import StepDetails
from stretchdesk.ui.kit.formats import long_date
from stretchdesk.ui.settings.settings_screen import SettingsScreen
from stretchdesk.ui.shell.main_window import MainWindow
from tests.fake_speechd import FakeSpeechd


def wheel(widget: QWidget, steps: int = -3) -> None:
    """The mouse wheel turned over the middle of ``widget`` (down for negative steps), as
    the window system delivers it."""
    window = widget.window().windowHandle()
    middle = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, QPointF(middle), QPoint(0, 120 * steps))
    QApplication.processEvents()


def value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractSpinBox)
    return widget.text()


def controls(screen: QWidget) -> list[QWidget]:
    found: list[QWidget] = [*screen.findChildren(QAbstractSpinBox), *screen.findChildren(QComboBox)]
    return [w for w in found if w.isVisible() and w.isEnabled()]


def test_the_wheel_scrolls_settings_and_changes_only_a_focused_control(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav_to("settings")
    screen = window.settings
    page = screen.findChild(QScrollArea)
    assert page is not None
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0  # the page is taller than the window
    found = controls(screen)
    assert len(found) >= 12
    for control in found:
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus, control.accessibleName()
        page.ensureWidgetVisible(control)
        window.nav_bar.setFocus()
        before, scrolled = value(control), bar.value()
        wheel(control, -1 if bar.value() < bar.maximum() else 1)
        assert value(control) == before, control.accessibleName()
        assert bar.value() != scrolled, control.accessibleName()
    lead_in = screen.lead_in
    page.ensureWidgetVisible(lead_in)
    lead_in.setFocus()
    qtbot.waitUntil(lead_in.hasFocus)
    before = lead_in.value()
    wheel(lead_in, 1)
    assert lead_in.value() == before + 1  # focused: the wheel is its own again


def test_the_builders_step_takes_the_wheel_only_when_focused(qtbot: QtBot) -> None:
    details = StepDetails()
    qtbot.addWidget(details)
    for control in [*details.findChildren(QAbstractSpinBox), *details.findChildren(QComboBox)]:
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus, control.accessibleName()


@pytest.fixture
def language() -> Iterator[None]:
    locale = QLocale()
    yield
    i18n.use("en")
    QLocale.setDefault(locale)


def test_settings_words_are_translated(qtbot: QtBot, language: None) -> None:
    i18n.use(i18n.PSEUDO)
    screen = SettingsScreen(date(2026, 11, 2))
    qtbot.addWidget(screen)
    screen.show_prefs(Preferences(plan_start="2026-11-02", plan_weeks=6))
    screen.show_result(None)
    assert screen.result.text().startswith("[!!")
    assert screen.reminders.weeks.suffix().strip().startswith("[!!")
    assert screen.reminders.plan_note.text().startswith("[!!")
    screen.reminders.times.setText("noon")
    screen.reminders.times.editingFinished.emit()
    assert screen.reminders.status.text().startswith("[!!")


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("en", "2 November 2026"),
        ("de", "2. November 2026"),
        ("es", "2 de noviembre de 2026"),
        ("fr", "2 novembre 2026"),
    ],
)
def test_the_plans_first_day_is_written_in_the_language(
    qtbot: QtBot, language: None, name: str, written: str
) -> None:
    QLocale.setDefault(QLocale(name))
    assert long_date(date(2026, 11, 2)) == written
    screen = SettingsScreen(date(2026, 11, 2))
    qtbot.addWidget(screen)
    screen.show_prefs(Preferences(plan_start="2026-11-02", plan_weeks=1))
    assert written in screen.reminders.plan_note.text()
    assert screen.reminders.weeks.suffix() == " week"


def test_settings_says_the_voice_is_off_and_opens_it_when_turned_on(
    qtbot: QtBot, window: MainWindow, speechd: FakeSpeechd
) -> None:
    window.nav_to("settings")
    assert window.settings.voice_status.text() == "Voice is on (speechd)."
    window.settings.voice.setChecked(False)
    assert window.settings.voice_status.text() == (
        "Voice is off. It is checked when you turn it on."
    )
    assert window.audio is not None and not window.audio.voice_ready
    window.settings.voice.setChecked(True)
    assert window.settings.voice_status.text() == "Voice is on (speechd)."
    assert window.audio.voice_ready
