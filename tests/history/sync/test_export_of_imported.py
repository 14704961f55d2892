"""What a clinician is given of another computer's sessions is exactly what that computer
wrote: the JSON export of an imported history against the files' own content, and against
the export on the computer where they were done."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from stretchdesk.history.outcome import SessionOutcome, ShownKind, StepOutcome
from stretchdesk.history.shown import Shown
from stretchdesk.history.sync.names import parse_name
from stretchdesk.history.writes import StepDose, StopPlace
from tests.history.sync.computers import START, Computer, computers, files

_STEPS = [
    ("march-in-place", "warmup", StepOutcome.COMPLETED),
    ("cat-cow", "stretch", StepOutcome.SKIPPED),
    ("knee-to-chest", "stretch", StepOutcome.COMPLETED),
    ("belly-breathing", "cooldown", StepOutcome.STOPPED),
]


def _session(machine: Computer, minute: int, outcome: SessionOutcome, steps: int) -> int:
    began = START + timedelta(minutes=minute)
    shown = (
        Shown(ShownKind.HEALTH, "no answers"),
        Shown(ShownKind.SUGGESTION, "pain-up", "Your pain was higher after knee rolls", 2),
    )
    sid = machine.store.begin_session(
        routine_id="lower-back-spasm",
        routine_title="Lower back spasm relief",
        total_steps=len(_STEPS),
        planned_seconds=600,
        started_at=began,
        pain_before=minute % 11,
        shown=shown,
    )
    at = began
    for position, (exercise, phase, status) in enumerate(_STEPS[:steps]):
        machine.store.add_step(
            sid,
            position=position,
            routine_step=position,
            exercise_id=exercise,
            title=exercise.replace("-", " "),
            phase=phase,
            status=status,
            started_at=at,
            ended_at=at + timedelta(seconds=61.25),
            active_seconds=60.04 + position,
            dose=StepDose(planned_seconds=60.0, hold=20.0, reps=2, sides="both"),
        )
        at += timedelta(seconds=75)
    pain = outcome is SessionOutcome.STOPPED_FOR_PAIN
    place = StopPlace(steps - 1, "belly-breathing", "Belly", "left", 1, 7.5)
    report = machine.store.finish_session(
        sid,
        outcome=outcome,
        ended_at=at,
        active_seconds=61.0 * steps,
        location=place if pain else None,
    )
    if report is not None:
        machine.store.rate_pain_report(report, 6)
    else:
        machine.store.set_pain(sid, after=2)
    return sid


def _expected(document: dict[str, Any]) -> dict[str, Any]:
    """A session's file as the JSON export must show it."""
    session = document["session"]
    outcome = session["outcome"]
    return {
        "routine": session["routine_id"],
        "routine_title": session["routine_title"],
        "started_at": session["started_at"],
        "ended_at": session["ended_at"],
        "outcome": outcome,
        "completed_steps": sum(s["status"] == "completed" for s in document["steps"]),
        "skipped_steps": sum(s["status"] == "skipped" for s in document["steps"]),
        "total_steps": session["total_steps"],
        "active_minutes": round(session["active_seconds"] / 60.0, 1),
        "pain_before": session["pain_before"],
        "pain_after": session["pain_after"],
        "stopped_at_exercise": session["stopped_exercise"],
        "note": session["note"],
        "computer": document["computer"],
        "steps": [
            {
                "position": s["position"] + 1,
                "routine_step": s["routine_step"] + 1,
                "exercise": s["exercise_id"],
                "title": s["title"],
                "phase": s["phase"],
                "status": outcome if s["status"] == "stopped" else s["status"],
                "started_at": s["started_at"],
                "ended_at": s["ended_at"],
                "active_seconds": round(s["active_seconds"], 1),
            }
            for s in document["steps"]
        ],
        "pain_reports": [
            {
                "reported_at": r["reported_at"],
                "rating": r["rating"],
                "exercise": r["exercise_id"],
                "title": r["title"],
                "side": r["side"],
                "rep": r["rep"],
                "seconds_into_step": r["seconds_into_step"],
            }
            for r in document["pain_reports"]
        ],
        "shown_before": [
            {
                "shown_at": s["shown_at"],
                "kind": s["kind"],
                "name": s["name"],
                "detail": s["detail"],
                "routine_step": None if s["step"] is None else s["step"] + 1,
            }
            for s in document["shown"]
        ],
    }


def test_the_export_of_imported_sessions_is_what_their_files_hold(tmp_path: Path) -> None:
    home, work = computers(tmp_path, tmp_path / "Sync")
    try:
        outcomes = [SessionOutcome.COMPLETED, SessionOutcome.STOPPED_FOR_PAIN]
        outcomes += [SessionOutcome.ENDED_EARLY, SessionOutcome.COMPLETED_WITH_SKIPS]
        for n in range(12):
            sid = _session(home, 45 * n, outcomes[n % 4], 1 + n % len(_STEPS))
            if n % 3 == 0:
                home.store.set_note(sid, f"note {n}: «stiff» ✓")
        assert home.run().written == 12
        assert work.run().sessions == 12
        sent = [
            json.loads(p.read_bytes())
            for p in files(tmp_path / "Sync", lambda p: (parse_name(p.name) or p).kind == "s")
        ]
        assert len(sent) == 12
        exported = work.exported()
        for item in exported:
            del item["id"]
        assert exported == [_expected(d) for d in sorted(sent, key=lambda d: d["at"])]
        # and as the computer they were done on exports them
        at_home = home.exported()
        for item in at_home:
            del item["id"]
        assert [dict(i, computer="") for i in exported] == [dict(i, computer="") for i in at_home]
        assert work.run().sessions == 0  # read again, nothing changes
        assert [dict(i, id=0) for i in work.exported()] == [dict(i, id=0) for i in exported]
    finally:
        home.store.close()
        work.store.close()
