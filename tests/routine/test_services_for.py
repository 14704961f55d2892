"""The numbers to call follow the country the desktop says it is in, in every language: an
emergency heading and lead never name a number that is not that country's emergency number,
the "see a doctor soon" lead names its urgent service, and where the country is not known the
numbers are named by region. Every translation keeps every number."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from stretchdesk import i18n, paths
from stretchdesk.routine import RoutineError
from stretchdesk.routine.content import SafetyContent, load_content
from stretchdesk.routine.services_for import (
    digit_groups,
    load_services,
    local_content,
    services_path,
)
from stretchdesk.routine.sources import load_sources
from stretchdesk.routine.territory import desktop_territory, territory_of
from stretchdesk.routine.translate import (
    builtin_sentences,
    content_in,
    read_sentences,
    translations_file,
)
from stretchdesk.services import content_folders

CONTENT = paths.content_file()
SOURCES = load_sources(CONTENT.parent / "sources.toml")

# The test's own table, from the official pages cited in sources.toml: (emergency, urgent).
NUMBERS = {
    "GB": ({"999"}, {"111"}),
    "IE": ({"112", "999"}, set()),
    "US": ({"911"}, set()),
    "CA": ({"911"}, {"811"}),
    "AU": ({"000"}, {"1800 022 222"}),
    "NZ": ({"111"}, {"0800 611 116"}),
    "DE": ({"112"}, {"116 117"}),
    "AT": ({"144", "112"}, {"1450"}),
    "CH": ({"144"}, set()),
    "FR": ({"15", "112"}, {"116 117"}),
    "BE": ({"112"}, {"1733"}),
    "ES": ({"112"}, set()),
    "MX": ({"911"}, set()),
}
# every (language, country) pair where the country, not the language, decides the number
PAIRS = [
    ("es", "ES"),
    ("es", "MX"),
    ("fr", "FR"),
    ("fr", "BE"),
    ("fr", "CH"),
    ("fr", "CA"),
    ("en", "GB"),
    ("en", "IE"),
    ("en", "US"),
    ("en", "CA"),
    ("en", "AU"),
    ("en", "NZ"),
    ("de", "DE"),
    ("de", "AT"),
    ("de", "CH"),
]
# when the country is not known: the numbers named by region, per language
REGIONS = {
    "en": {"999", "112", "911", "000", "111"},
    "de": {"112", "144"},
    "es": {"112", "911"},
    "fr": {"15", "112", "144", "911"},
}


def shown(language: str, territory: str) -> SafetyContent:
    """The content as the window shows it for this language and country."""
    say, problems = builtin_sentences(language, content_folders())
    assert problems == []
    return content_in(local_content(CONTENT, SOURCES, language, territory), say)


def groups(numbers: set[str]) -> set[str]:
    return {g for number in numbers for g in digit_groups(number)}


@pytest.mark.parametrize(("language", "territory"), PAIRS)
def test_the_emergency_number_is_the_countrys_in_every_language(
    language: str, territory: str
) -> None:
    emergency, urgent = NUMBERS[territory]
    content = shown(language, territory)
    assert content.emergency.lead is not None and content.doctor.lead is not None
    named = set(digit_groups(f"{content.emergency.title} {content.emergency.lead.text}"))
    assert named == groups(emergency), (content.emergency.title, content.emergency.lead.text)
    doctor = content.doctor.lead.text
    for number in urgent:
        assert number in doctor, doctor
    # the UK's urgent 111 is New Zealand's emergency number: it may appear only where meant
    assert "111" not in doctor or "111" in urgent
    if language != i18n.SOURCE:  # shown in the person's language, not left in English
        english = shown(i18n.SOURCE, territory)
        assert content.emergency.lead.text != english.emergency.lead.text
        assert content.doctor.lead.text != english.doctor.lead.text


@pytest.mark.parametrize("territory", sorted(NUMBERS))
@pytest.mark.parametrize("language", ["en", "de", "es", "fr"])
def test_every_country_of_the_table_in_every_language(language: str, territory: str) -> None:
    content = shown(language, territory)
    assert content.emergency.lead is not None
    named = set(digit_groups(f"{content.emergency.title} {content.emergency.lead.text}"))
    assert named == groups(NUMBERS[territory][0])


@pytest.mark.parametrize("territory", ["", "IT", "AR", "JP"])
@pytest.mark.parametrize("language", sorted(REGIONS))
def test_an_unknown_country_names_the_numbers_by_region(language: str, territory: str) -> None:
    content = shown(language, territory)
    assert content.emergency.lead is not None
    assert set(digit_groups(content.emergency.lead.text)) == REGIONS[language]
    # the heading names no number it cannot know
    assert digit_groups(content.emergency.title) == []
    if language != "en":  # the region's words, translated
        assert content.emergency.lead.text != shown("en", territory).emergency.lead.text


def test_the_picked_lines_keep_their_sources() -> None:
    french_belgium = local_content(CONTENT, SOURCES, "fr", "BE")
    assert french_belgium.emergency.lead is not None and french_belgium.doctor.lead is not None
    assert french_belgium.emergency.lead.keys == ("BE-112",)
    assert french_belgium.doctor.lead.keys == ("BE-1733",)
    assert "SPF Santé publique" in french_belgium.doctor.source
    # the lines themselves are the same everywhere
    assert french_belgium.emergency.lines == load_content(CONTENT, SOURCES).emergency.lines


@pytest.mark.parametrize("language", ["de", "es", "fr"])
@pytest.mark.parametrize("folder", content_folders(), ids=lambda f: f.name)
def test_every_translation_keeps_every_number(language: str, folder: Path) -> None:
    """A number (a phone number, 38 °C, 16 weeks, a dose) reads the same in every language."""
    found = read_sentences(translations_file(folder, language), language)
    changed = [
        f"{english!r} -> {text!r}"
        for english, text in found.table.items()
        if Counter(re.findall(r"\d+", english)) != Counter(re.findall(r"\d+", text))
    ]
    assert changed == []


@pytest.mark.parametrize(
    ("name", "territory"),
    [
        ("es_MX.UTF-8", "MX"),
        ("fr_BE@euro", "BE"),
        ("de_CH.utf8", "CH"),
        ("en_gb", "GB"),
        ("de", ""),
        ("C.UTF-8", ""),
        ("POSIX", ""),
        ("es_419.UTF-8", ""),  # Latin America is a region, not a country
        ("", ""),
        ("../../etc", ""),
    ],
)
def test_the_territory_of_a_locale_name(name: str, territory: str) -> None:
    assert territory_of(name) == territory


def test_the_telephone_setting_decides_before_the_language_of_the_messages() -> None:
    # English words on a desktop in Germany: the number to call is Germany's
    assert desktop_territory({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}) == "DE"
    assert desktop_territory({"LANG": "en_US.UTF-8", "LC_TELEPHONE": "fr_CH.UTF-8"}) == "CH"
    assert desktop_territory({"LC_ALL": "es_MX.UTF-8", "LANG": "es_ES.UTF-8"}) == "MX"
    # a variable without a country gives way to the next one that names one
    assert desktop_territory({"LC_ALL": "C.UTF-8", "LANG": "fr_BE.UTF-8"}) == "BE"
    assert desktop_territory({"LC_MESSAGES": "en_NZ.UTF-8"}) == "NZ"
    assert desktop_territory({"LANGUAGE": "en_GB:en"}) == ""  # a language list, not a place
    assert desktop_territory({}) == ""
    assert desktop_territory({}, fallback="de_AT") == "AT"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = services_path(CONTENT).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "services.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (  # a number slipped into an emergency lead
            '"Call 999 or go to A&E now',
            '"Call 999 or 111 or go to A&E now',
            "name 111, 999, but the emergency numbers are 999",
        ),
        ('emergency = ["999"]', 'emergency = ["998"]', "the emergency numbers are 998"),
        ('urgent = ["111"]', 'urgent = ["119"]', "does not name 119"),
        ('codes = ["IE"]', 'codes = ["GB"]', "GB is listed twice"),
        ('codes = ["IE"]', 'codes = ["ie"]', "two capital letters"),
        ('source = "US-911"', 'source = "NOPE"', "source 'NOPE' is not in sources.toml"),
        ('title = "Emergency: call 911 now"\n', "", "the title is missing"),
    ],
)
def test_a_wrong_table_is_refused_with_a_sentence(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    with pytest.raises(RoutineError) as caught:
        load_services(_broken(tmp_path, old, new), SOURCES)
    assert any(problem in p.message for p in caught.value.problems), caught.value.problems
