"""A sheet (documents/sheet.py) or a report (documents/report.py) laid out on A4 or Letter
pages with Qt's own PDF writer.

The PDF is written to a temporary file beside the target and renamed over it at the end, so
a full disk or a folder that cannot be written leaves nothing half-written. Pictures that
cannot be read are left out (the sheet still says what to do); a left side is mirrored here.
A heading is kept with its text, and a framed block (a table of one cell: the sheet's red
flags) is kept on one page, since Qt's rich text knows no page-break-inside: avoid.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from stretchdesk.atomic import replacing
from stretchdesk.documents.report import Report
from stretchdesk.documents.sheet import Sheet
from stretchdesk.i18n import _

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
# inside the device's own margins: a little at the top and sides, and room for the page
# number at the foot (Qt's own print_ adds 2 cm all round, which leaves a sheet's red flags
# no room on the first page)
INNER_CM = 0.5
FOOT_CM = 1.2
LIST_INDENT = 22  # pixels a list is indented (Qt's 40 leaves a framed list little room)
PICTURE_PIXELS = 600  # each drawing is scaled to this width: sharp in print, a small file


def count_pages(pdf: bytes) -> int:
    """Pages in a PDF Qt wrote (each page is one ``/Type /Page`` object)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def flipped(image: QImage) -> QImage:
    """Left to right: ``flipped`` since Qt 6.9, ``mirrored`` (deprecated there) before."""
    if hasattr(image, "flipped"):
        return image.flipped(Qt.Orientation.Horizontal)
    return image.mirrored(True, False)


def sheet_document(sheet: Sheet) -> QTextDocument:
    """The sheet as a rich-text document with its pictures, ready to print or write."""
    document = QTextDocument()
    document.setIndentWidth(LIST_INDENT)
    for number, picture in enumerate(sheet.pictures):
        image = QImage(str(picture.path))
        if image.isNull():
            continue
        image = image.scaledToWidth(PICTURE_PIXELS)
        if picture.mirrored:  # the left side: the drawing flipped left to right
            image = flipped(image)
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"frame:{number}"), image
        )
    document.setHtml(sheet.html)
    return document


