"""The first part of the exercise sheet, before the steps: the lines the person or their
physiotherapist fills in, the red flags framed as the window frames them, what the health
check changes, and the sections that say who the routine is for and the pain that means
stop. No Qt.

The red flags come first, each level in a frame of its own (a one-cell table, which the
renderer never splits across pages: ui/printing/pdf.py ``keep_frames_whole``), so a sheet printed on
one page still holds all of them.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent, Section
from stretchdesk.routine.model import Routine
from stretchdesk.session.health import HealthPlan, describe

GAP = '<p class="gap"></p>'  # a little room after a frame
ALERT = "#b00000"  # the window's emergency frame; prints as a dark grey


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def framed(inner: str, color: str = "#000000", width: int = 1, points: float = 0) -> str:
    """A block in a frame: a table of one cell, kept on one page by the renderer;
    ``points``: its text size, if not the page's."""
    size = f' style="font-size: {points}pt"' if points else ""
    return (
        f'<table width="100%" border="{width}" cellspacing="0" cellpadding="5" '
        f'style="border-color: {color}; border-style: solid; border-collapse: collapse">'
        f"<tr><td{size}>{inner}</td></tr></table>"
    )


def section_html(
    section: Section, level: str = "h2", lead: str | None = None, title_points: float = 0
) -> str:
    """A section's title, lead (``lead`` replaces the section's own), lines and sources;
    ``title_points``: a framed section's title size (no room above it)."""
    style = f' style="font-size: {title_points}pt; margin-top: 0pt"' if title_points else ""
    parts = [f"<{level}{style}>{esc(section.title)}</{level}>"]
    said = lead if lead is not None else (section.lead.text if section.lead else None)
    if said is not None:
        parts.append(f"<p>{esc(said)}</p>")
    parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in section.lines) + "</ul>")
    sources = _("Sources: {names}.").format(names=section.source)
    small = ' style="font-size: 8pt"' if title_points else ""
    parts.append(f'<p class="source"{small}>{esc(sources)}</p>')
    return "".join(parts)


def fill_in_lines() -> str:
    """Name, date, who prescribed it and how many times a day: written in by hand."""
    return fill_in(((_("Name:"), _("Date:")), (_("Prescribed by:"), _("How many times a day:"))))


def fill_in(rows: Sequence[Sequence[str]]) -> str:
    """Labels, each with a line after it to write on by hand; a row of two fills the width."""
    across = max(len(row) for row in rows)
    line = f'<td width="{68 // across}%" style="border-bottom: 1px solid #000">&nbsp;</td>'
    label = f'<td width="{32 // across}%" style="font-size: 10pt; white-space: nowrap">{{}}</td>'
    cells = "".join(
        "<tr>" + "".join(label.format(esc(text)) + line for text in row) + "</tr>" for row in rows
    )
    width = 50 * across
    return (
        f'<table width="{width}%" cellspacing="0" cellpadding="4" '
        f'style="border-collapse: collapse">{cells}</table>'
    )


def red_flag_sections(content: SafetyContent) -> tuple[Section, Section]:
    """The two levels of red flags, emergency first: the one place the sheet takes them
    from the content."""
    return content.emergency, content.doctor


def red_flags(content: SafetyContent) -> str:
    """The emergency framed in red (as the window's), then "see a doctor soon" framed; at
    10 points, so both levels fit on the first page in every language, on A4 and Letter."""
    emergency, doctor = red_flag_sections(content)
    return (
        framed(section_html(emergency, "h2", title_points=13), ALERT, 3, points=10)
        + GAP
        + framed(section_html(doctor, "h3", title_points=11), points=10)
        + GAP
    )


def pregnancy_signs(content: SafetyContent) -> str:
    """When to call the maternity unit, framed in red like the emergency (the health
    check's pregnancy answer)."""
    return (
        framed(section_html(content.pregnancy_signs, "h3", title_points=11), ALERT, 3, points=10)
        + GAP
    )


def pain_stop(content: SafetyContent) -> str:
    """The pain that means stop, said for paper: there is no button to press."""
    return section_html(content.pain_stop, lead=content.texts["paper"]["pain_stop_lead"])


def health_box(
    plan: HealthPlan, routine: Routine, content: SafetyContent
) -> tuple[str, dict[int, str]]:
    """What the health check's answers change, framed, as the routine's card says it in the
    window, with the reason for each step left out; and each marked step's note (by its
    index in the routine). Empty with no answers that change anything."""
    if not plan:
        return "", {}
    texts = content.texts["health"]
    words = describe(plan, routine, texts)
    marked = {n.index: words.steps[n.index] for n in plan.steps if not n.left_out}
    reasons = [texts[n.note.value] for n in plan.steps if n.left_out]
    lines: Sequence[str] = [*words.card, *dict.fromkeys(reasons)]
    sources = _("Sources: {names}.").format(names=content.sources_of("health"))
    inner = (
        "".join(
            f"<p><b>{esc(line)}</b></p>" if i < len(words.card) else f"<p>{esc(line)}</p>"
            for i, line in enumerate(lines)
        )
        + f'<p class="source">{esc(sources)}</p>'
    )
    return framed(inner, width=2) + GAP, marked
