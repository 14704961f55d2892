"""The questions before a session, in order, without a window."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog, Routine
from stretchdesk.session.avoid import SHORTER_HOLDS, Choice, offers_for
from stretchdesk.session.setup import AskAvoid, AskPain, Ready, SessionSetup


@pytest.fixture
def quick(catalog: Catalog) -> Routine:
    found = catalog.get("quick-relief")
    assert found is not None
    return found


def test_offers_first_then_the_pain_rating_then_ready(quick: Routine) -> None:
    offers = offers_for(quick, {"knee-to-chest": "Single knee to chest"})
    setup = SessionSetup(quick, list(offers), ask_pain=True)
    question = setup.next_question()
    assert isinstance(question, AskAvoid) and question.offer.exercise_id == "knee-to-chest"
    question = setup.answer_offer(question.offer, Choice.SHORTER)
    assert question == AskPain("Quick relief")
    ready = setup.answer_pain(4)
    assert isinstance(ready, Ready)
    assert ready.pain_before == 4
    index = offers[0].step_indices[0]
    assert ready.options.hold_scale == {index: SHORTER_HOLDS}


def test_no_questions_when_nothing_hurt_and_ratings_are_off(quick: Routine) -> None:
    setup = SessionSetup(quick, [], ask_pain=False)
    ready = setup.next_question()
    assert isinstance(ready, Ready) and ready.pain_before is None


def test_skipping_the_rating_and_answering_twice_change_nothing_more(quick: Routine) -> None:
    offers = offers_for(quick, {"trunk-rotation": "Lower trunk rotation"})
    setup = SessionSetup(quick, list(offers), ask_pain=True)
    setup.answer_offer(offers[0], Choice.SKIP)
    setup.answer_offer(offers[0], Choice.AS_USUAL)  # a stale second answer is ignored
    ready = setup.answer_pain(None)
    assert isinstance(ready, Ready)
    assert ready.pain_before is None
    assert ready.options.skip == set(offers[0].step_indices)


def test_a_rating_outside_0_to_10_is_refused(quick: Routine) -> None:
    setup = SessionSetup(quick, [], ask_pain=True)
    with pytest.raises(ValueError):
        setup.answer_pain(11)