def local_paper() -> str:
    """Letter where the locale measures in inches (the US), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def write_pdf(sheet: Sheet, target: Path, paper: str = "a4") -> int:
    """Write ``sheet`` to ``target``; returns the number of pages. Raises OSError (with
    strerror) when the file cannot be written."""
    return write_document(sheet_document(sheet), sheet.title, target, paper)


def _as_printed(document: QTextDocument, device: QPagedPaintDevice) -> QTextDocument:
    """A copy laid out as ``QTextDocument.print_`` lays out a document without pages of its
    own: on the device, with margins counted at the screen's resolution (``INNER_CM``, and
    ``FOOT_CM`` at the foot)."""
    probe = document.clone()
    probe.documentLayout().setPaintDevice(device)
    dpi_x, dpi_y = _default_dpi()
    frame = probe.rootFrame().frameFormat()
    frame.setLeftMargin(int(INNER_CM / 2.54 * dpi_x))
    frame.setRightMargin(int(INNER_CM / 2.54 * dpi_x))
    frame.setTopMargin(int(INNER_CM / 2.54 * dpi_y))
    frame.setBottomMargin(int(FOOT_CM / 2.54 * dpi_y))
    probe.rootFrame().setFrameFormat(frame)
    probe.setPageSize(QSizeF(device.width(), device.height()))
    return probe


def _default_dpi() -> tuple[float, float]:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 96.0, 96.0
    return screen.logicalDotsPerInchX(), screen.logicalDotsPerInchY()


def keep_headings_with_text(probe: QTextDocument) -> int:
    """In a paginated document: a heading that would end a page, its text on the next one,
    starts that next page instead (Qt's rich text has no page-break-after: avoid).
    Returns how many headings moved."""
    layout = probe.documentLayout()
    page = probe.pageSize().height()
    moved = 0
    block = probe.firstBlock()
    while block.isValid():
        following = block.next()
        in_table = QTextCursor(block).currentTable() is not None  # its frame is kept whole
        if block.blockFormat().headingLevel() > 0 and following.isValid() and not in_table:
            here, there = _first_line(layout, block), _first_line(layout, following)
            if int(there // page) > int(here // page) and here % page > 0:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                # lay out again from here: tables after the heading keep old places otherwise
                probe.markContentsDirty(block.position(), probe.characterCount() - block.position())
                moved += 1
        block = following
    return moved


# In a document longer than this (device pixels: about 630 A4 pages at the PDF's 1200 dpi,
# ten years of notes), Qt's text layout crashes when asked where a block is: the pages
# then fall where they fall, headings and boxes not moved.
QT_DEEPEST = 8_000_000


def keep_frames_whole(probe: QTextDocument) -> int:
    """In a paginated document: a framed block (a table of one cell) that would run over a
    page's foot starts the next page instead, if it fits on one. Returns how many moved."""
    layout = probe.documentLayout()
    page = probe.pageSize().height()
    root = probe.rootFrame().frameFormat()
    room = page - root.topMargin() - root.bottomMargin()
    moved = 0
    for frame in probe.rootFrame().childFrames():
        if not _is_framed_block(frame):
            continue
        rect = layout.frameBoundingRect(frame)
        first, last = int(rect.top() // page), int((rect.bottom() - 1) // page)
        if last > first and rect.height() <= room:
            fmt = frame.frameFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFrameFormat(fmt)
            start = frame.firstPosition()
            probe.markContentsDirty(start, probe.characterCount() - start)
            moved += 1
    return moved


def _is_framed_block(frame: QTextFrame) -> bool:
    return isinstance(frame, QTextTable) and frame.rows() == 1 and frame.columns() == 1


def _first_line(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    """Where a block's first line is: the layout moves a line that does not fit to the next
    page inside the block, so the block's own top can be on the page before."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    return top + (lines.lineAt(0).y() if lines.lineCount() else 0.0)


def paint_pages(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay ``document`` out on the device's pages as ``print_`` would (a page number at the
    foot of each page), keeping headings with their text and framed blocks
    whole; returns the number of pages painted."""
    probe = _as_printed(document, device)
    for _round in range(5 if probe.documentLayout().documentSize().height() < QT_DEEPEST else 0):
        # a move can push a later block over a page's foot: again
        if not keep_frames_whole(probe) + keep_headings_with_text(probe):
            break
    size = probe.pageSize()
    pages = probe.pageCount()
    dpi_x, dpi_y = _default_dpi()
    margin_x = int(INNER_CM / 2.54 * dpi_x) * device.logicalDpiX() / dpi_x
    margin_y = int(FOOT_CM / 2.54 * dpi_y) * device.logicalDpiY() / dpi_y
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError(5, _("the page could not be drawn"))
    font = QFont(probe.defaultFont())
    painter.setFont(font)
    metrics = QFontMetricsF(font, device)
    try:
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * size.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, index * size.height(), size.width(), size.height())
            probe.documentLayout().draw(painter, context)
            painter.restore()
            number = str(index + 1)
            x = size.width() - margin_x - metrics.horizontalAdvance(number)
            y = size.height() - margin_y + metrics.ascent() + 5 * device.logicalDpiY() / 72
            painter.drawText(QPointF(x, y), number)
    finally:
        painter.end()
    return pages


def report_document(report: Report) -> QTextDocument:
    """The report as a rich-text document, with its pain chart drawn."""
    from stretchdesk.ui.printing.report_chart import draw_pain_chart  # noqa: PLC0415

    document = QTextDocument()
    if report.chart:
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value,
            QUrl("chart:pain"),
            draw_pain_chart(report.chart, report.axis),
        )
    document.setHtml(report.html)
    return document


def write_report(report: Report, target: Path, paper: str = "a4") -> int:
    """Write ``report`` to ``target`` (as ``write_pdf``); returns the number of pages."""
    return write_document(report_document(report), report.title, target, paper)


def write_document(document: QTextDocument, title: str, target: Path, paper: str = "a4") -> int:
    """Lay ``document`` out on pages and write it to ``target`` whole or not at all."""
    with replacing(target, suffix=".pdf") as temp:
        writer = QPdfWriter(str(temp))
        writer.setPageSize(QPageSize(PAPERS[paper]))
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        writer.setTitle(title)
        writer.setCreator("stretchdesk")
        paint_pages(document, writer)
        del writer  # the file is complete once the writer is gone
        pages = count_pages(temp.read_bytes())
        if pages == 0:
            raise OSError(28, _("nothing could be written (is the disk full?)"))
    return pages
