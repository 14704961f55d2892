"""The contact sheet: every exercise's keyframes, labelled, on one picture for review."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from stretchdesk.illustration.placeholder import wrap_words
from tools.art.build import Rendered, save_png

THUMB = (320, 240)
LABEL_W = 300
GAP = 12
TEXT_H = 44
LIGHT = (246, 247, 249)
DARK = (38, 40, 44)
INK = (40, 44, 52)
MUTED = (96, 102, 112)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _tile(image: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    thumb = image.resize(THUMB, Image.Resampling.LANCZOS)
    tile = Image.new("RGB", THUMB, background)
    tile.paste(thumb, (0, 0), thumb)
    return tile


def _cells(r: Rendered) -> list[tuple[str, Image.Image]]:
    cells = [
        (f"{i + 1}. {key.name}", _tile(img, LIGHT))
        for i, (key, img) in enumerate(zip(r.sheet.keys, r.keys, strict=True))
    ]
    stretch = r.keys[-1] if r.exercise.illustration.motion.value == "hold" else r.keys[1]
    if r.exercise.per_side:
        if r.left:
            left = r.left[-1] if r.exercise.illustration.motion.value == "hold" else r.left[0]
            cells.append(("Left side (drawn)", _tile(left, LIGHT)))
        else:
            cells.append(("Left side (mirror)", _tile(ImageOps.mirror(stretch), LIGHT)))
    cells.append(("On a dark window", _tile(stretch, DARK)))
    return cells


def write_contact_sheet(rendered: list[Rendered], path: Path) -> None:
    rows = [(r, _cells(r)) for r in rendered]
    columns = max(len(cells) for _, cells in rows)
    row_h = THUMB[1] + TEXT_H + GAP
    head_h = 70
    width = LABEL_W + columns * (THUMB[0] + GAP) + GAP
    height = head_h + len(rows) * row_h + GAP
    sheet = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    title, small, label = _font(30), _font(16), _font(22)
    draw.text((GAP * 2, 18), "stretchdesk: exercise illustrations, keyframes", font=title, fill=INK)
    for row, (r, cells) in enumerate(rows):
        top = head_h + row * row_h
        if row % 2:
            draw.rectangle((0, top - GAP // 2, width, top + row_h - GAP // 2), fill=(250, 250, 251))
        y = top + 8
        for line in wrap_words(r.exercise.title, label, LABEL_W - 3 * GAP):
            draw.text((GAP * 2, y), line, font=label, fill=INK)
            y += 28
        ill = r.exercise.illustration
        facts = [
            r.exercise.id,
            f"{ill.motion.value}, {len(r.frames)} frames",
            f"position: {r.exercise.position.value}",
        ]
        if r.sheet.highlight:
            facts.append("stretched: " + ", ".join(r.sheet.highlight))
        for fact in facts:
            for line in wrap_words(fact, small, LABEL_W - 3 * GAP):
                draw.text((GAP * 2, y + 4), line, font=small, fill=MUTED)
                y += 20
        for col, (caption, tile) in enumerate(cells):
            x = LABEL_W + col * (THUMB[0] + GAP)
            sheet.paste(tile, (x, top))
            draw.rectangle((x, top, x + THUMB[0] - 1, top + THUMB[1] - 1), outline=(220, 222, 226))
            for i, line in enumerate(wrap_words(caption, small, THUMB[0])[:2]):
                draw.text((x, top + THUMB[1] + 4 + i * 19), line, font=small, fill=INK)
    save_png(sheet, path)
