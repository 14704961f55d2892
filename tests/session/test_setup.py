"""The questions before a session, in order, without a window."""

from __future__ import annotations

import pytest

from stretchdesk.routine import Catalog, Routine
from stretchdesk.session.advice import AdviceSettings, Concern, Suggestion
from stretchdesk.session.avoid import SHORTER_HOLDS, Choice, offers_for
from stretchdesk.session.setup import AskAdvice, AskAvoid, AskPain, NotToday, Ready, SessionSetup


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


def test_history_advice_comes_first_and_never_blocks(quick: Routine) -> None:
    worse = Suggestion(Concern.WORSE_AFTER, (("worse", 3), ("of", 5)))
    offers = offers_for(quick, {"knee-to-chest": "Single knee to chest"})
    setup = SessionSetup(quick, list(offers), ask_pain=True, advice=[worse])
    assert setup.next_question() == AskAdvice((worse,))
    question = setup.answer_advice(go_on=True)
    assert isinstance(question, AskAvoid)  # then the questions as before
    question = setup.answer_offer(question.offer, Choice.AS_USUAL)
    assert isinstance(setup.answer_pain(3), Ready)


def test_not_today_ends_the_setup(quick: Routine) -> None:
    worse = Suggestion(Concern.NO_IMPROVEMENT, (("days", 14),))
    setup = SessionSetup(quick, [], ask_pain=True, advice=[worse])
    assert setup.answer_advice(go_on=False) == NotToday((worse,))  # kept for the history
    assert setup.next_question() == NotToday((worse,))


def test_a_severe_rating_brings_its_suggestion_before_the_session(quick: Routine) -> None:
    setup = SessionSetup(quick, [], ask_pain=True, advice_settings=AdviceSettings(high_pain=8))
    question = setup.answer_pain(9)
    assert isinstance(question, AskAdvice)
    assert [s.concern for s in question.suggestions] == [Concern.HIGH_PAIN]
    ready = setup.answer_advice(go_on=True)
    assert isinstance(ready, Ready) and ready.pain_before == 9
    calmer = SessionSetup(quick, [], ask_pain=True)
    assert isinstance(calmer.answer_pain(6), Ready)
    severe = SessionSetup(quick, [], ask_pain=True)  # by default from 7, the severe band
    assert isinstance(severe.answer_pain(7), AskAdvice)
