"""The words the session screen shows (and tells a screen reader) for a moment of the
session (no Qt here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.routine.model import Phase, Routine, Side, Sides, Step
from stretchdesk.session.plan import SegmentKind

if TYPE_CHECKING:  # (the history loads after the first paint, the session's words with one)
    from stretchdesk.history.outcome import SessionOutcome
    from stretchdesk.session import AgendaEntry, SessionView
    from stretchdesk.session import events as ev

_OUTCOMES = {  # by SessionOutcome's values (a StrEnum: its members find them)
    "running": N_("in progress"),
    "completed": N_("completed"),
    "completed_with_skips": N_("finished, steps skipped"),
    "stopped_for_pain": N_("stopped for pain"),
    "ended_early": N_("ended early"),
    "interrupted": N_("interrupted"),
}


class _Outcomes:
    """``OUTCOME_WORDS[outcome]``: how a session ended, in the person's language."""

    def __getitem__(self, outcome: SessionOutcome) -> str:
        return _(_OUTCOMES[outcome])


OUTCOME_WORDS = _Outcomes()


def badge(view: SessionView) -> str:
    """ "Warm-up 2 of 5", "Stretch 1 of 5", "Re-warm 1 of 2"."""
    name = _("Re-warm") if view.is_rewarm else view.phase.label
    return _("{name} {number} of {total}").format(
        name=name, number=view.phase_number, total=view.phase_total
    )


def side_text(view: SessionView) -> str:
    """ "LEFT SIDE" in capitals, to read from the mat; empty when there is no side."""
    if view.side is None or view.segment is SegmentKind.BETWEEN:
        return ""
    return view.side.phrase.upper()


def rep_text(view: SessionView) -> str:
    """ "Rep 2 of 3" while reps are being counted."""
    if view.reps > 1 and view.segment in (SegmentKind.ACTIVE, SegmentKind.REST):
        return _("Rep {rep} of {reps}").format(rep=view.rep, reps=view.reps)
    return ""


def side_texts(step: Step) -> tuple[str, ...]:
    """Every side_text ``step`` can show."""
    if step.timing.sides is Sides.NONE:
        return ()
    return tuple(side.phrase.upper() for side in Side)


def rep_texts(step: Step) -> tuple[str, ...]:
    """The widest rep_text ``step`` can show (its last rep's)."""
    reps = step.timing.reps
    return (_("Rep {rep} of {reps}").format(rep=reps, reps=reps),) if reps > 1 else ()


def caption(view: SessionView, *, hold: bool) -> str:
    """The word under the countdown."""
    from stretchdesk.session.view import EngineState  # noqa: PLC0415

    if view.state is EngineState.READY:
        return _("Ready")
    kind = view.segment
    if kind is SegmentKind.LEAD_IN:
        return _("Get ready")
    if kind is SegmentKind.ACTIVE:
        return _("Hold") if hold else _("Move")
    if kind is SegmentKind.REST:
        return _("Relax")
    if kind is SegmentKind.SWITCH_SIDES:
        return _("Switch sides")
    if kind is SegmentKind.BETWEEN:
        return _("Rest")
    return ""


def headline(view: SessionView, *, position_changed: bool, hold: bool) -> str:
    """The one big line that says what to do now."""
    from stretchdesk.session.view import EngineState  # noqa: PLC0415

    step = view.step
    if view.state is EngineState.READY:
        return _("Press Start (Space) when you are ready")
    if view.state is EngineState.PAUSED:
        return _("Paused: press Space to go on")
    kind = view.segment
    if kind is SegmentKind.LEAD_IN:
        if position_changed:
            return _("Get into position: {position}").format(position=step.position.label)
        return _("Get ready")
    if kind is SegmentKind.ACTIVE:
        if hold:
            return _("Hold gently; breathe freely")
        return _("Move gently; never force, never bounce")
    if kind is SegmentKind.REST:
        return _("Relax")
    if kind is SegmentKind.SWITCH_SIDES and view.side is not None:
        return _("Switch to the {side}").format(side=view.side.phrase)
    if kind is SegmentKind.BETWEEN:
        return _("Rest")
    return ""


def headlines(step: Step) -> tuple[str, ...]:
    """Every headline a session can show while at ``step`` (the layout keeps room for the
    tallest, so the screen does not move when one wraps and the next does not)."""
    return (
        _("Press Start (Space) when you are ready"),
        _("Paused: press Space to go on"),
        _("Get into position: {position}").format(position=step.position.label),
        _("Get ready"),
        _("Hold gently; breathe freely"),
        _("Move gently; never force, never bounce"),
        _("Relax"),
        *(_("Switch to the {side}").format(side=side.phrase) for side in Side),
        _("Rest"),
    )


def coming_next(view: SessionView) -> str:
    if view.next_step is None:
        return _("Last exercise")
    return _("Next: {title}").format(title=view.next_step.title)


def minutes(seconds: float) -> str:
    whole = round(seconds / 60)
    if whole < 1:
        return _("under a minute")
    return ngettext("{n} min", "{n} min", whole).format(n=whole)


