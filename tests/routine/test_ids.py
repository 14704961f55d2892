"""One rule for ids, used by ``stretchdesk check`` and by the code that names a file, and
ids made from titles in any Latin script."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.routine import ExerciseLibrary, RoutineError, load_catalog
from stretchdesk.routine.draft import free_id, slug
from stretchdesk.routine.ids import MAX_ID_LENGTH, is_id, plain_letters
from stretchdesk.routine.loader import load_routine_text
from stretchdesk.routine.mine import add_to_mine, examine, file_for

STEP = '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n'


@pytest.mark.parametrize(
    ("title", "made"),
    [
        ("Übungen für den Rücken", "ubungen-fur-den-rucken"),
        ("Straße", "strasse"),
        ("Łódź — Ærø, Øresund", "lodz-aero-oresund"),
        ("Œuvre þorn ıi", "oeuvre-thorn-ii"),
        ("Étirements du matin", "etirements-du-matin"),
        ("Ｆｕｌｌ ｗｉｄｔｈ", "full-width"),
        ("Утро", "my-routine"),  # no Latin letters: the usual name
    ],
)
def test_ids_from_accented_titles_keep_their_letters(title: str, made: str) -> None:
    assert slug(title) == made


def test_plain_letters_leave_other_scripts_alone() -> None:
    assert plain_letters("Ünï Утро") == "Uni Утро"


def test_an_id_made_from_a_title_fits_however_long_and_taken() -> None:
    title = "Stretch " * 40
    taken = {slug(title)} | {f"{slug(title)[:50]}-{n}" for n in range(2, 200)}
    made = free_id(title, taken)
    assert is_id(made) and made not in taken
    assert len(made) <= MAX_ID_LENGTH


def test_check_and_save_share_the_id_rule(library: ExerciseLibrary, tmp_path: Path) -> None:
    longest = "a" * MAX_ID_LENGTH
    assert load_routine_text(f'id = "{longest}"\ntitle = "T"\n{STEP}', "t", library).id == longest
    with pytest.raises(RoutineError) as refused:
        load_routine_text(f'id = "{longest}a"\ntitle = "T"\n{STEP}', "t", library)
    assert (
        str(refused.value)
        == f't: "id" is {MAX_ID_LENGTH + 1} characters long; an id has at most {MAX_ID_LENGTH}'
    )
    with pytest.raises(OSError) as unnamed:
        file_for(tmp_path, "a" * 250)
    assert unnamed.value.errno == errno.EINVAL


def test_a_routine_with_the_longest_id_is_added(library: ExerciseLibrary, tmp_path: Path) -> None:
    """The file's name, and the writer's temporary name beside it, fit the file system."""
    longest = "a" * MAX_ID_LENGTH
    sent = tmp_path / "sent.toml"
    sent.write_text(f'id = "{longest}"\ntitle = "T"\n{STEP}', encoding="utf-8")
    catalog = load_catalog(library, paths.builtin_routines_dir())
    found = examine(sent, library, catalog, None)
    assert found.routine is not None
    assert add_to_mine(found, tmp_path / "mine").path == tmp_path / "mine" / f"{longest}.toml"


def test_a_250_character_id_is_refused_before_it_is_offered(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    sent = tmp_path / "sent.toml"
    sent.write_text(f'id = "{"a" * 250}"\ntitle = "T"\n{STEP}', encoding="utf-8")
    found = examine(sent, library, load_catalog(library, paths.builtin_routines_dir()), None)
    assert found.routine is None
    assert [p.message for p in found.problems] == [
        '"id" is 250 characters long; an id has at most 64'
    ]
