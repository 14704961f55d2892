"""The person's own routines follow them: made on one computer, there on the other; an
edit on one replaces the other's copy; an edit on both is kept as two routines."""

from __future__ import annotations

from pathlib import Path

from stretchdesk.history.sync.device import device_id
from stretchdesk.history.sync.routines import ROUTINES, RoutineSharing

ROUTINE = 'id = "{id}"\ntitle = "{title}"\n\n[[step]]\nexercise = "pelvic-tilt"\n'


def _pair(tmp_path: Path) -> tuple[RoutineSharing, RoutineSharing]:
    made = []
    for name in ("home", "work"):
        data = tmp_path / name
        (data / "routines").mkdir(parents=True)
        made.append(RoutineSharing(tmp_path / "Sync", data, data / "routines", device_id(data)))
    home, work = made
    return home, work


def _write(side: RoutineSharing, name: str, title: str) -> None:
    (side.routines / f"{name}.toml").write_text(ROUTINE.format(id=name, title=title))


def _titles(side: RoutineSharing) -> dict[str, str]:
    found = {}
    for path in sorted(side.routines.glob("*.toml")):
        text = path.read_text()
        found[path.stem] = text.split('title = "')[1].split('"')[0]
        assert f'id = "{path.stem}"' in text  # each file's id is its name
    return found


def _passes(*sides: RoutineSharing) -> None:
    for _ in range(3):
        for side in sides:
            side.run()


