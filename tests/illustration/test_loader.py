"""Finding frames and checking user pictures: bad input gives a placeholder, never a crash."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image

from stretchdesk import paths
from stretchdesk.illustration import ImageProblem, check_image, find_frames, open_checked
from stretchdesk.illustration import placeholder as make_placeholder
from stretchdesk.illustration.frames import MAX_USER_FRAMES
from stretchdesk.routine import Catalog
from tests.illustration.helpers import step_of


def _png(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    Image.new("RGBA", size, (90, 140, 180, 255)).save(path)
    return path


def test_builtin_frames_and_left_side(catalog: Catalog) -> None:
    frames = find_frames(step_of(catalog, "knee-to-chest"), paths.assets_dir())
    assert len(frames.frames) == 8 and frames.per_side
    shown, mirrored = frames.for_side(left=True)
    assert shown == frames.frames and mirrored
    assert frames.for_side(left=False) == (frames.frames, False)
    single = find_frames(step_of(catalog, "cat-cow"), paths.assets_dir())
    assert single.for_side(left=True)[1] is False


def test_missing_drawings_fall_back_to_a_placeholder(catalog: Catalog, tmp_path: Path) -> None:
    frames = find_frames(step_of(catalog, "knee-to-chest"), tmp_path)
    assert frames.is_placeholder
    assert frames.problem and "Single knee to chest" in frames.problem
    image = make_placeholder(frames.title, (640, 480))
    assert image.size == (640, 480) and image.getchannel("A").getbbox() is not None


def test_user_pictures_are_checked_one_by_one(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    _png(folder / "01.png")
    (folder / "02.png").write_bytes(b"this is not a picture")
    good = _png(folder / "03.png")
    (folder / "04.png").write_bytes(good.read_bytes()[:60])  # truncated
    step = dataclasses.replace(step_of(catalog, "knee-to-chest"), image_dir=folder)
    frames = find_frames(step, paths.assets_dir())
    assert [p.name for p in frames.frames] == ["01.png", "03.png"]
    assert frames.problem and "02.png" in frames.problem and "04.png" in frames.problem


def test_a_folder_of_many_pictures_shows_the_first_ones_only(
    catalog: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path / "pics"
    folder.mkdir()
    first = _png(folder / "000.png")
    for n in range(1, MAX_USER_FRAMES + 40):
        (folder / f"{n:03}.png").write_bytes(first.read_bytes())
    step = dataclasses.replace(step_of(catalog, "knee-to-chest"), image_dir=folder)
    frames = find_frames(step, paths.assets_dir())
    assert len(frames.frames) == MAX_USER_FRAMES
    assert (
        frames.problem
        == f"only the first {MAX_USER_FRAMES} of {MAX_USER_FRAMES + 40} pictures are shown"
    )


def test_an_empty_or_unreadable_folder_gives_a_reason(catalog: Catalog, tmp_path: Path) -> None:
    step = dataclasses.replace(step_of(catalog, "cat-cow"), image_dir=tmp_path / "missing")
    frames = find_frames(step, paths.assets_dir())
    assert frames.is_placeholder and "cannot be read" in (frames.problem or "")
    (tmp_path / "empty").mkdir()
    step = dataclasses.replace(step, image_dir=tmp_path / "empty")
    assert "no pictures" in (find_frames(step, paths.assets_dir()).problem or "")


def test_check_image_rejects_bad_files(tmp_path: Path) -> None:
    assert check_image(_png(tmp_path / "ok.png")) == (64, 48)
    with pytest.raises(ImageProblem, match="empty"):
        (tmp_path / "empty.png").write_bytes(b"")
        check_image(tmp_path / "empty.png")
    with pytest.raises(ImageProblem, match="not a picture"):
        (tmp_path / "text.png").write_text("hello", encoding="utf-8")
        check_image(tmp_path / "text.png")
    with pytest.raises(ImageProblem, match="too large"):
        check_image(_png(tmp_path / "wide.png", (9000, 20)))
    with pytest.raises(ImageProblem, match="too small"):
        check_image(_png(tmp_path / "tiny.png", (4, 4)))
    with pytest.raises(ImageProblem, match="not supported"):
        Image.new("RGB", (32, 32)).save(tmp_path / "pic.bmp")
        check_image(tmp_path / "pic.bmp")


def test_a_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    # 12,000 x 12,000 one-bit pixels: a few kilobytes on disk, 144 million pixels decoded.
    bomb = tmp_path / "bomb.png"
    Image.new("1", (12_000, 12_000)).save(bomb)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ImageProblem, match="too large"):
        check_image(bomb)


def test_a_truncated_png_is_found_when_decoded(tmp_path: Path) -> None:
    source = tmp_path / "full.png"
    Image.effect_noise((256, 256), 60).convert("RGB").save(source)
    cut = tmp_path / "cut.png"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    with pytest.raises(ImageProblem, match="damaged"):
        open_checked(cut)
    assert open_checked(source).mode == "RGBA"


def test_a_palette_picture_with_transparency_is_accepted(tmp_path: Path) -> None:
    picture = Image.new("P", (40, 40), 1)
    picture.putpalette([0, 0, 0, 200, 120, 80] + [0, 0, 0] * 254)
    picture.info["transparency"] = b"\x00\xff"
    path = tmp_path / "palette.png"
    picture.save(path, transparency=b"\x00\xff")
    assert open_checked(path).mode == "RGBA"
