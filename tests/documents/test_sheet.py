"""The printable exercise sheet: what it says (from the same content as the window), and the
PDF the command line writes, read back with poppler's pdftotext and pdfinfo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.documents.sheet import build_sheet, dose_text
from stretchdesk.routine import Catalog
from stretchdesk.routine.content import load_content
from stretchdesk.routine.model import Sides, Timing


def test_doses_in_words() -> None:
    assert dose_text(Timing(hold=20, reps=2, rest=10, sides=Sides.BOTH)) == (
        "Hold 20 seconds, 2 times on each side, 10 seconds rest between."
    )
    assert dose_text(Timing(hold=5)) == "Hold 5 seconds, once."
    assert dose_text(Timing(rep_seconds=4, reps=10)) == "10 slow repetitions of about 4 seconds."
    assert dose_text(Timing(duration=180)) == "Keep going for 3 minutes."
    assert dose_text(Timing(duration=45, sides=Sides.ALTERNATE)) == (
        "Keep going for 45 seconds on each side, alternating."
    )
    assert dose_text(Timing(rep_seconds=5, reps=5, sides=Sides.ALTERNATE)) == (
        "5 slow repetitions of about 5 seconds on each side, alternating."
    )


def test_every_routine_has_every_step_and_the_red_flags(catalog: Catalog) -> None:
    content = load_content(paths.content_file())
    for routine in catalog.routines:
        sheet = build_sheet(routine, content, paths.assets_dir())
        for step in routine.steps:
            assert step.title in sheet.html
            assert dose_text(step.timing) in sheet.html
        for line in (*content.emergency.lines, *content.doctor.lines, *content.pain_stop.lines):
            assert line.replace("'", "&#x27;") in sheet.html or line in sheet.html
        assert all(p.path.exists() for p in sheet.pictures)
        sided = [s for s in routine.steps if s.exercise.per_side and s.timing.sides is Sides.BOTH]
        if sided:  # the left side first, as the session does it
            captions = [p.caption for p in sheet.pictures]
            first = captions.index("Left side: start")
            assert captions[first : first + 3] == [
                "Left side: start",
                "Left side: then",
                "Right side",
            ]


def sheet_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchdesk", "sheet", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    }


@pytest.mark.needs("pdftotext", "pdfinfo", package="poppler-utils")
def test_the_command_writes_a_pdf_in_a4_and_letter(catalog: Catalog, tmp_path: Path) -> None:
    done = sheet_command("quick-relief", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    target = tmp_path / "quick-relief.pdf"
    assert f"to {target.name}" in done.stdout or str(target) in done.stdout
    info = pdf_info(target)
    assert info["Page size"].startswith("595 x 842") and info["Title"] == "Quick relief"
    text = " ".join(pdf_text(target).split())
    routine = catalog.get("quick-relief")
    assert routine is not None
    for step in routine.steps:
        assert step.title in text
        assert dose_text(step.timing) in text
    assert "chest pain" in text and "Pain that means stop" in text
    letter = tmp_path / "letter.pdf"
    done = sheet_command("lower-back-spasm", "--paper", "letter", "-o", str(letter), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    info = pdf_info(letter)
    assert info["Page size"].startswith("612 x 792") and int(info["Pages"]) >= 3
    assert f"({info['Pages']} pages, Letter)" in done.stdout


def test_a_target_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes").write_text("a file, not a folder", encoding="utf-8")
    done = sheet_command("quick-relief", "-o", str(work / "notes" / "sheet.pdf"), cwd=work)
    assert done.returncode == 1
    assert "could not write" in done.stderr and "nothing was written" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in work.iterdir()) == ["notes"]


def test_an_unknown_routine_is_named(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    done = sheet_command("no-such-routine", cwd=work)
    assert done.returncode == 1
    assert "no routine with this id or file" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(work.iterdir()) == []
