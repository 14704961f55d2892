"""Helpers shared by the illustration and widget tests."""

from __future__ import annotations

from stretchdesk.routine import Catalog, Step


def step_of(catalog: Catalog, ex_id: str) -> Step:
    """The first step of a built-in routine that uses exercise ``ex_id``."""
    for routine in catalog.routines:
        for step in routine.steps:
            if step.exercise_id == ex_id:
                return step
    raise AssertionError(f"no built-in routine uses {ex_id!r}")
