"""Sessions noted as written are in the folder seen now: another folder chosen, the folder
emptied, or a share's mount point written to while the share was away, every session of
this computer is written there again, once; the same folder writes nothing again."""

from __future__ import annotations

import shutil
from pathlib import Path

from stretchdesk.history.sync import SyncFolder
from stretchdesk.history.sync.same_folder import MARK
from tests.history.sync.computers import computers, files


def _sessions_in(folder: Path) -> list[str]:
    return sorted(p.name for p in files(folder, lambda p: p.name.startswith("s.")))


def test_another_folder_gets_every_session_and_the_same_folder_nothing_again(
    tmp_path: Path,
) -> None:
    (home,) = computers(tmp_path, tmp_path / "Sync", ("home",))
    try:
        for minute in (0, 60, 120):
            home.session(minute, note="left side" if minute == 60 else None)
        home.run()
        first = _sessions_in(tmp_path / "Sync")
        assert len(first) == 3
        assert home.run().written == 0  # the same folder: nothing again
        home.sync = SyncFolder(tmp_path / "Plain", tmp_path / "home", computer="home")
        (tmp_path / "Plain").mkdir()
        home.run()
        assert _sessions_in(tmp_path / "Plain") == first  # sessions from before the switch
        assert home.run().written == 0
        (work,) = computers(tmp_path, tmp_path / "Plain", ("work",))
        work.run()
        notes = [row[3] for row in work.sessions()]
        assert len(notes) == 3 and "left side" in notes
        work.store.close()
    finally:
        home.store.close()


def test_an_emptied_folder_or_a_share_that_was_away_gets_the_sessions_again(
    tmp_path: Path,
) -> None:
    share = tmp_path / "Sync"
    (home,) = computers(tmp_path, share, ("home",))
    try:
        home.session(0)
        home.run()
        shutil.rmtree(share / "stretchdesk-history")  # emptied (or a new disk)
        home.run()
        assert len(_sessions_in(share)) == 1
        real = share.rename(tmp_path / "away")  # the share not mounted: an empty mount point
        share.mkdir()
        home.session(60)
        home.run()  # written under the mount point
        shutil.rmtree(share)
        real.rename(share)  # the share is back, without the session written meanwhile
        home.run()
        assert len(_sessions_in(share)) == 2
        (mark,) = share.rglob(MARK)
        assert home.run().written == 0
        assert mark.is_file()
    finally:
        home.store.close()
