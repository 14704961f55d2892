"""Pose files: keyframes of joint angles, checked against the figure's limits, and sampled
into evenly timed frames."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.art.skeleton import LIMITS, SIDES, Body, Pose, build, lowest, neutral_pose

MAT_TOP = 2.0  # the mat is 2 cm thick
SINK = 1.0  # soft tissue may press this far into the mat
CONTACT = 2.5  # a contact part rests within this distance of the mat
POSE_KEYS = {
    "exercise",
    "frames",
    "highlight",
    "left",
    "view",
    "start",
    "key",
    "arrow",
    "close",
    "mat",
    "prop",
}
KEY_KEYS = {"name", "move", "hold", "contacts", "glow"}
ARROW_KEYS = {"point", "key", "away"}
PROP_KEYS = {"kind", "x"}
PROP_KINDS = ("chair", "wall", "cushion")
SPINE_MIRRORED = {"bend", "twist", "turn", "z"}


class PoseError(Exception):
    """A pose file that cannot be drawn; the message names the exercise and the keyframe."""


@dataclass(frozen=True)
class Arrow:
    point: str
    key: int  # the movement into this keyframe
    away: float  # how far from the body the arrow runs, in cm


@dataclass(frozen=True)
class Prop:
    """Furniture in the room: a ``chair`` (its seat centred at ``x``, facing forwards) or a
    ``wall`` (its face at ``x``, behind a figure that faces forwards)."""

    kind: str
    x: float


@dataclass(frozen=True)
class Key:
    name: str
    pose: Pose
    move: float  # beats to move here from the previous keyframe
    hold: float  # beats held still here
    contacts: tuple[str, ...]
    glow: float  # how strongly the stretched part is highlighted, 0..1


@dataclass(frozen=True)
class PoseSheet:
    exercise: str
    frames: int
    highlight: tuple[str, ...]
    left: str  # "mirror" or "render"
    yaw: float
    elevation: float
    keys: tuple[Key, ...]
    arrows: tuple[Arrow, ...]
    close: float  # cycles: beats to move from the last keyframe back to the first
    grounded: bool  # True when the pelvis height comes from resting on the mat
    mat: float  # the mat's length in cm
    props: tuple[Prop, ...] = ()


@dataclass
class Sample:
    pose: Pose
    glow: float
    key: int  # the keyframe being moved into or held
    progress: float  # 0..1 through that movement (1 while held)
    arrows: list[Arrow] = field(default_factory=list)


def _fail(exercise: str, where: str, message: str) -> PoseError:
    return PoseError(f"{exercise}: {where}: {message}")


def _merge(base: Pose, table: Mapping[str, Any], exercise: str, where: str) -> Pose:
    pose = {joint: dict(dofs) for joint, dofs in base.items()}
    for joint, dofs in table.items():
        if joint in KEY_KEYS:
            continue
        if joint not in LIMITS:
            raise _fail(exercise, where, f"unknown joint {joint!r}")
        if not isinstance(dofs, Mapping):
            raise _fail(exercise, where, f"{joint} must be a table of angles")
        for dof, value in dofs.items():
            if dof not in LIMITS[joint]:
                raise _fail(exercise, where, f"{joint} has no {dof!r}")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _fail(exercise, where, f"{joint} {dof} must be a number")
            low, high = LIMITS[joint][dof]
            if not low <= value <= high:
                raise _fail(
                    exercise, where, f"{joint} {dof} {value:g} is outside {low:g}..{high:g}"
                )
            pose[joint][dof] = float(value)
    return pose


def _names(body: Body) -> set[str]:
    return {p.name for p in body.parts} | set(body.points)


def _props(raws: list[Any], exercise: str) -> tuple[Prop, ...]:
    props = []
    for raw in raws:
        if set(raw) - PROP_KEYS or raw.get("kind") not in PROP_KINDS:
            raise _fail(exercise, "prop", f"needs a kind ({', '.join(PROP_KINDS)}) and x: {raw}")
        props.append(Prop(str(raw["kind"]), float(raw.get("x", 0.0))))
    return tuple(props)


def load_pose_file(path: Path, *, check: bool = True) -> PoseSheet:
    """Read and check one pose file; raise :class:`PoseError` naming what is wrong."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    exercise = str(data.get("exercise", path.stem))
    unknown = set(data) - POSE_KEYS
    if unknown:
        raise _fail(exercise, path.name, f"unknown keys {sorted(unknown)}")
    frames = int(data.get("frames", 0))
    if frames < 6:
        raise _fail(exercise, path.name, "at least 6 frames per movement are needed")
    start = data.get("start", {})
    grounded = "y" not in start.get("root", {})
    base = _merge(neutral_pose(), start, exercise, "start")
    names = _names(build(base))
    keys: list[Key] = []
    contacts: tuple[str, ...] = ()
    raw_keys = data.get("key", [])
    if len(raw_keys) < 2:
        raise _fail(exercise, path.name, "at least two keyframes are needed")
    for index, raw in enumerate(raw_keys, start=1):
        name = str(raw.get("name", f"key {index}"))
        where = f"keyframe {index} ({name})"
        pose = _merge(keys[-1].pose if keys else base, raw, exercise, where)
        contacts = tuple(raw.get("contacts", contacts))
        for contact in contacts:
            if contact not in names:
                raise _fail(exercise, where, f"unknown contact {contact!r}")
        if keys and pose == keys[-1].pose:
            raise _fail(exercise, where, "is the same as the keyframe before it")
        glow = float(raw.get("glow", keys[-1].glow if keys else 1.0))
        move, hold = float(raw.get("move", 1.0)), float(raw.get("hold", 0.0))
        keys.append(Key(name, pose, move, hold, contacts, glow))
    highlight = tuple(data.get("highlight", ()))
    for part in highlight:
        if part not in names:
            raise _fail(exercise, "highlight", f"unknown part {part!r}")
    arrows = []
    for raw in data.get("arrow", []):
        if set(raw) - ARROW_KEYS or raw.get("point") not in names:
            raise _fail(exercise, "arrow", f"needs a known point and a key: {raw}")
        key = int(raw.get("key", 0))
        if not 2 <= key <= len(keys):
            raise _fail(exercise, "arrow", f"key {key} must be 2..{len(keys)}")
        arrows.append(Arrow(raw["point"], key, float(raw.get("away", 14.0))))
    left = str(data.get("left", "mirror"))
    if left not in ("mirror", "render"):
        raise _fail(exercise, "left", 'must be "mirror" or "render"')
    view = data.get("view", {})
    sheet = PoseSheet(
        exercise=exercise,
        frames=frames,
        highlight=highlight,
        left=left,
        yaw=float(view.get("yaw", 0.0)),
        elevation=float(view.get("elevation", 0.0)),
        keys=tuple(keys),
        arrows=tuple(arrows),
        close=float(data.get("close", 1.0)),
        grounded=grounded,
        mat=float(data.get("mat", 190.0)),
        props=_props(data.get("prop", []), exercise),
    )
    for index, keyframe in enumerate(sheet.keys, start=1):
        if check:
            where = f"keyframe {index} ({keyframe.name})"
            check_body(sheet, place(sheet, keyframe.pose), where, keyframe.contacts)
    return sheet


