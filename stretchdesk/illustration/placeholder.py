"""A calm, neutral picture with the exercise's name, shown when its drawings cannot be."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow loads only when a placeholder is drawn
    from PIL import Image, ImageFont

SIZE = (1280, 960)
LINE = (128, 134, 144, 255)
FILL = (128, 134, 144, 28)
TEXT = (112, 118, 128, 255)


def wrap_words(
    text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float
) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` in ``font``."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def placeholder(title: str, size: tuple[int, int] = SIZE) -> Image.Image:
    """A transparent RGBA picture: a soft frame, a mat, and ``title`` in the middle."""
    from PIL import Image, ImageDraw, ImageFont  # noqa: PLC0415

    w, h = size
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    pad = round(min(w, h) * 0.06)
    radius = round(min(w, h) * 0.05)
    stroke = max(2, round(min(w, h) * 0.006))
    draw.rounded_rectangle(
        (pad, pad, w - pad, h - pad), radius, fill=FILL, outline=LINE, width=stroke
    )
    mat_y = round(h * 0.72)
    draw.rounded_rectangle((w * 0.2, mat_y, w * 0.8, mat_y + h * 0.03), radius // 3, fill=LINE)
    font = ImageFont.load_default(size=max(12, round(h * 0.075)))
    assert isinstance(font, ImageFont.FreeTypeFont)
    lines = (wrap_words(title, font, w - 4 * pad) or [""])[:3]
    line_h = round(h * 0.095)
    top = round(h * 0.42) - line_h * len(lines) // 2
    for i, line in enumerate(lines):
        draw.text((w / 2, top + i * line_h), line, font=font, fill=TEXT, anchor="mm")
    return image
