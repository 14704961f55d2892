"""The language setting: kept in the settings file, offered in Settings, and Qt's own
words (its dialogs' buttons) in that language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from stretchdesk import app, i18n
from stretchdesk.settings import Preferences, load_prefs, save_prefs
from stretchdesk.ui.settings.settings_screen import SettingsScreen


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    locale = QLocale()
    yield
    i18n.use("en")
    QLocale.setDefault(locale)


def test_the_setting_is_kept_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_prefs(path, Preferences(language="de"))
    assert load_prefs(path).prefs.language == "de"
    path.write_text('language = "klingon"\n', encoding="utf-8")
    loaded = load_prefs(path)
    assert loaded.prefs.language == "" and loaded.problems  # back to the desktop's, said


def test_settings_offers_each_language_in_its_own_words(qapp: QApplication) -> None:
    screen = SettingsScreen(date(2026, 11, 2))
    screen.show_prefs(Preferences())
    names = [screen.language.itemText(i) for i in range(screen.language.count())]
    assert names[0].startswith("Follow the desktop (")
    assert names[1:] == ["English", "Deutsch", "Español", "Français"]
    chosen: list[Preferences] = []
    screen.changed.connect(chosen.append)
    screen.language.setCurrentIndex(2)
    assert chosen[-1].language == "de"


def test_qts_own_words_follow_the_language(qapp: QApplication) -> None:
    translator = app.set_language(qapp, "de")
    assert translator is not None
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert QLocale().language() == QLocale.Language.German  # dates and numbers too
        assert QLocale().toString(2.5, "f", 1) == "2,5"
    finally:
        qapp.removeTranslator(translator)
    assert app.set_language(qapp, "en") is None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