def place(sheet: PoseSheet, pose: Pose) -> Body:
    """The body of ``pose``; a grounded sheet lowers it until it rests on the mat."""
    body = build(pose)
    if not sheet.grounded:
        return body
    drop = min(lowest(p) for p in body.parts) - MAT_TOP
    moved = {joint: dict(dofs) for joint, dofs in pose.items()}
    moved["root"]["y"] -= drop
    return build(moved)


def check_body(sheet: PoseSheet, body: Body, where: str, contacts: tuple[str, ...] = ()) -> None:
    """No part below the mat; every contact part resting on it."""
    for part in body.parts:
        depth = MAT_TOP - lowest(part)
        if depth > SINK:
            raise _fail(sheet.exercise, where, f"{part.name} goes {depth:.1f} cm through the floor")
    by_name = {p.name: p for p in body.parts}
    for contact in contacts:
        if contact in by_name:
            gap = lowest(by_name[contact]) - MAT_TOP
        else:
            gap = body.points[contact][1] - MAT_TOP
        if gap > CONTACT:
            raise _fail(sheet.exercise, where, f"{contact} floats {gap:.1f} cm above the mat")


def _ease(u: float) -> float:
    return u * u * (3.0 - 2.0 * u)


def _blend(a: Pose, b: Pose, u: float) -> Pose:
    return {
        joint: {dof: dofs[dof] + (b[joint][dof] - dofs[dof]) * u for dof in dofs}
        for joint, dofs in a.items()
    }


