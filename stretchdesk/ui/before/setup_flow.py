"""The questions before a session, screen by screen: a suggestion, an exercise that hurt,
the pain rating. The order and what the answers mean are session/setup.py's; this only shows
the screen for each question and hands the answer back. Esc on any of them goes back to the
routines with nothing started."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.session.avoid import AvoidOffer, Choice
from stretchdesk.session.setup import AskAdvice, AskAvoid, AskPain, NotToday, Question, SessionSetup

if TYPE_CHECKING:
    from stretchdesk.ui.before.prompts import AdviceScreen, AvoidScreen, PainBeforeScreen
    from stretchdesk.ui.shell.main_window import MainWindow


class SetupFlow:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.setup: SessionSetup | None = None
        self._heard: set[int] = set()  # the screens whose Esc is connected

    def _show(self, screen: AdviceScreen | AvoidScreen | PainBeforeScreen) -> None:
        if id(screen) not in self._heard:  # (the screens are made on first use)
            self._heard.add(id(screen))
            screen.back.connect(self.back)
        self.window.show_screen(screen)

    def back(self) -> None:
        """Esc on a question: back to the routines, nothing started."""
        if self.setup is not None:
            self.window.go_start()

    def start(self, routine_id: str) -> None:
        setup = self.window.services.setup_for(routine_id)
        if setup is None:
            return
        self.setup = setup
        self._ask(setup.next_question())

    def clear(self) -> None:
        self.setup = None

    def _ask(self, question: Question) -> None:
        window = self.window
        if isinstance(question, AskAdvice):
            window.advice.ask(question.suggestions)
            self._show(window.advice)
        elif isinstance(question, AskAvoid):
            window.avoid.ask(question.offer)
            self._show(window.avoid)
        elif isinstance(question, AskPain):
            window.pain_before.ask(question.routine_title)
            self._show(window.pain_before)
        elif isinstance(question, NotToday):
            problem = window.services.not_today(question)  # kept for the report
            window.go_start()
            if problem is not None:
                window.banner.add(problem, error=True)
        else:
            window.begin_session(question)  # the setup stays: the completion screen reads it

    def advice_answered(self, go_on: bool) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_advice(go_on))

    def offer_answered(self, offer: AvoidOffer, choice: Choice) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_offer(offer, choice))

    def pain_answered(self, rating: int | None) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_pain(rating))
