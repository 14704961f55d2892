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

from stretchdesk.ui.printing.pdf import _as_printed, keep_headings_with_text, write_document


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


def framed_document(filler: int) -> QTextDocument:
    """Filler lines, then a framed block of twelve lines (a table of one cell, as the
    sheet frames its red flags), then more."""
    doc = QTextDocument()
    lines = "".join(f"<p>line {n}</p>" for n in range(filler))
    inside = "".join(f"<li>FLAG{n}</li>" for n in range(12))
    doc.setHtml(
        f'{lines}<table border="2" width="100%"><tr><td><h2>FRAMED</h2><ul>{inside}</ul>'
        "</td></tr></table><p>AFTER</p>"
    )
    return doc


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_a_framed_block_is_never_split_across_pages(qapp: QApplication, tmp_path: Path) -> None:
    """For every number of lines before it that would put the block over the first page's
    foot, the whole block is on one page, and what follows comes after it."""
    split = 0
    for filler in range(20, 90):
        target = tmp_path / f"{filler}.pdf"
        pages = write_document(framed_document(filler), "test", target)
        texts = page_texts(target)
        holding = [i for i, page in enumerate(texts) if "FLAG" in page or "FRAMED" in page]
        assert len(holding) == 1, (filler, pages)
        page = texts[holding[0]]
        assert all(f"FLAG{n}" in page for n in range(12)), filler
        split += holding[0] == 1 and "line" not in page.split("FRAMED")[0]
    assert split, "no number of lines pushed the block to the next page: the search is wrong"
