"""Where a set of frames is drawn: the part of the picture the drawing uses.

The drawings are made on a 4:3 page with room around the figure (a standing figure uses
about two thirds of the page's width, a lying one a third of its height). The window shows
the part every frame of a step draws on, so the figure fills its place on the screen and
does not change size from frame to frame. For the built-in drawings the part is measured
when they are made and kept beside them (a small text file); for a person's own pictures it
is measured while they are checked. Without it, the whole picture is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

Area = tuple[int, int, int, int]  # left, top, width, height, in the picture's pixels

FILE_NAME = "drawn-area"  # beside the built-in frames: "left top width height"
SOLID = 64  # alpha above this is drawing; below it, soft shadows and the faint ground line
MARGIN = 0.03  # room kept around the drawing, as a share of its larger side
WORTH_IT = 0.9  # an area this close to the whole picture is not worth cutting to


Box = tuple[int, int, int, int]  # left, top, right, bottom
Measured = tuple[tuple[int, int], Box | None]  # a picture's size and its solid box


def measured(image: Image.Image) -> Measured:
    """A picture's size and the box of its solid pixels (None when it has no transparency
    to go by, or nothing solid)."""
    if "A" not in image.getbands():
        return image.size, None
    box = image.getchannel("A").point(lambda a: 255 if a > SOLID else 0).getbbox()
    return image.size, box


def measure(images: Iterable[Image.Image]) -> Area | None:
    """The part every picture of a set draws on: see :func:`common`."""
    return common([measured(image) for image in images])


def common(pictures: Iterable[Measured]) -> Area | None:
    """The part every picture of a set draws on, with a margin; None when the pictures
    differ in size, have no transparency, or use nearly all of the page."""
    size: tuple[int, int] | None = None
    union: Box | None = None
    for own_size, box in pictures:
        if box is None or (size is not None and own_size != size):
            return None
        size = own_size
        union = (
            box
            if union is None
            else (
                min(union[0], box[0]),
                min(union[1], box[1]),
                max(union[2], box[2]),
                max(union[3], box[3]),
            )
        )
    if size is None or union is None:
        return None
    return _with_margin(union, size)


def _with_margin(box: Box, size: tuple[int, int]) -> Area | None:
    left, top, right, bottom = box
    room = round(MARGIN * max(right - left, bottom - top))
    left, top = max(0, left - room), max(0, top - room)
    right, bottom = min(size[0], right + room), min(size[1], bottom + room)
    width, height = right - left, bottom - top
    if width * height >= WORTH_IT * size[0] * size[1]:
        return None
    return left, top, width, height


def read(folder: Path, size: tuple[int, int] | None = None) -> Area | None:
    """The area kept beside a folder of frames; None when there is none or it makes no
    sense (for pictures of ``size``, when given)."""
    try:
        text = (folder / FILE_NAME).read_text(encoding="ascii")[:200]
        left, top, width, height = (int(word) for word in text.split())
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if left < 0 or top < 0 or width < 16 or height < 16:
        return None
    if size is not None and (left + width > size[0] or top + height > size[1]):
        return None
    return left, top, width, height


def write(folder: Path, area: Area | None) -> None:
    """Keep the area beside the frames (or remove a stale one)."""
    path = folder / FILE_NAME
    if area is None:
        path.unlink(missing_ok=True)
        return
    path.write_text(" ".join(str(n) for n in area) + "\n", encoding="ascii")
