"""Draw a posed figure with Pillow: supersampled, then scaled down for clean edges.

Everything is drawn on a transparent canvas so a frame sits on a light or a dark window.
The figure is built from tapered capsules with outlines; the far side of the body is a
shade darker; the part being stretched glows softly; an arrow shows where a movement goes.
"""

from __future__ import annotations

import itertools
import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from tools.art import props
from tools.art.camera import SIZE, SUPERSAMPLE, Camera, Frame, MatPlace
from tools.art.poses import MAT_TOP, Arrow, PoseSheet, Prop, _blend, _ease
from tools.art.skeleton import Body, Part
from tools.art.vec import Vec

RGB = tuple[int, int, int]

CLOTH: RGB = (84, 138, 180)
SKIN: RGB = (222, 170, 130)
HAIR: RGB = (92, 66, 56)
OUTLINE: RGB = (34, 52, 70)
GLOW: RGB = (244, 140, 96)
MAT: RGB = (124, 168, 150)
MAT_SIDE: RGB = (88, 128, 112)
FLOOR: RGB = (130, 138, 150)
ARROW: RGB = (236, 150, 60)
SHADOW: RGB = (20, 28, 36)

GROUPS = {
    "arm_r": ("upper_arm_r", "forearm_r", "hand_r"),
    "arm_l": ("upper_arm_l", "forearm_l", "hand_l"),
    "leg_r": ("thigh_r", "shin_r", "foot_r"),
    "leg_l": ("thigh_l", "shin_l", "foot_l"),
}


def _mix(a: RGB, b: RGB, u: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * u),
        round(a[1] + (b[1] - a[1]) * u),
        round(a[2] + (b[2] - a[2]) * u),
    )


def _capsule(
    draw: ImageDraw.ImageDraw,
    a: tuple[float, float],
    ra: float,
    b: tuple[float, float] | None,
    rb: float,
    *,
    fill: int | tuple[int, ...],
) -> None:
    draw.ellipse((a[0] - ra, a[1] - ra, a[0] + ra, a[1] + ra), fill=fill)
    if b is None:
        return
    draw.ellipse((b[0] - rb, b[1] - rb, b[0] + rb, b[1] + rb), fill=fill)
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        return
    theta = math.atan2(dy, dx)
    alpha = math.acos(max(-1.0, min(1.0, (ra - rb) / d)))
    poly = []
    for sign in (1, -1):
        ang = theta + sign * alpha
        poly.append((a[0] + ra * math.cos(ang), a[1] + ra * math.sin(ang)))
        poly.append((b[0] + rb * math.cos(ang), b[1] + rb * math.sin(ang)))
    draw.polygon([poly[0], poly[1], poly[3], poly[2]], fill=fill)


