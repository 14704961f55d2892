"""A locale the desktop sets can be anything: very long, with control characters, a path, a
code that is no country. The territory is then unknown (the numbers named by region), at
once, and the safety texts still load: never an exception, never a wrong country."""

from __future__ import annotations

import time

import pytest

from stretchdesk import paths
from stretchdesk.routine.services_for import local_content
from stretchdesk.routine.territory import desktop_territory, territory_of


@pytest.mark.parametrize(
    "value",
    [
        "x" * 1_000_000,
        "en_" + "U" * 1_000_000,
        "de_DE" + "@" * 1_000_000,
        "fr_FR\x00.UTF-8",
        "es_\u00d1X.UTF-8",  # not ASCII
        "en_US\nLANG=de_DE",
        "../../../etc/passwd",
        "\u202eSU_ne",
        "ZZ",
        "_GB",
    ],
)
def test_a_hostile_locale_is_an_unknown_territory_at_once(value: str) -> None:
    started = time.monotonic()
    found = desktop_territory({"LC_ALL": value})
    assert time.monotonic() - started < 1.0
    assert found in ("", "FR", "DE", "US")  # a prefix that is a real locale may still count
    assert found == territory_of(value)


def test_a_country_the_table_does_not_know_keeps_the_regional_words() -> None:
    # "ZZ" is a well-formed code of no country: the language's regional words, never a crash
    content = local_content(paths.content_file(), None, "de", "ZZ")
    assert content.emergency.lead is not None
    assert "144" in content.emergency.lead.text and "112" in content.emergency.lead.text
