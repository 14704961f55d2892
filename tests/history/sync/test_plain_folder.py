"""One history across computers through a plain shared folder: no sync engine, the files
copied (or not) by the test in any order, half written, or as conflict copies."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.sync import SyncFolder, outbox
from stretchdesk.history.sync.names import ROOT, parse_name, temp_name
from tests.history.sync.computers import Computer, computers, files, settle


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[list[Computer]]:
    made = computers(tmp_path, tmp_path / "Sync")
    yield made
    for machine in made:
        machine.store.close()


def test_sessions_on_both_appear_on_both_once(pair: list[Computer]) -> None:
    home, work = pair
    home.session(0, note="morning")
    work.session(60)
    work.session(120, pain=True)
    settle(pair, rounds=3)
    assert home.state() == work.state()
    assert len(home.state()) == 3
    assert [s["computer"] for s in work.exported()] == ["home", "work", "work"]
    assert len(home.exported()) == 3
    assert home.run().written == 0  # nothing new: nothing written, nothing read
    assert home.run().sessions == 0


def test_a_note_added_later_reaches_the_other(pair: list[Computer]) -> None:
    home, work = pair
    sid = home.session(0)
    settle(pair)
    home.clock.advance(60)
    home.store.set_note(sid, "it pulled on the left")
    settle(pair)
    assert work.sessions()[0][3] == "it pulled on the left"
    # a note on the other computer's session goes back the other way
    (other,) = work.store.conn.execute("SELECT id FROM session").fetchone()
    work.clock.advance(120)
    work.store.set_note(other, "better the next day")
    settle(pair)
    assert home.sessions()[0][3] == "better the next day"
    assert home.state() == work.state()


def test_both_changing_one_session_end_the_same_the_later_winning(
    pair: list[Computer],
) -> None:
    home, work = pair
    sid = home.session(0, pain=True)
    settle(pair)
    (wid,) = work.store.conn.execute("SELECT id FROM session").fetchone()
    home.clock.advance(600)
    work.clock.advance(610)  # the later change
    home.store.set_note(sid, "from home")
    home.store.set_pain(sid, after=4)
    work.store.set_note(wid, "from work")
    work.store.set_outcome(wid, SessionOutcome.ENDED_EARLY)  # it was not pain
    home.run()
    work.run()
    settle(pair)
    assert home.state() == work.state()
    (row,) = home.state()
    assert row[2:5] == ("ended_early", "from work", 4)
    assert row[6] is None  # the pain report went with "it was not pain", on both


def test_at_the_same_moment_the_greater_device_wins(pair: list[Computer]) -> None:
    home, work = pair
    sid = home.session(0)
    settle(pair)
    (wid,) = work.store.conn.execute("SELECT id FROM session").fetchone()
    home.store.set_note(sid, "home")
    work.store.set_note(wid, "work")
    home.run()
    work.run()
    settle(pair)
    winner = max(pair, key=lambda m: m.sync.device).name
    assert home.sessions()[0][3] == work.sessions()[0][3] == winner


def test_files_arriving_in_any_order(tmp_path: Path) -> None:
    home, work = computers(tmp_path, tmp_path / "home-folder")
    late = computers(tmp_path / "late", tmp_path / "late-folder", ("late",))[0]
    sid = home.session(0, pain=True)
    home.session(30)
    home.run()
    home.clock.advance(60)
    home.store.set_note(sid, "first")
    home.store.rate_pain_report(1, 6)
    home.run()
    home.clock.advance(60)
    home.store.set_note(sid, "second")
    home.run()
    written = files(tmp_path / "home-folder")
    # the changes first, newest first, the sessions last, a pass after each file
    for arrival, path in enumerate(reversed(written), start=1):
        target = tmp_path / "late-folder" / path.relative_to(tmp_path / "home-folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        # each file changes its folder's time, as a rename into it does (an old time: trusted)
        os.utime(target.parent, ns=(0, arrival * 1_000_000_000))
        late.run(write=False)
    assert late.state() == home.state()
    assert late.sessions()[0][3] == "second"
    late.store.close()
    work.store.close()
    home.store.close()


def test_a_half_written_file_is_skipped_then_read(pair: list[Computer], tmp_path: Path) -> None:
    home, work = pair
    home.session(0)
    home.run()
    (path,) = files(tmp_path / "Sync")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    report = work.run()
    assert [reason for _name, reason in report.skipped] == ["it is not complete or not readable"]
    assert work.sessions() == []
    path.write_bytes(whole)  # (in place: its folder's time may not change)
    assert work.run().sessions == 1
    assert work.run().skipped == []


def test_conflict_copies_are_merged_never_shown_twice(pair: list[Computer], tmp_path: Path) -> None:
    home, work = pair
    sid = home.session(0)
    home.run()
    home.clock.advance(5)
    home.store.set_note(sid, "a note")
    home.run()
    for path in files(tmp_path / "Sync"):
        stem = path.name.removesuffix(".json")
        for copy in (
            f"{stem}.sync-conflict-20261102-081500-ABCDEF7.json",
            f"{stem} (conflicted copy 2026-11-02 081500).json",
            f"{stem}_conflict-20261102-081500.json",
        ):
            assert parse_name(copy) is not None
            shutil.copy2(path, path.with_name(copy))
        path.unlink()  # only the copies are left
    assert work.run().sessions == 1
    assert work.run().sessions == 0
    assert work.sessions()[0][3] == "a note"
    assert len(work.exported()) == 1


def test_unreadable_files_are_skipped_with_a_reason_and_the_rest_read(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    home.session(0)
    home.session(30)
    home.run()
    first, second = files(tmp_path / "Sync")
    newer = first.read_text().replace('"version":1', '"version":9')
    first.write_text(newer)
    folder = second.parent
    hostile = {
        f"s.{home.sync.device}.{'a' * 32}.json": b"[" * 100_000,
        f"s.{home.sync.device}.{'b' * 32}.json": b'{"format":"stretchdesk-sync","version":1}',
        f"s.{home.sync.device}.{'c' * 32}.json": second.read_bytes().replace(
            b'"pain_before":3', b'"pain_before":99'
        ),
        f"s.{home.sync.device}.{'d' * 32}.json": b"x" * (1024 * 1024 + 1),
    }
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
    (folder / f"s.{home.sync.device}.{'e' * 32}.json").symlink_to("/dev/zero")
    # a whole, valid session under another session's name
    (folder / f"s.{home.sync.device}.{'9' * 32}.json").write_bytes(second.read_bytes())
    (folder / temp_name(second.name)).write_bytes(b"half")  # a temporary name: not read
    report = work.run()
    assert report.sessions == 1
    reasons = sorted(reason for _name, reason in report.skipped)
    assert len(reasons) == 7
    assert "it does not hold what its name says" in reasons
    assert "it was written by a newer version of stretchdesk" in reasons
    assert "it is larger than 1 MiB" in reasons
    assert any(r.startswith("it holds a wrong value") for r in reasons)
    assert any(r.startswith("it cannot be opened") for r in reasons)
    assert len(work.run().skipped) == 7  # tried again, still skipped, nothing else changes


def test_turned_off_nothing_is_written_and_what_came_is_kept(pair: list[Computer]) -> None:
    home, work = pair
    home.session(0)
    settle(pair)
    work.session(60)
    assert work.run(write=False).written == 0
    assert len(work.sessions()) == 2
    assert not (work.sync.root / work.sync.device).exists()


def test_a_kill_between_writing_and_noting_duplicates_nothing(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    home.session(0)
    items = outbox.unshared_sessions(home.store.conn, home.sync.device, "home")
    for item in items:
        home.sync._write(item.record)  # written, then "killed" before the history noted it
    home.run()
    work.run()
    assert len(files(tmp_path / "Sync" / ROOT)) == 1
    assert len(work.sessions()) == 1


def test_a_history_from_before_gets_ids_and_is_shared(tmp_path: Path) -> None:
    home, work = computers(tmp_path, tmp_path / "Sync")
    home.session(0)
    home.store.conn.execute("UPDATE session SET uid = NULL")  # as the migration found it
    home.store.conn.execute("UPDATE session SET uid = lower(hex(randomblob(16)))")
    settle([home, work])
    assert home.state() == work.state()
    home.store.close()
    work.store.close()


def test_a_change_after_a_kill_before_noting_still_reaches_the_other(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    sid = home.session(0, note="first")
    (item,) = outbox.unshared_sessions(home.store.conn, home.sync.device, "home")
    home.sync._write(item.record)  # the file is in the folder; then a kill
    work.run()  # and the other computer read it at once
    home.clock.advance(600)
    home.store.set_note(sid, "second")  # changed before the next start's pass
    settle(pair)
    assert work.sessions()[0][3] == home.sessions()[0][3] == "second"
    assert len(files(tmp_path / "Sync", lambda p: p.name.startswith("s."))) == 1


def test_a_folder_read_whole_is_not_listed_again_until_it_changes(
    pair: list[Computer], tmp_path: Path
) -> None:
    home, work = pair
    home.session(0)
    home.run()
    (path,) = files(tmp_path / "Sync")
    os.utime(path.parent, ns=(0, 10**9))  # long settled
    assert work.run().sessions == 1
    # the app started again: what was read whole is known from the history
    work.sync = SyncFolder(work.sync.folder, work.store.path.parent, computer="work")
    listed: list[str] = []
    scan = work.sync._scan
    real = scan.files
    scan.files = lambda folder, device: listed.append(folder) or real(folder, device)  # type: ignore[method-assign]
    assert work.run().sessions == 0
    assert listed == []  # its time has not changed: not listed
    home.session(30)
    home.run()
    assert work.run().sessions == 1 and listed  # a file came: listed, read
