"""A routine file's picture folders, as a hostile sender would set them: only real
sub-folders, only regular pictures that pass the check, within limits, and nothing left of
an add that stops; a file swapped for a pipe after the check is added as it was checked."""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.illustration import sent_pictures
from stretchdesk.illustration.sent_pictures import copy_pictures
from stretchdesk.routine import Catalog, ExerciseLibrary, load_catalog, load_routine
from stretchdesk.routine.mine import AddProblem, Examined, add_to_mine, examine, pictures_of
from tests.routine.test_mine import PRESCRIBED

LIMIT_S = 5.0  # each add here takes milliseconds; the defects took minutes, or for ever
FRAMES = paths.assets_dir() / "illustrations" / "pelvic-tilt"


def with_image(folder: str) -> str:
    return PRESCRIBED.replace('phase = "warmup"', f'phase = "warmup"\nimage = "{folder}"')


def sent_file(mail: Path, text: str) -> Path:
    mail.mkdir(parents=True, exist_ok=True)
    path = mail / "from the clinic.stretchdesk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def checked(path: Path, library: ExerciseLibrary, catalog: Catalog | None = None) -> Examined:
    found = examine(path, library, catalog or Catalog(), None)
    assert found.routine is not None, found.problems
    return found


def timed_add(found: Examined, folder: Path) -> list[str]:
    began = time.monotonic()
    add_to_mine(found, folder, copy_pictures)
    assert time.monotonic() - began < LIMIT_S
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_folder_the_file_sits_in_is_not_a_picture_folder(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    mail = tmp_path / "Downloads"
    (mail / "sub").mkdir(parents=True)
    (mail / "private.txt").write_text("secret", encoding="utf-8")
    for folder in (".", "./", "sub/..", "sub/../.."):
        found = examine(sent_file(mail, with_image(folder)), library, Catalog(), None)
        assert found.routine is None, folder
        problems = " ".join(str(p) for p in found.problems)
        assert "sub-folder of the routine file's folder" in problems or "leaves" in problems


def test_a_picture_folder_reached_through_a_link_is_refused(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    private = tmp_path / "home" / ".ssh"
    private.mkdir(parents=True)
    (private / "id_ed25519.png").write_text("PRIVATE KEY", encoding="utf-8")
    mail = tmp_path / "mail"
    (mail / "real").mkdir(parents=True)
    (mail / "away").symlink_to(private)
    (mail / "itself").symlink_to(mail)  # the Downloads folder, under another name
    (mail / "real" / "inner").symlink_to(mail / "real")
    for folder in ("away", "itself", "real/inner"):
        found = examine(sent_file(mail, with_image(folder)), library, Catalog(), None)
        assert found.routine is None, folder
        words = str(found.problems[0])
        assert any(
            reason in words
            for reason in ("reached through a symbolic link", "leaves the routine", "sub-folder")
        ), words
        assert "step 1" in words


def test_only_regular_pictures_of_the_folder_itself_are_copied(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    mail = tmp_path / "mail"
    frames = mail / "pictures"
    frames.mkdir(parents=True)
    shutil.copy(FRAMES / "00.png", frames / "00.png")
    shutil.copy(FRAMES / "01.png", frames / "01.png")
    secret = tmp_path / "id_ed25519"
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    (frames / "02.png").symlink_to(secret)  # the contents of a private key
    (frames / "03.png").symlink_to("/dev/zero")  # would fill the disk
    os.mkfifo(frames / "04.png")  # would wait for ever
    (frames / "05.png").write_bytes(b"not a picture at all" * 10)
    (frames / "notes.txt").write_text("for the physio", encoding="utf-8")
    (frames / "deeper").mkdir()
    shutil.copy(FRAMES / "02.png", frames / "deeper" / "02.png")
    (frames / "linked").symlink_to(tmp_path)  # a whole home folder, into itself
    found = checked(sent_file(mail, with_image("pictures")), library)
    folder = tmp_path / "routines"
    began = time.monotonic()
    added = add_to_mine(found, folder, copy_pictures)
    assert time.monotonic() - began < LIMIT_S
    assert added.path == folder / "from-the-clinic.toml"
    copied = folder / "from-the-clinic-pictures" / "pictures"
    assert sorted(p.name for p in copied.iterdir()) == ["00.png", "01.png"]
    assert not any(p.is_symlink() for p in folder.rglob("*"))
    assert sorted(added.left_out) == [
        "pictures/02.png",
        "pictures/03.png",
        "pictures/04.png",
        "pictures/05.png",
        "pictures/linked",
        "pictures/notes.txt",
    ]
    routine = load_routine(added.path, library)
    assert routine.steps[0].image_dir == copied
    assert sorted(p.name for p in folder.iterdir()) == [
        "from-the-clinic-pictures",
        "from-the-clinic.toml",
    ]


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        ("MAX_PICTURES", 1, "It has more than 1 picture; no more are copied."),
        ("MAX_TOTAL_BYTES", 1024, "Its pictures take more than 0 MiB."),
        ("MAX_NAMES", 1, "holds more than 1 file: it is not a folder of pictures."),
    ],
)
def test_over_a_limit_nothing_is_kept_and_the_reason_is_a_sentence(
    library: ExerciseLibrary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    message: str,
) -> None:
    monkeypatch.setattr(sent_pictures, limit, value)
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    found = checked(sent_file(mail, with_image("pictures")), library)
    folder = tmp_path / "routines"
    with pytest.raises(AddProblem) as raised:
        add_to_mine(found, folder, copy_pictures)
    assert message in str(raised.value)
    assert "[" not in str(raised.value)  # words, not a Python list
    assert list(folder.iterdir()) == []  # no file, no pictures, no hidden folder


def test_a_full_disk_while_copying_keeps_nothing(
    library: ExerciseLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    found = checked(sent_file(mail, with_image("pictures")), library)
    real = sent_pictures._copy_at_most
    copies: list[Path] = []

    def full(reading, target: Path, size: int) -> bool:  # type: ignore[no-untyped-def]
        if copies:
            raise OSError(errno.ENOSPC, "No space left on device")
        copies.append(target)
        return real(reading, target, size)

    monkeypatch.setattr(sent_pictures, "_copy_at_most", full)
    folder = tmp_path / "routines"
    with pytest.raises(OSError, match="No space left"):
        add_to_mine(found, folder, copy_pictures)
    assert copies and list(folder.iterdir()) == []


def test_a_failed_replace_leaves_the_routine_and_its_pictures_as_they_were(
    library: ExerciseLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    folder = tmp_path / "routines"
    first = add_to_mine(
        checked(sent_file(mail, with_image("pictures")), library), folder, copy_pictures
    )
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    text = first.path.read_text(encoding="utf-8")
    catalog = load_catalog(library, paths.builtin_routines_dir(), folder)
    again = checked(sent_file(mail, with_image("pictures")), library, catalog)
    assert again.replaces is not None
    monkeypatch.setattr(sent_pictures, "MAX_PICTURES", 2)
    with pytest.raises(AddProblem):
        add_to_mine(again, folder, copy_pictures)
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before
    assert first.path.read_text(encoding="utf-8") == text
    monkeypatch.undo()
    assert timed_add(again, folder) == before  # replaced whole: the same files, no more


def test_a_routine_replaced_by_one_without_pictures_leaves_none_behind(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    folder = tmp_path / "routines"
    first = add_to_mine(
        checked(sent_file(mail, with_image("pictures")), library), folder, copy_pictures
    )
    assert (folder / f"{first.path.stem}-pictures").is_dir()
    catalog = load_catalog(library, paths.builtin_routines_dir(), folder)
    again = checked(sent_file(mail, PRESCRIBED), library, catalog)
    assert again.replaces is not None and not again.pictures
    assert timed_add(again, folder) == [first.path.name]


def test_the_pictures_of_a_deleted_routine_are_its_own_only(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    mail = tmp_path / "mail"
    shutil.copytree(FRAMES, mail / "pictures")
    folder = tmp_path / "routines"
    add_to_mine(checked(sent_file(mail, with_image("pictures")), library), folder, copy_pictures)
    catalog = load_catalog(library, paths.builtin_routines_dir(), folder)
    mine = catalog.get("from-the-clinic")
    assert mine is not None
    assert pictures_of(mine, folder, catalog.routines) == (folder / "from-the-clinic-pictures",)
    builtin = catalog.get("quick-relief")
    assert builtin is not None and pictures_of(builtin, folder, catalog.routines) == ()


def test_a_file_swapped_for_a_pipe_after_the_check_is_added_as_checked(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    path = sent_file(tmp_path / "mail", PRESCRIBED)
    found = checked(path, library)
    path.unlink()
    os.mkfifo(path)  # nothing ever writes to it: reading it waits for ever
    folder = tmp_path / "routines"
    added: list[Path] = []
    adding = threading.Thread(
        target=lambda: added.append(add_to_mine(found, folder).path), daemon=True
    )
    adding.start()
    adding.join(LIMIT_S)
    if adding.is_alive():
        with path.open("wb"):  # let the waiting read end, so the thread ends too
            pass
        adding.join(LIMIT_S)
        pytest.fail("adding read the file again and waited on the pipe")
    assert added[0].read_text(encoding="utf-8") == PRESCRIBED


def test_a_pipe_or_a_device_sent_as_a_routine_is_refused_at_once(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe.stretchdesk.toml"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero"), tmp_path):
        began = time.monotonic()
        found = examine(path, library, Catalog(), None)
        assert time.monotonic() - began < LIMIT_S
        assert found.routine is None
        assert "not a routine file" in str(found.problems[0]), found.problems
