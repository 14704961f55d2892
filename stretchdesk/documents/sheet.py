"""A printable exercise sheet for a routine: what goes on the paper, as HTML. No Qt.

The sheet says who the routine is for, the pain that means stop and the red flags (with
their sources), then each step: its drawings (the starting position and the held or end
position; the left side too, mirrored, where the exercise is done on each side), the
instructions, the dose, the caution, the breathing and the source. Everything comes from the
same content files as the window, so the paper never says what the app does not.

Pictures are named in the HTML as ``frame:N``; ``Sheet.pictures[N]`` says which file and
whether to mirror it, and the renderer (ui/pdf.py) supplies them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from stretchdesk.formats import decimal
from stretchdesk.i18n import _, ngettext, pgettext
from stretchdesk.illustration.frames import find_frames
from stretchdesk.routine.content import SafetyContent, Section
from stretchdesk.routine.model import Routine, Sides, Step, Timing
from stretchdesk.session.plan import routine_seconds
from stretchdesk.session.settings import SessionSettings


@dataclass(frozen=True)
class Picture:
    path: Path
    mirrored: bool
    caption: str


@dataclass
class Sheet:
    title: str
    html: str
    pictures: list[Picture] = field(default_factory=list)


def _seconds(value: float) -> str:
    if value >= 120 and value % 60 == 0:
        minutes = int(value // 60)
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
    count = int(value) if value == int(value) else value
    shown = decimal(value, 0) if value == int(value) else decimal(value)
    return ngettext("{count} second", "{count} seconds", int(count)).format(count=shown)


def dose_text(timing: Timing) -> str:
    """ "Hold 20 seconds, 2 times on each side, 10 seconds rest between." """
    reps = timing.reps
    if timing.hold is not None:
        text = ngettext("Hold {hold}, once", "Hold {hold}, {reps} times", reps).format(
            hold=_seconds(timing.hold), reps=reps
        )
    elif timing.rep_seconds is not None:
        text = ngettext(
            "{reps} slow repetition of about {seconds}",
            "{reps} slow repetitions of about {seconds}",
            reps,
        ).format(reps=reps, seconds=_seconds(timing.rep_seconds))
    else:
        text = _("Keep going for {time}").format(time=_seconds(timing.duration or 0.0))
    if timing.sides is Sides.BOTH:
        text = _("{dose} on each side").format(dose=text)
    elif timing.sides is Sides.ALTERNATE:
        text = _("{dose}, sides in turn").format(dose=text)
    if timing.hold is not None and timing.rest and reps > 1:
        text = _("{dose}, {rest} rest between").format(dose=text, rest=_seconds(timing.rest))
    return text + "."


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _section(section: Section, level: str = "h2") -> str:
    parts = [f"<{level}>{_esc(section.title)}</{level}>"]
    if section.lead is not None:
        parts.append(f"<p>{_esc(section.lead.text)}</p>")
    parts.append("<ul>" + "".join(f"<li>{_esc(line)}</li>" for line in section.lines) + "</ul>")
    sources = _("Sources: {names}.").format(names=section.source)
    parts.append(f'<p class="source">{_esc(sources)}</p>')
    return "".join(parts)


def _count_line(steps: int, minutes: int) -> str:
    exercises = ngettext("{count} exercise", "{count} exercises", steps).format(count=steps)
    about = ngettext("about {count} minute", "about {count} minutes", minutes).format(count=minutes)
    return _("{exercises}, {about}.").format(exercises=exercises, about=about)


class _Builder:
    def __init__(self, assets: Path) -> None:
        self.assets = assets
        self.pictures: list[Picture] = []

    def picture(self, path: Path, mirrored: bool, caption: str, width: int = 200) -> str:
        self.pictures.append(Picture(path, mirrored, caption))
        number = len(self.pictures) - 1
        return (
            f'<td class="picture"><img src="frame:{number}" width="{width}"><br>'
            f"<small>{_esc(caption)}</small></td>"
        )

    def drawings(self, step: Step) -> str:
        found = find_frames(step, self.assets)
        if found.is_placeholder:
            problem = _("No drawing: {reason}").format(reason=found.problem or "")
            return f'<p class="source">{_esc(problem)}</p>'
        first, last = found.frames[0], found.frames[-1]
        # Translators: under the drawing of the starting position on the printed sheet
        cells = [self.picture(first, False, pgettext("drawing", "Start"))]
        if last != first:
            cells.append(self.picture(last, False, pgettext("drawing", "Then")))
        if found.per_side and step.timing.sides is not Sides.NONE:
            left, mirrored = found.for_side(left=True)
            cells = [  # three across: narrower, so the row stays inside the margins
                self.picture(first, False, _("Right side: start"), 150),
                self.picture(last, False, _("Right side: then"), 150),
                self.picture(left[-1], mirrored, _("Left side"), 150),
            ]
        return "<table><tr>" + "".join(cells) + "</tr></table>"

    def step(self, number: int, step: Step) -> str:
        exercise = step.exercise
        parts = [
            f"<h2>{number}. {_esc(step.title)} "
            f'<span class="phase">({_esc(step.phase.label)})</span></h2>',
            self.drawings(step),
            "<ol>" + "".join(f"<li>{_esc(line)}</li>" for line in step.instructions) + "</ol>",
            '<p class="dose"><b>' + _esc(_("Dose:")) + f"</b> {_esc(dose_text(step.timing))}</p>",
        ]
        if exercise.breathing:
            breathing = _esc(_("Breathing:"))
            parts.append(f"<p><b>{breathing}</b> {_esc(exercise.breathing)}</p>")
        if step.caution:
            caution = _esc(_("Caution:"))
            parts.append(f'<p class="caution"><b>{caution}</b> {_esc(step.caution)}</p>')
        source = _("Source: {names}").format(names=exercise.source)
        parts.append(f'<p class="source">{_esc(source)}</p>')
        return '<div class="step">' + "".join(parts) + "</div>"


STYLE = """
body { font-family: sans-serif; font-size: 11pt; color: #000; }
h1 { font-size: 20pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; margin-top: 14pt; margin-bottom: 4pt; }
p, li { margin-top: 2pt; margin-bottom: 2pt; }
.source { font-size: 9pt; color: #333; }
.phase { font-weight: normal; font-size: 11pt; }
.caution { border-left: 3pt solid #000; padding-left: 4pt; }
td.picture { padding-right: 10pt; text-align: center; }
"""


def build_sheet(routine: Routine, content: SafetyContent, assets: Path) -> Sheet:
    """The sheet of ``routine``: its HTML and the pictures it names."""
    builder = _Builder(assets)
    minutes = round(routine_seconds(routine, SessionSettings()) / 60)
    head = [
        f"<h1>{_esc(routine.title)}</h1>",
        f"<p>{_esc(routine.description)}</p>",
        f"<p><b>{_esc(_count_line(len(routine.steps), minutes))}</b> "
        + _esc(_("Warm-ups first, then the stretches, in this order."))
        + "</p>",
        '<p class="source">' + _esc(_("Routine: {source}").format(source=routine.source)) + "</p>",
        _section(content.who),
        _section(content.pain_stop),
        _section(content.emergency),
        _section(content.doctor),
    ]
    steps = [builder.step(i, step) for i, step in enumerate(routine.steps, start=1)]
    tail = [_section(content.how_often), _section(content.time_limits)]
    body = "".join(head + steps + tail)
    page = f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"
    return Sheet(routine.title, page, builder.pictures)
