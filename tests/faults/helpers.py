"""A routine of short steps, so that the real app runs one through in a few seconds."""

from __future__ import annotations

from pathlib import Path

ROUTINE = """
id = "kill-test"
title = "Kill test"
description = "Short steps for the kill test."
source = "The library's exercises with short timings."

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 2
rep_seconds = 1

[[step]]
exercise = "knee-rolls"
phase = "warmup"
reps = 1
rep_seconds = 1

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
hold = 1
reps = 1
rest = 1
"""


def short_routine(folder: Path) -> Path:
    path = folder / "kill-test.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    return path
