"""One computer's stretchdesk, as a process a test can kill -9 at any moment: it records
sessions (until its history holds ``wanted`` of its own) and shares them through the folder,
a pass after each session (a line on standard output after each), then one last pass.

    python -m tests.history.sync.sync_child DATA FOLDER NAME WANTED
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stretchdesk.history import HistoryStore
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.sync import SyncFolder


def main(data: Path, folder: Path, name: str, wanted: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)  # (a folder of its own in the shared one)
    store, _notices = HistoryStore.open(data / "history.sqlite")
    sync = SyncFolder(folder, data, computer=name)
    conn = store.conn
    while True:
        (have,) = conn.execute("SELECT COUNT(*) FROM session WHERE device IS NULL").fetchone()
        if have >= wanted:
            break
        began = datetime.now(UTC)
        sid = store.begin_session(
            routine_id=f"{name}-{have}",
            routine_title=name,
            total_steps=1,
            planned_seconds=60,
            started_at=began,
        )
        store.add_step(
            sid,
            position=0,
            routine_step=0,
            exercise_id="pelvic-tilt",
            title="Pelvic tilt",
            phase="warmup",
            status=StepOutcome.COMPLETED,
            started_at=began,
            ended_at=began + timedelta(seconds=1),
            active_seconds=1,
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=began + timedelta(seconds=2),
            active_seconds=2,
        )
        sync.run(conn)
        print(have + 1, flush=True)  # a session done: the test may kill it from here on
    while sync.run(conn).more:
        pass
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
