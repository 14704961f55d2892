"""A session's CPU time by step, named by the kind of step: a movement (its drawing
animated), a movement on alternating sides (its drawing mirrored at every side), a hold
(a still drawing), or a timed step such as breathing. The rest after a step counts with
it. ``kinds_routine`` writes a short routine with one step of each kind."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the app's modules load after the app's import hook (see child.py)
    from stretchdesk.routine import Step
    from stretchdesk.session import events as ev

KINDS_ID = "bench-kinds"
KINDS = (  # (exercise, its timing here): about 40 s each with its lead-in and rest
    ("march-in-place", "duration = 30"),
    ("belly-breathing", "duration = 30"),
    ("knee-to-chest", "hold = 20\nreps = 1"),
    ("knee-rolls", "reps = 6"),
)


def kind_of(step: Step) -> str:
    from stretchdesk.routine import Motion  # noqa: PLC0415

    exercise = step.exercise
    if step.timing.is_hold:
        kind = "hold"
    elif exercise.illustration.motion is Motion.CYCLE:
        kind = "movement, sides" if exercise.per_side else "movement"
    else:
        kind = "timed"
    return f"{kind}: {exercise.id}"


def kinds_routine(folder: Path) -> str:
    """Write the routine of one step of each kind into ``folder``; its id."""
    steps = "".join(
        f'\n[[step]]\nexercise = "{name}"\nphase = "warmup"\n{timing}\n' for name, timing in KINDS
    )
    folder.mkdir(parents=True, exist_ok=True)
    text = f'id = "{KINDS_ID}"\ntitle = "Each kind of step"\ndescription = "Bench."\n{steps}'
    (folder / f"{KINDS_ID}.toml").write_text(text, encoding="utf-8")
    return KINDS_ID


class StepCpu:
    """Process CPU time and wall time spent in each step, from ``restart`` on."""

    def __init__(self, engine: Any, cpu_seconds: Callable[[], float]) -> None:
        from stretchdesk.session.emitter import Stage  # noqa: PLC0415

        self._cpu = cpu_seconds
        self._spent: dict[str, list[float]] = {}
        self._key = kind_of(engine.view().step)
        self._since = (self._cpu(), time.monotonic())
        engine.add_listener(self._heard, Stage.SHOW)

    def _heard(self, event: ev.Event) -> None:
        step = getattr(event, "step", None)  # a StepStarted, or a later event of its step
        if step is not None and kind_of(step) != self._key:
            self._switch(kind_of(step))

    def _switch(self, key: str) -> None:
        cpu, wall = self._cpu(), time.monotonic()
        spent = self._spent.setdefault(self._key, [0.0, 0.0])
        spent[0] += cpu - self._since[0]
        spent[1] += wall - self._since[1]
        self._key, self._since = key, (cpu, wall)

    def restart(self) -> None:
        """Count from now (what loads at the start is left out)."""
        self._spent.clear()
        self._since = (self._cpu(), time.monotonic())

    def shares(self) -> dict[str, dict[str, float]]:
        """Per kind of step: its share of a core (%) and the seconds it was measured."""
        self._switch(self._key)
        return {
            key: {"cpu_percent": round(100 * cpu / wall, 3), "seconds": round(wall, 1)}
            for key, (cpu, wall) in self._spent.items()
            if wall > 0
        }
