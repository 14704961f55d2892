"""Choosing the language, falling back to English, and the pseudo-translation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stretchdesk import i18n


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.use("en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANGUAGE": "fr_CA:en", "LANG": "de_DE.UTF-8"}, "fr"),
        ({"LC_ALL": "es_ES@euro"}, "es"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({}, "en"),
    ],
)
def test_the_desktops_language(environ: dict[str, str], expected: str) -> None:
    assert i18n.desktop_language(environ) == expected


def test_a_language_without_a_catalogue_falls_back_to_english() -> None:
    assert i18n.use("xx") == "en"
    assert i18n._("Pain — stop") == "Pain — stop"
    assert i18n.ngettext("{n} minute", "{n} minutes", 2) == "{n} minutes"


def test_the_pseudo_translation_wraps_lengthens_and_keeps_placeholders() -> None:
    assert i18n.use(i18n.PSEUDO) == i18n.PSEUDO
    said = i18n._("Pain — stop")
    assert said.startswith("[!!") and said.endswith("!!]")
    assert "Ƥȧīƞ — şŧǿƥ" in said
    assert len(said) >= len("Pain — stop") * 1.3
    filled = i18n._("Step {number} of {total}").format(number=2, total=9)
    assert "2" in filled and "9" in filled and "{" not in filled
    assert i18n.N_("Later") == "Later"  # marked only; translated where it is used


def test_no_sentence_is_marked_inside_an_f_string() -> None:
    """Extraction does not look inside f-strings: a ``_()`` there would never reach the
    catalogues. Nor is a plural made by hand."""
    import io  # noqa: PLC0415
    import tokenize  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    package = Path(i18n.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            text = token.string
            is_f = token.type == tokenize.STRING and text[:2].lower() in ('f"', "f'")
            if is_f and ("_(" in text or "ngettext(" in text):
                found.append(f"{path.name}:{token.start[0]}")
        if path.name != "i18n.py" and ("'s' if " in source or '"s" if ' in source):
            found.append(f"{path.name}: a plural made by hand")
    assert not found, found


@pytest.mark.parametrize(
    ("language", "long", "short", "when", "number"),
    [
        ("en", "3 December 2026", "3 May 2026", "3 May 2026, 08:05", "2.5"),
        ("de", "3. Dezember 2026", "3. Mai 2026", "3. Mai 2026, 08:05", "2,5"),
        ("es", "3 de diciembre de 2026", "3 may 2026", "3 may 2026, 08:05", "2,5"),
        ("fr", "3 décembre 2026", "3 mai 2026", "3 mai 2026, 08:05", "2,5"),
    ],
)
def test_dates_and_numbers_outside_the_window_follow_the_language(
    language: str, long: str, short: str, when: str, number: str
) -> None:
    """The command line and the PDFs: no system locale needed, the catalogues carry it."""
    from datetime import date, datetime  # noqa: PLC0415

    from stretchdesk import formats  # noqa: PLC0415

    i18n.use(language)
    try:
        assert formats.long_date(date(2026, 12, 3)) == long
        assert formats.short_date(date(2026, 5, 3)) == short
        assert formats.date_time(datetime(2026, 5, 3, 8, 5)) == when
        assert formats.decimal(2.5) == number
        assert formats.weekday_name(date(2026, 12, 3)) == i18n._("Thursday")
    finally:
        i18n.use(i18n.SOURCE)
