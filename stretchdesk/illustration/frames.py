"""Find the frames that illustrate a step: the built-in drawings or a user routine's pictures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stretchdesk.illustration import drawn_area
from stretchdesk.illustration.drawn_area import Area
from stretchdesk.illustration.imagecheck import ImageProblem, open_checked
from stretchdesk.routine.model import Motion, Step
from stretchdesk.routine.picture_files import USER_SUFFIXES


@dataclass(frozen=True)
class FrameSet:
    """The pictures for one step and how to play them.

    ``frames`` is empty when nothing could be found; ``problem`` then says why and the
    window shows :func:`stretchdesk.illustration.placeholder` instead.
    """

    title: str
    frames: tuple[Path, ...]
    left: tuple[Path, ...]  # drawn left-side frames; empty: mirror ``frames`` for the left
    motion: Motion
    seconds: float | None
    per_side: bool
    problem: str | None = None
    drawn: Area | None = None  # the part of the pictures the drawing uses (None: all)

    @property
    def is_placeholder(self) -> bool:
        return not self.frames

    def for_side(self, left: bool) -> tuple[tuple[Path, ...], bool]:
        """The frames for a side and whether to mirror them."""
        if left and self.per_side:
            if self.left:
                return self.left, False
            return self.frames, True
        return self.frames, False


MAX_USER_FRAMES = 60  # pictures of one step, in turn; the built-in drawings have about ten


def _numbered(folder: Path) -> tuple[Path, ...]:
    try:
        return tuple(sorted(p for p in folder.glob("[0-9][0-9].png") if p.is_file()))
    except OSError:
        return ()


def _user_frames(folder: Path) -> tuple[tuple[Path, ...], str | None, Area | None]:
    """A person's pictures, each decoded in full to check it (which measures where they
    draw, too), the problems found, and the part of the pictures they draw on."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in USER_SUFFIXES)
    except OSError as exc:
        reason = f"the picture folder {folder.name!r} cannot be read ({exc.strerror or exc})"
        return (), reason, None
    good: list[Path] = []
    problems: list[str] = []
    boxes: list[drawn_area.Measured] = []
    if len(files) > MAX_USER_FRAMES:  # each is decoded in full: a big folder would take long
        problems.append(f"only the first {MAX_USER_FRAMES} of {len(files)} pictures are shown")
        files = files[:MAX_USER_FRAMES]
    for path in files:
        try:
            image = open_checked(path)  # decodes in full: finds truncated files too
        except ImageProblem as exc:
            problems.append(str(exc))
        else:
            with image:
                boxes.append(drawn_area.measured(image))
            good.append(path)
    if not files:
        return (), f"no pictures in the folder {folder.name!r}", None
    return tuple(good), ("; ".join(problems) or None), drawn_area.common(boxes)


def find_frames(step: Step, assets: Path) -> FrameSet:
    """The frames for ``step``: its routine's own pictures if it names a folder, else the
    built-in drawings of its exercise. Never raises; problems are reported in the result."""
    ill = step.exercise.illustration
    problem: str | None
    left: tuple[Path, ...] = ()
    if step.image_dir is not None:
        frames, problem, drawn = _user_frames(step.image_dir)
    else:
        folder = assets / "illustrations" / ill.folder
        frames = _numbered(folder)
        left = _numbered(folder / "left")
        problem = None if frames else f"no drawings found for {step.title!r}"
        drawn = drawn_area.read(folder) if frames else None
    return FrameSet(
        title=step.title,
        frames=frames,
        left=left,
        motion=ill.motion,
        seconds=ill.seconds,
        per_side=step.exercise.per_side,
        problem=problem,
        drawn=drawn,
    )
