"""The content in other languages: each shipped language translates every English sentence
of the built-in exercises, routines and safety texts, names only sentences that exist, keeps
each sentence's citations and placeholders, and falls back to English sentence by sentence.
A routine file can carry its own translations, and the builder keeps them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from stretchdesk import i18n, paths
from stretchdesk.routine import Catalog, ExerciseLibrary, Routine, RoutineError, load_routine
from stretchdesk.routine.content import SECTIONS, load_content
from stretchdesk.routine.draft import draft_from_table, to_toml
from stretchdesk.routine.model import Exercise
from stretchdesk.routine.services_for import load_services, services_path
from stretchdesk.routine.sources import cited_keys, load_sources
from stretchdesk.routine.tomlfile import parse_toml_text
from stretchdesk.routine.translate import (
    ENGLISH,
    Sentences,
    builtin_sentences,
    content_in,
    library_in,
    read_sentences,
    routine_in,
    translations_file,
)
from stretchdesk.services import content_folders

LANGUAGES = [k for k in i18n.LANGUAGES if k != i18n.SOURCE]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def english_sentences(
    library: Mapping[str, Exercise], routines: tuple[Routine, ...] = ()
) -> set[str]:
    """Every sentence of the built-in exercises and routines a translation may translate."""
    found: set[str] = set()
    for exercise in library.values():
        found.update((exercise.title, exercise.caution, exercise.breathing, exercise.source))
        found.update(exercise.instructions)
    for routine in routines:
        found.update((routine.title, routine.description, routine.note, routine.source))
        for step in (*routine.steps, *routine.rewarm):
            found.update((step.title, step.caution, *step.instructions))
    found.discard("")
    return found


def safety_sentences() -> set[str]:
    content = load_content(paths.content_file())
    # the words that depend on the country, picked before translating (services.toml)
    found = load_services(services_path(paths.content_file()), content.sources).sentences()
    for name in SECTIONS:
        section = getattr(content, name)
        found.add(section.title)
        if section.lead is not None:
            found.add(section.lead.text)
        found.update(section.lines)
    for texts in content.texts.values():
        found.update(v for k, v in texts.items() if k != "source")
        found.add(texts["source"])
    return found


def english_of(folder: Path, library: ExerciseLibrary, catalog: Catalog) -> set[str]:
    if folder == paths.exercises_dir():
        return english_sentences(library)
    if folder == paths.builtin_routines_dir():
        builtin = tuple(r for r in catalog.routines if r.builtin)
        return english_sentences({}, builtin) - english_sentences(library)
    return safety_sentences()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("folder", content_folders(), ids=lambda f: f.name)
def test_every_sentence_is_translated_and_none_is_stale(
    language: str, folder: Path, library: ExerciseLibrary, catalog: Catalog
) -> None:
    found = read_sentences(translations_file(folder, language), language)
    english = english_of(folder, library, catalog)
    assert set(found.table) - english == set(), "a translated sentence no longer in English"
    assert english - set(found.table) == set(), "an English sentence without a translation"


@pytest.mark.parametrize("language", LANGUAGES)
def test_citations_and_placeholders_are_kept(language: str) -> None:
    say, problems = builtin_sentences(language, content_folders())
    assert problems == []
    changed = []
    for english, text in say.table.items():
        if sorted(cited_keys(english)) != sorted(cited_keys(text)):
            changed.append(f"citations: {english[:50]!r}")
        if set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(text)):
            changed.append(f"placeholders: {english[:50]!r}")
    assert not changed, "\n".join(changed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_source_in_the_language_is_a_known_source(language: str) -> None:
    sources = load_sources(paths.content_file().parent / "sources.toml")
    say, _problems = builtin_sentences(language, content_folders())
    for english, keys in say.sources.items():
        assert english in say.table, english
        for key in keys.replace(",", " ").split():
            assert key in sources, key


def test_a_translated_safety_line_keeps_its_sources_and_adds_the_languages(
    catalog: Catalog,
) -> None:
    content = load_content(paths.content_file())
    say, _problems = builtin_sentences("es", content_folders())
    spanish = content_in(content, say)
    stay, bed = spanish.keep_active.items[0], spanish.keep_active.items[1]
    assert stay.keys == ("NHS-BACK", "NICE", "SMS-LUMBAR")
    # the Spanish page says bed rest is not recommended, not that it makes back pain worse
    assert bed.text.startswith("Pasar mucho tiempo en la cama")
    assert bed.keys == ("NHS-BACK", "CSP")
    assert "Servicio Murciano de Salud" in spanish.keep_active.source
    assert spanish.sources_of("advice").endswith(i18n._("the app's own choice"))


def test_a_sentence_without_a_translation_stays_english(library: ExerciseLibrary) -> None:
    say = Sentences("de", {"Pelvic tilts": "Beckenkippen"})
    german = library_in(library, say)
    assert german["pelvic-tilt"].title == "Beckenkippen"
    assert german["pelvic-tilt"].instructions == library["pelvic-tilt"].instructions
    assert library_in(library, ENGLISH) == library


def test_a_broken_translation_file_is_named_and_the_content_stays_english(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "exercises"
    (folder / "translations").mkdir(parents=True)
    (folder / "translations" / "de.toml").write_text('[sentences]\n"A" = 3\n', encoding="utf-8")
    with pytest.raises(RoutineError, match="translation is empty"):
        read_sentences(translations_file(folder, "de"), "de")
    say, problems = builtin_sentences("de", (folder,))
    assert say.table == {} and problems and "de.toml" in problems[0]
    assert builtin_sentences("it", (folder,))[0].table == {}  # no file: English


ROUTINE = """\
id = "mine"
title = "My mornings"
description = "Two easy ones."

[[step]]
exercise = "march-in-place"
phase = "warmup"

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
title = "Knee hug"

[translation.de]
"My mornings" = "Meine Morgen"
"Knee hug" = "Knie umarmen"
"""


def test_a_routine_file_carries_its_own_translations(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    routine = load_routine(path, library)
    say, _problems = builtin_sentences("de", content_folders())
    german = routine_in(routine, say)
    assert german.title == "Meine Morgen"
    assert german.description == "Two easy ones."  # not translated: English
    assert german.steps[1].title == "Knie umarmen"
    assert german.steps[0].title == say("March on the spot")  # the built-in translation
    draft = draft_from_table(parse_toml_text(ROUTINE, "mine"))
    again = parse_toml_text(to_toml(draft), "again")
    assert again["translation"] == {
        "de": {"My mornings": "Meine Morgen", "Knee hug": "Knie umarmen"}
    }


def test_a_routine_files_translation_table_is_checked(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(ROUTINE.replace('"Knie umarmen"', "3"), encoding="utf-8")
    with pytest.raises(RoutineError, match=r"translation\.de.*must be text"):
        load_routine(path, library)


def test_the_pseudo_translation_wraps_every_sentence_once(library: ExerciseLibrary) -> None:
    say = Sentences(i18n.PSEUDO)
    once = library_in(library, say)
    twice = library_in(once, say)
    assert once == twice
    assert all(e.title.startswith("[!!") for e in once.values())
