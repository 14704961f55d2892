"""With the pregnancy answer, the health check shows when to call the midwife or maternity
unit (bleeding or fluid, regular tightenings, pain passing urine, a temperature), framed like
the emergency list, and hides it again when the answer is taken back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from stretchdesk.session.health import Answer
from tests.ui.flows import WindowFactory, press


def test_the_pregnancy_answer_shows_when_to_call_the_maternity_unit(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    press(qtbot, window, Qt.Key.Key_Return)  # the safety screen, then the health check
    assert window.current is window.health
    signs = window.health.pregnancy_signs
    assert not signs.isVisible()
    press(qtbot, window, Qt.Key.Key_Tab)  # from Skip to the first answer
    press(qtbot, window, Qt.Key.Key_Space)  # ticks "I am pregnant"
    assert signs.isVisible()
    assert signs.property("role") == "emergency-box"
    text = "\n".join(w.text() for w in signs.findChildren(QLabel))
    section = window.services.content.pregnancy_signs
    assert section.title in text and section.lead is not None and section.lead.text in text
    for words in ("bleeding", "waters breaking", "tightenings", "pass urine", "38 °C"):
        assert words in text, words
    assert "University Hospitals Birmingham" in text  # its source, under it
    window.health.boxes[Answer.PREGNANT].setChecked(False)
    assert not signs.isVisible()
    window.health.show_answers(frozenset({Answer.PREGNANT}))  # from Settings, already set
    assert signs.isVisible()
