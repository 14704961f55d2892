"""The sample pages in docs/: the exercise sheet of Lower back spasm relief (pages 1 and 5)
and a report for a physiotherapist over eight weeks of demo history (pages 1 and 2), drawn
from the PDFs the commands write with poppler's pdftoppm: ``make samples``. The demo person
gave no health check answer and was shown one suggestion before a session (and chose "not
today" after another)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stretchdesk import paths
from stretchdesk.history import HistoryStore
from stretchdesk.history.outcome import ShownKind
from stretchdesk.history.shown import Shown, suggestions_shown
from stretchdesk.routine import load_catalog, load_library
from stretchdesk.routine.content import load_content
from stretchdesk.session.advice import Concern, Suggestion
from tools.demo_history import make_demo_history

ROOT = Path(__file__).resolve().parent.parent
END = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


def _run(*args: str) -> None:
    env = {**os.environ, "TZ": "UTC", "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(args, check=True, env=env, capture_output=True, text=True)


def _pages(pdf: Path, pages: list[int], stem: str) -> list[Path]:
    made = []
    for page in pages:
        target = ROOT / "docs" / f"{stem}-{page}"
        _run(
            "pdftoppm",
            "-r",
            "70",
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(target),
        )
        made.append(target.with_suffix(".png"))
    return made


def _shown(store: HistoryStore) -> None:
    """What the window would have kept of what it showed before each session."""
    content = load_content(paths.content_file())
    severe = suggestions_shown([Suggestion(Concern.HIGH_PAIN, (("rating", 8),))], content)
    sessions = store.conn.execute("SELECT id, started_at FROM session ORDER BY started_at")
    with store.transaction() as conn:
        for number, (sid, started) in enumerate(sessions.fetchall()):
            for row in (Shown(ShownKind.HEALTH, ""), *(severe if number == 1 else ())):
                conn.execute(
                    "INSERT INTO shown (session_id, shown_at, kind, name, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (sid, started, row.kind.value, row.name, row.detail),
                )
    store.add_shown(END - timedelta(days=20, hours=10), severe)  # then "not today"


def main() -> int:
    library = load_library(paths.exercises_dir())
    catalog = load_catalog(library, paths.builtin_routines_dir())
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        history = tmp / "data" / "history.sqlite"
        make_demo_history(history, catalog, days=56, end=END, last_stopped="figure-four")
        store, _ = HistoryStore.open(history)
        last = store.conn.execute("SELECT MAX(id) FROM session").fetchone()[0]
        store.set_note(last, "Sharp pain in the right buttock on the figure-4; eased in an hour.")
        _shown(store)
        store.close()
        python = sys.executable
        _run(python, "-m", "stretchdesk", "sheet", "lower-back-spasm", "-o", str(tmp / "s.pdf"))
        start = (END - timedelta(weeks=8)).date().isoformat()
        _run(
            python,
            "-m",
            "stretchdesk",
            "--data-dir",
            str(tmp / "data"),
            "report",
            "--from",
            start,
            "--to",
            END.date().isoformat(),
            "-o",
            str(tmp / "r.pdf"),
        )
        made = _pages(tmp / "s.pdf", [1, 5], "sample-sheet")
        made += _pages(tmp / "r.pdf", [1, 2], "sample-report")
    for path in made:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
