"""The report's pieces of HTML: a table whose header repeats on each page, a paragraph, a
heading, a span of days. No Qt."""

from __future__ import annotations

import html
from datetime import date

from stretchdesk.formats import short_date
from stretchdesk.i18n import _

NOWRAP = ' style="white-space: nowrap"'  # Qt reads the CSS, not the old attribute


def esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def span(first: date, last: date) -> str:
    """ "2 Oct 2026 to 30 Nov 2026" in the person's language."""
    if first == last:
        return short_date(first)
    return _("{first} to {last}").format(first=short_date(first), last=short_date(last))


def table(
    heads: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    keep: frozenset[int] = frozenset({0}),
) -> str:
    """A table whose header row repeats on each page; the ``keep`` columns (dates) and the
    headings are never broken across lines."""
    numeric = numeric or set()
    cls = [' class="n"' if i in numeric else "" for i in range(len(heads))]
    head = "".join(f"<th{c}{NOWRAP}>{esc(h)}</th>" for c, h in zip(cls, heads, strict=True))
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


def para(text: str, cls: str = "") -> str:
    return (f'<p class="{cls}">' if cls else "<p>") + esc(text) + "</p>"


def heading(text: str) -> str:
    return f"<h2>{esc(text)}</h2>"
