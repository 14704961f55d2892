"""The red flags are whole on the sheet's first page, in every language, before "Before you
start": the PDF the command writes with Qt's real writer, page 1 read back with pdftotext.
A sheet printed on one page must still hold every sign that needs a doctor or an ambulance
(in German and French the list used to break inside an item)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.documents.sheet_head import red_flag_sections
from stretchdesk.routine.services_for import local_content
from stretchdesk.routine.translate import builtin_sentences, content_in

LANGUAGES = ("en", "de", "fr", "es")


def _flat(text: str) -> str:
    """Ligatures (ﬁ) undone, and no spaces or hyphens: how a sentence is found again in the
    PDF's text, whose lines break anywhere (pdftotext joins "Royaume-" and "Uni" as one)."""
    return re.sub(r"[\s\-‐]", "", unicodedata.normalize("NFKC", text))


def first_page(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return _flat(done.stdout)


@pytest.mark.needs("pdftotext", package="poppler-utils")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_red_flags_are_whole_on_the_first_page(
    tmp_path: Path, language: str, paper: str
) -> None:
    target = tmp_path / "sheet.pdf"
    command = [sys.executable, "-m", "stretchdesk", "sheet", "lower-back-spasm"]
    done = subprocess.run(
        [*command, "--paper", paper, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
            "STRETCHDESK_LANGUAGE": language,
        },
    )
    assert done.returncode == 0, done.stderr
    say, problems = builtin_sentences(language, paths.content_folders())
    assert not problems
    # the lines for the desktop's country, unknown here (tests/conftest.py): by region
    content = content_in(local_content(paths.content_file(), None, language, ""), say)
    page = first_page(target)
    last = 0
    for section in red_flag_sections(content):  # in this order, every line
        lead = section.lead.text if section.lead else ""
        for text in (section.title, lead, *section.lines):
            found = page.find(_flat(text), last)
            assert found >= 0, (language, text, page)
            last = found
    before_you_start = page.find(_flat(content.who.title))
    assert before_you_start == -1 or before_you_start > last
