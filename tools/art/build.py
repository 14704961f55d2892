"""Render every exercise's frames, the left-side set where asked, and the keyframe pictures."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from stretchdesk.illustration import drawn_area
from stretchdesk.routine.model import Exercise, Motion
from tools.art.camera import Camera, MatPlace, fit
from tools.art.poses import (
    Key,
    PoseError,
    PoseSheet,
    check_body,
    frame_times,
    place,
    sample,
    swap_name,
    swap_sides,
)
from tools.art.props import boxes, corners
from tools.art.render import Painter, arrow_path
from tools.art.skeleton import Body


@dataclass
class Rendered:
    exercise: Exercise
    sheet: PoseSheet
    frames: list[Image.Image]
    left: list[Image.Image]  # empty when the left side is the mirror image
    keys: list[Image.Image]  # one picture per keyframe, for the contact sheet


def left_sheet(sheet: PoseSheet) -> PoseSheet:
    """The pose sheet done with the left side instead of the right."""
    keys = tuple(
        Key(
            k.name,
            swap_sides(k.pose),
            k.move,
            k.hold,
            tuple(swap_name(c) for c in k.contacts),
            k.glow,
        )
        for k in sheet.keys
    )
    arrows = tuple(replace(a, point=swap_name(a.point)) for a in sheet.arrows)
    return replace(
        sheet,
        keys=keys,
        arrows=arrows,
        highlight=tuple(swap_name(h) for h in sheet.highlight),
    )


def _bodies(sheet: PoseSheet, cycle: bool) -> tuple[list[Body], list]:  # type: ignore[type-arg]
    samples = [sample(sheet, t, cycle) for t in frame_times(sheet, cycle)]
    bodies = []
    for s in samples:
        body = place(sheet, s.pose)
        name = sheet.keys[s.key].name
        check_body(sheet, body, f"moving into keyframe {s.key + 1} ({name})")
        bodies.append(body)
    return bodies, samples


def render(sheet: PoseSheet, exercise: Exercise) -> Rendered:
    cycle = exercise.illustration.motion is Motion.CYCLE
    sheets = [sheet] + ([left_sheet(sheet)] if sheet.left == "render" else [])
    key_bodies = [place(s, k.pose) for s in sheets for k in s.keys]
    per_sheet = [_bodies(s, cycle) for s in sheets]
    every = key_bodies + [b for bodies, _ in per_sheet for b in bodies]
    cam = Camera(sheet.yaw, sheet.elevation)
    xs = [x for b in every for p in b.parts for x in (p.a[0] - p.ra, p.a[0] + p.ra)]
    mat = MatPlace((max(xs) + min(xs)) / 2, max(sheet.mat, max(xs) - min(xs) + 12.0))
    arrows = tuple(
        (point, a.away + 8.0) for s in sheets for a in s.arrows for point in arrow_path(s, a, place)
    )
    furniture = tuple((c, 0.0) for prop in sheet.props for b in boxes(prop) for c in corners(b))
    frame = fit(cam, every, mat, arrows + furniture)
    outputs: list[list[Image.Image]] = []
    for s, (bodies, samples) in zip(sheets, per_sheet, strict=True):
        painter = Painter(cam, frame, s.highlight, mat, s.props)
        outputs.append(
            [
                painter.paint(body, [(a, arrow_path(s, a, place)) for a in smp.arrows], smp.glow)
                for body, smp in zip(bodies, samples, strict=True)
            ]
        )
    painter = Painter(cam, frame, sheet.highlight, mat, sheet.props)
    keys = []
    for index, key in enumerate(sheet.keys):
        drawn = [(a, arrow_path(sheet, a, place)) for a in sheet.arrows if a.key == index + 1]
        keys.append(painter.paint(place(sheet, key.pose), drawn, key.glow))
    return Rendered(exercise, sheet, outputs[0], outputs[1] if len(outputs) > 1 else [], keys)


def save_png(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=True)


def write_frames(rendered: Rendered, folder: Path) -> None:
    """Replace the exercise's frame folder with freshly numbered PNGs, and the note of
    the part of them the drawing uses (the window shows that part)."""
    if folder.exists():
        for old in sorted(folder.rglob("*.png")):
            old.unlink()
    for i, image in enumerate(rendered.frames):
        save_png(image, folder / f"{i:02d}.png")
    for i, image in enumerate(rendered.left):
        save_png(image, folder / "left" / f"{i:02d}.png")
    drawn_area.write(folder, drawn_area.measure(rendered.frames + rendered.left))


__all__ = ["PoseError", "Rendered", "render", "save_png", "write_frames"]
