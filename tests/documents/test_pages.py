"""Pages: a heading never ends a page with its text on the next (Qt's rich text has no
page-break-after: avoid, so the writer moves such a heading itself)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from stretchdesk.ui.pdf import _as_printed, keep_headings_with_text, write_document


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def document(filler: int) -> QTextDocument:
    doc = QTextDocument()
    lines = "".join(f"<p>line {n}</p>" for n in range(filler))
    doc.setHtml(f"{lines}<h2>HEADING</h2><p>AFTER</p><p>more</p><p>more</p>")
    return doc


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_a_heading_is_never_alone_at_the_foot_of_a_page(qapp: QApplication, tmp_path: Path):
    moved = 0
    for filler in range(30, 50):
        writer = QPdfWriter(str(tmp_path / "probe.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        source = document(filler)  # the copy laid out lives as long as its source
        moved += keep_headings_with_text(_as_printed(source, writer))
        del writer
        target = tmp_path / f"{filler}.pdf"
        write_document(document(filler), "test", target)
        for page in page_texts(target):
            if "HEADING" in page:
                assert "AFTER" in page, (filler, page)
    assert moved >= 1  # some of these would have left the heading alone
