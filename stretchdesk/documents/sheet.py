"""A printable exercise sheet for a routine: what goes on the paper, as HTML. No Qt.

The sheet starts with lines to fill in (name, date, who prescribed it, how many times a
day) and the red flags, framed, on the first page (documents/sheet_head.py); then what the
health check changes, who the routine is for and the pain that means stop; then each step
the session does: its drawings (the starting position and the held or end position; where
the exercise is done on each side, the left side first, as the session does it, then the
right), the instructions, the dose, the caution, the breathing and the source. Everything
comes from the same content files and the same health plan as the window, so the paper never
says what the app does not.

Pictures are named in the HTML as ``frame:N``; ``Sheet.pictures[N]`` says which file and
whether to mirror it, and the renderer (ui/printing/pdf.py) supplies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from stretchdesk.documents.sheet_head import (
    esc,
    fill_in_lines,
    health_box,
    pain_stop,
    pregnancy_signs,
    red_flags,
    section_html,
)
from stretchdesk.formats import decimal
from stretchdesk.i18n import _, ngettext, pgettext
from stretchdesk.illustration.frames import find_frames
from stretchdesk.routine.content import SafetyContent
from stretchdesk.routine.model import Routine, Sides, Step, Timing
from stretchdesk.session.health import Answer, HealthPlan
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
    return dose_phrase(timing) + "."


def dose_phrase(timing: Timing | None) -> str:
    """The dose as the sheet says it, without the full stop, to go in a table or inside a
    sentence (the report, the history screen); for a dose the history did not record, says
    so."""
    if timing is None:
        return _("dose not recorded")
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
        text = _("{dose} on each side, alternating").format(dose=text)
    if timing.hold is not None and timing.rest and reps > 1:
        text = _("{dose}, {rest} rest between").format(dose=text, rest=_seconds(timing.rest))
    return text


def _count_line(steps: int, minutes: int) -> str:
    exercises = ngettext("{count} exercise", "{count} exercises", steps).format(count=steps)
    about = ngettext("about {count} minute", "about {count} minutes", minutes).format(count=minutes)
    return _("{exercises}, {about}.").format(exercises=exercises, about=about)


class _Builder:
    def __init__(self, assets: Path) -> None:
        self.assets = assets
        self.pictures: list[Picture] = []
        self.numbers: dict[tuple[Path, bool], int] = {}

    def picture(self, path: Path, mirrored: bool, caption: str, width: int = 200) -> str:
        """A drawing with its caption; a drawing already on the sheet (the same exercise in
        another step) is named again, not added again, so it is read and stored once."""
        number = self.numbers.get((path, mirrored))
        if number is None:
            self.pictures.append(Picture(path, mirrored, caption))
            number = self.numbers[path, mirrored] = len(self.pictures) - 1
        return (
            f'<td class="picture"><img src="frame:{number}" width="{width}"><br>'
            f"<small>{esc(caption)}</small></td>"
        )

    def drawings(self, step: Step) -> str:
        found = find_frames(step, self.assets)
        if found.is_placeholder:
            problem = _("No drawing: {reason}").format(reason=found.problem or "")
            return f'<p class="source">{esc(problem)}</p>'
        first, last = found.frames[0], found.frames[-1]
        if found.per_side and step.timing.sides is not Sides.NONE:
            # the left side first, as the session does it; three across, narrower, so the
            # row stays inside the margins
            left, mirrored = found.for_side(left=True)
            cells = [
                self.picture(left[0], mirrored, _("Left side: start"), 150),
                self.picture(left[-1], mirrored, _("Left side: then"), 150),
                self.picture(last, False, _("Right side"), 150),
            ]
        else:
            # Translators: under the drawing of the starting position on the printed sheet
            cells = [self.picture(first, False, pgettext("drawing", "Start"))]
            if last != first:
                cells.append(self.picture(last, False, pgettext("drawing", "Then")))
        return "<table><tr>" + "".join(cells) + "</tr></table>"

    def step(self, number: int, step: Step, health: str = "") -> str:
        exercise = step.exercise
        parts = [
            f"<h2>{number}. {esc(step.title)} "
            f'<span class="phase">({esc(step.phase.label)})</span></h2>',
        ]
        if health:  # the health check marks this step: said before anything else
            label = esc(_("Health check:"))
            parts.append(f'<p class="caution"><b>{label}</b> {esc(health)}</p>')
        parts += [
            self.drawings(step),
            "<ol>" + "".join(f"<li>{esc(line)}</li>" for line in step.instructions) + "</ol>",
            '<p class="dose"><b>' + esc(_("Dose:")) + f"</b> {esc(dose_text(step.timing))}</p>",
        ]
        if exercise.breathing:
            breathing = esc(_("Breathing:"))
            parts.append(f"<p><b>{breathing}</b> {esc(exercise.breathing)}</p>")
        if step.caution:
            caution = esc(_("Caution:"))
            parts.append(f'<p class="caution"><b>{caution}</b> {esc(step.caution)}</p>')
        source = _("Source: {names}").format(names=exercise.source)
        parts.append(f'<p class="source">{esc(source)}</p>')
        return '<div class="step">' + "".join(parts) + "</div>"


STYLE = """
body { font-family: sans-serif; font-size: 11pt; color: #000; }
h1 { font-size: 20pt; margin-top: 6pt; margin-bottom: 2pt; }
h2 { font-size: 14pt; margin-top: 14pt; margin-bottom: 4pt; }
h3 { font-size: 12pt; margin-top: 0pt; margin-bottom: 3pt; }
p, li { margin-top: 2pt; margin-bottom: 2pt; }
td ul, td li { margin-top: 0pt; margin-bottom: 0pt; }
.gap { margin-top: 0pt; margin-bottom: 0pt; font-size: 6pt; }
.source { font-size: 9pt; color: #333; }
.phase { font-weight: normal; font-size: 11pt; }
.caution { border-left: 3pt solid #000; padding-left: 4pt; }
td.picture { padding-right: 10pt; text-align: center; }
"""


def _as_done(routine: Routine, plan: HealthPlan) -> tuple[Step, ...]:
    """The routine's steps as the session does them: a warm-up the plan has done in its
    other position (``swaps``, where the plan has them) is printed in that position."""
    swaps: frozenset[int] = frozenset(getattr(plan, "swaps", ()))
    return tuple(
        (step.swapped() or step) if index in swaps else step
        for index, step in enumerate(routine.steps)
    )


def build_sheet(
    routine: Routine,
    content: SafetyContent,
    assets: Path,
    plan: HealthPlan | None = None,
    answers: frozenset[Answer] = frozenset(),
) -> Sheet:
    """The sheet of ``routine``: its HTML and the pictures it names. ``plan``: what the
    health check's ``answers`` change (session/health.py ``plan_for``), the same plan the
    session follows: steps it leaves out are not on the sheet, marked steps carry their
    note, and its card lines are framed before the first step; with the pregnancy answer,
    the signs to call the maternity unit for are framed with the red flags."""
    plan = plan or HealthPlan()
    builder = _Builder(assets)
    left_out = plan.left_out
    done = _as_done(routine, plan)
    kept = tuple(s for i, s in enumerate(done) if i not in left_out)
    minutes = round(routine_seconds(replace(routine, steps=kept), SessionSettings()) / 60)
    health, marked = health_box(plan, routine, content)
    made = [f"<p><b>{esc(line)}</b></p>" for line in (routine.author, routine.note) if line]
    head = [
        fill_in_lines(),
        f"<h1>{esc(routine.title)}</h1>",
        *made,
        red_flags(content),
        pregnancy_signs(content) if Answer.PREGNANT in answers else "",
        f"<p>{esc(routine.description)}</p>",
        f"<p><b>{esc(_count_line(len(kept), minutes))}</b> "
        + esc(_("Warm-ups first, then the stretches, in this order."))
        + "</p>",
        '<p class="source">' + esc(_("Routine: {source}").format(source=routine.source)) + "</p>",
        health,
        section_html(content.who),
        pain_stop(content),
    ]
    shown = [(i, s) for i, s in enumerate(done) if i not in left_out]
    steps = [
        builder.step(number, step, marked.get(index, ""))
        for number, (index, step) in enumerate(shown, start=1)
    ]
    tail = [section_html(content.how_often), section_html(content.time_limits)]
    body = "".join(head + steps + tail)
    page = f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"
    return Sheet(routine.title, page, builder.pictures)
