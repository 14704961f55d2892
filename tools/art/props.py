"""Furniture, as boxes: a plain chair and a wall for the seated and standing alternatives,
a small flat cushion under the head where the sources suggest one."""

from __future__ import annotations

from tools.art.poses import Prop
from tools.art.vec import Vec

Box = tuple[float, float, float, float, float, float]  # x0, x1, y0, y1, z0, z1 in cm

SEAT_TOP = 45.0  # a dining chair: the seat this high above the floor
SEAT = 42.0  # seat width and depth
CUSHION = 4.5  # cm thick
WOOD: tuple[int, int, int] = (156, 112, 78)
PILLOW: tuple[int, int, int] = (226, 222, 200)
WALL: tuple[int, int, int] = (196, 200, 206)


def boxes(prop: Prop) -> list[Box]:
    x = prop.x
    if prop.kind == "wall":
        return [(x - 5.0, x, 0.0, 175.0, -45.0, 45.0)]
    if prop.kind == "cushion":  # a small flat cushion under the head, lying on the mat
        return [(x - 14.0, x + 14.0, 2.0, 2.0 + CUSHION, -17.0, 17.0)]
    h = SEAT / 2
    seat = (x - h, x + h, SEAT_TOP - 4.0, SEAT_TOP, -h, h)
    back = (x - h, x - h + 3.5, SEAT_TOP, SEAT_TOP + 42.0, -h, h)
    legs = [
        (lx - 1.8, lx + 1.8, 0.0, SEAT_TOP - 4.0, lz - 1.8, lz + 1.8)
        for lx in (x - h + 2.0, x + h - 2.0)
        for lz in (-h + 2.0, h - 2.0)
    ]
    return [*legs, seat, back]


def colour(prop: Prop) -> tuple[int, int, int]:
    return {"wall": WALL, "cushion": PILLOW}.get(prop.kind, WOOD)


def corners(box: Box) -> list[Vec]:
    x0, x1, y0, y1, z0, z1 = box
    return [(x, y, z) for y in (y0, y1) for x in (x0, x1) for z in (z0, z1)]
