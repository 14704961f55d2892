"""The exercise sheet follows the health check as the session does: a step the plan leaves
out is not on the paper, a marked step carries its note, and the routine's card lines are
printed (session/health.py's ``plan_for`` and ``describe``, whatever the answers are). Also
what is said for paper: no button to press, lines to fill in, the left side first."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.documents.sheet import build_sheet
from stretchdesk.documents.sheet_head import red_flag_sections
from stretchdesk.routine import Catalog, Routine
from stretchdesk.routine.content import load_content
from stretchdesk.session.health import Answer, HealthPlan, Note, StepNote, describe, plan_for
from tests.documents.test_sheet import sheet_command


def _headings(html: str) -> list[str]:
    """The steps' headings: "3. Pelvic tilts"."""
    return re.findall(r"<h2>(\d+\. [^<]*?) <span", html)


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("answer", list(Answer), ids=[a.value for a in Answer])
def test_the_sheet_follows_each_health_answer(catalog: Catalog, answer: Answer) -> None:
    content = load_content(paths.content_file())
    texts = content.texts["health"]
    changed = False
    for routine in catalog.routines:
        plan = plan_for(routine, frozenset({answer}))
        words = describe(plan, routine, texts)
        html = build_sheet(routine, content, paths.assets_dir(), plan).html
        flat = _flat(html.replace("&#x27;", "'"))
        headings = _headings(html)
        swaps = frozenset(getattr(plan, "swaps", ()))  # done in their other position
        done = [(s.swapped() or s) if i in swaps else s for i, s in enumerate(routine.steps)]
        kept = [s.title for i, s in enumerate(done) if i not in plan.left_out]
        assert [h.split(". ", 1)[1] for h in headings] == kept, routine.id
        assert [h.split(". ", 1)[0] for h in headings] == [str(n) for n in range(1, len(kept) + 1)]
        for line in words.card:  # the routine card's lines, as the window shows them
            assert _flat(line) in flat, (routine.id, line)
        for note in plan.steps:
            if note.left_out:
                assert _flat(texts[note.note.value]) in flat  # why it is left out
            else:
                assert _flat(words.steps[note.index]) in flat  # the marked step's note
        changed = changed or bool(plan)
    assert changed, f"{answer} changes no built-in routine: the test checks nothing"


@dataclass(frozen=True)
class SwappingPlan(HealthPlan):
    """A plan that has a warm-up done in its other position."""

    swaps: frozenset[int] = frozenset()


def test_a_warm_up_done_in_its_other_position_is_printed_so(catalog: Catalog) -> None:
    content = load_content(paths.content_file())
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    index = next(i for i, s in enumerate(routine.steps) if s.alternative is not None)
    other = routine.steps[index].alternative
    assert other is not None
    note = StepNote(index, Note.PREGNANT_BACK, left_out=False)
    plan = SwappingPlan(steps=(note,), swaps=frozenset({index}))
    html = build_sheet(routine, content, paths.assets_dir(), plan).html
    titles = [h.split(". ", 1)[1] for h in _headings(html)]
    assert titles[index] == other.title  # as the session does it
    assert routine.steps[index].title not in titles
    assert f"/{other.exercise_id}/" in "".join(str(p) for p in _pictures(routine, plan))


def _pictures(routine: Routine, plan: HealthPlan) -> list[Path]:
    content = load_content(paths.content_file())
    return [p.path for p in build_sheet(routine, content, paths.assets_dir(), plan).pictures]


def test_no_answers_change_nothing(catalog: Catalog) -> None:
    content = load_content(paths.content_file())
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    plain = build_sheet(routine, content, paths.assets_dir())
    planned = build_sheet(routine, content, paths.assets_dir(), plan_for(routine, frozenset()))
    assert plain.html == planned.html
    assert len(_headings(plain.html)) == len(routine.steps)
    assert "Health check" not in plain.html


def test_what_paper_says(catalog: Catalog) -> None:
    content = load_content(paths.content_file())
    routine = catalog.get("quick-relief")
    assert routine is not None
    html = build_sheet(routine, content, paths.assets_dir()).html
    assert "Stop at once if:" in html
    assert "Esc" not in html and "Pain — stop" not in html  # no button on paper
    for field in ("Name:", "Date:", "Prescribed by:", "How many times a day:"):
        assert field in html
    emergency, doctor = red_flag_sections(content)
    red_flags = html.index(emergency.title)
    assert red_flags < html.index(doctor.title) < html.index(content.who.title)
    assert red_flags < html.index("<h2>1. ")


@pytest.mark.needs("pdftotext", package="poppler-utils")
def test_the_command_reads_the_health_answers(
    catalog: Catalog, tmp_path: Path, data_dir: Path
) -> None:
    """The review's case: pregnant and osteoporosis in the data folder's settings."""
    import subprocess  # noqa: PLC0415

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.toml").write_text(
        "health_asked = true\nhealth_pregnant = true\nhealth_osteoporosis = true\n",
        encoding="utf-8",
    )
    target = tmp_path / "sheet.pdf"
    done = sheet_command("lower-back-spasm", "-o", str(target), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = _flat(
        subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
    )
    routine = catalog.get("lower-back-spasm")
    assert routine is not None
    plan = plan_for(routine, frozenset({Answer.PREGNANT, Answer.OSTEOPOROSIS}))
    assert len(plan.left_out) >= 4
    for index, step in enumerate(routine.steps):
        done = (step.swapped() or step) if index in plan.swaps else step  # sitting, standing
        heading = re.search(rf"\d+\. {re.escape(done.title)} \(", text)
        assert (heading is None) == (index in plan.left_out), step.title
    assert "left out for you" in text


def test_the_pregnancy_answer_prints_when_to_call_the_maternity_unit(catalog: Catalog) -> None:
    content = load_content(paths.content_file())
    routine = catalog.get("quick-relief")
    assert routine is not None
    signs = content.pregnancy_signs
    answers = frozenset({Answer.PREGNANT})
    plan = plan_for(routine, answers)
    html = build_sheet(routine, content, paths.assets_dir(), plan, answers).html
    flat = _flat(html.replace("&#x27;", "'"))
    assert _flat(signs.title) in flat
    assert all(_flat(line) in flat for line in signs.lines)
    assert flat.index(_flat(signs.title)) < flat.index(_flat(content.pain_stop.title))
    without = build_sheet(routine, content, paths.assets_dir()).html
    assert _flat(signs.title) not in _flat(without)
