"""Two real Syncthing instances on 127.0.0.1, each with a stretchdesk history of its own
beside it: sessions finished on both appear in both histories and exports, once; a note
reaches the other; both changing one session end the same; kill -9 of either app and of
either Syncthing at random moments loses nothing and duplicates nothing."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history.sync import SyncFolder
from tests.history.sync.computers import Clock, Computer
from tests.history.sync.syncthing import Instance, pair, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.needs("syncthing", package="syncthing")]
CHILD_SECONDS = 120


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Instance, Instance]]:
    with pair(tmp_path_factory.mktemp("syncthing")) as both:
        yield both


def _computer(data: Path, folder: Path, name: str) -> Computer:
    folder.mkdir(exist_ok=True)
    store, _notices = HistoryStore.open(data / "history.sqlite")
    clock = Clock()
    return Computer(name, store, SyncFolder(folder, data, now=clock, computer=name), clock)


def _in_step(
    machines: tuple[Computer, ...], engines: tuple[Instance, Instance], count: int
) -> None:
    def same() -> bool:
        for machine in machines:
            machine.run()
        states = [m.state() for m in machines]
        return len(states[0]) == count and all(s == states[0] for s in states)

    wait_until(same, engines)


def test_sessions_notes_and_changes_reach_the_other(
    engines: tuple[Instance, Instance], tmp_path: Path
) -> None:
    one, two = engines
    home = _computer(tmp_path / "home", one.folder / "notes", "home")
    work = _computer(tmp_path / "work", two.folder / "notes", "work")
    both = (home, work)
    sid = home.session(0)
    home.session(30, pain=True)
    work.session(60)
    _in_step(both, engines, 3)
    for machine in both:
        exported = machine.exported()
        assert len(exported) == 3
        assert sorted(s["computer"] for s in exported) == ["home", "home", "work"]
    home.clock.advance(600)
    home.store.set_note(sid, "the left side pulled")
    wait_until(lambda: [m.run() for m in both] and work.state() == home.state(), engines)
    assert "the left side pulled" in [row[3] for row in work.sessions()]
    # both change the same session before either hears of the other's change
    (wid,) = work.store.conn.execute(
        "SELECT id FROM session WHERE uid = (SELECT uid FROM session WHERE note IS NOT NULL)"
    ).fetchone()
    home.clock.advance(60)
    work.clock.advance(700)  # the later one
    home.store.set_note(sid, "written at home")
    work.store.set_note(wid, "written at work")
    home.store.set_pain(sid, after=5)
    home.run()
    work.run()
    _in_step(both, engines, 3)
    notes = {row[3] for row in home.sessions()}
    assert "written at work" in notes and "written at home" not in notes
    assert 5 in {row[4] for row in work.sessions()}
    for machine in both:
        machine.store.close()


def _child(
    data: Path, folder: Path, name: str, wanted: int, *, last: bool = False
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.history.sync.sync_child",
            str(data),
            str(folder),
            name,
            str(wanted),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if last else subprocess.DEVNULL,
    )


def test_kill_9_of_either_app_or_engine_loses_and_duplicates_nothing(
    engines: tuple[Instance, Instance], tmp_path: Path
) -> None:
    rng = random.Random(37)
    # (a folder of its own inside the shared one: the other test's sessions are not here)
    sides = ((tmp_path / "home", engines[0], "home"), (tmp_path / "work", engines[1], "work"))
    wanted = 0
    for round_ in range(4):
        wanted += 40
        children = [_child(data, e.folder / "kill", name, wanted) for data, e, name in sides]
        victim = engines[round_ % 2]
        for child in children:
            assert child.stdout is not None
            for _ in range(rng.randint(1, 30)):  # sessions done before the kill
                child.stdout.readline()
            child.kill()  # SIGKILL, at whatever it was doing next
            child.wait(timeout=CHILD_SECONDS)
            child.stdout.close()
        victim.kill()  # and one of the engines, while the files come and go
        victim.start()
    for data, engine, name in sides:  # the last start of each app runs to its end
        child = _child(data, engine.folder / "kill", name, wanted, last=True)
        _out, err = child.communicate(timeout=CHILD_SECONDS)
        assert child.returncode == 0, err.decode()
    machines = tuple(_computer(data, e.folder / "kill", name) for data, e, name in sides)
    own = [
        m.store.conn.execute("SELECT COUNT(*) FROM session WHERE device IS NULL").fetchone()[0]
        for m in machines
    ]
    assert all(count >= wanted for count in own)
    _in_step(machines, engines, sum(own))
    for machine in machines:
        uids = [row[0] for row in machine.sessions()]
        assert len(uids) == len(set(uids)) == sum(own)
        assert len(machine.exported()) == sum(own)
        machine.store.close()


def test_a_routine_with_pictures_follows_and_so_does_its_deletion(
    engines: tuple[Instance, Instance], tmp_path: Path
) -> None:
    from PIL import Image  # noqa: PLC0415

    from stretchdesk.history.sync.device import device_id  # noqa: PLC0415
    from stretchdesk.history.sync.routines import RoutineSharing  # noqa: PLC0415

    one, two = engines
    sides = []
    for name, engine in (("home", one), ("work", two)):
        data = tmp_path / name
        (data / "routines").mkdir(parents=True)
        folder = engine.folder / "routines-test"
        folder.mkdir(exist_ok=True)
        sides.append(RoutineSharing(folder, data, data / "routines", device_id(data)))
    home, work = sides
    pictures = home.routines / "mine-pictures" / "tilt"
    pictures.mkdir(parents=True)
    for n in (1, 2, 3):
        Image.new("RGB", (64, 48), (40 * n, 90, 120)).save(pictures / f"{n:02d}.png")
    (home.routines / "mine.toml").write_text(
        'id = "mine"\ntitle = "Mine"\n\n[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n'
        'image = "mine-pictures/tilt"\n'
    )
    came = work.routines / "mine-pictures" / "tilt"

    def arrived() -> bool:
        home.run()
        work.run()
        return (work.routines / "mine.toml").exists()

    wait_until(arrived, engines)
    assert sorted(p.name for p in came.iterdir()) == ["01.png", "02.png", "03.png"]
    assert (came / "02.png").read_bytes() == (pictures / "02.png").read_bytes()
    (home.routines / "mine.toml").unlink()

    def gone() -> bool:
        home.run()
        work.run()
        return not (work.routines / "mine.toml").exists()

    wait_until(gone, engines)
    assert (work.routines / "deleted" / "mine.toml").is_file()
    assert not (work.routines / "mine-pictures").exists()
