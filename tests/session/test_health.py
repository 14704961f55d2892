"""Each health-check answer changes a routine in a sourced way: stretches left out, warm-ups
marked (never left out: the warm-up rule), or the whole routine asks first."""

from __future__ import annotations

import pytest

from stretchdesk import paths
from stretchdesk.routine import Catalog, Phase, Routine
from stretchdesk.routine.content import load_content
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.health import Answer, Note, describe, plan_for
from stretchdesk.session.settings import SessionOptions

TEXTS = load_content(paths.content_file()).texts["health"]


@pytest.fixture
def full(catalog: Catalog) -> Routine:
    found = catalog.get("lower-back-spasm")
    assert found is not None
    return found


def _ids(routine: Routine, indices: frozenset[int] | set[int]) -> set[str]:
    return {routine.steps[i].exercise_id for i in indices}


def test_no_answers_change_nothing(full: Routine) -> None:
    plan = plan_for(full, frozenset())
    assert not plan and plan.left_out == frozenset()


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


def test_pregnancy_leaves_out_stretches_lying_on_the_back(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.PREGNANT}))
    assert _ids(full, plan.left_out) == {
        "knee-to-chest",
        "double-knee-to-chest",
        "trunk-rotation",
        "figure-four",
    }
    marked = {n.index for n in plan.steps if not n.left_out}
    assert _ids(full, marked) == {"belly-breathing", "pelvic-tilt", "knee-rolls"}


@pytest.mark.parametrize(
    ("answer", "note"), [(Answer.SURGERY, Note.SURGERY), (Answer.UNDER_16, Note.UNDER_16)]
)
def test_no_public_rule_means_ask_first_not_a_guess(
    full: Routine, answer: Answer, note: Note
) -> None:
    plan = plan_for(full, frozenset({answer}))
    assert plan.steps == () and plan.ask_first == (note,)
    words = describe(plan, full, TEXTS)
    assert words.card == (TEXTS[f"{note.value}_all"],)


def test_the_words_say_what_is_left_out_and_why(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.OSTEOPOROSIS}))
    words = describe(plan, full, TEXTS)
    knee = next(i for i, s in enumerate(full.steps) if s.exercise_id == "knee-to-chest")
    rolls = next(i for i, s in enumerate(full.steps) if s.exercise_id == "knee-rolls")
    assert words.steps[knee].startswith("Left out for you. Osteoporosis")
    assert words.steps[rolls].startswith("Ask your physiotherapist")
    assert any("Single knee to chest" in line and "left out" in line for line in words.card)


def test_a_session_skips_what_is_left_out_and_keeps_the_warm_up_gate(full: Routine) -> None:
    plan = plan_for(full, frozenset({Answer.OSTEOPOROSIS, Answer.PREGNANT}))
    clock = FakeClock()
    engine = SessionEngine(full, options=SessionOptions(skip=plan.left_out), clock=clock)
    engine.start()
    while not engine.finished:
        clock.advance(1.0)
        engine.poll()
    done = [e.item.step.exercise_id for e in engine.agenda() if e.state.value == "done"]
    assert "knee-to-chest" not in done
    assert {"march-in-place", "belly-breathing", "pelvic-tilt", "knee-rolls", "cat-cow"} <= set(
        done
    )
