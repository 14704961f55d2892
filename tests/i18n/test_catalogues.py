"""The translation template and the compiled catalogues are up to date with the code
(``make translations`` was run after marking a sentence)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from stretchdesk import i18n
from stretchdesk.i18n import _
from tests.toolcheck import missing_tool

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

NO_BABEL = "needs Babel (the dev extra: pip install -e '.[dev]'; make test installs it)"

PO = Path(__file__).resolve().parents[2] / "po"
NAV_CAPTIONS = ("&Routines", "&History", "&Settings", "&About", "Sa&fety")


def test_the_catalogues_are_up_to_date() -> None:
    try:
        from tools import translations  # noqa: PLC0415 - needs Babel (the dev extra)
    except ImportError:
        missing_tool(NO_BABEL)
    assert translations.main(["--check"]) == 0, "run make translations"


@pytest.mark.parametrize("language", [k for k in i18n.LANGUAGES if k != i18n.SOURCE])
def test_every_language_has_a_compiled_catalogue(language: str) -> None:
    found = gettext.find(i18n.DOMAIN, i18n.locale_dir(), [language])
    assert found is not None, language


PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LANGUAGES = [k for k in i18n.LANGUAGES if k != i18n.SOURCE]


def _catalogue(language: str) -> Catalog:
    try:
        from babel.messages.pofile import read_po  # noqa: PLC0415 - the dev extra
    except ImportError:
        missing_tool(NO_BABEL)
    with (PO / f"{language}.po").open("rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sentence_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalogue = _catalogue(language)
    missing = [
        m.id
        for m in catalogue
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert not missing, f"{language}: {len(missing)} not translated, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_plural_forms_match_the_english(language: str) -> None:
    catalogue = _catalogue(language)
    assert catalogue.num_plurals >= 2
    wrong = []
    for m in catalogue:
        if not m.id:
            continue
        english = m.id if isinstance(m.id, tuple) else (m.id,)
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        if isinstance(m.id, tuple) and len(forms) != catalogue.num_plurals:
            wrong.append(f"{english[0]!r}: {len(forms)} plural forms")
        # a form may leave out the count ("once"), never add a name the English lacks
        least = set(PLACEHOLDER.findall(english[0]))
        most = set(PLACEHOLDER.findall(english[-1])) | least
        for form in forms:
            if not least <= set(PLACEHOLDER.findall(form)) <= most:
                wrong.append(f"{english[0]!r} -> {form!r}")
        if "&" in english[0] and "&" not in forms[0]:
            wrong.append(f"{english[0]!r}: the Alt key's & is missing")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_says_whether_a_native_speaker_reviewed_it(language: str) -> None:
    """The status is kept in stretchdesk/locale/reviews.toml (shipped: About reads it) and
    written at the head of the catalogue for its translators."""
    head = (PO / f"{language}.po").read_text(encoding="utf-8").split("msgid", 1)[0]
    reviewer = i18n.reviewed_by(language)
    expected = f"reviewed by {reviewer}" if reviewer else "not yet reviewed by a native speaker"
    assert f"# Review: {expected}" in head, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_alt_keys_of_the_navigation_differ(language: str) -> None:
    i18n.use(language)
    try:
        captions = [_(c) for c in NAV_CAPTIONS]
    finally:
        i18n.use(i18n.SOURCE)
    keys = [c[c.index("&") + 1].lower() for c in captions]
    assert len(set(keys)) == len(keys), captions
