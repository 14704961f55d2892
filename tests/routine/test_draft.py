"""Drafts: written as routine files that read back the same, and checked like ``check``."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.routine import Catalog, ExerciseLibrary, Phase, load_routine
from stretchdesk.routine.content import sources_path
from stretchdesk.routine.draft import (
    OWN_SOURCE,
    Draft,
    DraftStep,
    check_draft,
    draft_from_table,
    free_id,
    slug,
    suggested_phase,
    to_toml,
)
from stretchdesk.routine.sources import load_sources
from stretchdesk.routine.tomlfile import read_toml

SOURCES = load_sources(sources_path(paths.content_file()))


def small(**head: str) -> Draft:
    values = {"id": "my-routine", "title": "My routine", "source": OWN_SOURCE} | head
    return Draft(
        **values,
        steps=(
            DraftStep("march-in-place", Phase.WARMUP, (("duration", 60),)),
            DraftStep("knee-to-chest", Phase.STRETCH, (("hold", 15), ("reps", 3))),
        ),
    )


def test_every_builtin_routine_survives_a_round_trip(catalog: Catalog, library: ExerciseLibrary):
    for routine in catalog.routines:
        assert routine.path is not None
        data = read_toml(routine.path)
        draft = draft_from_table(data)
        text = to_toml(draft)
        assert tomllib.loads(text) == {"format": 1, **data}
        again, problems = check_draft(draft, library, SOURCES, "copy.toml")
        assert problems == []
        assert again is not None
        assert again.steps == routine.steps
        assert again.active_seconds == routine.active_seconds


def test_text_with_quotes_new_lines_and_other_scripts_is_kept(library: ExerciseLibrary):
    draft = small(
        title='Dr "Ana" Müller’s plan\\ 2',
        author="Prescribed by Ana Müller, physiotherapist",
        note="For 2 weeks.\nThen come back. Thanks",
        description="Nach dem Aufwärmen: sanfte Dehnungen. 毎日",
    )
    data = tomllib.loads(to_toml(draft))
    assert data["title"] == draft.title
    assert data["note"] == draft.note
    assert data["description"] == draft.description
    routine, problems = check_draft(draft, library, SOURCES, "mine.toml")
    assert problems == []
    assert routine is not None
    assert (routine.author, routine.note) == (draft.author, draft.note.strip())


def test_numbers_are_written_as_a_person_would(library: ExerciseLibrary):
    step = DraftStep("knee-to-chest", Phase.STRETCH, (("hold", 12.5), ("reps", 2), ("rest", 10.0)))
    text = to_toml(Draft("a", "A", steps=(DraftStep("pelvic-tilt", Phase.WARMUP), step)))
    assert "hold = 12.5\n" in text
    assert "rest = 10\n" in text
    assert "format = 1\n" in text.splitlines(keepends=True)[0]


def test_check_gives_the_same_messages_as_the_command(library: ExerciseLibrary, tmp_path: Path):
    bad = Draft(
        "bad",
        "Bad",
        source="my guess",
        steps=(
            DraftStep("knee-to-chest", Phase.STRETCH),
            DraftStep("pelvic-tilt", Phase.WARMUP, (("reps", 500),)),
        ),
    )
    routine, problems = check_draft(bad, library, SOURCES, "bad.toml")
    assert routine is None
    path = tmp_path / "bad.toml"
    path.write_text(to_toml(bad), encoding="utf-8")
    with pytest.raises(Exception) as raised:
        load_routine(path, library)
    from_file = [p.message for p in raised.value.problems]  # type: ignore[attr-defined]
    assert [p.message for p in problems] == from_file
    assert any("before the last warm-up" in m for m in from_file)
    assert any('"reps" of 500 is too many' in m for m in from_file)
    # A source that names nothing is refused as the command refuses it.
    fine_steps = small(source="my guess")
    _, cited = check_draft(fine_steps, library, SOURCES, "x.toml")
    assert cited and "source names no page" in cited[0].message


def test_a_newer_format_is_refused_with_a_way_out(library: ExerciseLibrary, tmp_path: Path):
    path = tmp_path / "new.toml"
    path.write_text(to_toml(small()).replace("format = 1", "format = 2"), encoding="utf-8")
    with pytest.raises(Exception, match="routine format 2, made by a newer stretchdesk"):
        load_routine(path, library)


def test_ids_and_phases():
    assert slug("Évening — unwind (2 weeks)") == "evening-unwind-2-weeks"
    assert slug("…") == "my-routine"
    assert free_id("Quick relief", {"quick-relief", "quick-relief-2"}) == "quick-relief-3"


def test_suggested_phase_holds_are_stretches(library: ExerciseLibrary):
    assert suggested_phase(library["knee-to-chest"]) is Phase.STRETCH
    assert suggested_phase(library["pelvic-tilt"]) is Phase.WARMUP
    assert suggested_phase(library["march-in-place"]) is Phase.WARMUP
