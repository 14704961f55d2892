"""Where the figure lands on the picture: the camera, one framing per exercise, the mat."""

from __future__ import annotations

import math
from dataclasses import dataclass

from tools.art.poses import MAT_TOP
from tools.art.skeleton import Body, Part
from tools.art.vec import Vec, dot

SIZE = (1280, 960)
SUPERSAMPLE = 3
MARGIN = 0.06
FLOOR_AT = 0.80  # the floor line sits this far down the picture
MAT_LENGTH, MAT_WIDTH = 190.0, 66.0


@dataclass(frozen=True)
class Camera:
    """An orthographic camera: ``yaw`` turns it around the figure, ``elevation`` raises it."""

    yaw: float
    elevation: float

    def axes(self) -> tuple[Vec, Vec, Vec]:
        y, e = math.radians(self.yaw), math.radians(self.elevation)
        toward: Vec = (math.sin(y) * math.cos(e), math.sin(e), math.cos(y) * math.cos(e))
        right: Vec = (math.cos(y), 0.0, -math.sin(y))
        up: Vec = (
            toward[1] * right[2] - toward[2] * right[1],
            toward[2] * right[0] - toward[0] * right[2],
            toward[0] * right[1] - toward[1] * right[0],
        )
        return right, up, toward

    def flat(self, p: Vec) -> tuple[float, float]:
        right, up, _ = self.axes()
        return dot(p, right), dot(p, up)

    def depth(self, p: Vec) -> float:
        return dot(p, self.axes()[2])


@dataclass(frozen=True)
class Frame:
    """Where world centimetres land on the output picture."""

    scale: float  # output pixels per centimetre
    ox: float
    oy: float

    def px(self, flat: tuple[float, float], ss: int = SUPERSAMPLE) -> tuple[float, float]:
        return ((self.ox + flat[0] * self.scale) * ss, (self.oy - flat[1] * self.scale) * ss)


@dataclass(frozen=True)
class MatPlace:
    """Where the mat lies: centred under the figure, long enough for it."""

    x: float
    length: float = MAT_LENGTH

    def corners(self) -> list[Vec]:
        hx, hz = self.length / 2, MAT_WIDTH / 2
        return [
            (self.x + sx * hx, y, sz * hz)
            for y in (0.0, MAT_TOP)
            for sx in (-1, 1)
            for sz in (-1, 1)
        ]


def _part_extent(cam: Camera, part: Part) -> list[tuple[float, float]]:
    pts = []
    for centre, r in ((part.a, part.ra), (part.b, part.rb)):
        if centre is None:
            continue
        x, y = cam.flat(centre)
        pts += [(x - r, y - r), (x + r, y + r)]
    return pts


def fit(
    cam: Camera, bodies: list[Body], mat: MatPlace, extra: tuple[tuple[Vec, float], ...] = ()
) -> Frame:
    """One framing for every frame of an exercise, so nothing jumps between frames.

    ``extra`` holds points (with a radius) that must stay in the picture too: arrows."""
    pts = [p for body in bodies for part in body.parts for p in _part_extent(cam, part)]
    for point, r in extra:
        x, y = cam.flat(point)
        pts += [(x - r, y - r), (x + r, y + r)]
    pts += [cam.flat(c) for c in mat.corners()]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    w, h = SIZE
    floor_y = min(cam.flat(c)[1] for c in mat.corners())
    usable_w = w * (1 - 2 * MARGIN)
    scale = min(usable_w / (max(xs) - min(xs)), (h * FLOOR_AT - h * MARGIN) / (max(ys) - floor_y))
    ox = w / 2 - (max(xs) + min(xs)) / 2 * scale
    oy = h * FLOOR_AT + floor_y * scale
    return Frame(scale, ox, oy)
