"""A sheet (documents/sheet.py) laid out on A4 or Letter pages with Qt's own PDF writer.

The PDF is written to a temporary file beside the target and renamed over it at the end, so
a full disk or a folder that cannot be written leaves nothing half-written. Pictures that
cannot be read are left out (the sheet still says what to do); a left side is mirrored here.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from stretchdesk.documents.sheet import Sheet

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
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
    document = sheet_document(sheet)
    folder = target.parent if str(target.parent) else Path()
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".pdf", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setPageSize(QPageSize(PAPERS[paper]))
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        writer.setTitle(sheet.title)
        writer.setCreator("stretchdesk")
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        pages = count_pages(temp.read_bytes())
        if pages == 0:
            raise OSError(28, "nothing could be written (is the disk full?)")
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return pages
