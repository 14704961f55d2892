"""The committed drawings: present for every exercise, large enough, not blank, moving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from stretchdesk import paths
from stretchdesk.illustration import find_frames
from stretchdesk.routine import Catalog, Motion
from tools.art.poses import degrees_apart, load_pose_file

POSES = Path(__file__).resolve().parents[2] / "assets" / "poses"


def _exercises_in_routines(catalog: Catalog) -> dict[str, object]:
    steps = {}
    for routine in catalog.routines:
        for step in routine.steps:
            steps.setdefault(step.exercise_id, step)
    return steps


def _visible_share(image: Image.Image) -> float:
    alpha = image.getchannel("A")
    histogram = alpha.histogram()
    return sum(histogram[32:]) / (image.width * image.height)


def _changed_share(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255] / (a.width * a.height)


def test_every_routine_exercise_has_moving_frames(catalog: Catalog) -> None:
    steps = _exercises_in_routines(catalog)
    assert len(steps) >= 10
    for ex_id, step in steps.items():
        frames = find_frames(step, paths.assets_dir())  # type: ignore[arg-type]
        assert not frames.is_placeholder, ex_id
        assert len(frames.frames) >= 6, ex_id
        images = [Image.open(p) for p in frames.frames]
        for path, image in zip(frames.frames, images, strict=True):
            assert image.format == "PNG" and image.mode == "RGBA", path
            assert image.size[0] >= 1280 and image.size[1] >= 960, path  # 640x480 at 2x
            assert 0.03 < _visible_share(image) < 0.9, f"{path} looks blank or flooded"
        biggest = max(_changed_share(images[0], im) for im in images[1:])
        assert biggest > 0.01, f"{ex_id}: frames hardly differ"
        for image in images:
            image.close()


def test_consecutive_keyframes_differ_visibly() -> None:
    for path in sorted(POSES.glob("*.toml")):
        sheet = load_pose_file(path)
        assert len(sheet.keys) >= 2, path.name
        for before, after in zip(sheet.keys, sheet.keys[1:], strict=False):
            assert degrees_apart(before.pose, after.pose) >= 8.0 or (
                before.pose["belly"] != after.pose["belly"]
            ), f"{path.name}: {before.name!r} -> {after.name!r}"


@pytest.mark.parametrize("motion", list(Motion))
def test_both_motions_are_used(catalog: Catalog, motion: Motion) -> None:
    used = {s.exercise.illustration.motion for s in _exercises_in_routines(catalog).values()}  # type: ignore[attr-defined]
    assert motion in used


def test_icon_sizes_and_svg() -> None:
    icons = paths.assets_dir() / "icons"
    for size in (16, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"stretchdesk-{size}.png") as image:
            assert image.size == (size, size)
            assert image.getchannel("A").getbbox() is not None
    svg = (icons / "stretchdesk.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "viewBox" in svg
