"""Pages: a heading never ends a page with its text on the next (Qt's rich text has no
page-break-after: avoid, so the writer moves such a heading itself).

Where a page ends depends on the fonts installed (DejaVu Sans, Noto Sans, ...), so the test
does not guess a number of lines: it lays the document out as the writer would, without the
fix, and finds the numbers of filler lines that leave the heading alone at a page's foot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextBlock, QTextDocument
from PySide6.QtWidgets import QApplication

from stretchdesk.ui.pdf import _as_printed, keep_headings_with_text, write_document


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return text.split("\f")


def document(filler: int, points: float = 0) -> QTextDocument:
    doc = QTextDocument()
    if points:  # another size stands for another font's line height
        font = QFont(doc.defaultFont())
        font.setPointSizeF(points)
        doc.setDefaultFont(font)
    lines = "".join(f"<p>line {n}</p>" for n in range(filler))
    doc.setHtml(f"{lines}<h2>HEADING</h2><p>AFTER</p><p>more</p><p>more</p>")
    return doc


def _page_of(probe: QTextDocument, text: str) -> int:
    """The page the first line of the block holding ``text`` is laid out on."""
    block: QTextBlock = probe.findBlock(probe.toPlainText().index(text))
    top = probe.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    first = top + (lines.lineAt(0).y() if lines.lineCount() else 0.0)
    return int(first // probe.pageSize().height())


def _probe(filler: int, points: float, tmp_path: Path, fix: bool) -> tuple[int, int, int]:
    """Where HEADING and AFTER land with ``filler`` lines before them, laid out on A4 as the
    writer does, with or without moving headings; and how many headings moved."""
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    source = document(filler, points)  # the copy laid out lives as long as its source
    probe = _as_printed(source, writer)
    moved = keep_headings_with_text(probe) if fix else 0
    found = _page_of(probe, "HEADING"), _page_of(probe, "AFTER"), moved
    del probe, writer
    return found


def _lonely_fillers(points: float, tmp_path: Path) -> list[int]:
    """Every number of filler lines, up to well past the first page, that leaves the heading
    at the foot of a page and its text on the next when nothing is moved."""
    found = []
    for filler in range(1, 160):
        heading, after, _ = _probe(filler, points, tmp_path, fix=False)
        if after > heading:
            found.append(filler)
        elif found and heading >= 1:
            break  # past the first page break: the case has been seen
    return found


@pytest.mark.needs("pdftotext", package="poppler-utils")
@pytest.mark.parametrize("points", [0, 8.5, 13], ids=["default-font", "smaller", "larger"])
def test_a_heading_is_never_alone_at_the_foot_of_a_page(
    qapp: QApplication, tmp_path: Path, points: float
) -> None:
    lonely = _lonely_fillers(points, tmp_path)
    assert lonely, "no number of lines put the heading at a page's foot: the search is wrong"
    around = range(min(lonely) - 3, max(lonely) + 4)
    for filler in around:
        heading, after, moved = _probe(filler, points, tmp_path, fix=True)
        assert heading == after, filler
        assert (moved > 0) == (filler in lonely), filler
        target = tmp_path / f"{filler}.pdf"
        write_document(document(filler, points), "test", target)
        pages = page_texts(target)
        assert any("HEADING" in page for page in pages), filler
        for page in pages:
            if "HEADING" in page:
                assert "AFTER" in page, (filler, page)
