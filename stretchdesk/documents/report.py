"""A report of the history for a physiotherapist, as HTML: a line for the person's name,
the days it covers, sessions and minutes per week, pain before and after (the first week
against the last, and a chart the renderer draws, named ``chart:pain``) with the ratings
given at a stop for pain kept apart, the health check's answers, the steps left out for them
and the suggestions shown (report_before.py), every stop for pain with its note, what was
skipped, shortened or done in another position, each exercise's dose over time (in the
sheet's words), and the notes. No Qt.

It reports what was recorded and gives no advice. Tables carry a header row the renderer
repeats on every page, so a long history reads as well on page 30 as on page 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from stretchdesk.documents.report_before import shown_before
from stretchdesk.documents.report_table import esc, heading, para, span, table
from stretchdesk.documents.sheet import dose_phrase
from stretchdesk.documents.sheet_head import fill_in
from stretchdesk.formats import date_time, decimal, long_date, short_date
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.report_data import SHORTENED, ReportData, Week
from stretchdesk.i18n import N_, _, ngettext, pgettext
from stretchdesk.routine.model import Side

MONTHS_AFTER_WEEKS = 104  # a longer report's chart shows months
CHART_WIDTH = 480  # points: the width of the text on A4 and Letter, less a little

OUTCOME_WORDS = {
    SessionOutcome.COMPLETED: N_("completed"),
    SessionOutcome.COMPLETED_WITH_SKIPS: N_("completed with skips"),
    SessionOutcome.STOPPED_FOR_PAIN: N_("stopped for pain"),
    SessionOutcome.ENDED_EARLY: N_("ended early"),
    SessionOutcome.INTERRUPTED: N_("interrupted"),
    SessionOutcome.RUNNING: N_("running"),
}

STYLE = """
body { font-family: sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
.muted { color: #333; font-size: 9pt; }
table { border-collapse: collapse; font-size: 9pt; }
th { text-align: left; font-weight: bold; border-bottom: 1pt solid #000; }
td, th { vertical-align: top; }
td.n, th.n { text-align: right; }
"""


@dataclass
class Report:
    title: str
    html: str
    chart: list[tuple[date, float | None, float | None]] = field(default_factory=list)
    axis: str = ""  # the chart's y-axis title


def _mean(value: float | None) -> str:
    return "" if value is None else decimal(value)


def _percent(share: float) -> str:
    # Translators: a percentage; French writes a space before the sign.
    return pgettext("percent", "{number}%").format(number=round(share * 100))


def _rated(data: ReportData, pick: Callable[[Week], list[int]]) -> list[tuple[date, float]]:
    """Each week with ratings of the kind ``pick`` chooses, with their average."""
    found = []
    for week in data.weeks:
        mean = Week.mean(pick(week))
        if mean is not None:
            found.append((week.start, mean))
    return found


def _trend(rated: list[tuple[date, float]], both: str, one: str) -> str | None:
    """The first week's average against the last week's (``both``), or the only week's
    (``one``); None with no rating."""
    if not rated:
        return None
    (first_week, first), (last_week, last) = rated[0], rated[-1]
    if len(rated) == 1:
        return one.format(mean=_mean(first), week=short_date(first_week))
    return both.format(
        first=_mean(first),
        first_week=short_date(first_week),
        last=_mean(last),
        last_week=short_date(last_week),
    )


def _summary(data: ReportData) -> str:
    minutes = round(sum(w.minutes for w in data.weeks))
    completed = sum(w.completed for w in data.weeks)
    stops = sum(w.pain_stops for w in data.weeks)
    at_stop = [v for w in data.weeks for v in w.at_stop]
    sessions = ngettext("{count} session", "{count} sessions", data.sessions).format(
        count=data.sessions
    )
    days = ngettext("on {count} day", "on {count} days", data.days).format(count=data.days)
    exercise = ngettext(
        "{count} minute of exercise in all", "{count} minutes of exercise in all", minutes
    ).format(count=minutes)
    lines = [
        _("{sessions} {days}, {minutes}; {completed} completed, {stops} stopped for pain.").format(
            sessions=sessions, days=days, minutes=exercise, completed=completed, stops=stops
        )
    ]
    before = _trend(
        _rated(data, lambda w: w.before),
        _(
            "Pain before a session (0 no pain to 10 the worst): {first} on average in the "
            "week of {first_week}, the first with a rating; {last} in the week of "
            "{last_week}, the last."
        ),
        _(
            "Pain before a session (0 no pain to 10 the worst): {mean} on average, all in "
            "the week of {week}."
        ),
    )
    after = _trend(
        _rated(data, lambda w: w.after),
        _(
            "Pain after a session: {first} on average in the week of {first_week}, the "
            "first with a rating; {last} in the week of {last_week}, the last."
        ),
        _("Pain after a session: {mean} on average, all in the week of {week}."),
    )
    lines += [line for line in (before, after) if line is not None]
    if at_stop:
        lines.append(
            ngettext(
                "Pain when a session was stopped for pain: {mean} ({count} rating), kept "
                "apart from the pain after a session.",
                "Pain when a session was stopped for pain: {mean} on average ({count} "
                "ratings), kept apart from the pain after a session.",
                len(at_stop),
            ).format(mean=_mean(Week.mean(at_stop)), count=len(at_stop))
        )
    if len(data.computers) > 1:
        each = ", ".join(
            _("{computer}: {count}").format(computer=name or _("this computer"), count=count)
            for name, count in data.computers
        )
        lines.append(_("Sessions done on each computer: {computers}.").format(computers=each))
    return "".join(f"<p>{esc(line)}</p>" for line in lines)


def _weeks(data: ReportData) -> str:
    rows = [
        [
            esc(short_date(w.start)),
            str(w.sessions),
            str(w.completed),
            decimal(w.minutes, 0),
            str(w.pain_stops),
            _mean(Week.mean(w.before)),
            _mean(Week.mean(w.after)),
            _mean(Week.mean(w.at_stop)),
        ]
        for w in data.weeks
    ]
    heads = [
        _("Week of"),
        _("Sessions"),
        _("Done"),
        _("Minutes"),
        _("Pain-stops"),
        _("Pain before"),
        _("after"),
        # Translators: a column header after "Pain before" and "after": the week's average
        # of the ratings given when a session was stopped for pain
        _("at a stop"),
    ]
    return table(heads, rows, {1, 2, 3, 4, 5, 6, 7})


def _stops(data: ReportData) -> str:
    if not data.stops:
        return para(_("No session was stopped for pain in these days."))
    rows = []
    for stop in data.stops:
        where = stop.exercise
        if stop.side:
            side = Side(stop.side).phrase if stop.side in set(Side) else stop.side
            where += ", " + side
        if stop.rep:
            where += ", " + _("rep {rep}").format(rep=stop.rep)
        rating = "" if stop.rating is None else str(stop.rating)
        rows.append(
            [esc(date_time(stop.when)), esc(stop.routine), esc(where), rating, esc(stop.note)]
        )
    heads = [_("When"), _("Routine"), _("Exercise"), _("Pain at the stop (0–10)"), _("Note")]
    return table(heads, rows, {3})


def _changes(data: ReportData) -> str:
    if not data.changes:
        return para(_("Every exercise was done as planned."))
    rows = [
        [esc(c.exercise), str(c.skipped), str(c.shortened), str(c.stopped), str(c.swapped_in)]
        for c in data.changes
    ]
    heads = [_("Exercise"), _("Skipped"), _("Shortened"), _("Stopped"), _("Other position")]
    words = _(
        "Shortened: ended with less than {share} of its planned time (the app's own measure). "
        "Stopped: stopped part-way, when the session ended. Other position: a warm-up done "
        "instead of the routine's own (for example sitting instead of lying)."
    ).format(share=_percent(SHORTENED))
    note = f'<p class="muted">{esc(words)}</p>'
    return table(heads, rows, {1, 2, 3, 4}, keep=frozenset()) + note


def _doses(data: ReportData) -> str:
    if not data.doses:
        return para(_("No exercise was done in these days."))
    rows = []
    for period in data.doses:
        share = period.seconds_done / period.seconds_planned if period.seconds_planned else 0
        rows.append(
            [
                f'{esc(period.exercise)}<br><span class="muted">{esc(period.routine)}</span>',
                esc(dose_phrase(period.dose)),
                esc(span(period.first, period.last)),
                str(period.sessions),
                str(period.in_full),
                _percent(share),
            ]
        )
    heads = [
        _("Exercise (routine)"),
        _("Dose as planned"),
        _("Days"),
        _("Sessions"),
        _("In full"),
        _("Time"),
    ]
    return table(heads, rows, {3, 4, 5}, keep=frozenset({2}))


def _notes(data: ReportData) -> str:
    if not data.notes:
        return para(_("No notes were written in these days."))
    rows = [
        [esc(date_time(n.when)), esc(n.routine), esc(_(OUTCOME_WORDS[n.outcome])), esc(n.note)]
        for n in data.notes
    ]
    return table([_("When"), _("Routine"), _("Ended"), _("Note")], rows)


def build_report(data: ReportData, made: datetime, zone_name: str) -> Report:
    """The report of ``data``; ``made``: when it is written (local time)."""
    span = _("{first} to {last}").format(first=long_date(data.start), last=long_date(data.end))
    title = _("Exercise report, {span}").format(span=span)
    written = (
        _(
            "From the history stretchdesk keeps on this computer, with the sessions done on "
            "the person's other computers; times in {zone}. Written {when}."
        )
        if len(data.computers) > 1
        else _(
            "From the history stretchdesk keeps on this computer; times in {zone}. Written {when}."
        )
    ).format(zone=zone_name, when=date_time(made))
    head = [
        fill_in(((_("Name:"),),)),
        "<h1>" + esc(_("Exercise report")) + "</h1>",
        f"<p><b>{esc(span)}</b></p>",
        f'<p class="muted">{esc(written)}</p>',
    ]
    if data.sessions == 0:
        body = [*head, para(_("No sessions were recorded in these days."))]
        return Report(title, _page(body))
    how = (
        _(
            "Each week's average rating, 0 no pain to 10 the worst: before a session a solid "
            "line with dots, after it a dashed line with squares."
        )
        if len(data.weeks) <= MONTHS_AFTER_WEEKS
        else _(
            "Each month's average rating, 0 no pain to 10 the worst: before a session a solid "
            "line with dots, after it a dashed line with squares."
        )
    )
    legend = _(
        "In the table, Done: sessions completed; Pain before and after: the week's averages; "
        "at a stop: the average of the ratings given when a session was stopped for pain, "
        "which are not counted in after (nor in the chart)."
    )
    body = [
        *head,
        _summary(data),
        heading(_("Pain before and after")),
        f'<p><img src="chart:pain" width="{CHART_WIDTH}"></p>',
        f'<p class="muted">{esc(how)} {esc(legend)}</p>',
        heading(_("Sessions and minutes per week")),
        _weeks(data),
        heading(_("Before the sessions: health check and suggestions")),
        shown_before(data),
        heading(_("Stopped for pain")),
        _stops(data),
        heading(_("Not done as planned")),
        _changes(data),
        heading(_("Each exercise's dose over time")),
        para(_("A new line when the planned dose changed."), "muted"),
        _doses(data),
        heading(_("Notes")),
        _notes(data),
    ]
    return Report(title, _page(body), chart_points(data), _("Pain (0–10)"))


def chart_points(data: ReportData) -> list[tuple[date, float | None, float | None]]:
    """Each week's average pain before and after; each month's over two years, so a long
    history stays readable."""
    if len(data.weeks) <= MONTHS_AFTER_WEEKS:
        return [(w.start, Week.mean(w.before), Week.mean(w.after)) for w in data.weeks]
    months: dict[date, tuple[list[int], list[int]]] = {}
    for week in data.weeks:
        before, after = months.setdefault(week.start.replace(day=1), ([], []))
        before += week.before
        after += week.after
    return [(m, Week.mean(b), Week.mean(a)) for m, (b, a) in months.items()]


def _page(body: list[str]) -> str:
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
