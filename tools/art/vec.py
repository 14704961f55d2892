"""Tiny 3D vector and rotation helpers (degrees, row-major 3x3 matrices)."""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]

IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


def rx(deg: float) -> Mat:
    """Rotation about X: Y turns towards Z."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def ry(deg: float) -> Mat:
    """Rotation about Y: Z turns towards X."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rz(deg: float) -> Mat:
    """Rotation about Z: X turns towards Y."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def mul(a: Mat, b: Mat) -> Mat:
    rows = []
    for i in range(3):
        rows.append(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)))
    return (rows[0], rows[1], rows[2])  # type: ignore[return-value]


def chain(*mats: Mat) -> Mat:
    out = IDENTITY
    for m in mats:
        out = mul(out, m)
    return out


def apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def at(origin: Vec, frame: Mat, offset: Vec) -> Vec:
    """``origin`` plus ``offset`` expressed in ``frame``."""
    return add(origin, apply(frame, offset))


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
