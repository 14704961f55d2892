"""The app never says a command word, so its own voice could not give a command even if it
were heard; and the grammar has every command word once."""

from __future__ import annotations

import re

from stretchdesk import paths
from stretchdesk.listen.words import COMMANDS, OTHER_WORDS, grammar
from stretchdesk.routine import ExerciseLibrary, load_catalog
from stretchdesk.session.cues import Say
from tools.spoken_script import cues_for


def test_nothing_the_app_says_holds_a_command_word(library: ExerciseLibrary) -> None:
    pattern = re.compile(r"\b(" + "|".join(COMMANDS) + r")\b", re.IGNORECASE)
    catalog = load_catalog(library, paths.builtin_routines_dir())
    said = [
        cue.text
        for routine in catalog.routines
        for cue in cues_for(routine)[0]
        if isinstance(cue, Say)
    ]
    assert len(said) > 50
    assert [text for text in said if pattern.search(text)] == []


def test_the_grammar_offers_each_command_and_no_command_as_another_word() -> None:
    text = grammar()
    for word in COMMANDS:
        assert f" {word} " in text or f" {word};" in text
    others = set(OTHER_WORDS.split())
    assert not others & {part for word in COMMANDS for part in word.split()} - {"on"}
