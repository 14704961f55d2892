"""Decoded frames of the drawings, at the size they are shown, kept for the steps in hand.

A frame is decoded once on the illustration's worker thread, reduced to the size it is
drawn at and cropped to its drawn part; the window's thread only draws it. A mirrored side
is the same frame drawn mirrored, never decoded again; the next step's frames are decoded
during the current one. Only the frames of the steps in hand are kept (a few megabytes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from stretchdesk.i18n import _
from stretchdesk.illustration import ImageProblem
from stretchdesk.illustration.drawn_area import Area

if TYPE_CHECKING:
    from PIL import Image

ALLOCATION_LIMIT_MB = 128  # a picture that would need more is refused, not decoded
# Frames are kept in the format the window draws without converting. At three bytes a
# pixel (ARGB6666) a drawing looks the same over the mat (each colour at most 6 of 255 off)
# for a quarter less memory, but Qt converts it at every paint, on threads of its own:
# about 0.25 ms a frame, 0.13 % of a core through an animated step.
FRAME_FORMAT = QImage.Format.Format_ARGB32_Premultiplied


@dataclass(frozen=True)
class Decoded:
    """One frame as drawn: its drawn part, where that sits in the frame, the frame's size
    (device pixels)."""

    crop: QImage
    at: QPoint
    size: QSize


Box = tuple[int, int]
Decoder = Callable[[Path, bool, Box, Area | None], tuple[QImage, QPoint, QSize]]
UPSCALE_LIMIT = 2.0  # a small picture is drawn at most this much larger than it is


def fitted(box: Box, area: Area | None) -> Box:
    """The size a drawing with this drawn part is decoded at to fit ``box``: the same for
    every box it fills the same way (a taller place beside shorter words), so a change of
    place that does not change the drawing decodes nothing again. Without a known part, the
    box itself."""
    if area is None or box[0] <= 0 or box[1] <= 0:
        return box
    part = QSize(area[2], area[3])
    size = part.scaled(QSize(*box), Qt.AspectRatioMode.KeepAspectRatio)
    size = size.boundedTo(part * UPSCALE_LIMIT)
    return (size.width(), size.height()) if not size.isEmpty() else box


def to_qimage(image: Image.Image) -> QImage:
    """A detached QImage copy of an RGBA Pillow image."""
    rgba = image.convert("RGBA")
    data = rgba.tobytes()
    qimage = QImage(data, rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return qimage.copy()


def decode(
    path: Path, mirror: bool, box: Box, area: Area | None = None
) -> tuple[QImage, QPoint, QSize]:
    """Decode one frame at the size it is shown, mirrored if asked, ready to draw: the part
    the drawing uses (``area``, in the picture's pixels; None: the whole picture) fitted
    into ``box``, then cropped to what is drawn on it. Returns (the crop, where the crop
    sits in the frame, the frame's size). Pictures were checked when the step's frames were
    found; Qt's reader, with an allocation limit, decodes them here without loading Pillow."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    source = reader.size()
    if source.isValid() and area is not None:
        clip = QRect(*area).intersected(QRect(QPoint(0, 0), source))
        if not clip.isEmpty() and clip.size() != source:
            reader.setClipRect(clip)
            source = clip.size()
    if source.isValid() and box[0] > 0 and box[1] > 0:
        fitted = source.scaled(QSize(*box), Qt.AspectRatioMode.KeepAspectRatio)
        fitted = fitted.boundedTo(source * UPSCALE_LIMIT)
        if fitted != source and not fitted.isEmpty():
            reader.setScaledSize(fitted)
    image = reader.read()
    if image.isNull():
        raise ImageProblem(
            _("{name}: the picture cannot be shown ({reason})").format(
                name=path.name, reason=reader.errorString()
            )
        )
    if mirror:
        image = image.flipped(Qt.Orientation.Horizontal)
    image = image.convertToFormat(FRAME_FORMAT)
    crop = drawn_rect(image)
    return image.copy(crop), crop.topLeft(), image.size()


def drawn_rect(image: QImage) -> QRect:
    """The smallest rectangle holding every pixel that is not fully transparent, in a
    premultiplied image (where such a pixel is four zero bytes). The drawings leave half
    the frame empty; keeping only this halves the memory and the drawing work."""
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    rows = [data[y * stride : y * stride + width * 4] for y in range(height)]
    used = [y for y, row in enumerate(rows) if row.count(0) != len(row)]
    if not used:
        return QRect(0, 0, min(1, width), min(1, height))
    lefts = [len(rows[y]) - len(rows[y].lstrip(b"\0")) for y in used]
    rights = [len(rows[y].rstrip(b"\0")) for y in used]
    left, right = min(lefts) // 4, (max(rights) + 3) // 4
    return QRect(left, used[0], right - left, used[-1] - used[0] + 1)


class FrameCache:
    """Decoded frames by (picture, size shown); safe to use from the worker and the window's
    thread. ``decodes`` counts the pictures actually decoded."""

    def __init__(self, decoder: Decoder) -> None:
        self._decoder = decoder
        self._lock = threading.Lock()
        self._kept: dict[tuple[Path, Box, Area | None], Decoded] = {}
        self._wanted: set[tuple[Path, Box]] = set()
        self.decodes = 0

    def peek(self, path: Path, box: Box, area: Area | None = None) -> Decoded | None:
        with self._lock:
            return self._kept.get((path, box, area))

    def get(self, path: Path, box: Box, ratio: float, area: Area | None = None) -> Decoded:
        """The frame (its part ``area``) at this size, decoded now (on the calling thread)
        if not kept; ImageProblem if it cannot be shown."""
        kept = self.peek(path, box, area)
        if kept is not None:
            return kept
        crop, at, size = self._decoder(path, False, box, area)
        crop.setDevicePixelRatio(ratio)
        made = Decoded(crop, at, size)
        with self._lock:
            self.decodes += 1
            if (path, box) in self._wanted:
                self._kept[(path, box, area)] = made
        return made

    def keep_only(self, *sets: tuple[Iterable[Path], Box]) -> None:
        """Keep the frames of these sets of pictures, each at its size; let every other
        one go."""
        wanted = {(path, box) for paths, box in sets for path in paths}
        with self._lock:
            self._wanted = wanted
            self._kept = {key: frame for key, frame in self._kept.items() if key[:2] in wanted}
