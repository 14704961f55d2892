"""The window shows the numbers to call of the country the desktop says it is in: on the
safety screen and on the recovery screen after a stop for pain, in the person's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from stretchdesk import i18n
from tests.ui.flows import WindowFactory


def _text_of(screen: QWidget) -> str:
    return "\n".join(label.text() for label in screen.findChildren(QLabel))


@pytest.fixture
def in_belgium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    locale = QLocale()
    i18n.use("fr")
    QLocale.setDefault(QLocale("fr"))
    yield
    i18n.use(i18n.SOURCE)
    QLocale.setDefault(locale)


def test_english_words_with_the_numbers_of_belgium(
    in_belgium: None, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    for screen in (window.safety, window.recovery):
        text = _text_of(screen)
        assert "Emergency: call 112 now" in text
        assert "the on-call GP on 1733" in text
        assert "999" not in text and "911" not in text and "111" not in text


def test_french_words_with_the_numbers_of_belgium(
    in_belgium: None, french: None, seen: None, make_window: WindowFactory
) -> None:
    window = make_window()
    text = _text_of(window.safety)
    assert "Urgence : appelez maintenant le 112" in text
    assert "le médecin de garde au 1733" in text
    assert "le 15" not in text  # France's SAMU, not Belgium's
