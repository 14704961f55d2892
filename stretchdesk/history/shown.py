"""What the person was shown before a session, as the history keeps it (schema 5), so a
report can tell a clinician: the health check's answers, the steps those answers left out or
marked, and each suggestion from the history, worded as it was on the screen. No Qt.

A suggestion after which the person chose "not today" is kept too, with no session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from stretchdesk.history.outcome import ShownKind
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.model import Routine
from stretchdesk.session.advice import Suggestion
from stretchdesk.session.health import Answer, HealthPlan, StepNote


@dataclass(frozen=True)
class Shown:
    kind: ShownKind
    name: str  # the answers' words, the health note's key, or the suggestion's concern
    detail: str | None = None  # the answers or a suggestion as worded, or a step's title
    step: int | None = None  # the routine step a health note is about


def shown_rows(shown: Iterable[Shown]) -> tuple[tuple[Any, ...], ...]:
    """``shown`` as plain values, as a pending write keeps them (history/pending.py)."""
    return tuple((row.kind.value, row.name, row.detail, row.step) for row in shown)


def shown_from_rows(rows: Iterable[Any]) -> tuple[Shown, ...]:
    """The rows a pending write kept, read back; a row that is not one (a damaged pending
    file) is left out, never a reason to lose the session's start."""
    found = []
    for row in rows:
        try:
            kind, name, detail, step = row
            found.append(
                Shown(
                    ShownKind(kind),
                    str(name),
                    None if detail is None else str(detail),
                    step if isinstance(step, int) and not isinstance(step, bool) else None,
                )
            )
        except (TypeError, ValueError):
            continue
    return tuple(found)


def suggestion_text(content: SafetyContent, suggestion: Suggestion) -> str:
    """A suggestion as the window words it."""
    return content.text("advice", suggestion.concern.value, **dict(suggestion.values))


def suggestions_shown(
    suggestions: Iterable[Suggestion], content: SafetyContent
) -> tuple[Shown, ...]:
    return tuple(
        Shown(ShownKind.SUGGESTION, s.concern.value, suggestion_text(content, s))
        for s in suggestions
    )


def _kind(note: StepNote) -> ShownKind:
    if note.left_out:
        return ShownKind.LEFT_OUT
    if getattr(note, "swapped", False):  # done in its other position, where plans do so
        return ShownKind.SWAPPED
    return ShownKind.MARKED


def before_session(
    routine: Routine,
    answers: frozenset[Answer],
    plan: HealthPlan,
    suggestions: Iterable[Suggestion],
    content: SafetyContent,
) -> tuple[Shown, ...]:
    """Everything shown before a session of ``routine``: always the health row (its name
    empty when no answer was given), then the plan's steps, then the suggestions."""
    ordered = sorted(answers, key=lambda a: a.value)
    texts = content.texts["health"]
    words = "; ".join(texts.get(a.value, a.value) for a in ordered)
    rows = [Shown(ShownKind.HEALTH, " ".join(a.value for a in ordered), words or None)]
    for note in plan.steps:
        rows.append(
            Shown(_kind(note), note.note.value, routine.steps[note.index].title, note.index)
        )
    for ask in plan.ask_first:  # the whole routine: "ask first"
        rows.append(Shown(ShownKind.MARKED, ask.value, texts.get(f"{ask.value}_all")))
    return (*rows, *suggestions_shown(suggestions, content))
