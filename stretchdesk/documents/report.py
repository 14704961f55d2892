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

from stretchdesk.formats import date_time, decimal, long_date, short_date
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.report_data import SHORTENED, ReportData, Week
from stretchdesk.i18n import N_, _, ngettext, pgettext
from stretchdesk.routine.model import Side

NOWRAP = ' style="white-space: nowrap"'  # Qt reads the CSS, not the old attribute
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


def _esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _span(first: date, last: date) -> str:
    """ "2 Oct 2026 to 30 Nov 2026" in the person's language."""
    if first == last:
        return short_date(first)
    return _("{first} to {last}").format(first=short_date(first), last=short_date(last))


def _mean(value: float | None) -> str:
    return "" if value is None else decimal(value)


def _percent(share: float) -> str:
    # Translators: a percentage; French writes a space before the sign.
    return pgettext("percent", "{number}%").format(number=round(share * 100))


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
    sessions = ngettext("{count} session", "{count} sessions", data.sessions).format(
        count=data.sessions
    )
    days = ngettext("on {count} day", "on {count} days", data.days).format(count=data.days)
    lines = [
        _(
            "{sessions} {days}, {minutes} minutes of exercise in all; {completed} completed, "
            "{stops} stopped for pain."
        ).format(
            sessions=sessions,
            days=days,
            minutes=decimal(minutes, 0),
            completed=completed,
            stops=stops,
        )
    ]
    if before:
        lines.append(
            ngettext(
                "Pain before a session: {mean} on average ({count} rating, 0 no pain to 10 "
                "the worst).",
                "Pain before a session: {mean} on average ({count} ratings, 0 no pain to 10 "
                "the worst).",
                len(before),
            ).format(mean=_mean(Week.mean(before)), count=len(before))
        )
    if after:
        lines.append(
            _("Pain after a session: {mean} on average.").format(mean=_mean(Week.mean(after)))
        )
    return "".join(f"<p>{_esc(line)}</p>" for line in lines)


def _weeks(data: ReportData) -> str:
    rows = [
        [
            _esc(short_date(w.start)),
            str(w.sessions),
            str(w.completed),
            decimal(w.minutes, 0),
            str(w.pain_stops),
            _mean(Week.mean(w.before)),
            _mean(Week.mean(w.after)),
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
    ]
    return _table(heads, rows, {1, 2, 3, 4, 5, 6})


def _stops(data: ReportData) -> str:
    if not data.stops:
        return _para(_("No session was stopped for pain in these days."))
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
            [_esc(date_time(stop.when)), _esc(stop.routine), _esc(where), rating, _esc(stop.note)]
        )
    heads = [_("When"), _("Routine"), _("Exercise"), _("Pain"), _("Note")]
    return _table(heads, rows, {3})


def _changes(data: ReportData) -> str:
    if not data.changes:
        return _para(_("Every exercise was done as planned."))
    rows = [
        [_esc(c.exercise), str(c.skipped), str(c.shortened), str(c.stopped), str(c.swapped_in)]
        for c in data.changes
    ]
    heads = [_("Exercise"), _("Skipped"), _("Shortened"), _("Stopped"), _("Other position")]
    words = _(
        "Shortened: ended with less than {share} of its planned time (the app's own measure). "
        "Stopped: stopped part-way, when the session ended. Other position: a warm-up done "
        "instead of the routine's own (for example sitting instead of lying)."
    ).format(share=_percent(SHORTENED))
    note = f'<p class="muted">{_esc(words)}</p>'
    return _table(heads, rows, {1, 2, 3, 4}, keep=frozenset()) + note


def _doses(data: ReportData) -> str:
    if not data.doses:
        return _para(_("No exercise was done in these days."))
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
    return _table(heads, rows, {3, 4, 5}, keep=frozenset({2}))


def _notes(data: ReportData) -> str:
    if not data.notes:
        return _para(_("No notes were written in these days."))
    rows = [
        [_esc(date_time(n.when)), _esc(n.routine), _esc(_(OUTCOME_WORDS[n.outcome])), _esc(n.note)]
        for n in data.notes
    ]
    return _table([_("When"), _("Routine"), _("Ended"), _("Note")], rows)


def build_report(data: ReportData, made: datetime, zone_name: str) -> Report:
    """The report of ``data``; ``made``: when it is written (local time)."""
    span = _("{first} to {last}").format(first=long_date(data.start), last=long_date(data.end))
    title = _("Exercise report, {span}").format(span=span)
    written = _(
        "From the history stretchdesk keeps on this computer; times in {zone}. Written {when}."
    ).format(zone=zone_name, when=date_time(made))
    head = [
        "<h1>" + _esc(_("Exercise report")) + "</h1>",
        f"<p><b>{_esc(span)}</b></p>",
        f'<p class="muted">{_esc(written)}</p>',
    ]
    if data.sessions == 0:
        body = [*head, _para(_("No sessions were recorded in these days."))]
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
    table = _("In the table, Done: sessions completed; Pain before and after: the week's averages.")
    body = [
        *head,
        _summary(data),
        _heading(_("Pain before and after")),
        f'<p><img src="chart:pain" width="{CHART_WIDTH}"></p>',
        f'<p class="muted">{_esc(how)} {_esc(table)}</p>',
        _heading(_("Sessions and minutes per week")),
        _weeks(data),
        _heading(_("Stopped for pain")),
        _stops(data),
        _heading(_("Not done as planned")),
        _changes(data),
        _heading(_("Each exercise's dose over time")),
        _para(_("A new line when the planned dose changed."), "muted"),
        _doses(data),
        _heading(_("Notes")),
        _notes(data),
    ]
    return Report(title, _page(body), chart_points(data))


def _para(text: str, cls: str = "") -> str:
    return (f'<p class="{cls}">' if cls else "<p>") + _esc(text) + "</p>"


def _heading(text: str) -> str:
    return f"<h2>{_esc(text)}</h2>"


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
