"""Every exercise names the hip positions it uses, against the hip precautions of the NHS
leaflets the health check cites (sources.toml LEEDS-HIP, ALDERHEY-HIP): do not bend the hip
past 90 degrees or bring the knees up to the chest (deep-flexion), do not cross the legs or
the body's midline (cross), do not twist the leg or waist (twist)."""

from __future__ import annotations

from typing import Any

import pytest

from stretchdesk.routine import ExerciseLibrary
from stretchdesk.routine.exercises import parse_exercise
from stretchdesk.routine.model import HipMove

DEEP, CROSS, TWIST = HipMove.DEEP_FLEXION, HipMove.CROSS, HipMove.TWIST

# each exercise of the library, with why: a new exercise fails here until it is decided
EXPECTED: dict[str, frozenset[HipMove]] = {
    "knee-to-chest": frozenset({DEEP}),  # "don't bring your knees up to your chest"
    "double-knee-to-chest": frozenset({DEEP}),  # both knees to the chest
    "bottom-to-heels": frozenset({DEEP}),  # kneeling, the bottom to the heels: far past 90
    "figure-four": frozenset({DEEP, CROSS, TWIST}),  # crossed, turned out, drawn up
    "trunk-rotation": frozenset({CROSS, TWIST}),  # the top knee falls across; the waist turns
    "knee-rolls": frozenset({TWIST}),  # the knees roll a little to each side
    "seated-twist": frozenset({TWIST}),  # "twist your waist", sitting
    "seated-march": frozenset({DEEP}),  # sitting, a knee lifted above the hip
    "cat-cow": frozenset(),  # hands and knees: the hips at about 90 degrees, no further
    "march-in-place": frozenset(),  # walking
    "belly-breathing": frozenset(),  # lying, knees bent, feet flat: well under 90 degrees
    "seated-breathing": frozenset(),  # sitting upright
    "pelvic-tilt": frozenset(),  # lying, knees bent, feet flat
    "wall-pelvic-tilt": frozenset(),  # standing
    "press-up": frozenset(),  # lying on the front: the hip straight
}


def test_every_exercise_is_tagged_as_the_hip_precautions_say(library: ExerciseLibrary) -> None:
    assert set(library) == set(EXPECTED)
    for exercise_id, exercise in library.items():
        assert exercise.hip == EXPECTED[exercise_id], exercise_id


def _exercise(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "my-stretch",
        "title": "My stretch",
        "position": "back",
        "instructions": ["One.", "Two.", "Three."],
        "source": "own choice",
        "timing": {"hold": 10, "reps": 2},
    }
    data.update(changes)
    return data


def test_the_hip_key_is_read() -> None:
    exercise, problems = parse_exercise(_exercise(hip=["cross", "deep-flexion"]), "f.toml")
    assert problems == [] and exercise is not None
    assert exercise.hip == {CROSS, DEEP}
    plain, _ = parse_exercise(_exercise(), "f.toml")
    assert plain is not None and plain.hip == frozenset()


WORDS = '"deep-flexion", "cross", "twist"'


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (["cross", "bend"], f"\"hip\" has 'bend'; each must be one of {WORDS}"),
        ("cross", f'"hip" must be a list of {WORDS}'),
        ([1], f'"hip" must be a list of {WORDS}'),
    ],
)
def test_a_wrong_hip_value_is_a_problem_in_words(value: object, said: str) -> None:
    exercise, problems = parse_exercise(_exercise(hip=value), "f.toml")
    assert exercise is None
    assert [p.message for p in problems] == [said]
