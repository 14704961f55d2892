"""Each health-check answer changes a routine in a sourced way: stretches left out, warm-ups
marked or done in another position (never left out: the warm-up rule), or a line for the
whole routine."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.routine import Catalog, ExerciseLibrary, Phase, Routine, load_routine
from stretchdesk.routine.content import load_content
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.health import (
    STEP_NOTES,
    WHOLE_ROUTINE,
    Answer,
    HealthPlan,
    Note,
    describe,
    plan_for,
)
from stretchdesk.session.settings import SessionOptions

TEXTS = load_content(paths.content_file()).texts["health"]


@pytest.fixture
def full(catalog: Catalog) -> Routine:
    found = catalog.get("lower-back-spasm")
    assert found is not None
    return found


@pytest.fixture
def quick(catalog: Catalog) -> Routine:
    found = catalog.get("quick-relief")
    assert found is not None
    return found


def _ids(routine: Routine, indices: frozenset[int] | set[int]) -> set[str]:
    return {routine.steps[i].exercise_id for i in indices}


def _index(routine: Routine, exercise_id: str) -> int:
    return next(i for i, s in enumerate(routine.steps) if s.exercise_id == exercise_id)


def _notes(plan: HealthPlan, index: int) -> list[Note]:
    return [n.note for n in plan.steps if n.index == index]


def _marked(plan_steps: tuple, routine: Routine) -> set[str]:  # type: ignore[type-arg]
    return {routine.steps[n.index].exercise_id for n in plan_steps if not n.left_out}


def test_no_answers_change_nothing(full: Routine) -> None:
    plan = plan_for(full, frozenset())
    assert not plan and plan.left_out == frozenset() and plan.swaps == frozenset()


def test_osteoporosis_leaves_out_every_stretch_that_bends_or_twists(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.OSTEOPOROSIS}))
    assert _ids(full, plan.left_out) == {
        "knee-to-chest",
        "double-knee-to-chest",
        "bottom-to-heels",
        "trunk-rotation",
        "figure-four",
    }
    marked = {n.index for n in plan.steps if not n.left_out}
    assert _ids(full, marked) == {"cat-cow", "knee-rolls"}  # warm-ups: marked, not left out
    assert all(full.steps[i].phase is Phase.WARMUP for i in marked)
    assert {n.note for n in plan.steps} == {Note.OSTEOPOROSIS_SPINE}
    assert plan.swaps == frozenset()  # their other positions bend or twist the spine too


def test_pregnancy_leaves_out_stretches_lying_on_the_back(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.PREGNANT}))
    assert _ids(full, plan.left_out) == {
        "knee-to-chest",
        "double-knee-to-chest",
        "trunk-rotation",
        "figure-four",
    }


def test_pregnancy_does_the_warm_ups_on_the_back_sitting_or_standing(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.PREGNANT}))
    assert _ids(full, plan.swaps) == {"belly-breathing", "pelvic-tilt", "knee-rolls"}
    assert _marked(plan.steps, full) == {"belly-breathing", "pelvic-tilt", "knee-rolls"}
    words = describe(plan, full, TEXTS)
    breathing = _index(full, "belly-breathing")
    assert words.steps[breathing] == TEXTS["swapped"].format(reason=TEXTS["pregnant_back"])
    assert TEXTS["card_swapped"].format(titles="Belly breathing, Pelvic tilts, Knee rolls") in (
        words.card
    )
    # the session starts with them in their other position, and can swap back
    engine = SessionEngine(full, options=SessionOptions(skip=plan.left_out, swaps=plan.swaps))
    agenda = {e.item.routine_index: e.item.step for e in engine.agenda()}
    assert agenda[breathing].exercise_id == "seated-breathing"
    assert agenda[_index(full, "pelvic-tilt")].exercise_id == "wall-pelvic-tilt"
    assert agenda[_index(full, "knee-rolls")].exercise_id == "seated-twist"
    assert engine.can_swap(_index(full, "knee-rolls"))


def test_a_warm_up_is_only_swapped_when_its_other_position_is_free_of_every_reason(
    full: Routine,
) -> None:
    plan = plan_for(full, frozenset({Answer.PREGNANT, Answer.HIP}))
    rolls = _index(full, "knee-rolls")  # on the back, and twisting: so is its seated twist
    assert rolls not in plan.swaps
    assert set(_notes(plan, rolls)) == {Note.PREGNANT_BACK, Note.HIP_PRECAUTIONS}
    words = describe(plan, full, TEXTS)
    assert words.steps[rolls] == " ".join(
        (
            TEXTS["pregnant_back_ask"].format(reason=TEXTS["pregnant_back"]),
            TEXTS["hip_precautions_ask"].format(reason=TEXTS["hip_precautions"]),
        )
    )
    assert _ids(full, plan.swaps) == {"belly-breathing", "pelvic-tilt"}


def _routine(tmp_path: Path, library: ExerciseLibrary, *steps: tuple[str, str]) -> Routine:
    text = 'id = "mine"\ntitle = "Mine"\nsource = "own choice"\n' + "".join(
        f'\n[[step]]\nexercise = "{exercise}"\nphase = "{phase}"\n' for exercise, phase in steps
    )
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return load_routine(path, library)


def test_pregnancy_marks_a_stretch_lying_on_the_front(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    routine = _routine(tmp_path, library, ("march-in-place", "warmup"), ("press-up", "stretch"))
    plan = plan_for(routine, frozenset({Answer.PREGNANT}))
    assert [(n.index, n.note, n.left_out) for n in plan.steps] == [(1, Note.PREGNANT_FRONT, False)]
    words = describe(plan, routine, TEXTS)
    assert words.steps[1] == TEXTS["pregnant_front_ask"].format(reason=TEXTS["pregnant_front"])
    assert words.card == (TEXTS["card_ask_first"].format(titles="Forearm press-up"),)


HIP_LEFT_OUT = {
    "knee-to-chest",  # the knee to the chest [ALDERHEY-HIP]
    "double-knee-to-chest",
    "bottom-to-heels",  # the hips bent far past 90 degrees
    "trunk-rotation",  # the knees fall across, the waist twists [LEEDS-HIP]
    "figure-four",  # crossed legs, the hip turned and drawn up
}


def test_a_hip_replacement_leaves_out_every_stretch_the_hip_precautions_forbid(
    full: Routine, quick: Routine
) -> None:
    plan = plan_for(full, frozenset({Answer.HIP}))
    assert _ids(full, plan.left_out) == HIP_LEFT_OUT
    assert _marked(plan.steps, full) == {"knee-rolls"}  # a warm-up: marked, not left out
    assert plan.ask_first == (Note.HIP_PRECAUTIONS,)
    words = describe(plan, full, TEXTS)
    assert words.card[0] == TEXTS["hip_precautions_all"]
    assert "90 degrees" in words.card[0] and "cross" in words.card[0]
    knee = _index(full, "knee-to-chest")
    assert words.steps[knee] == TEXTS["left_out"].format(reason=TEXTS["hip_precautions"])
    rolls = _index(full, "knee-rolls")
    assert words.steps[rolls].startswith("Ask your surgeon or physiotherapist")
    quick_plan = plan_for(quick, frozenset({Answer.HIP}))
    assert _ids(quick, quick_plan.left_out) == {"knee-to-chest", "trunk-rotation"}


def test_back_surgery_asks_first_and_leaves_the_routine_as_it_is(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.BACK_SURGERY}))
    assert plan.steps == () and plan.ask_first == (Note.BACK_SURGERY,)
    assert describe(plan, full, TEXTS).card == (TEXTS["back_surgery_all"],)
    assert "hip" not in TEXTS["back_surgery_all"]


def test_under_16_asks_first(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.UNDER_16}))
    assert plan.steps == () and plan.ask_first == (Note.UNDER_16,)
    assert describe(plan, full, TEXTS).card == (TEXTS["under_16_all"],)


def test_every_answer_and_note_has_its_sentences() -> None:
    for answer in Answer:
        assert TEXTS[answer.value], answer
    for note in STEP_NOTES:
        assert TEXTS[note.value] and "{reason}" in TEXTS[f"{note.value}_ask"], note
    for note in WHOLE_ROUTINE.values():
        assert TEXTS[f"{note.value}_all"], note
    assert set(STEP_NOTES) | set(WHOLE_ROUTINE.values()) == set(Note)


def test_each_note_asks_the_right_person() -> None:
    """A midwife for pregnancy, a surgeon for the hip, a physiotherapist for osteoporosis."""
    assert "midwife" in TEXTS["pregnant_back_ask"] and "midwife" in TEXTS["pregnant_front_ask"]
    assert "midwife" not in TEXTS["osteoporosis_spine_ask"]
    assert "midwife" not in TEXTS["hip_precautions_ask"]
    assert "surgeon" in TEXTS["hip_precautions_ask"]


def test_several_reasons_on_one_step_are_all_given(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.OSTEOPOROSIS, Answer.HIP, Answer.PREGNANT}))
    knee = _index(full, "knee-to-chest")
    assert _notes(plan, knee) == [
        Note.PREGNANT_BACK,
        Note.OSTEOPOROSIS_SPINE,
        Note.HIP_PRECAUTIONS,
    ]
    words = describe(plan, full, TEXTS)
    for reason in ("pregnant_back", "osteoporosis_spine", "hip_precautions"):
        assert TEXTS[reason] in words.steps[knee]
    card = " ".join(words.card)
    assert card.count("Single knee to chest") == 1  # each step named once, where it belongs


def test_a_session_skips_what_is_left_out_and_keeps_the_warm_up_gate(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.OSTEOPOROSIS, Answer.PREGNANT}))
    clock = FakeClock()
    options = SessionOptions(skip=plan.left_out, swaps=plan.swaps)
    engine = SessionEngine(full, options=options, clock=clock)
    engine.start()
    while not engine.finished:
        clock.advance(1.0)
        engine.poll()
    done = [e.item.step.exercise_id for e in engine.agenda() if e.state.value == "done"]
    assert "knee-to-chest" not in done
    assert {"march-in-place", "seated-breathing", "wall-pelvic-tilt", "knee-rolls"} <= set(done)
    assert "cat-cow" in done