def test_a_routine_made_on_one_appears_on_the_other_and_follows_its_edits(
    tmp_path: Path,
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    assert _titles(work) == {"my-back": "My back"}
    _write(work, "my-back", "My back, longer")  # changed at work only
    _passes(work, home)
    assert _titles(home) == _titles(work) == {"my-back": "My back, longer"}


def test_an_edit_on_both_is_kept_as_two_routines(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    _write(home, "my-back", "Edited at home")
    _write(work, "my-back", "Edited at work")
    _passes(home, work)
    _passes(home, work)
    assert sorted(_titles(home).values()) == ["Edited at home", "Edited at work"]
    assert sorted(_titles(work).values()) == ["Edited at home", "Edited at work"]
    assert len(_titles(home)) == len(_titles(work)) == 2  # and no third copy, ever


def test_a_half_synced_version_waits(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    home.run()
    (sent,) = (tmp_path / "Sync" / ROUTINES).rglob("*.toml")
    whole = sent.read_bytes()
    sent.write_bytes(whole[:10])
    report = work.run()
    assert report.skipped and _titles(work) == {}
    sent.write_bytes(whole)
    assert work.run().added == ["my-back.toml"]


def _deleted(side: RoutineSharing) -> list[str]:
    return sorted(p.name for p in (side.routines / "deleted").glob("*.toml"))


def test_a_routine_deleted_on_one_goes_from_the_other_too(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _write(home, "my-neck", "My neck")
    _passes(home, work)
    (home.routines / "my-back.toml").unlink()  # (the window puts it in the wastebasket)
    home.run()
    report = work.run()
    assert report.removed == ["my-back.toml"]
    assert _titles(work) == _titles(home) == {"my-neck": "My neck"}
    assert _deleted(work) == ["my-back.toml"]  # it can be put back by hand
    _passes(home, work)
    assert _titles(work) == _titles(home) == {"my-neck": "My neck"}
    assert len(list((tmp_path / "Sync" / ROUTINES).rglob("*.toml"))) == 3  # sent once


def test_a_routine_changed_while_deleted_elsewhere_is_kept_on_both(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    (home.routines / "my-back.toml").unlink()
    _write(work, "my-back", "Changed at work")
    _passes(home, work)
    assert _titles(home) == _titles(work) == {"my-back": "Changed at work"}


def test_a_routine_put_back_after_its_deletion_comes_back_on_the_other(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    kept = (home.routines / "my-back.toml").read_bytes()
    (home.routines / "my-back.toml").unlink()
    _passes(home, work)
    assert _titles(work) == {}
    (home.routines / "my-back.toml").write_bytes(kept)  # out of the wastebasket
    _passes(home, work)
    assert _titles(work) == _titles(home) == {"my-back": "My back"}
    (work.routines / "my-back.toml").unlink()  # and deleted again, on the other one
    _passes(work, home)
    assert _titles(work) == _titles(home) == {}


def test_a_computer_that_joins_later_does_not_get_deleted_routines(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    home.run()
    (home.routines / "my-back.toml").unlink()
    home.run()
    assert work.run().added == []
    assert _titles(work) == {} and not (work.routines / "deleted").exists()
    _passes(home, work)
    assert _titles(work) == _titles(home) == {}


def test_a_missing_routines_folder_deletes_nothing(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    (home.routines / "my-back.toml").rename(tmp_path / "aside.toml")
    home.routines.rmdir()  # (a folder on a drive that is not there now)
    home.run()
    work.run()
    assert _titles(work) == {"my-back": "My back"}


def test_a_deletion_from_an_older_state_file_and_a_deletion_that_cannot_be_done(
    tmp_path: Path,
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    state = work.state_path.read_text()
    work.state_path.write_text(state.replace(', "gone": {}', ""))  # as an older version kept it
    (home.routines / "my-back.toml").unlink()
    home.run()
    (work.routines / "deleted").write_text("not a folder")
    report = work.run()
    assert report.skipped and _titles(work) == {"my-back": "My back"}  # tried again later
    (work.routines / "deleted").unlink()
    assert work.run().removed == ["my-back.toml"]


def test_after_an_edit_on_both_later_edits_replace_the_copy_never_a_third(
    tmp_path: Path,
) -> None:
    home, work = _pair(tmp_path)
    _write(home, "desk-break", "Desk break")
    _passes(home, work)
    _write(home, "desk-break", "Home version")
    _write(work, "desk-break", "Work version")
    _passes(home, work)
    assert _titles(home) == {"desk-break": "Home version", "desk-break-2": "Work version"}
    assert _titles(work) == {"desk-break": "Work version", "desk-break-2": "Home version"}
    _write(home, "desk-break", "Home version v2")  # its own, edited again
    _passes(home, work)
    assert _titles(work) == {"desk-break": "Work version", "desk-break-2": "Home version v2"}
    _write(work, "desk-break-2", "Home's, edited at work")  # the copy, edited
    _passes(work, home)
    assert _titles(home) == {"desk-break": "Home's, edited at work", "desk-break-2": "Work version"}
    assert _titles(work) == {"desk-break": "Work version", "desk-break-2": "Home's, edited at work"}
    _write(work, "desk-break", "Work version v2")
    _write(home, "desk-break", "Home v3")
    _passes(home, work)
    assert _titles(home) == {"desk-break": "Home v3", "desk-break-2": "Work version v2"}
    assert _titles(work) == {"desk-break": "Work version v2", "desk-break-2": "Home v3"}
    for _ in range(3):
        _passes(home, work)
    assert len(_titles(home)) == len(_titles(work)) == 2


def test_a_routine_deleted_where_the_other_holds_it_as_a_second_routine(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "desk-break", "Desk break")
    _passes(home, work)
    _write(home, "desk-break", "Home version")
    _write(work, "desk-break", "Work version")
    _passes(home, work)
    assert _titles(home) == {"desk-break": "Home version", "desk-break-2": "Work version"}
    (work.routines / "desk-break.toml").unlink()  # work deletes its own
    _passes(work, home)
    assert _titles(home) == {"desk-break": "Home version"}  # its copy there goes too
    assert _deleted(home) == ["desk-break-2.toml"]
    assert _titles(work) == {"desk-break-2": "Home version"}
    _passes(home, work)
    assert _titles(home) == {"desk-break": "Home version"}


def test_another_folder_gets_the_routines_sent_before(tmp_path: Path) -> None:
    home, work = _pair(tmp_path)
    _write(home, "my-back", "My back")
    _passes(home, work)
    moved = [
        RoutineSharing(tmp_path / "Plain", side.state_path.parent, side.routines, side.device)
        for side in (home, work)
    ]
    _passes(*moved)
    sent = sorted(p.name.split(".")[0] for p in (tmp_path / "Plain" / ROUTINES).rglob("*.toml"))
    assert "my-back" in sent
    data = tmp_path / "third"  # a computer that only knows the new folder
    (data / "routines").mkdir(parents=True)
    third = RoutineSharing(tmp_path / "Plain", data, data / "routines", device_id(data))
    third.run()
    assert _titles(third) == {"my-back": "My back"}
    before = len(list((tmp_path / "Plain" / ROUTINES).rglob("*.toml")))
    _passes(*moved, third)
    assert len(list((tmp_path / "Plain" / ROUTINES).rglob("*.toml"))) == before  # once


def test_two_routines_of_one_title_after_an_edit_on_both_are_told_apart(tmp_path: Path) -> None:
    """An edit on both that kept the title: the other's version beside this one says where
    it came from; edited here, it goes back under the title it had there."""
    home, work = _pair(tmp_path)
    _write(home, "desk-break", "Desk break")
    _passes(home, work)
    for side, exercise in ((home, "knee-hug"), (work, "cat-cow")):  # the steps, not the title
        path = side.routines / "desk-break.toml"
        path.write_text(path.read_text().replace("pelvic-tilt", exercise))
    _passes(home, work)
    told = "Desk break (from another computer)"
    assert _titles(home) == _titles(work) == {"desk-break": "Desk break", "desk-break-2": told}
    assert "knee-hug" in (work.routines / "desk-break-2.toml").read_text()
    copy = work.routines / "desk-break-2.toml"
    copy.write_text(copy.read_text().replace("knee-hug", "child-pose"))  # the copy, edited
    _passes(work, home)
    assert "child-pose" in (home.routines / "desk-break.toml").read_text()
    assert _titles(home) == {"desk-break": "Desk break", "desk-break-2": told}
    assert len(_titles(work)) == 2
