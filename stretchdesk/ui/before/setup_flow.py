"""The questions before a session, screen by screen: a suggestion, an exercise that hurt,
the pain rating. The order and what the answers mean are session/setup.py's; this only shows
the screen for each question and hands the answer back. Esc on any of them goes back to the
routines with nothing started (each screen's ``back`` is connected to ``back`` where it is
made: ui/shell/screens.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:  # (the questions' module loads with the first of them)
    from stretchdesk.session.avoid import AvoidOffer, Choice
    from stretchdesk.session.setup import Question, SessionSetup
    from stretchdesk.ui.shell.shell import Shell


class SetupFlow:
    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.setup: SessionSetup | None = None

    def back(self) -> None:
        """Esc on a question: back to the routines, nothing started."""
        if self.setup is not None:
            self.shell.go_start()

    def start(self, routine_id: str) -> None:
        setup = self.shell.services.setup_for(routine_id)
        if setup is None:
            return
        self.setup = setup
        self._ask(setup.next_question())

    def clear(self) -> None:
        self.setup = None

    def _ask(self, question: Question) -> None:
        from stretchdesk.session.setup import AskAdvice, AskAvoid, AskPain, NotToday  # noqa: PLC0415

        shell = self.shell
        if isinstance(question, AskAdvice):
            shell.advice.ask(question.suggestions)
            shell.show_screen(Screen.ADVICE)
        elif isinstance(question, AskAvoid):
            shell.avoid.ask(question.offer)
            shell.show_screen(Screen.AVOID)
        elif isinstance(question, AskPain):
            shell.pain_before.ask(question.routine_title)
            shell.show_screen(Screen.PAIN_BEFORE)
        elif isinstance(question, NotToday):
            problem = shell.services.not_today(question)  # kept for the report
            shell.go_start()
            if problem is not None:
                shell.tell(problem, error=True)
        else:
            shell.begin_session(question)  # the setup stays: the completion screen reads it

    def advice_answered(self, go_on: bool) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_advice(go_on))

    def offer_answered(self, offer: AvoidOffer, choice: Choice) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_offer(offer, choice))

    def pain_answered(self, rating: int | None) -> None:
        if self.setup is not None:
            self._ask(self.setup.answer_pain(rating))
