"""Whatever comes in, the loader returns a routine or the project's own error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchdesk.routine import ExerciseLibrary, Routine, RoutineError, parse_routine
from stretchdesk.routine.loader import load_routine_text

KEYS = st.sampled_from(
    [
        "id",
        "title",
        "description",
        "source",
        "step",
        "rewarm",
        "exercise",
        "phase",
        "hold",
        "reps",
        "rest",
        "duration",
        "rep_seconds",
        "sides",
        "image",
        "instructions",
        "caution",
        "position",
        "x",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "warmup",
            "stretch",
            "cooldown",
            "both",
            "alternate",
            "pelvic-tilt",
            "knee-to-chest",
            "../x",
            "back",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)
TABLES = st.dictionaries(KEYS, VALUES, max_size=8)
STEP = st.fixed_dictionaries(
    {
        "exercise": st.sampled_from(["pelvic-tilt", "knee-to-chest", "nope"]),
        "phase": st.sampled_from(["warmup", "stretch", "cooldown", "bad"]),
    },
    optional={
        "hold": VALUES,
        "reps": VALUES,
        "sides": VALUES,
        "image": VALUES,
        "duration": VALUES,
        "rest": VALUES,
    },
)
ROUTINES = st.fixed_dictionaries(
    {"id": st.just("r"), "title": st.just("R"), "step": st.lists(STEP, max_size=5)},
    optional={"rewarm": st.lists(STEP | TABLES, max_size=3)},
)


def _outcome(call) -> None:  # type: ignore[no-untyped-def]
    try:
        result = call()
    except RoutineError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
        return
    assert isinstance(result, Routine)


STRUCTURES = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@STRUCTURES
@given(text=st.text(max_size=400))
def test_arbitrary_text(text: str, library: ExerciseLibrary) -> None:
    _outcome(lambda: load_routine_text(text, "fuzz.toml", library))


@STRUCTURES
@given(data=TABLES)
def test_arbitrary_structures(data: dict, library: ExerciseLibrary, tmp_path: Path) -> None:
    _outcome(lambda: parse_routine(data, "fuzz.toml", library, base_dir=tmp_path))


@STRUCTURES
@given(data=ROUTINES)
def test_routine_shaped_structures(data: dict, library: ExerciseLibrary, tmp_path: Path) -> None:
    _outcome(lambda: parse_routine(data, "fuzz.toml", library, base_dir=tmp_path))
