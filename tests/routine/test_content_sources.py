"""Every health sentence is traceable: each content entry names known sources, and every
source has a title, a publisher, an https address and the date it was checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stretchdesk import i18n, paths
from stretchdesk.routine import Catalog, ExerciseLibrary, RoutineError
from stretchdesk.routine.catalog import check_files, library_citation_problems
from stretchdesk.routine.content import SECTIONS, load_content, sources_path
from stretchdesk.routine.services_for import load_services, services_path
from stretchdesk.routine.sources import citation_problems, cited_keys, load_sources
from stretchdesk.routine.translate import builtin_sentences
from stretchdesk.services import content_folders

SOURCES = load_sources(sources_path(paths.content_file()))


def test_every_source_has_a_title_publisher_https_address_and_checked_date() -> None:
    assert SOURCES
    for source in SOURCES.values():
        assert source.title and source.publisher, source.key
        assert source.url.startswith("https://"), source.key
        assert dt.date(2026, 1, 1) <= source.checked <= dt.date.today(), source.key
        assert source.holds, f"{source.key}: say what the page holds"


def test_every_safety_line_names_a_known_source_or_the_apps_own_choice() -> None:
    content = load_content(paths.content_file(), SOURCES)
    for name in SECTIONS:
        section = getattr(content, name)
        assert section.items, name
        assert section.source, name  # what the person reads under the section
        for key in section.keys:
            assert key in SOURCES, (name, key)
    for group, texts in content.texts.items():
        assert citation_problems(texts["source"], SOURCES) == [], group


def test_every_exercise_and_builtin_routine_cites_known_sources(
    library: ExerciseLibrary, catalog: Catalog
) -> None:
    assert library_citation_problems(library, SOURCES) == []
    for exercise in library.values():
        assert cited_keys(exercise.source), exercise.id
    for routine in catalog.routines:
        assert cited_keys(routine.source), routine.id
        assert citation_problems(routine.source, SOURCES) == [], routine.id


def test_every_source_is_cited_somewhere(library: ExerciseLibrary, catalog: Catalog) -> None:
    content = load_content(paths.content_file(), SOURCES)
    cited = content.cited() | load_services(services_path(paths.content_file()), SOURCES).keys()
    for text in [e.source for e in library.values()] + [r.source for r in catalog.routines]:
        cited.update(cited_keys(text))
    for language in i18n.LANGUAGES:  # a source in another language, named by a translation
        say, _problems = builtin_sentences(language, content_folders())
        cited.update(k for keys in say.sources.values() for k in keys.replace(",", " ").split())
    assert set(SOURCES) - cited == set()


def test_the_emergency_list_covers_what_the_sources_name() -> None:
    content = load_content(paths.content_file(), SOURCES)
    emergency = " ".join(content.emergency.lines).lower()
    for words in (
        "both legs",
        "genitals",
        "back passage",
        "wipe",
        "passing urine",
        "bladder or bowels",
        "sexual function",
        "trouble walking that is getting worse",
        "chest pain",
        "accident or fall",
        # the review of December 2026: the saddle area, the early bladder and bowel signs
        # (CES card), belly pain or throbbing (Mayo), a fracture after a minor fall (G-CARE)
        "inner thighs",
        "bladder is full",
        "no feeling when you pass urine or stool",
        "leaking",
        "throbbing feeling in your belly",
        "minor fall",
    ):
        assert words in emergency, words
    assert content.emergency.lead is not None
    # when the country is not known, the lead names the numbers by region
    for words in ("999 in the UK", "911 in the US", "000 in Australia", "112 in the EU"):
        assert words in content.emergency.lead.text, words
    soon = " ".join(content.doctor.lines).lower()
    for words in ("sneeze", "shoulder blades", "changed shape", "few weeks", "38 °c or above"):
        assert words in soon, words
    limits = " ".join(content.time_limits.lines)
    for words in ("day-to-day activities", "gets worse over time", "struggling to cope"):
        assert words in limits, words


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("my physio", "names no page"),
        ("NHS [NOPE]", "[NOPE], which is not a known source"),
    ],
)
def test_a_source_without_an_address_or_known_key_is_a_problem(text: str, problem: str) -> None:
    assert any(problem in message for message in citation_problems(text, SOURCES))


@pytest.mark.parametrize(
    "text",
    ["NHS [NHS]", "[NHS, CSP] and [Mayo15]", "https://example.org/sheet", "our choice"],
)
def test_a_known_key_an_address_or_own_choice_is_enough(text: str) -> None:
    assert citation_problems(text, SOURCES) == []


def test_check_fails_a_routine_whose_source_lacks_an_address(
    tmp_path: Path, library: ExerciseLibrary, catalog: Catalog
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'id = "mine"\ntitle = "Mine"\nsource = "from my physio"\n'
        '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n',
        encoding="utf-8",
    )
    checked, problems = check_files([path], library, catalog, SOURCES)
    assert checked == []
    assert [p.message for p in problems] == [
        "source names no page: cite a known source in square brackets, for example [NHS], "
        "or give the page's address (https://...)"
    ]


def test_a_source_without_url_or_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nkey = "X"\ntitle = "T"\npublisher = "P"\n'
        '[[source]]\nkey = "Y"\ntitle = "T"\npublisher = "P"\nurl = "http://a"\n'
        'checked = "yesterday"\n',
        encoding="utf-8",
    )
    with pytest.raises(RoutineError) as caught:
        load_sources(path)
    messages = [p.message for p in caught.value.problems]
    assert 'source X: "url" is missing' in messages
    assert any("(the date the page was read) is missing" in m for m in messages)
    assert any("must be an https:// address" in m for m in messages)
    assert any("must be a date like" in m for m in messages)


def test_a_safety_line_without_a_source_is_refused(tmp_path: Path) -> None:
    text = paths.content_file().read_text(encoding="utf-8")
    broken = text.replace('source = "IPRS" }', "}", 1).replace('"NHS-SCIATICA, IPRS"', '"NOPE"')
    path = tmp_path / "safety.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(RoutineError, match=r"source 'NOPE' is not in sources\.toml"):
        load_content(path, SOURCES)
