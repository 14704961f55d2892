"""Paper under hostile input: a framed block taller than a page, a settings file that is a
pipe, a routine of a hundred steps, words with no place to break in the report. Each ends in
bounded time with the whole text on the pages, or a sentence, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from stretchdesk.history import HistoryStore
from stretchdesk.history.outcome import SessionOutcome, ShownKind
from stretchdesk.history.shown import Shown
from stretchdesk.ui.printing.pdf import write_document

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60.0  # seconds: each case takes about one


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchdesk", *args],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TZ": "UTC"},
    )


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_a_framed_block_taller_than_a_page_breaks_and_ends(
    qapp: QApplication, tmp_path: Path
) -> None:
    lines = "".join(f"<li>FLAG{n}</li>" for n in range(300))
    doc = QTextDocument()
    doc.setHtml(f'<p>before</p><table border="2"><tr><td><ul>{lines}</ul></td></tr></table>')
    began = time.monotonic()
    pages = write_document(doc, "tall", tmp_path / "tall.pdf")
    assert time.monotonic() - began < LIMIT
    text = pdf_text(tmp_path / "tall.pdf")
    assert pages > 2 and all(f"FLAG{n}\n" in text for n in range(300))


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_a_settings_file_that_is_a_pipe_still_gives_a_sheet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "settings.toml")  # reading it would wait for a writer forever
    done = command("--data-dir", str(data), "sheet", "quick-relief", "-o", "s.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "settings.toml cannot be read" in done.stderr and "Traceback" not in done.stderr
    assert "Stop at once if:" in " ".join(pdf_text(tmp_path / "s.pdf").split())


def test_a_hundred_steps_store_each_drawing_once(tmp_path: Path) -> None:
    text = (ROOT / "assets" / "routines" / "quick-relief.toml").read_text(encoding="utf-8")
    head = text.split("[[step]]")[0].replace('id = "quick-relief"', 'id = "long-one"')
    steps = ['[[step]]\nexercise = "march-in-place"\nphase = "warmup"\nduration = 60\n']
    steps += [
        f'[[step]]\nexercise = "{("knee-to-chest", "trunk-rotation")[n % 2]}"\nphase = "stretch"\n'
        for n in range(99)
    ]
    routine = tmp_path / "long-one.toml"
    routine.write_text(head + "\n".join(steps), encoding="utf-8")
    began = time.monotonic()
    done = command("sheet", str(routine), "-o", "long.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - began < LIMIT
    assert (tmp_path / "long.pdf").stat().st_size < 3_000_000  # 13 MB when drawn 250 times


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_words_with_no_place_to_break_are_printed_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, _ = HistoryStore.open(data / "history.sqlite")
    when = datetime(2026, 11, 2, 8, tzinfo=UTC)
    sid = store.begin_session(
        routine_id="r",
        routine_title="R" * 200,
        total_steps=1,
        planned_seconds=60,
        started_at=when,
        pain_before=3,
        shown=[
            Shown(ShownKind.HEALTH, "pregnant", "Z" * 1500),
            Shown(ShownKind.SUGGESTION, "high_pain", "Y" * 2000),
        ],
    )
    store.finish_session(
        sid, outcome=SessionOutcome.STOPPED_FOR_PAIN, ended_at=when, active_seconds=60
    )
    store.set_note(sid, "X" * 2000)
    store.close()
    done = command(
        "--data-dir", str(data), "report", "--from", "2026-11-02", "-o", "r.pdf", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "r.pdf")
    for letter, count in (("X", 2000), ("Y", 2000), ("Z", 1500)):
        assert text.count(letter) >= count, letter  # broken across lines, never cut off