class Painter:
    """Draws bodies for one exercise with one camera and framing."""

    def __init__(
        self,
        cam: Camera,
        frame: Frame,
        highlight: tuple[str, ...],
        mat: MatPlace,
        furniture: tuple[Prop, ...] = (),
    ):
        self.cam, self.frame, self.highlight, self.mat = cam, frame, highlight, mat
        self.props = furniture
        self.ss = SUPERSAMPLE
        self.outline = max(2.0, 0.55 * frame.scale) * self.ss
        self.glow = 1.0

    def _pt(self, p: Vec) -> tuple[float, float]:
        return self.frame.px(self.cam.flat(p), self.ss)

    def _r(self, r: float) -> float:
        return r * self.frame.scale * self.ss

    def paint(
        self, body: Body, arrows: list[tuple[Arrow, list[Vec]]], glow: float = 1.0
    ) -> Image.Image:
        self.glow = glow
        w, h = SIZE
        canvas = Image.new("RGBA", (w * self.ss, h * self.ss), (0, 0, 0, 0))
        self._floor(canvas)
        self._props(canvas)
        self._shadow(canvas, body)
        self._glow(canvas, body)
        self._figure(canvas, body)
        for arrow, path in arrows:
            self._arrow(canvas, arrow, path, body)
        return canvas.resize(SIZE, Image.Resampling.BOX)

    # -- the room ------------------------------------------------------------------------
    def _floor(self, canvas: Image.Image) -> None:
        draw = ImageDraw.Draw(canvas)
        corners = self.mat.corners()
        low = max(self._pt(c)[1] for c in corners)
        w = canvas.width
        profile = Image.new("L", (w, 1))
        profile.putdata([round(96 * min(1.0, 4.0 * min(x, w - x) / w)) for x in range(w)])
        band = profile.resize((w, 2 * self.ss))
        line = Image.new("RGBA", band.size, (*FLOOR, 255))
        line.putalpha(band)
        canvas.alpha_composite(line, (0, round(low - self.ss)))
        faces = [(0, 1, 3, 2), (4, 5, 7, 6), (0, 1, 5, 4), (2, 3, 7, 6), (0, 2, 6, 4), (1, 3, 7, 5)]
        centre = (self.mat.x, MAT_TOP / 2, 0.0)
        for face in faces:
            pts = [corners[i] for i in face]
            mid = tuple(sum(p[k] for p in pts) / 4 for k in range(3))
            normal = (mid[0] - centre[0], mid[1] - centre[1], mid[2] - centre[2])
            if self.cam.depth(normal) <= 1e-6 and face != (4, 5, 7, 6):
                continue
            colour = MAT if face == (4, 5, 7, 6) else MAT_SIDE
            draw.polygon([self._pt(p) for p in pts], fill=(*colour, 235))

    def _props(self, canvas: Image.Image) -> None:
        """Chairs and walls: boxes, the farthest first, faces turned away left out."""
        draw = ImageDraw.Draw(canvas)
        faces = [(0, 1, 3, 2), (4, 5, 7, 6), (0, 1, 5, 4), (2, 3, 7, 6), (0, 2, 6, 4), (1, 3, 7, 5)]
        shapes = [(box, prop) for prop in self.props for box in props.boxes(prop)]

        def depth(item: tuple[props.Box, Prop]) -> float:
            box = item[0]
            return self.cam.depth(
                ((box[0] + box[1]) / 2, (box[2] + box[3]) / 2, (box[4] + box[5]) / 2)
            )

        for box, prop in sorted(shapes, key=depth):
            points = props.corners(box)
            centre = tuple(sum(p[k] for p in points) / 8 for k in range(3))
            base = props.colour(prop)
            for face in faces:
                pts = [points[i] for i in face]
                mid = tuple(sum(p[k] for p in pts) / 4 for k in range(3))
                normal = (mid[0] - centre[0], mid[1] - centre[1], mid[2] - centre[2])
                if self.cam.depth(normal) <= 1e-6:
                    continue
                shade = 1.0 if normal[1] > 0 else (0.86 if abs(normal[0]) > 1e-6 else 0.74)
                fill = tuple(round(c * shade) for c in base)
                draw.polygon([self._pt(p) for p in pts], fill=(*fill, 255), outline=(*OUTLINE, 140))

    def _shadow(self, canvas: Image.Image, body: Body) -> None:
        small = 4
        mask = Image.new("L", (canvas.width // small, canvas.height // small), 0)
        draw = ImageDraw.Draw(mask)
        for part in body.parts:
            if min(part.a[1], (part.b or part.a)[1]) - MAT_TOP > 30:
                continue
            a = (part.a[0], MAT_TOP, part.a[2])
            b = None if part.b is None else (part.b[0], MAT_TOP, part.b[2])
            pa = self._pt(a)
            pb = None if b is None else self._pt(b)
            _capsule(
                draw,
                (pa[0] / small, pa[1] / small),
                self._r(part.ra) / small,
                None if pb is None else (pb[0] / small, pb[1] / small),
                self._r(part.rb) / small,
                fill=255,
            )
        mask = mask.filter(ImageFilter.GaussianBlur(self._r(3.0) / small))
        top = Image.new("L", mask.size, 0)
        corners = self.mat.corners()
        pts = [self._pt(corners[i]) for i in (4, 5, 7, 6)]
        ImageDraw.Draw(top).polygon([(x / small, y / small) for x, y in pts], fill=255)
        _soft(canvas, ImageChops.multiply(mask, top), small, SHADOW, 40 / 255)

    def _glow(self, canvas: Image.Image, body: Body) -> None:
        if not self.highlight:
            return
        small = 4
        mask = Image.new("L", (canvas.width // small, canvas.height // small), 0)
        draw = ImageDraw.Draw(mask)
        for part in body.parts:
            if part.name not in self.highlight:
                continue
            pa = self._pt(part.a)
            pb = None if part.b is None else self._pt(part.b)
            _capsule(
                draw,
                (pa[0] / small, pa[1] / small),
                self._r(part.ra + 5.0) / small,
                None if pb is None else (pb[0] / small, pb[1] / small),
                self._r(part.rb + 5.0) / small,
                fill=255,
            )
        mask = mask.filter(ImageFilter.GaussianBlur(self._r(4.0) / small))
        _soft(canvas, mask, small, GLOW, 150 * self.glow / 255)

    # -- the figure ----------------------------------------------------------------------
    def _groups(self, body: Body) -> list[list[Part]]:
        by_name = {p.name: p for p in body.parts}
        grouped = {n for names in GROUPS.values() for n in names}
        groups = [[by_name[n] for n in names] for names in GROUPS.values()]
        groups.append([p for p in body.parts if p.name not in grouped])

        def depth(group: list[Part]) -> float:
            pts = [p.a for p in group] + [p.b for p in group if p.b is not None]
            return sum(self.cam.depth(p) for p in pts) / len(pts)

        return sorted(groups, key=depth)

    def _muscle(self, part: Part) -> RGB:
        return _mix(self._colour(part), GLOW, 0.85)

    def _colour(self, part: Part) -> RGB:
        base = SKIN if part.kind == "skin" else CLOTH
        depth = self.cam.depth(part.a if part.b is None else _midpoint(part.a, part.b))
        far = min(max((-depth + 4.0) / 26.0, 0.0), 1.0)
        return _mix(base, OUTLINE, 0.28 * far)

    def _figure(self, canvas: Image.Image, body: Body) -> None:
        draw = ImageDraw.Draw(canvas)
        for group in self._groups(body):
            ordered = sorted(group, key=lambda p: self.cam.depth(p.a))
            for part in ordered:
                self._draw_part(draw, part, self.outline, OUTLINE)
            for part in ordered:
                self._draw_part(draw, part, 0.0, self._colour(part))
                if part.name == "head":
                    self._hair(canvas, part)
            if self.glow > 0.05:
                for part in ordered:
                    if part.name in self.highlight and part.name != "belly":
                        self._draw_part(draw, part, 0.0, self._muscle(part), inner=0.5 * self.glow)

    def _draw_part(
        self, draw: ImageDraw.ImageDraw, part: Part, grow: float, colour: RGB, inner: float = 1.0
    ) -> None:
        pb = None if part.b is None else self._pt(part.b)
        ra, rb = self._r(part.ra) * inner + grow, self._r(part.rb) * inner + grow
        _capsule(draw, self._pt(part.a), ra, pb, rb, fill=(*colour, 255))

    def _hair(self, canvas: Image.Image, head: Part) -> None:
        """Hair over the back and top of the head, so the face's direction reads at once."""
        assert head.facing is not None and head.crown is not None
        face = tuple(f - 0.35 * c for f, c in zip(head.facing, head.crown, strict=True))
        fx, fy = self.cam.flat(face)  # type: ignore[arg-type]
        n = math.hypot(fx, fy)
        cx, cy = self._pt(head.a)
        r = self._r(head.ra)
        box = (round(cx - r), round(cy - r), round(cx + r) + 1, round(cy + r) + 1)
        size = (box[2] - box[0], box[3] - box[1])
        mask = Image.new("L", size, 0)
        ImageDraw.Draw(mask).ellipse(
            (cx - r - box[0], cy - r - box[1], cx + r - box[0], cy + r - box[1]), fill=255
        )
        local = Image.new("RGBA", size, (*HAIR, 255))
        shift = 0.3 * r / n if n > 0.25 else 0.0
        sx, sy = cx - box[0] + fx * shift, cy - box[1] - fy * shift
        inner = 0.86 * r if n > 0.25 else 0.8 * r
        ImageDraw.Draw(local).ellipse(
            (sx - inner, sy - inner, sx + inner, sy + inner), fill=(*SKIN, 255)
        )
        canvas.paste(local, box[:2], mask)

    # -- arrows --------------------------------------------------------------------------
    def _arrow(self, canvas: Image.Image, arrow: Arrow, path: list[Vec], body: Body) -> None:
        pts = [self._pt(p) for p in path]
        length = sum(math.dist(a, b) for a, b in itertools.pairwise(pts))
        if length < self._r(1.0):
            return
        shortest = self._r(12.0)
        if length < shortest:
            # A small movement (a breath, a tilt) still gets an arrow that can be seen.
            (x0, y0), (x1, y1) = pts[0], pts[-1]
            d = math.hypot(x1 - x0, y1 - y0) or 1.0
            ux, uy = (x1 - x0) / d, (y1 - y0) / d
            pts = [(x0 + ux * shortest * i / 8, y0 + uy * shortest * i / 8) for i in range(9)]
        centre = self._pt(body.points["pelvis"])
        away = self._r(arrow.away)
        shifted = []
        for i, (x, y) in enumerate(pts):
            a, b = pts[max(i - 1, 0)], pts[min(i + 1, len(pts) - 1)]
            tx, ty = b[0] - a[0], b[1] - a[1]
            n = math.hypot(tx, ty) or 1.0
            nx, ny = -ty / n, tx / n
            if (x - centre[0]) * nx + (y - centre[1]) * ny < 0:
                nx, ny = -nx, -ny
            shifted.append((x + nx * away, y + ny * away))
        layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        width = self._r(2.0)
        head = self._r(7.0)
        end = shifted[-1]
        before = shifted[-2]
        ang = math.atan2(end[1] - before[1], end[0] - before[0])
        base = (end[0] - head * 0.8 * math.cos(ang), end[1] - head * 0.8 * math.sin(ang))
        line = [*shifted[:-1], base]
        draw.line(line, fill=(*ARROW, 255), width=round(width), joint="curve")
        for p in (line[0],):
            draw.ellipse(
                (p[0] - width / 2, p[1] - width / 2, p[0] + width / 2, p[1] + width / 2),
                fill=(*ARROW, 255),
            )
        left = (base[0] + head * 0.55 * math.sin(ang), base[1] - head * 0.55 * math.cos(ang))
        right = (base[0] - head * 0.55 * math.sin(ang), base[1] + head * 0.55 * math.cos(ang))
        draw.polygon([end, left, right], fill=(*ARROW, 255))
        box = layer.getbbox()
        if box is None:
            return
        layer = layer.crop(box)
        layer.putalpha(layer.getchannel("A").point(lambda v: v * 200 // 255))
        canvas.alpha_composite(layer, box[:2])


def _soft(canvas: Image.Image, mask: Image.Image, small: int, colour: RGB, strength: float) -> None:
    """Lay ``colour`` over the canvas through a small blurred ``mask``, scaled up."""
    box = mask.getbbox()
    if box is None:
        return
    size = ((box[2] - box[0]) * small, (box[3] - box[1]) * small)
    alpha = mask.crop(box).resize(size, Image.Resampling.BILINEAR)
    alpha = alpha.point(lambda v: round(v * strength))
    layer = Image.new("RGBA", size, (*colour, 255))
    layer.putalpha(alpha)
    canvas.alpha_composite(layer, (box[0] * small, box[1] * small))


def _midpoint(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def arrow_path(sheet: PoseSheet, arrow: Arrow, place) -> list[Vec]:  # type: ignore[no-untyped-def]
    """Where the arrow's point travels during the movement into its keyframe."""
    a = sheet.keys[arrow.key - 2].pose
    b = sheet.keys[arrow.key - 1].pose
    steps = 14
    return [
        place(sheet, _blend(a, b, _ease(i / steps))).points[arrow.point] for i in range(steps + 1)
    ]
