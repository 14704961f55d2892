"""The generator refuses impossible poses, naming the exercise and the keyframe."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.art.build import left_sheet
from tools.art.poses import PoseError, frame_times, load_pose_file, sample, swap_sides

BACK = """
exercise = "demo"
frames = {frames}
[start]
root = {{ pitch = 90{y} }}
hip_r = {{ flex = 45 }}
hip_l = {{ flex = 45 }}
knee_r = {{ flex = 99 }}
knee_l = {{ flex = 99 }}
ankle_r = {{ flex = -46 }}
ankle_l = {{ flex = -46 }}

[[key]]
name = "Lying"
contacts = ["chest"]

[[key]]
name = "Knee up"
{second}
"""


def _write(tmp_path: Path, second: str, frames: int = 8, y: str = "") -> Path:
    path = tmp_path / "demo.toml"
    path.write_text(BACK.format(second=second, frames=frames, y=y), encoding="utf-8")
    return path


def test_a_good_pose_loads(tmp_path: Path) -> None:
    sheet = load_pose_file(_write(tmp_path, "hip_r = { flex = 110 }"))
    assert [k.name for k in sheet.keys] == ["Lying", "Knee up"]


def test_knee_bending_backwards_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PoseError, match=r"demo: keyframe 2 \(Knee up\): knee_r flex -20"):
        load_pose_file(_write(tmp_path, "knee_r = { flex = -20 }"))


def test_unknown_joint_is_named(tmp_path: Path) -> None:
    with pytest.raises(PoseError, match="unknown joint 'tail'"):
        load_pose_file(_write(tmp_path, "tail = { wag = 3 }"))


def test_limb_through_the_floor_is_refused(tmp_path: Path) -> None:
    # With the pelvis placed by hand, a straight leg swung down goes through the floor.
    path = _write(tmp_path, "hip_r = { flex = -25 }\nknee_r = { flex = 0 }", y=", y = 14")
    with pytest.raises(
        PoseError, match=r"keyframe 2 \(Knee up\): (thigh|shin|foot)_r goes .* floor"
    ):
        load_pose_file(path)


def test_a_floating_contact_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, 'contacts = ["hand_r"]\nshoulder_r = { flex = 90 }')
    with pytest.raises(PoseError, match=r"hand_r floats"):
        load_pose_file(path)


def test_too_few_frames_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PoseError, match="at least 6 frames"):
        load_pose_file(_write(tmp_path, "hip_r = { flex = 110 }", frames=4))


def test_hold_frames_end_on_the_last_keyframe_and_cycles_wrap(tmp_path: Path) -> None:
    sheet = load_pose_file(_write(tmp_path, "hip_r = { flex = 110 }"))
    hold = frame_times(sheet, cycle=False)
    assert hold[0] == 0.0 and hold[-1] == 1.0
    assert sample(sheet, 1.0, cycle=False).pose == sheet.keys[-1].pose
    cycle = frame_times(sheet, cycle=True)
    assert len(cycle) == sheet.frames and cycle[-1] < 1.0
    assert sample(sheet, 0.0, cycle=True).pose == sheet.keys[0].pose


def test_left_side_swaps_limbs(tmp_path: Path) -> None:
    sheet = load_pose_file(_write(tmp_path, "hip_r = { flex = 110 }"))
    left = left_sheet(sheet)
    assert left.keys[1].pose["hip_l"]["flex"] == 110.0
    assert left.keys[1].pose["hip_r"]["flex"] == 45.0
    assert swap_sides(swap_sides(sheet.keys[1].pose)) == sheet.keys[1].pose
