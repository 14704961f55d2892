"""The questions asked before a session starts, one at a time. No Qt.

First what the person's own history suggests (session/advice.py), then an offer for each
exercise that was stopped for pain last time (skip it, shorter holds, or as usual), then the
optional pain rating (a severe rating brings its own suggestion), then the session is ready.
A suggestion never blocks: "go on" carries on, "not today" ends the setup. The window shows the
screen for whatever ``next_question`` returns and hands back the answer; the order and what
the answers mean live here. The end (``Ready`` or ``NotToday``) carries the suggestions that
were read and the health check's plan, for the history to keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stretchdesk.routine.model import Routine
from stretchdesk.session.advice import AdviceSettings, Suggestion, for_rating
from stretchdesk.session.avoid import AvoidOffer, Choice, apply_choice
from stretchdesk.session.health import HealthPlan
from stretchdesk.session.settings import SessionOptions


@dataclass(frozen=True)
class AskAvoid:
    offer: AvoidOffer


@dataclass(frozen=True)
class AskPain:
    routine_title: str


@dataclass(frozen=True)
class AskAdvice:
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class NotToday:
    """The person chose not to start after a suggestion: back to the routines."""

    shown: tuple[Suggestion, ...] = ()  # the suggestions read before choosing so


@dataclass(frozen=True)
class Ready:
    """Every question is answered: make the session with these."""

    routine: Routine
    options: SessionOptions
    pain_before: int | None
    health: HealthPlan = field(default_factory=HealthPlan)  # what the health check changed
    shown: tuple[Suggestion, ...] = ()  # the suggestions read before going on


Question = AskAdvice | AskAvoid | AskPain | NotToday | Ready


@dataclass
class SessionSetup:
    routine: Routine
    offers: list[AvoidOffer]
    ask_pain: bool
    options: SessionOptions = field(default_factory=SessionOptions)
    advice: list[Suggestion] = field(default_factory=list)
    advice_settings: AdviceSettings = field(default_factory=AdviceSettings)
    pain_before: int | None = None
    health: HealthPlan = field(default_factory=HealthPlan)
    shown: list[Suggestion] = field(default_factory=list)  # every suggestion read so far
    _pain_answered: bool = False
    _declined: bool = False

    def next_question(self) -> Question:
        if self._declined:
            return NotToday(tuple(self.shown))
        if self.advice:
            return AskAdvice(tuple(self.advice))
        if self.offers:
            return AskAvoid(self.offers[0])
        if self.ask_pain and not self._pain_answered:
            return AskPain(self.routine.title)
        return Ready(self.routine, self.options, self.pain_before, self.health, tuple(self.shown))

    def answer_offer(self, offer: AvoidOffer, choice: Choice) -> Question:
        if offer in self.offers:
            self.options = apply_choice(self.options, offer, choice)
            self.offers.remove(offer)
        return self.next_question()

    def answer_advice(self, go_on: bool) -> Question:
        """The suggestions were read: go on to the next question, or not today."""
        self.shown.extend(self.advice)
        self.advice.clear()
        self._declined = not go_on
        return self.next_question()

    def answer_pain(self, rating: int | None) -> Question:
        if rating is not None and not 0 <= rating <= 10:
            raise ValueError("a pain rating is a whole number from 0 to 10")
        self.pain_before, self._pain_answered = rating, True
        severe = for_rating(rating, self.advice_settings)
        if severe is not None:
            self.advice.append(severe)
        return self.next_question()
