"""The figure: proportions, joint limits and forward kinematics, in centimetres.

Body frame (standing, neutral): X points forwards (the way the person faces), Y up, Z to the
person's right. The world uses the same axes with Y up and the floor at Y = 0; a side view
looks at the person's right side. Angles are degrees; positive values mean, for every joint:
flex = bend forwards (knee: heel towards the bottom; ankle: toes up), abduct = away from the
midline, rotate = turn outwards, bend = lean to the right, twist = turn to the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.art.vec import IDENTITY, Mat, Vec, at, chain, rx, ry, rz

SIDES = ("r", "l")

# Degrees of freedom and their limits. "root" places the pelvis in the world: pitch turns
# the whole body about the world Z axis (90 = lying on the back, head to the left; -90 =
# face down, head to the right), turn rolls it about its own long axis.
LIMITS: dict[str, dict[str, tuple[float, float]]] = {
    "root": {
        "pitch": (-180.0, 180.0),
        "turn": (-70.0, 70.0),
        "x": (-150.0, 150.0),
        "y": (0.0, 150.0),
        "z": (-60.0, 60.0),
    },
    "lumbar": {"flex": (-30.0, 45.0), "bend": (-25.0, 25.0), "twist": (-40.0, 40.0)},
    "chest": {"flex": (-25.0, 40.0), "bend": (-20.0, 20.0), "twist": (-40.0, 40.0)},
    "neck": {"flex": (-40.0, 60.0), "bend": (-30.0, 30.0), "twist": (-70.0, 70.0)},
    "belly": {"rise": (0.0, 1.0)},
}
for _side in SIDES:
    LIMITS[f"hip_{_side}"] = {
        "flex": (-25.0, 140.0),
        "abduct": (-25.0, 60.0),
        "rotate": (-45.0, 60.0),
    }
    LIMITS[f"knee_{_side}"] = {"flex": (0.0, 155.0)}
    LIMITS[f"ankle_{_side}"] = {
        "flex": (-90.0, 30.0)
    }  # with the midfoot: kneeling lays the foot flat
    LIMITS[f"shoulder_{_side}"] = {
        "flex": (-50.0, 180.0),
        "abduct": (-15.0, 180.0),
        "rotate": (-90.0, 90.0),
    }
    LIMITS[f"elbow_{_side}"] = {"flex": (0.0, 150.0)}

Pose = dict[str, dict[str, float]]

# Segment lengths and radii (cm): an adult about 1.73 m tall.
LUMBAR, CHEST, NECK = 22.0, 26.0, 9.0
THIGH, SHIN = 44.0, 42.0
UPPER_ARM, FOREARM, HAND = 29.0, 25.0, 8.0
HEAD_R = 11.0
HIP_OFFSET: Vec = (1.0, -5.0, 9.0)
SHOULDER_OFFSET: Vec = (-3.0, -3.0, 17.0)


@dataclass(frozen=True)
class Part:
    """One drawable piece of the body: a tapered capsule, or a ball when ``b`` is None."""

    name: str
    side: str  # "r", "l" or "c" (centre)
    kind: str  # "skin", "cloth" or "hair"
    a: Vec
    ra: float
    b: Vec | None = None
    rb: float = 0.0
    facing: Vec | None = None  # heads: which way the face looks
    crown: Vec | None = None  # heads: towards the top of the head


@dataclass(frozen=True)
class Body:
    parts: tuple[Part, ...]
    points: dict[str, Vec]


def neutral_pose() -> Pose:
    """Every degree of freedom at zero, standing with the pelvis 100 cm up."""
    pose = {joint: dict.fromkeys(dofs, 0.0) for joint, dofs in LIMITS.items()}
    pose["root"]["y"] = 100.0
    return pose


def _spine(flex: float, bend: float, twist: float) -> Mat:
    return chain(rz(-flex), rx(bend), ry(twist))


def _limb(side: str, flex: float, abduct: float, rotate: float) -> Mat:
    sign = 1.0 if side == "r" else -1.0
    return chain(rz(flex), rx(-sign * abduct), ry(-sign * rotate))


def _mirror_z(v: Vec, side: str) -> Vec:
    return v if side == "r" else (v[0], v[1], -v[2])


def build(pose: Pose) -> Body:
    """Forward kinematics: the parts of the body in world coordinates."""
    root = pose["root"]
    origin: Vec = (root["x"], root["y"], root["z"])
    frame_root = chain(rz(root["pitch"]), ry(root["turn"]))
    lum = pose["lumbar"]
    frame_lumbar = chain(frame_root, _spine(lum["flex"], lum["bend"], lum["twist"]))
    waist = at(origin, frame_lumbar, (0.0, LUMBAR, 0.0))
    che = pose["chest"]
    frame_chest = chain(frame_lumbar, _spine(che["flex"], che["bend"], che["twist"]))
    top = at(waist, frame_chest, (0.0, CHEST, 0.0))
    nec = pose["neck"]
    frame_neck = chain(frame_chest, _spine(nec["flex"], nec["bend"], nec["twist"]))
    neck_top = at(top, frame_neck, (0.0, NECK, 0.0))
    head = at(neck_top, frame_neck, (1.5, HEAD_R - 1.0, 0.0))
    rise = pose["belly"]["rise"]
    belly = at(origin, frame_lumbar, (2.0 + 3.5 * rise, LUMBAR * 0.45, 0.0))

    parts: list[Part] = [
        Part("lumbar", "c", "cloth", origin, 11.0, waist, 10.5),
        Part("belly", "c", "cloth", belly, 9.5),
        Part("chest", "c", "cloth", waist, 10.5, at(top, frame_chest, (0.0, -4.0, 0.0)), 12.0),
        Part("neck", "c", "skin", top, 5.0, neck_top, 4.6),
        Part(
            "head",
            "c",
            "skin",
            head,
            HEAD_R,
            facing=at((0.0, 0.0, 0.0), frame_neck, (1.0, 0.0, 0.0)),
            crown=at((0.0, 0.0, 0.0), frame_neck, (0.0, 1.0, 0.0)),
        ),
    ]
    points: dict[str, Vec] = {"pelvis": origin, "waist": waist, "top": top, "head": head}
    hips: list[Vec] = []
    shoulders: list[Vec] = []
    for side in SIDES:
        hip = at(origin, frame_root, _mirror_z(HIP_OFFSET, side))
        hips.append(hip)
        h = pose[f"hip_{side}"]
        frame_hip = chain(frame_root, _limb(side, h["flex"], h["abduct"], h["rotate"]))
        knee = at(hip, frame_hip, (0.0, -THIGH, 0.0))
        frame_knee = chain(frame_hip, rz(-pose[f"knee_{side}"]["flex"]))
        ankle = at(knee, frame_knee, (0.0, -SHIN, 0.0))
        frame_ankle = chain(frame_knee, rz(pose[f"ankle_{side}"]["flex"]))
        heel = at(ankle, frame_ankle, (-3.0, -4.5, 0.0))
        toe = at(ankle, frame_ankle, (16.0, -5.0, 0.0))

        shoulder = at(top, frame_chest, _mirror_z(SHOULDER_OFFSET, side))
        shoulders.append(shoulder)
        s = pose[f"shoulder_{side}"]
        frame_arm = chain(frame_chest, _limb(side, s["flex"], s["abduct"], s["rotate"]))
        elbow = at(shoulder, frame_arm, (0.0, -UPPER_ARM, 0.0))
        frame_fore = chain(frame_arm, rz(pose[f"elbow_{side}"]["flex"]))
        wrist = at(elbow, frame_fore, (0.0, -FOREARM, 0.0))
        hand = at(wrist, frame_fore, (0.0, -HAND * 0.55, 0.0))

        parts += [
            Part(f"thigh_{side}", side, "cloth", hip, 8.0, knee, 6.0),
            Part(f"shin_{side}", side, "cloth", knee, 5.8, ankle, 4.2),
            Part(f"foot_{side}", side, "skin", heel, 3.6, toe, 2.6),
            Part(f"upper_arm_{side}", side, "cloth", shoulder, 5.0, elbow, 4.0),
            Part(f"forearm_{side}", side, "skin", elbow, 3.9, wrist, 3.0),
            Part(f"hand_{side}", side, "skin", hand, 3.6),
        ]
        points.update(
            {
                f"hip_{side}": hip,
                f"knee_{side}": knee,
                f"ankle_{side}": ankle,
                f"heel_{side}": heel,
                f"toe_{side}": toe,
                f"shoulder_{side}": shoulder,
                f"elbow_{side}": elbow,
                f"wrist_{side}": wrist,
                f"hand_{side}": hand,
            }
        )
    parts.append(Part("pelvis", "c", "cloth", hips[1], 10.0, hips[0], 10.0))
    parts.append(Part("shoulders", "c", "cloth", shoulders[1], 7.5, shoulders[0], 7.5))
    return Body(tuple(parts), points)


def lowest(part: Part) -> float:
    """The lowest height any surface of ``part`` reaches."""
    low = part.a[1] - part.ra
    if part.b is not None:
        low = min(low, part.b[1] - part.rb)
    return low


__all__ = ["IDENTITY", "LIMITS", "SIDES", "Body", "Part", "Pose", "build", "lowest", "neutral_pose"]
