"""The frames found for the steps in hand (the current, the next, a side or two), so a step's
pictures are looked for once. The window's thread and the illustration's worker thread (which
finds the next step's ahead of time) both ask."""

from __future__ import annotations

import threading
from pathlib import Path

from stretchdesk.illustration import FrameSet, find_frames
from stretchdesk.routine import Step

FOUND_KEPT = 4  # the steps whose pictures were found (the current, the next, a side or two)


class FoundFrames:
    """The last few steps' frames as found, the oldest forgotten first."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, Path | None], FrameSet] = {}
        self._lock = threading.Lock()

    def find(self, step: Step, assets: Path) -> FrameSet:
        """A step's frames: as found before if they were, else found now (and kept)."""
        key = (step.title, step.exercise.id, step.image_dir)
        found = self._found.get(key)
        if found is None:
            found = self._remember(key, find_frames(step, assets))
        return found

    def _remember(self, key: tuple[str, str, Path | None], found: FrameSet) -> FrameSet:
        with self._lock:
            self._found[key] = found
            while len(self._found) > FOUND_KEPT:
                del self._found[next(iter(self._found))]
        return found
