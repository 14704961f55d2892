"""The application icon: a figure arching its back on a mat, on a calm rounded tile.

One geometry (in a 512-unit square) is written both as SVG and, supersampled, as PNGs.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

from PIL import Image, ImageDraw

from tools.art.build import save_png

SIZES = (16, 32, 48, 64, 128, 256, 512)
TILE = "#2f6f96"
MAT = "#9cc9b4"
FIGURE = "#fff7ee"
GLOW = "#f4a070"
STROKE = 46.0
# The back: a quadratic curve from the hips over an arch to the shoulders.
HIPS, ARCH, SHOULDERS = (334.0, 236.0), (258.0, 128.0), (178.0, 238.0)
HEAD = (132.0, 262.0, 34.0)
LIMBS = (
    ((178.0, 238.0), (178.0, 352.0)),  # arm to the mat
    ((334.0, 236.0), (334.0, 352.0)),  # thigh to the knee
    ((334.0, 352.0), (404.0, 352.0)),  # shin along the mat
)
MAT_BOX = (86.0, 384.0, 426.0, 412.0)


def _curve(steps: int = 48) -> list[tuple[float, float]]:
    pts = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * HIPS[0] + 2 * (1 - t) * t * ARCH[0] + t * t * SHOULDERS[0]
        y = (1 - t) ** 2 * HIPS[1] + 2 * (1 - t) * t * ARCH[1] + t * t * SHOULDERS[1]
        pts.append((x, y))
    return pts


def svg() -> str:
    limbs = "".join(
        f'<line x1="{a[0]:g}" y1="{a[1]:g}" x2="{b[0]:g}" y2="{b[1]:g}"/>' for a, b in LIMBS
    )
    x0, y0, x1, y1 = MAT_BOX
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">\n'
        "  <title>stretchdesk</title>\n"
        f'  <rect x="16" y="16" width="480" height="480" rx="112" fill="{TILE}"/>\n'
        f'  <rect x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" rx="14" '
        f'fill="{MAT}"/>\n'
        f'  <g fill="none" stroke="{FIGURE}" stroke-width="{STROKE:g}" stroke-linecap="round">\n'
        f'    <path d="M{HIPS[0]:g} {HIPS[1]:g} Q{ARCH[0]:g} {ARCH[1]:g} '
        f'{SHOULDERS[0]:g} {SHOULDERS[1]:g}" stroke="{GLOW}"/>\n'
        f"    {limbs}\n"
        "  </g>\n"
        f'  <circle cx="{HEAD[0]:g}" cy="{HEAD[1]:g}" r="{HEAD[2]:g}" fill="{FIGURE}"/>\n'
        "</svg>\n"
    )


def _stroke(draw: ImageDraw.ImageDraw, pts: list[tuple[float, float]], k: float, fill: str) -> None:
    """A round-capped stroke: discs stamped closely along the path (no seams at joints)."""
    r = STROKE * k / 2
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        steps = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) * k / max(r / 4, 0.5)))
        for i in range(steps + 1):
            x = (x0 + (x1 - x0) * i / steps) * k
            y = (y0 + (y1 - y0) * i / steps) * k
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def png(size: int) -> Image.Image:
    ss = 8 if size < 64 else 4
    k = size * ss / 512
    image = Image.new("RGBA", (size * ss, size * ss), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16 * k, 16 * k, 496 * k, 496 * k), radius=112 * k, fill=TILE)
    x0, y0, x1, y1 = MAT_BOX
    draw.rounded_rectangle((x0 * k, y0 * k, x1 * k, y1 * k), radius=14 * k, fill=MAT)
    _stroke(draw, _curve(), k, GLOW)
    for a, b in LIMBS:
        _stroke(draw, [a, b], k, FIGURE)
    hx, hy, hr = (v * k for v in HEAD)
    draw.ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=FIGURE)
    return image.resize((size, size), Image.Resampling.BOX)


def write_icons(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stretchdesk.svg").write_text(svg(), encoding="utf-8")
    for size in SIZES:
        save_png(png(size), folder / f"stretchdesk-{size}.png")
