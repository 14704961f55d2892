"""The end of the questions carries what was shown on the way, for the history to keep: the
suggestions read (before going on, or before "not today") and the health check's plan."""

from __future__ import annotations

from stretchdesk.routine import Catalog
from stretchdesk.session.advice import AdviceSettings, Concern, Suggestion
from stretchdesk.session.health import Answer, plan_for
from stretchdesk.session.setup import AskAdvice, NotToday, Ready, SessionSetup


def test_ready_carries_every_suggestion_read_and_the_plan(catalog: Catalog) -> None:
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    plan = plan_for(routine, frozenset({Answer.PREGNANT}))
    trend = Suggestion(Concern.NO_IMPROVEMENT, (("days", 14),))
    setup = SessionSetup(
        routine,
        [],
        ask_pain=True,
        advice=[trend],
        advice_settings=AdviceSettings(high_pain=8),
        health=plan,
    )
    assert setup.answer_advice(go_on=True) != NotToday()
    question = setup.answer_pain(9)  # severe: its own suggestion
    assert isinstance(question, AskAdvice)
    ready = setup.answer_advice(go_on=True)
    assert isinstance(ready, Ready)
    assert [s.concern for s in ready.shown] == [Concern.NO_IMPROVEMENT, Concern.HIGH_PAIN]
    assert ready.health == plan


def test_nothing_read_nothing_carried(catalog: Catalog) -> None:
    routine = catalog.get("quick-relief")
    assert routine is not None
    ready = SessionSetup(routine, [], ask_pain=False).next_question()
    assert isinstance(ready, Ready) and ready.shown == () and not ready.health
