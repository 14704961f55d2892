"""What the screens say from the settings, the routines and the history: the routine the
reminders are for, today's reminders and the plan's progress, each routine's minutes and
what the health check changes in it. A part of ``Services``; the rules are in schedule/ and
session/. No Qt."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from stretchdesk.routine import Catalog, Routine
from stretchdesk.schedule.days import done_times, pain_by_week, pain_text, progress, summary
from stretchdesk.services.history import HistoryAccess
from stretchdesk.session.health import HealthWords, describe, plan_for
from stretchdesk.session.plan import routine_seconds
from stretchdesk.settings import PrefsStore


class ScreenWords(HistoryAccess):
    """What ``Services`` holds for it besides the history: the settings and the routines."""

    settings: PrefsStore
    catalog: Catalog

    def reminder_routine(self) -> Routine | None:
        """The routine the reminders are for: the chosen one, else the first on offer."""
        chosen = self.catalog.get(self.settings.prefs.reminder_routine)
        return chosen or (self.catalog.routines[0] if self.catalog.routines else None)

    def today_words(self, zone: tzinfo) -> str:
        """Today's reminders and the plan's progress, in words ("" with neither)."""
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415

        now = self.wall()
        routine = self.reminder_routine()
        prefs = self.settings.prefs
        rules = prefs.reminder_rules() if prefs.reminders and routine else None
        done = (
            done_times(self.sessions_since(now - timedelta(days=3)), routine.id) if routine else []
        )
        try:
            days = self.reader.days_done(zone)
        except HistoryReadError:
            days = set()
        return summary(rules, prefs.plan(), zone, now, done=done, days_done=days)

    def plan_words(self, zone: tzinfo) -> list[str]:
        """The plan's progress and the pain over it, for the history screen ([] without a
        plan)."""
        from stretchdesk.history.reader import HistoryReadError  # noqa: PLC0415

        plan = self.settings.prefs.plan()
        if plan is None:
            return []
        start = datetime.combine(plan.start, datetime.min.time(), zone)
        try:
            days = self.reader.days_done(zone)
            pain = self.reader.pain_since(start)
        except HistoryReadError:
            return []
        today = self.wall().astimezone(zone).date()
        words = [progress(plan, days, today).text(), pain_text(pain_by_week(plan, pain, zone))]
        return [w for w in words if w]

    def routine_cards(self) -> list[tuple[Routine, float, tuple[str, ...]]]:
        """Every routine on offer with how long it takes with the current settings, and
        what the health check changes in it."""
        settings = self.settings.prefs.session_settings()
        return [
            (r, routine_seconds(r, settings), self.health_for(r).card)
            for r in self.catalog.routines
        ]

    def health_for(self, routine: Routine) -> HealthWords:
        """What the health check's answers change in this routine, in words."""
        plan = plan_for(routine, self.settings.prefs.health_answers())
        return describe(plan, routine, self.content.texts["health"])

    def planned_seconds(self, routine: Routine) -> float:
        """How long a routine takes with the current settings (the builder's minutes)."""
        return routine_seconds(routine, self.settings.prefs.session_settings())
