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
