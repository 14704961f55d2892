"""The routine model: exercises, timed steps and whole routines (immutable values)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from stretchdesk.i18n import N_, _


class Phase(StrEnum):
    WARMUP = "warmup"
    STRETCH = "stretch"
    COOLDOWN = "cooldown"

    @property
    def label(self) -> str:
        """The phase's name in the person's language."""
        names = {"warmup": N_("Warm-up"), "stretch": N_("Stretch"), "cooldown": N_("Cool-down")}
        return _(names[self.value])


class Sides(StrEnum):
    NONE = "none"
    BOTH = "both"  # every rep on the left, then every rep on the right
    ALTERNATE = "alternate"  # left, right, left, right ...


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def label(self) -> str:
        """ "left" or "right" in the person's language."""
        names = {"left": N_("left"), "right": N_("right")}
        return _(names[self.value])

    @property
    def phrase(self) -> str:
        """ "left side" or "right side": a phrase of its own, since many languages change
        the word for left or right with the noun."""
        names = {"left": N_("left side"), "right": N_("right side")}
        return _(names[self.value])


class SpineMove(StrEnum):
    """How an exercise loads the lower spine; the health check's rules follow it."""

    FLEXION = "flexion"  # bending forwards: knees to chest, bottom to heels, rounding
    ROTATION = "rotation"  # twisting: knee rolls, trunk rotation
    EXTENSION = "extension"  # bending backwards: press-up, the cow half of cat-cow


class HipMove(StrEnum):
    """The hip positions that hip precautions after a hip replacement restrict (NHS leaflets:
    no bending the hip past 90 degrees, no crossing the legs, no twisting the leg or waist);
    the health check's hip rule follows it."""

    DEEP_FLEXION = "deep-flexion"  # the hip bent past 90 degrees: a knee to the chest
    CROSS = "cross"  # a leg across the body's midline: legs crossed, knees dropped over
    TWIST = "twist"  # the leg or the waist twisted: knees rolled to one side


class Position(StrEnum):
    BACK = "back"
    HANDS_KNEES = "hands-knees"
    STANDING = "standing"
    FRONT = "front"
    SEATED = "seated"

    @property
    def label(self) -> str:
        """Where the body is, in the person's language ("on your back")."""
        names = {
            "back": N_("on your back"),
            "hands-knees": N_("on hands and knees"),
            "standing": N_("standing"),
            "front": N_("on your front"),
            "seated": N_("sitting on a firm chair"),
        }
        return _(names[self.value])

    @property
    def height(self) -> int:
        """How far from the floor: lying or kneeling 0, sitting 1, standing 2."""
        return {"standing": 2, "seated": 1}.get(self.value, 0)


@dataclass(frozen=True)
class Timing:
    """How long a step takes, in one of three forms.

    - ``duration``: seconds of continuous movement (on each side, if it has sides);
    - ``rep_seconds`` x ``reps``: a paced movement counted in reps, no rest between them;
    - ``hold`` x ``reps``: held stretches with ``rest`` seconds between reps.
    With sides "both" or "alternate" the reps are done on each side.
    """

    duration: float | None = None
    hold: float | None = None
    rep_seconds: float | None = None
    reps: int = 1
    rest: float = 0.0
    sides: Sides = Sides.NONE

    @property
    def is_hold(self) -> bool:
        return self.hold is not None

    @property
    def side_count(self) -> int:
        return 1 if self.sides is Sides.NONE else 2

    @property
    def active_seconds(self) -> float:
        """Planned seconds of movement or holding (lead-ins and rests excluded)."""
        if self.duration is not None:
            return self.duration * self.side_count
        per_rep = self.hold if self.hold is not None else self.rep_seconds
        assert per_rep is not None
        return per_rep * self.reps * self.side_count

    def scaled(self, factor: float) -> Timing:
        """The same timing with holds scaled by ``factor`` (movements keep their pace)."""
        if self.hold is None or factor == 1.0:
            return self
        return Timing(
            hold=round(self.hold * factor, 3),
            reps=self.reps,
            rest=self.rest,
            sides=self.sides,
        )


class Motion(StrEnum):
    """How an exercise's frames play: into a held pose, or round and round."""

    HOLD = "hold"
    CYCLE = "cycle"


@dataclass(frozen=True)
class Illustration:
    """Where an exercise's frames are and how to play them in time with the movement."""

    folder: str  # folder name under assets/illustrations/
    motion: Motion
    # HOLD: seconds the move into the pose takes. CYCLE: seconds per cycle, or None to
    # play one cycle per repetition (the step's rep_seconds).
    seconds: float | None


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    position: Position
    instructions: tuple[str, ...]
    caution: str
    source: str
    timing: Timing
    per_side: bool
    illustration: Illustration
    breathing: str = ""
    spine: frozenset[SpineMove] = frozenset()  # how it moves the spine (for the health check)
    hip: frozenset[HipMove] = frozenset()  # the hip positions it uses (for the health check)
    alternative: str = ""  # a warm-up's exercise in another position, to swap to
    warms: bool = True  # False for breathing alone: it does not warm a muscle


@dataclass(frozen=True)
class Step:
    """One exercise as a routine uses it, with any overrides applied."""

    exercise: Exercise
    phase: Phase
    timing: Timing
    title: str
    instructions: tuple[str, ...]
    caution: str
    position: Position
    image_dir: Path | None = None  # a user routine's own image folder, if it sets one
    alternative: Step | None = None  # a warm-up in another position, to swap to

    def swapped(self) -> Step | None:
        """The alternative, able to swap back to this step; None if there is none."""
        if self.alternative is None:
            return None
        return replace(self.alternative, alternative=replace(self, alternative=None))

    @property
    def exercise_id(self) -> str:
        return self.exercise.id


@dataclass(frozen=True)
class Routine:
    id: str
    title: str
    description: str
    source: str
    steps: tuple[Step, ...]
    rewarm: tuple[Step, ...]
    path: Path | None = None
    builtin: bool = False
    author: str = ""  # who made it, e.g. "Prescribed by A. Physio, 3 December"
    note: str = ""  # a word from them, e.g. "For 2 weeks, then see me again"
    # the file's own translations: language -> English sentence -> translation
    translations: Mapping[str, Mapping[str, str]] = field(
        default_factory=dict, compare=False, hash=False
    )

    def count(self, phase: Phase) -> int:
        return sum(1 for s in self.steps if s.phase is phase)

    @property
    def active_seconds(self) -> float:
        return sum(s.timing.active_seconds for s in self.steps)
