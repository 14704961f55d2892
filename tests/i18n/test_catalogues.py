"""The translation template and the compiled catalogues are up to date with the code
(``make translations`` was run after marking a sentence)."""

from __future__ import annotations

import gettext

import pytest

from stretchdesk import i18n
from tests.toolcheck import missing_tool


def test_the_catalogues_are_up_to_date() -> None:
    try:
        from tools import translations  # noqa: PLC0415 - needs Babel (the dev extra)
    except ImportError:
        missing_tool("needs Babel (pip install '.[dev]')")
    assert translations.main(["--check"]) == 0, "run make translations"


@pytest.mark.parametrize("language", [k for k in i18n.LANGUAGES if k != i18n.SOURCE])
def test_every_language_has_a_compiled_catalogue(language: str) -> None:
    found = gettext.find(i18n.DOMAIN, i18n.locale_dir(), [language])
    assert found is not None, language