def _segments(sheet: PoseSheet, cycle: bool) -> list[tuple[int, int, float, bool]]:
    """(from key, to key, beats, moving) in time order."""
    segs: list[tuple[int, int, float, bool]] = []
    keys = sheet.keys
    for i, key in enumerate(keys):
        if i > 0:
            segs.append((i - 1, i, key.move, True))
        if key.hold > 0 and (cycle or i < len(keys) - 1):
            segs.append((i, i, key.hold, False))
    if cycle:
        segs.append((len(keys) - 1, 0, sheet.close, True))
    return [s for s in segs if s[2] > 0]


def sample(sheet: PoseSheet, t: float, cycle: bool) -> Sample:
    """The pose at ``t`` (0..1 of the whole sequence)."""
    segs = _segments(sheet, cycle)
    total = sum(s[2] for s in segs)
    when = min(max(t, 0.0), 1.0) * total
    for start, end, beats, moving in segs:
        if when <= beats + 1e-9 or (start, end, beats, moving) == segs[-1]:
            u = min(when / beats, 1.0)
            a, b = sheet.keys[start].pose, sheet.keys[end].pose
            e = _ease(u) if moving else 0.0
            pose = _blend(a, b, e)
            ga, gb = sheet.keys[start].glow, sheet.keys[end].glow
            into = end if moving else start
            shown = [ar for ar in sheet.arrows if ar.key - 1 == into]
            return Sample(pose, ga + (gb - ga) * e, into, u if moving else 1.0, shown)
        when -= beats
    raise AssertionError("unreachable")


def frame_times(sheet: PoseSheet, cycle: bool) -> list[float]:
    """Evenly spaced times: a cycle wraps (no repeated first frame); a hold ends on the last key."""
    n = sheet.frames
    if cycle:
        return [i / n for i in range(n)]
    return [i / (n - 1) for i in range(n)]


def swap_sides(pose: Pose) -> Pose:
    """The same pose done with the other side: right and left exchanged."""
    out: Pose = {}
    for joint, dofs in pose.items():
        if joint.endswith(tuple(f"_{s}" for s in SIDES)):
            other = joint[:-1] + ("l" if joint.endswith("r") else "r")
            out[other] = dict(dofs)
        else:
            out[joint] = {dof: (-v if dof in SPINE_MIRRORED else v) for dof, v in dofs.items()}
    return out


def swap_name(name: str) -> str:
    if name.endswith("_r"):
        return name[:-1] + "l"
    if name.endswith("_l"):
        return name[:-1] + "r"
    return name


def degrees_apart(a: Pose, b: Pose) -> float:
    """The largest joint angle difference between two poses."""
    return max((abs(a[j][d] - b[j][d]) for j in a for d in a[j] if j != "root"), default=math.inf)


def report(path: Path) -> str:
    """How high every part sits above the mat at each keyframe: for writing pose files."""
    sheet = load_pose_file(path, check=False)
    lines = []
    for index, key in enumerate(sheet.keys, start=1):
        body = place(sheet, key.pose)
        heights = ", ".join(f"{p.name} {lowest(p) - MAT_TOP:.1f}" for p in body.parts)
        points = ", ".join(
            f"{n} ({v[0]:.0f},{v[1]:.0f},{v[2]:.0f})" for n, v in body.points.items()
        )
        lines.append(f"keyframe {index} ({key.name}):\n  {heights}\n  {points}")
    return "\n".join(lines)
