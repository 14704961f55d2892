"""A shared routine's pictures follow it: sent once each, taken only when every one has
come whole, put where the routine shows them (or beside, for a second routine), and set
aside with it when it is deleted on the other computer."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from stretchdesk.history.sync.device import device_id
from stretchdesk.history.sync.routine_pictures import BLOBS, LIST
from stretchdesk.history.sync.routines import ROUTINES, RoutineSharing
from stretchdesk.illustration.frames import find_frames
from stretchdesk.routine import ExerciseLibrary
from stretchdesk.routine.loader import load_routine

ROUTINE = (
    'id = "my-back"\ntitle = "{title}"\n\n[[step]]\nexercise = "pelvic-tilt"\n'
    'phase = "warmup"\nimage = "{folder}"\n\n[[step]]\nexercise = "knee-to-chest"\n'
    'phase = "stretch"\n'
)


def _pair(tmp_path: Path) -> tuple[RoutineSharing, RoutineSharing]:
    made = []
    for name in ("home", "work"):
        data = tmp_path / name
        (data / "routines").mkdir(parents=True)
        made.append(RoutineSharing(tmp_path / "Sync", data, data / "routines", device_id(data)))
    return made[0], made[1]


def _draw(folder: Path, shades: tuple[int, ...]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    for n, shade in enumerate(shades, start=1):
        Image.new("RGB", (64, 48), (shade, 90, 120)).save(folder / f"{n:02d}.png")


def _write(side: RoutineSharing, title: str, shades: tuple[int, ...] = (10, 200)) -> None:
    _draw(side.routines / "my-back-pictures" / "tilt", shades)
    text = ROUTINE.format(title=title, folder="my-back-pictures/tilt")
    (side.routines / "my-back.toml").write_text(text)


def _passes(*sides: RoutineSharing) -> None:
    for _ in range(3):
        for side in sides:
            side.run()


def _pictures(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.png"))}


def _blobs(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "Sync" / ROUTINES).glob(f"*/{BLOBS}/*"))


def test_a_routine_s_pictures_come_with_it_and_are_shown(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    _passes(home, work)
    came = work.routines / "my-back-pictures" / "tilt"
    assert _pictures(came) == _pictures(home.routines / "my-back-pictures" / "tilt")
    routine = load_routine(work.routines / "my-back.toml", library)
    frames = find_frames(routine.steps[0], tmp_path)
    assert frames.problem is None and [p.name for p in frames.frames] == ["01.png", "02.png"]
    assert len(_blobs(tmp_path)) == 2  # each picture written once
    assert not [p for p in work.routines.iterdir() if p.name.startswith(".")]  # no leftovers


def test_a_version_waits_until_every_picture_has_come_whole(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    home.run()
    first, second = _blobs(tmp_path)
    whole = second.read_bytes()
    second.unlink()  # not come yet
    report = work.run()
    assert report.skipped and report.skipped[0][1] == "its pictures have not all come yet"
    assert not (work.routines / "my-back.toml").exists()
    second.write_bytes(whole[:-5] + b"12345")  # come, but not the same bytes
    assert work.run().added == []
    second.write_bytes(whole)
    assert work.run().added == ["my-back.toml"]
    assert len(_pictures(work.routines / "my-back-pictures" / "tilt")) == 2
    (list_file,) = (tmp_path / "Sync" / ROUTINES).glob(f"*/*{LIST}")
    assert first.name in list_file.read_text()


def test_an_edit_replaces_the_pictures_and_an_edit_on_both_keeps_both(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    _passes(home, work)
    _write(home, "New pictures", (30, 60, 90))  # three pictures now
    _passes(home, work)
    assert len(_pictures(work.routines / "my-back-pictures" / "tilt")) == 3
    _write(home, "Edited at home", (1, 2))
    _write(work, "Edited at work", (3, 4, 5, 6))
    _passes(home, work)
    for side in (home, work):
        second = side.routines / "my-back-2.toml"
        text = second.read_text()
        assert 'id = "my-back-2"' in text and "my-back-2-pictures/my-back-pictures/tilt" in text
        own = _pictures(side.routines / "my-back-pictures" / "tilt")
        copy = _pictures(side.routines / "my-back-2-pictures" / "my-back-pictures" / "tilt")
        assert sorted([len(own), len(copy)]) == [2, 4]  # each computer's own, and the other's
        shown = find_frames(load_routine(second, library).steps[0], tmp_path)
        assert shown.problem is None and len(shown.frames) == len(copy)


def test_a_deleted_routine_s_pictures_are_set_aside_with_it(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    _passes(home, work)
    (home.routines / "my-back.toml").unlink()
    _passes(home, work)
    assert not (work.routines / "my-back.toml").exists()
    assert not (work.routines / "my-back-pictures").exists()
    assert len(_pictures(work.routines / "deleted" / "my-back-pictures" / "tilt")) == 2


def test_a_hostile_list_of_pictures_is_left_out_for_good(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    folder = home.routines / "deleted" / "tilt"  # a name the routines folder keeps for itself
    _draw(folder, (5,))
    text = ROUTINE.format(title="Odd", folder="deleted/tilt")
    (home.routines / "my-back.toml").write_text(text)
    home.run()
    report = work.run()
    assert report.skipped and report.skipped[0][1] == "its picture folder cannot have that name"
    assert work.run().skipped == []  # said once, not at every pass
    (list_file,) = (tmp_path / "Sync" / ROUTINES).glob(f"*/*{LIST}")
    listed = json.loads(list_file.read_text())
    assert list(listed["folders"]) == ["deleted/tilt"]
    assert not (work.routines / "my-back.toml").exists()


def test_a_list_naming_a_file_outside_its_folder_is_refused(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    home.run()
    (list_file,) = (tmp_path / "Sync" / ROUTINES).glob(f"*/*{LIST}")
    listed = json.loads(list_file.read_text())
    listed["folders"]["my-back-pictures/tilt"][0][0] = "../../escape.png"
    list_file.write_text(json.dumps(listed))
    report = work.run()
    assert report.skipped[0][1] == "its list of pictures cannot be read"
    assert not list(tmp_path.rglob("escape.png"))


def test_a_later_version_replaces_a_copy_with_pictures_in_its_own_folder(
    tmp_path: Path,
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "My back")
    _passes(home, work)
    _write(home, "Edited at home", (1, 2))
    _write(work, "Edited at work", (3, 4, 5, 6))
    _passes(home, work)
    _write(home, "Home again", (7, 8, 9))  # home's own, edited again
    _passes(home, work)
    names = sorted(p.name for p in work.routines.glob("*.toml"))
    assert names == ["my-back-2.toml", "my-back.toml"]  # never a third
    assert 'title = "Home again"' in (work.routines / "my-back-2.toml").read_text()
    copy = work.routines / "my-back-2-pictures" / "my-back-pictures" / "tilt"
    assert len(_pictures(copy)) == 3
    assert len(_pictures(work.routines / "my-back-pictures" / "tilt")) == 4  # its own
    assert not (work.routines / "my-back-2-pictures-2").exists()


def test_pictures_never_take_the_place_of_a_routine_file(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    (work.routines / "other.toml").write_text('id = "other"\ntitle = "Other"\n')
    _draw(home.routines / "other.toml" / "tilt", (5,))  # a folder named as a routine file
    (home.routines / "my-back.toml").write_text(
        ROUTINE.format(title="Odd", folder="other.toml/tilt")
    )
    home.run()
    report = work.run()
    assert report.skipped[0][1] == "its picture folder cannot have that name"
    assert (work.routines / "other.toml").is_file()
    assert not (work.routines / "my-back.toml").exists()
