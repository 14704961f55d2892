"""Hostile health answers and exercise tags: a settings file of an earlier version with a
wrong or huge surgery answer, and an exercise file with a huge or wrong ``hip`` list, give a
problem in words at once, never a traceback, and never a guessed answer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from stretchdesk.routine.exercises import parse_exercise
from stretchdesk.session.health import Answer
from stretchdesk.settings import load_prefs, open_prefs

LIMIT = 5.0  # seconds; each of these takes milliseconds


@pytest.mark.parametrize(
    "value",
    [
        '"yes"',
        "1",
        "[true]",
        "{ hip = true }",
        "[" + ", ".join(["true"] * 8000) + "]",
        '"' + "x" * 60000 + '"',
    ],
)
def test_a_wrong_old_surgery_answer_is_named_and_answers_nothing(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"health_asked = true\nhealth_surgery = {value}\n", encoding="utf-8")
    began = time.monotonic()
    loaded = load_prefs(path)
    assert time.monotonic() - began < LIMIT
    assert loaded.prefs.health_answers() == frozenset()
    assert len(loaded.problems) == 1
    assert "health_surgery should be true or false" in loaded.problems[0]
    assert len(loaded.problems[0]) < 400


def test_the_old_answer_written_twice_in_a_damaged_file_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    lines = ["safety_seen = true", "health_surgery = true", "health_surgery = false", "[[["]
    path.write_text("\n".join(lines * 500) + "\n", encoding="utf-8")
    began = time.monotonic()
    loaded = open_prefs(path)
    assert time.monotonic() - began < LIMIT
    assert loaded.damaged is not None
    assert loaded.prefs.health_answers() == {Answer.BACK_SURGERY, Answer.HIP}  # the first
    again = load_prefs(path)  # written again at once, without the old name
    assert again.damaged is None and again.problems == []
    assert again.prefs.health_answers() == {Answer.BACK_SURGERY, Answer.HIP}
    assert "health_surgery" not in path.read_text(encoding="utf-8")


def _exercise(hip: Any) -> dict[str, Any]:
    return {
        "id": "my-stretch",
        "title": "My stretch",
        "position": "back",
        "instructions": ["One.", "Two.", "Three."],
        "source": "own choice",
        "timing": {"hold": 10, "reps": 2},
        "hip": hip,
    }


@pytest.mark.parametrize(
    "hip",
    [
        ["cross"] * 200000 + ["x" * 100000],
        ["twist", "y" * 1_000_000],
        [["cross"]] * 100000,
        {"cross": True},
        "deep-flexion",
    ],
)
def test_a_hostile_hip_list_is_one_short_problem(hip: Any) -> None:
    began = time.monotonic()
    exercise, problems = parse_exercise(_exercise(hip), "f.toml")
    assert time.monotonic() - began < LIMIT
    assert exercise is None
    assert len(problems) == 1 and problems[0].message.startswith('"hip" ')
    assert len(problems[0].message) < 300  # the list is never written out whole


def test_a_long_list_of_good_hip_words_is_read() -> None:
    began = time.monotonic()
    exercise, problems = parse_exercise(_exercise(["twist", "cross"] * 100000), "f.toml")
    assert time.monotonic() - began < LIMIT
    assert problems == [] and exercise is not None and len(exercise.hip) == 2
