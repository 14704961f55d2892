"""The words the history stores for how a session and each of its steps ended (and what was
shown before it), and the one place where what the engine reports becomes one of them."""

from __future__ import annotations

from enum import StrEnum

from stretchdesk.session.events import SessionCompleted, SessionStopped, StepStatus, StopReason


class SessionOutcome(StrEnum):
    RUNNING = "running"  # written at the start; still so while the session runs
    COMPLETED = "completed"  # the end was reached with every step done
    COMPLETED_WITH_SKIPS = "completed_with_skips"  # the end was reached, some steps skipped
    STOPPED_FOR_PAIN = "stopped_for_pain"
    ENDED_EARLY = "ended_early"
    INTERRUPTED = "interrupted"  # found later: the process ended without saying

    @property
    def finished(self) -> bool:
        """The session has an end written (not running)."""
        return self is not SessionOutcome.RUNNING

    @property
    def counts_finished_steps_only(self) -> bool:
        """No end was written by the session itself: its minutes are its finished steps'."""
        return self in (SessionOutcome.RUNNING, SessionOutcome.INTERRUPTED)


class StepOutcome(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    STOPPED = "stopped"  # in progress at the stop; exported as the session's outcome


class ShownKind(StrEnum):
    """What was shown before a session (history/shown.py)."""

    HEALTH = "health"  # the health check's answers
    LEFT_OUT = "left_out"  # a step the answers left out
    MARKED = "marked"  # a step the answers marked "ask first"
    SWAPPED = "swapped"  # a warm-up the answers had done in its other position
    SUGGESTION = "suggestion"  # a suggestion from the history, as it was worded


def session_outcome(event: SessionCompleted | SessionStopped) -> SessionOutcome:
    """How a session that ended with ``event`` is stored."""
    if isinstance(event, SessionCompleted):
        if event.steps_skipped:
            return SessionOutcome.COMPLETED_WITH_SKIPS
        return SessionOutcome.COMPLETED
    if event.reason is StopReason.PAIN:
        return SessionOutcome.STOPPED_FOR_PAIN
    return SessionOutcome.ENDED_EARLY


def step_outcome(status: StepStatus) -> StepOutcome:
    return StepOutcome(status.value)


_WORDS = {
    "DONE": StepOutcome.COMPLETED.value,
    "SKIPPED": StepOutcome.SKIPPED.value,
    "STOPPED": StepOutcome.STOPPED.value,
    "RUNNING": SessionOutcome.RUNNING.value,
    "INTERRUPTED": SessionOutcome.INTERRUPTED.value,
}


def with_words(sql: str) -> str:
    """SQL with its stored words filled in from the types above: ``'{DONE}'`` becomes
    ``'completed'``, so the queries and the types can never drift apart."""
    return sql.format(**_WORDS)
