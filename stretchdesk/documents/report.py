"""A report of the history for a physiotherapist, as HTML: the days it covers, sessions and
minutes per week, pain before and after (a chart the renderer draws, named ``chart:pain``),
every stop for pain with its note, what was skipped, shortened or done in another position,
each exercise's dose over time, and the notes. No Qt.

It reports what was recorded and gives no advice. Tables carry a header row the renderer
repeats on every page, so a long history reads as well on page 30 as on page 1.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.report_data import SHORTENED, ReportData, Week

NOWRAP = ' style="white-space: nowrap"'  # Qt reads the CSS, not the old attribute
MONTHS_AFTER_WEEKS = 104  # a longer report's chart shows months
CHART_WIDTH = 480  # points: the width of the text on A4 and Letter, less a little

OUTCOME_WORDS = {
    SessionOutcome.COMPLETED: "completed",
    SessionOutcome.COMPLETED_WITH_SKIPS: "completed with skips",
    SessionOutcome.STOPPED_FOR_PAIN: "stopped for pain",
    SessionOutcome.ENDED_EARLY: "ended early",
    SessionOutcome.INTERRUPTED: "interrupted",
    SessionOutcome.RUNNING: "running",
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


def _esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _short(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _span(first: date, last: date) -> str:
    """ "2 Oct to 30 Nov 2026", or with both years when they differ."""
    if first == last:
        return _short(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} to {_short(last)}"
    return f"{_short(first)} to {_short(last)}"


def _when(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def _mean(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _table(
    heads: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    keep: frozenset[int] = frozenset({0}),
) -> str:
    """A table whose header row repeats on each page; the ``keep`` columns (dates) and the
    headings are never broken across lines."""
    numeric = numeric or set()
    cls = [' class="n"' if i in numeric else "" for i in range(len(heads))]
    head = "".join(f"<th{c}{NOWRAP}>{_esc(h)}</th>" for c, h in zip(cls, heads, strict=True))
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{c}{NOWRAP if i in keep or i in numeric else ''}>{v}</td>"
            for i, (c, v) in enumerate(zip(cls, row, strict=True))
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _summary(data: ReportData) -> str:
    minutes = sum(w.minutes for w in data.weeks)
    completed = sum(w.completed for w in data.weeks)
    stops = sum(w.pain_stops for w in data.weeks)
    before = [v for w in data.weeks for v in w.before]
    after = [v for w in data.weeks for v in w.after]
    lines = [
        f"{data.sessions} session{'s' if data.sessions != 1 else ''} on {data.days} "
        f"day{'s' if data.days != 1 else ''}, {minutes:.0f} minutes of exercise in all; "
        f"{completed} completed, {stops} stopped for pain."
    ]
    if before:
        lines.append(
            f"Pain before a session: {Week.mean(before):.1f} on average "
            f"({len(before)} ratings, 0 no pain to 10 the worst)."
        )
    if after:
        lines.append(f"Pain after a session: {Week.mean(after):.1f} on average.")
    return "".join(f"<p>{_esc(line)}</p>" for line in lines)


def _weeks(data: ReportData) -> str:
    rows = [
        [
            _esc(_short(w.start)),
            str(w.sessions),
            str(w.completed),
            f"{w.minutes:.0f}",
            str(w.pain_stops),
            _mean(Week.mean(w.before)),
            _mean(Week.mean(w.after)),
        ]
        for w in data.weeks
    ]
    heads = ["Week of", "Sessions", "Done", "Minutes", "Pain-stops", "Pain before", "after"]
    return _table(heads, rows, {1, 2, 3, 4, 5, 6})


def _stops(data: ReportData) -> str:
    if not data.stops:
        return "<p>No session was stopped for pain in these days.</p>"
    rows = []
    for stop in data.stops:
        where = stop.exercise
        if stop.side:
            where += f", {stop.side} side"
        if stop.rep:
            where += f", rep {stop.rep}"
        rating = "" if stop.rating is None else str(stop.rating)
        rows.append(
            [_esc(_when(stop.when)), _esc(stop.routine), _esc(where), rating, _esc(stop.note)]
        )
    return _table(["When", "Routine", "Exercise", "Pain", "Note"], rows, {3})


def _changes(data: ReportData) -> str:
    if not data.changes:
        return "<p>Every exercise was done as planned.</p>"
    rows = [
        [_esc(c.exercise), str(c.skipped), str(c.shortened), str(c.stopped), str(c.swapped_in)]
        for c in data.changes
    ]
    heads = ["Exercise", "Skipped", "Shortened", "Stopped", "Other position"]
    note = (
        f'<p class="muted">Shortened: ended with less than {SHORTENED:.0%} of its planned '
        "time (the app's own measure). Stopped: stopped part-way, when the session ended. "
        "Other position: a warm-up done instead of the routine's own (for example sitting "
        "instead of lying).</p>"
    )
    return _table(heads, rows, {1, 2, 3, 4}, keep=frozenset()) + note


def _doses(data: ReportData) -> str:
    if not data.doses:
        return "<p>No exercise was done in these days.</p>"
    rows = []
    for period in data.doses:
        share = period.seconds_done / period.seconds_planned if period.seconds_planned else 0
        rows.append(
            [
                f'{_esc(period.exercise)}<br><span class="muted">{_esc(period.routine)}</span>',
                _esc(period.dose),
                _esc(_span(period.first, period.last)),
                str(period.sessions),
                str(period.in_full),
                f"{share:.0%}",
            ]
        )
    heads = ["Exercise (routine)", "Dose as planned", "Days", "Sessions", "In full", "Time"]
    return _table(heads, rows, {3, 4, 5}, keep=frozenset({2}))


def _notes(data: ReportData) -> str:
    if not data.notes:
        return "<p>No notes were written in these days.</p>"
    rows = [
        [_esc(_when(n.when)), _esc(n.routine), _esc(OUTCOME_WORDS[n.outcome]), _esc(n.note)]
        for n in data.notes
    ]
    return _table(["When", "Routine", "Ended", "Note"], rows)


def build_report(data: ReportData, made: datetime, zone_name: str) -> Report:
    """The report of ``data``; ``made``: when it is written (local time)."""
    span = f"{_day(data.start)} to {_day(data.end)}"
    head = [
        "<h1>Exercise report</h1>",
        f"<p><b>{_esc(span)}</b></p>",
        f'<p class="muted">From the history stretchdesk keeps on this computer; times in '
        f"{_esc(zone_name)}. Written {_esc(_when(made))}.</p>",
    ]
    if data.sessions == 0:
        body = [*head, "<p>No sessions were recorded in these days.</p>"]
        return Report(f"Exercise report, {span}", _page(body))
    period = "week" if len(data.weeks) <= MONTHS_AFTER_WEEKS else "month"
    body = [
        *head,
        _summary(data),
        "<h2>Pain before and after</h2>",
        f'<p><img src="chart:pain" width="{CHART_WIDTH}"></p>',
        f'<p class="muted">Each {period}\'s average rating, 0 no pain to 10 the worst: '
        "before a session a solid line with dots, after it a dashed line with squares. In "
        "the table, Done: sessions completed; Pain before and after: the week's averages.</p>",
        "<h2>Sessions and minutes per week</h2>",
        _weeks(data),
        "<h2>Stopped for pain</h2>",
        _stops(data),
        "<h2>Not done as planned</h2>",
        _changes(data),
        "<h2>Each exercise's dose over time</h2>",
        '<p class="muted">A new line when the planned dose changed.</p>',
        _doses(data),
        "<h2>Notes</h2>",
        _notes(data),
    ]
    return Report(f"Exercise report, {span}", _page(body), chart_points(data))


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
