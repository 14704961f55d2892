"""A warm-up done in its other position keeps the routine's dose, and a pain-stop in that
position is offered next time by the name of what was done."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk.history import queries as q
from stretchdesk.routine import ExerciseLibrary, Routine, Sides, load_routine_text
from stretchdesk.routine.model import Timing
from stretchdesk.session.avoid import Choice, apply_choice, offers_for
from stretchdesk.session.events import StepFinished, StepStatus
from stretchdesk.session.settings import SessionOptions
from stretchdesk.session.swap import dose_for, in_position
from tests.history.helpers import Recorded, open_store
from tests.session.helpers import Driven

PRESCRIBED = """
id = "prescribed"
title = "Prescribed"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 2
rep_seconds = 3

[[step]]
exercise = "march-in-place"
phase = "warmup"
duration = 20

[[step]]
exercise = "knee-to-chest"
phase = "stretch"
hold = 2
reps = 1

[[rewarm]]
exercise = "pelvic-tilt"
reps = 2
rep_seconds = 3
"""


@pytest.fixture
def prescribed(library: ExerciseLibrary) -> Routine:
    return load_routine_text(PRESCRIBED, "prescribed", library)


def test_the_other_position_keeps_the_routines_dose(prescribed: Routine) -> None:
    tilt = prescribed.steps[0]
    assert tilt.alternative is not None and tilt.alternative.timing.reps == 10  # the library's
    driven = Driven(prescribed)
    assert driven.engine.swap(0) is None  # before the start
    item = driven.engine.items[0]
    assert item.step.exercise_id == "wall-pelvic-tilt"
    assert item.step.timing == tilt.timing == item.timing  # 2 x 3 s, not 10 x 4 s
    assert driven.engine.swap(0) is None  # and back: exactly the routine's own step
    back = driven.engine.items[0].step
    assert (back.exercise_id, back.timing) == ("pelvic-tilt", tilt.timing)
    swapped = Driven(prescribed, options=SessionOptions(swaps=frozenset({0, 1})))
    assert swapped.engine.items[0].timing == tilt.timing
    assert swapped.engine.items[1].step.exercise_id == "seated-march"
    assert swapped.engine.items[1].timing.duration == 20
    # a re-warm in the other position too
    again = in_position(prescribed.rewarm[0], prescribed.steps[1].position)
    assert again.exercise_id == "wall-pelvic-tilt" and again.timing == tilt.timing


def test_a_swapped_warm_up_takes_the_routines_time(prescribed: Routine) -> None:
    driven = Driven(prescribed, options=SessionOptions(swaps=frozenset({0})))
    driven.engine.start()
    driven.until(lambda v: v.step.exercise_id == "march-in-place")
    (tilt,) = [e for e in driven.of(StepFinished) if e.status is StepStatus.COMPLETED]
    assert tilt.step.exercise_id == "wall-pelvic-tilt"
    assert tilt.active_seconds == pytest.approx(6.0)  # 2 x 3 s, not 10 x 4 s = 40 s


def test_sides_follow_the_exercise(library: ExerciseLibrary) -> None:
    routine = load_routine_text(PRESCRIBED, "p", library)
    rolls = replace_exercise(routine, library, "knee-rolls")
    twist = rolls.alternative
    assert twist is not None and twist.exercise.per_side
    same = Timing(rep_seconds=5, reps=3, sides=Sides.ALTERNATE)
    assert dose_for(same, twist) == same
    unsided = Timing(rep_seconds=5, reps=4)
    assert dose_for(unsided, twist) == Timing(rep_seconds=5, reps=2, sides=twist.timing.sides)
    march = routine.steps[1]
    assert march.alternative is not None and not march.alternative.exercise.per_side
    assert dose_for(Timing(duration=30, sides=Sides.BOTH), march.alternative) == Timing(duration=60)


def replace_exercise(routine: Routine, library: ExerciseLibrary, exercise: str):  # type: ignore[no-untyped-def]
    text = f'id = "x"\ntitle = "X"\n[[step]]\nexercise = "{exercise}"\nphase = "warmup"\n'
    return load_routine_text(text, "x", library).steps[0]


def test_a_pain_stop_in_the_other_position_is_offered_by_its_name(
    prescribed: Routine, data_dir: Path
) -> None:
    store = open_store(data_dir / "history.sqlite")
    rec = Recorded(store, prescribed)
    assert rec.engine.swap(0) is None
    rec.engine.start()
    rec.run(8)
    assert rec.engine.view().step.exercise_id == "wall-pelvic-tilt"
    rec.engine.pain_stop()
    stopped = {k: title for k, (title, _when) in q.unresolved_pain_stops(store.conn).items()}
    wall = prescribed.steps[0].alternative
    assert wall is not None
    assert stopped == {"wall-pelvic-tilt": wall.title}
    (offer,) = offers_for(prescribed, stopped)
    assert (offer.exercise_id, offer.title, offer.step_indices) == (
        "wall-pelvic-tilt",
        wall.title,
        (0,),
    )
    assert offer.variant and offer.other_title == prescribed.steps[0].title
    assert offer.choices == (Choice.SWAP,)  # the routine's own position; not the one that hurt
    chosen = apply_choice(SessionOptions(swaps=frozenset({0, 1})), offer, Choice.SWAP)
    assert chosen.swaps == frozenset({1})
    store.close()
