"""The latest change known to each field of a session read from another computer: its file's
values kept on its row, a later change as a row of sync_field; both computers know the same."""

from __future__ import annotations

from pathlib import Path

from stretchdesk.history.sync import fields
from tests.history.sync.computers import computers, settle


def test_a_new_session_s_fields_are_known_from_its_row_then_a_change_wins(
    tmp_path: Path,
) -> None:
    home, work = computers(tmp_path, tmp_path / "Sync")
    try:
        sid = home.session(0, note="first", pain=True)
        home.run()
        assert work.run().sessions == 1
        conn = work.store.conn
        assert conn.execute("SELECT COUNT(*) FROM sync_field").fetchone()[0] == 0
        (uid,) = conn.execute("SELECT uid FROM session").fetchone()
        assert fields.known(conn, uid) == fields.known(home.store.conn, uid)
        assert fields.known(conn, uid)["note"][0] == "first"
        home.clock.advance(60)
        home.store.set_note(sid, "later")
        settle([home, work])
        assert conn.execute("SELECT field FROM sync_field").fetchall() == [("note",)]
        assert fields.known(conn, uid) == fields.known(home.store.conn, uid)
        assert fields.known(conn, uid)["note"][0] == "later"
        assert work.sessions()[0][3] == "later"
        # a change back from this computer goes out and is known on both
        work.clock.advance(120)
        work.store.set_pain(conn.execute("SELECT id FROM session").fetchone()[0], after=1)
        settle([home, work])
        assert fields.known(conn, uid) == fields.known(home.store.conn, uid)
        assert home.state() == work.state()
        assert home.sessions()[0][4] == 1
    finally:
        home.store.close()
        work.store.close()
