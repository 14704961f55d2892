"""The report's section on what was shown before the sessions: the health check's answers
with the steps they left out or marked (periods of the same, per routine), and each
suggestion from the history, worded as it was, with what the person did next. What was
recorded, no advice. No Qt."""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.documents.report_table import esc, para, span, table
from stretchdesk.formats import date_time
from stretchdesk.history.report_data import ReportData
from stretchdesk.history.report_shown import HealthPeriod
from stretchdesk.i18n import _, ngettext


def shown_before(data: ReportData) -> str:
    parts = [_health(data), _suggestions(data)]
    if data.not_recorded:
        parts.append(
            para(
                ngettext(
                    "For {count} session, what was shown before it was not recorded (it was "
                    "recorded by an earlier version of stretchdesk).",
                    "For {count} sessions, what was shown before them was not recorded (they "
                    "were recorded by an earlier version of stretchdesk).",
                    data.not_recorded,
                ).format(count=data.not_recorded),
                "muted",
            )
        )
    return "".join(parts)


def _health(data: ReportData) -> str:
    if not any(p.answers or p.left_out or p.marked or p.swapped for p in data.health):
        if not data.health:
            return ""
        return para(_("Health check: no answer that changes the exercises was given."))
    columns: list[tuple[str, Callable[[HealthPeriod], str]]] = [
        # Translators: column headers: the steps the health check's answers left out of the
        # sessions, the warm-ups they had done in another position, and those they marked
        # "ask your physiotherapist first"
        (_("Left out for them"), lambda p: ", ".join(p.left_out)),
        (_("In another position"), lambda p: ", ".join(p.swapped)),
        (_("Asked to check first"), lambda p: "; ".join(p.marked)),
    ]
    used = [
        (head, words)
        for number, (head, words) in enumerate(columns)
        if number == 0 or any(words(p) for p in data.health)
    ]
    rows = [
        [
            esc(span(p.first, p.last)),
            esc(p.routine),
            str(p.sessions),
            esc(p.answers or _("none")),
            *(esc(words(p)) for _head, words in used),
        ]
        for p in data.health
    ]
    heads = [
        _("Days"),
        _("Routine"),
        _("Sessions"),
        _("Health check answers"),
        *(head for head, _words in used),
    ]
    words = _(
        "The steps left out were not offered in these sessions; they are not counted as "
        "skipped below."
    )
    return table(heads, rows, {2}) + para(words, "muted")


def _suggestions(data: ReportData) -> str:
    if not data.suggestions:
        return para(_("No suggestion from the history was shown in these days."))
    rows = [
        [
            esc(date_time(s.when)),
            esc(s.routine or ""),
            esc(s.text),
            # Translators: what the person chose after reading the suggestion
            esc(_("went on") if s.routine is not None else _("not today")),
        ]
        for s in data.suggestions
    ]
    # Translators: the last column header: what the person chose next (went on, not today)
    heads = [_("When"), _("Routine"), _("Suggestion shown"), _("Then")]
    return table(heads, rows)