def time_spent(active_seconds: float, total_seconds: float) -> str:
    """ "4 min of exercise, 8 min in all" (getting into position and rests are the rest),
    so it agrees with the routine card, which counts it all."""
    exercise = _("{time} of exercise").format(time=minutes(active_seconds))
    if total_seconds <= active_seconds + 30:
        return exercise
    return _("{exercise}, {time} in all").format(exercise=exercise, time=minutes(total_seconds))


def routine_summary(routine: Routine) -> str:
    warmups = routine.count(Phase.WARMUP)
    stretches = routine.count(Phase.STRETCH)
    parts = [ngettext("{n} warm-up", "{n} warm-ups", warmups).format(n=warmups)]
    parts.append(ngettext("{n} stretch", "{n} stretches", stretches).format(n=stretches))
    cooldowns = routine.count(Phase.COOLDOWN)
    if cooldowns:
        parts.append(ngettext("{n} cool-down", "{n} cool-downs", cooldowns).format(n=cooldowns))
    return " · ".join(parts)


def completion_title(entries: list[AgendaEntry]) -> str:
    from stretchdesk.session.view import ItemState  # noqa: PLC0415

    if any(e.state is ItemState.SKIPPED for e in entries):
        return _("Routine finished, with some steps skipped")
    return _("Well done: routine complete")


def what_was_done(entries: list[AgendaEntry]) -> str:
    """ "Warm-ups done; 0 of 2 stretches done, 2 skipped." """
    from stretchdesk.session.view import ItemState  # noqa: PLC0415

    done_of = {
        Phase.WARMUP: N_("{done} of {total} warm-ups done"),
        Phase.STRETCH: N_("{done} of {total} stretches done"),
        Phase.COOLDOWN: N_("{done} of {total} cool-downs done"),
    }
    parts = []
    for phase, words in done_of.items():
        mine = [e for e in entries if e.item.phase is phase]
        if not mine:
            continue
        done = sum(1 for e in mine if e.state is ItemState.DONE)
        skipped = sum(1 for e in mine if e.state is ItemState.SKIPPED)
        if phase is Phase.WARMUP and done == len(mine):
            parts.append(_("warm-ups done"))
            continue
        text = _(words).format(done=done, total=len(mine))
        if skipped:
            text = _("{done}, {n} skipped").format(done=text, n=skipped)
        parts.append(text)
    # Translators: between the parts of the summary ("Warm-ups done; 2 of 3 stretches done");
    # French writes a space before the semicolon
    text = _("; ").join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


ANNOUNCE_LEFT = 10  # a screen reader hears "10 seconds left" in segments at least twice this


def announcement(event: ev.Event, longest: float = 0.0, *, voiced: bool = False) -> str | None:
    """What a screen reader is told at this moment of the session: the changes of phase and
    the time left at a few moments, never every second. ``longest``: the segment's seconds.
    ``voiced``: the app's own voice is on and says the changes of phase itself (its cue plan,
    session/cues.py), so a screen reader is told only what the voice does not say (pause,
    going on, ten seconds left): nothing is heard twice."""
    from stretchdesk.session import events as ev  # noqa: PLC0415 - loaded with a session

    if voiced and isinstance(
        event, (ev.LeadInStarted, ev.RepStarted, ev.SideSwitched, ev.RestStarted)
    ):
        return None
    if isinstance(event, ev.LeadInStarted):
        seconds = round(event.seconds)
        ready = ngettext("{n} second to get ready.", "{n} seconds to get ready.", seconds).format(
            n=seconds
        )
        if event.position_changed:
            where = _("Get into position: {position}.").format(position=event.step.position.label)
            return f"{event.step.title}. {where} {ready}"
        return f"{event.step.title}. {ready}"
    if isinstance(event, ev.RepStarted):
        parts = []
        if event.side:
            parts.append(event.side.phrase.capitalize() + ".")
        if event.reps > 1:
            parts.append(_("Rep {rep} of {reps}.").format(rep=event.rep, reps=event.reps))
        seconds = round(event.seconds)
        if event.hold:
            what = ngettext("Hold, {n} second.", "Hold, {n} seconds.", seconds)
        else:
            what = ngettext("Move gently, {n} second.", "Move gently, {n} seconds.", seconds)
        parts.append(what.format(n=seconds))
        return " ".join(parts)
    if isinstance(event, ev.SideSwitched):
        return _("Switch to the {side}.").format(side=event.side.phrase)
    if isinstance(event, ev.RestStarted):
        if event.between_exercises and event.next_step is not None:
            return _("Rest. Coming up: {title}.").format(title=event.next_step.title)
        return _("Relax.")
    if isinstance(event, ev.CountdownSecond):
        if event.seconds_left == ANNOUNCE_LEFT and longest >= 2 * ANNOUNCE_LEFT:
            return ngettext("{n} second left.", "{n} seconds left.", ANNOUNCE_LEFT).format(
                n=ANNOUNCE_LEFT
            )
        return None
    if isinstance(event, ev.Paused):
        return _("Paused. Press Space to go on.")
    if isinstance(event, ev.Resumed):
        return _("Going on.")
    return None
