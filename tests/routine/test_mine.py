"""The person's own routine files: saved whole, and files from a clinician checked first."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.illustration.sent_pictures import copy_pictures
from stretchdesk.routine import Catalog, ExerciseLibrary, Phase, load_catalog, load_routine
from stretchdesk.routine.draft import OWN_SOURCE, Draft, DraftStep, to_toml
from stretchdesk.routine.mine import add_to_mine, draft_of, examine, save_draft

PRESCRIBED = """\
# From the clinic: keep this file.
id = "from-the-clinic"
title = "From the clinic"
author = "Prescribed by A. Physio"
note = "For 2 weeks, then come back."
source = "Chosen for you by your physiotherapist: their own choice."

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
hold = 15
"""


def draft() -> Draft:
    return Draft(
        "evening",
        "Evening",
        source=OWN_SOURCE,
        steps=(DraftStep("pelvic-tilt", Phase.WARMUP), DraftStep("knee-to-chest", Phase.STRETCH)),
    )


def test_a_saved_draft_loads_and_is_not_written_over(library: ExerciseLibrary, tmp_path: Path):
    folder = tmp_path / "routines"
    first = save_draft(draft(), folder, None)
    second = save_draft(draft(), folder, None)
    assert (first.name, second.name) == ("evening.toml", "evening-2.toml")
    routine = load_routine(first, library)
    assert routine.title == "Evening"
    assert draft_of(routine) == draft()
    assert sorted(p.name for p in folder.iterdir()) == ["evening-2.toml", "evening.toml"]


def test_a_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "routines"
    path = save_draft(draft(), folder, None)
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        save_draft(Draft("evening", "Changed"), folder, path)
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["evening.toml"]


def test_a_clinicians_file_is_added_as_it_is(library: ExerciseLibrary, tmp_path: Path):
    sent = tmp_path / "mail" / "prescribed.toml"
    sent.parent.mkdir()
    sent.write_text(PRESCRIBED, encoding="utf-8")
    catalog = load_catalog(library, paths.builtin_routines_dir())
    found = examine(sent, library, catalog, None)
    assert found.problems == ()
    assert found.routine is not None
    assert found.routine.author == "Prescribed by A. Physio"
    assert found.routine.note == "For 2 weeks, then come back."
    assert found.replaces is None
    folder = tmp_path / "routines"
    added = add_to_mine(found, folder).path
    assert added == folder / "from-the-clinic.toml"
    assert added.read_text(encoding="utf-8") == PRESCRIBED  # comments and all
    # Sent again, it replaces the person's copy rather than making a second one.
    catalog = load_catalog(library, paths.builtin_routines_dir(), folder)
    again = examine(sent, library, catalog, None)
    assert again.replaces is not None
    assert add_to_mine(again, folder).path == added
    assert len(list(folder.iterdir())) == 1


def test_pictures_come_with_the_file(library: ExerciseLibrary, tmp_path: Path):
    sent = tmp_path / "mail"
    frames = sent / "pictures" / "tilt"
    frames.mkdir(parents=True)
    shutil.copytree(  # the drawings alone, as a person would send them
        paths.assets_dir() / "illustrations" / "pelvic-tilt",
        frames,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("drawn-area"),
    )
    text = PRESCRIBED.replace('phase = "warmup"', 'phase = "warmup"\nimage = "pictures/tilt"')
    (sent / "r.toml").write_text(text, encoding="utf-8")
    catalog = Catalog()
    found = examine(sent / "r.toml", library, catalog, None)
    assert found.routine is not None, found.problems
    folder = tmp_path / "routines"
    added = add_to_mine(found, folder, copy_pictures)
    assert added.left_out == ()
    routine = load_routine(added.path, library)
    assert routine.steps[0].image_dir == (folder / "from-the-clinic-pictures" / "pictures" / "tilt")
    image_dir = routine.steps[0].image_dir
    assert image_dir is not None
    assert sorted(p.name for p in image_dir.iterdir()) == sorted(p.name for p in frames.iterdir())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (PRESCRIBED.replace("pelvic-tilt", "no-such"), "unknown exercise id 'no-such'"),
        (PRESCRIBED.replace('"warmup"', '"stretch"'), "stretches but no warm-up"),
        ("format = 3\n" + PRESCRIBED, "made by a newer stretchdesk"),
        (PRESCRIBED.replace("hold = 15", 'image = "../../etc"'), "leaves the routine's folder"),
        (PRESCRIBED.replace("from-the-clinic", "quick-relief"), "used by a built-in routine"),
        ("x" * (1024 * 1024 + 10), "larger than 1 MiB"),
        (b"id = '\xff'", "is not UTF-8 text"),
    ],
)
def test_bad_files_are_refused_with_the_check_messages(
    library: ExerciseLibrary, catalog: Catalog, tmp_path: Path, content: str | bytes, message: str
):
    sent = tmp_path / "sent.toml"
    if isinstance(content, bytes):
        sent.write_bytes(content)
    else:
        sent.write_text(content, encoding="utf-8")
    found = examine(sent, library, catalog, None)
    assert found.routine is None
    assert any(message in str(p) for p in found.problems), found.problems


def test_a_draft_written_by_hand_style(tmp_path: Path):
    text = to_toml(draft())
    assert text.startswith('format = 1\nid = "evening"\ntitle = "Evening"\n')
    assert '\n[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n' in text
