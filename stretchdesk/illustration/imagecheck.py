"""Check an image file with Pillow before anything decodes it in full.

User routines may point at any file; a picture must be a real PNG, JPEG, WebP or GIF of a
sensible size, and not a small file that expands into gigabytes of pixels.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from stretchdesk.routine.picture_files import MAX_FILE_BYTES

if TYPE_CHECKING:  # Pillow loads only when a picture is checked: a session with the
    from PIL import Image  # built-in drawings never needs it

MAX_SIDE = 8192
MAX_PIXELS = 24_000_000
MIN_SIDE = 16
FORMATS = frozenset({"PNG", "JPEG", "WEBP", "GIF"})


class ImageProblem(Exception):
    """An image that will not be shown, with a plain reason naming the file."""


def _header(path: Path) -> tuple[str, tuple[int, int]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageProblem(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise ImageProblem(f"{path.name}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise ImageProblem(f"{path.name}: the file is too large ({size // 1024 // 1024} MiB)")
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                return str(im.format), im.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(f"{path.name}: the picture is far too large") from None
    except UnidentifiedImageError:
        raise ImageProblem(f"{path.name}: not a picture Pillow can read") from None
    except OSError as exc:
        raise ImageProblem(f"{path.name}: cannot be read ({exc})") from None


def check_image(path: Path) -> tuple[int, int]:
    """Return the picture's size, or raise :class:`ImageProblem` saying what is wrong."""
    fmt, (w, h) = _header(path)
    if fmt not in FORMATS:
        raise ImageProblem(f"{path.name}: {fmt} pictures are not supported (use PNG or JPEG)")
    if w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
        raise ImageProblem(f"{path.name}: the picture is too large ({w}x{h} pixels)")
    if w < MIN_SIDE or h < MIN_SIDE:
        raise ImageProblem(f"{path.name}: the picture is too small ({w}x{h} pixels)")
    return w, h


def open_checked(path: Path) -> Image.Image:
    """Check, then decode in full (which finds truncated files); RGBA, fully loaded."""
    check_image(path)
    from PIL import Image  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                im.load()
                with warnings.catch_warnings():
                    # e.g. "palette images with transparency should be converted": we do.
                    warnings.simplefilter("ignore")
                    return im.convert("RGBA")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(f"{path.name}: the picture is far too large") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(f"{path.name}: the picture is damaged ({exc})") from None
