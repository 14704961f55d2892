"""The part of a step's pictures the drawing uses: measured over every frame, kept beside
the built-in drawings, measured while a person's pictures are checked, and nothing when it
cannot be trusted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from stretchdesk import paths
from stretchdesk.illustration import drawn_area, find_frames
from stretchdesk.routine import Catalog
from tests.illustration.helpers import step_of


def _figure(box: tuple[int, int, int, int], size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A transparent page with a solid block at ``box`` and a faint line across it."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line((0, size[1] - 20, size[0], size[1] - 20), fill=(0, 0, 0, 30), width=2)
    draw.rectangle(box, fill=(40, 90, 160, 255))
    return image


def test_the_area_is_where_every_frame_draws_with_a_margin() -> None:
    area = drawn_area.measure([_figure((100, 50, 199, 249)), _figure((150, 60, 259, 239))])
    # the union is x 100..259, y 50..249 (160 x 200); the margin is 3 % of 200 = 6
    assert area == (94, 44, 172, 212)


def test_no_area_when_it_cannot_be_trusted() -> None:
    assert drawn_area.measure([]) is None
    assert drawn_area.measure([Image.new("RGB", (400, 300))]) is None  # no transparency
    assert drawn_area.measure([_figure((0, 0, 399, 299))]) is None  # nearly all of it
    assert drawn_area.measure([Image.new("RGBA", (400, 300))]) is None  # nothing drawn


def test_differing_sizes_give_no_area() -> None:
    frames = [_figure((10, 10, 50, 50)), _figure((10, 10, 50, 50), (300, 300))]
    assert drawn_area.measure(frames) is None


@pytest.mark.parametrize(
    "text", ["", "1 2 3", "a b c d", "-1 0 100 100", "0 0 8 8", "0 0 100 100 7", "\xff\xfe"]
)
def test_a_broken_note_is_not_used(tmp_path: Path, text: str) -> None:
    (tmp_path / drawn_area.FILE_NAME).write_bytes(text.encode("latin-1"))
    assert drawn_area.read(tmp_path) is None


def test_a_note_larger_than_the_pictures_is_not_used(tmp_path: Path) -> None:
    drawn_area.write(tmp_path, (100, 100, 400, 300))
    assert drawn_area.read(tmp_path) == (100, 100, 400, 300)
    assert drawn_area.read(tmp_path, (450, 400)) is None
    drawn_area.write(tmp_path, None)
    assert not (tmp_path / drawn_area.FILE_NAME).exists()


def test_every_built_in_drawing_has_its_area(catalog: Catalog) -> None:
    for routine in catalog.routines:
        for step in routine.steps:
            frames = find_frames(step, paths.assets_dir())
            assert frames.drawn is not None, step.exercise_id
            left, top, width, height = frames.drawn
            with Image.open(frames.frames[0]) as first:
                assert left + width <= first.width and top + height <= first.height


def test_a_persons_pictures_are_measured_while_checked(catalog: Catalog, tmp_path: Path) -> None:
    for index, box in enumerate([(100, 50, 199, 249), (150, 60, 259, 239)]):
        _figure(box).save(tmp_path / f"{index:02d}.png")
    step = dataclasses.replace(step_of(catalog, "cat-cow"), image_dir=tmp_path)
    assert find_frames(step, paths.assets_dir()).drawn == (94, 44, 172, 212)
    Image.new("RGB", (400, 300), (200, 200, 200)).save(tmp_path / "02.jpg")
    assert find_frames(step, paths.assets_dir()).drawn is None  # a photograph: all of it
