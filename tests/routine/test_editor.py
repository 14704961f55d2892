"""The builder's rules without a window: live phase order, placement, undo and redo."""

from __future__ import annotations

from dataclasses import replace

from stretchdesk.routine import ExerciseLibrary, Phase
from stretchdesk.routine.draft import Draft, DraftStep, usual_phases
from stretchdesk.routine.editor import Done, Editor, Refused


def editor(library: ExerciseLibrary, *steps: tuple[str, Phase]) -> Editor:
    draft = Draft("mine", "Mine", steps=tuple(DraftStep(e, p) for e, p in steps))
    return Editor(draft, library, "mine.toml")


def ids(ed: Editor) -> list[str]:
    return [s.exercise for s in ed.draft.steps]


def test_a_stretch_cannot_come_first(library: ExerciseLibrary):
    ed = editor(library)
    outcome, _ = ed.add("knee-to-chest")
    assert outcome == Refused(
        "Not done: mine.toml: step 1 (Single knee to chest): "
        "the routine has stretches but no warm-up; "
        "warm-ups must come first"
    )
    assert ed.draft.steps == ()
    assert not ed.can_undo


def test_new_steps_go_where_the_order_allows(library: ExerciseLibrary):
    ed = editor(library)
    assert isinstance(ed.add("pelvic-tilt")[0], Done)
    assert isinstance(ed.add("knee-to-chest")[0], Done)
    # A warm-up added after the stretches goes before them.
    outcome, index = ed.add("march-in-place")
    assert isinstance(outcome, Done)
    assert index == 1
    assert ids(ed) == ["pelvic-tilt", "march-in-place", "knee-to-chest"]
    # A stretch asked for at the top goes after the last warm-up.
    assert ed.place_for(Phase.STRETCH, -1) == 2


def test_moves_that_break_the_order_are_refused_with_the_check_message(library):
    ed = editor(library, ("pelvic-tilt", Phase.WARMUP), ("knee-to-chest", Phase.STRETCH))
    outcome = ed.move(1, 0)
    assert isinstance(outcome, Refused)
    assert "stretch comes before the last warm-up (step 2)" in outcome.message
    assert ids(ed) == ["pelvic-tilt", "knee-to-chest"]


def test_the_last_warm_up_cannot_go_while_there_are_stretches(library: ExerciseLibrary):
    ed = editor(
        library,
        ("belly-breathing", Phase.WARMUP),
        ("pelvic-tilt", Phase.WARMUP),
        ("knee-to-chest", Phase.STRETCH),
    )
    outcome = ed.remove(1)  # leaves breathing alone, which does not warm
    assert isinstance(outcome, Refused)
    assert "breathing alone" in outcome.message
    assert isinstance(ed.remove(0), Done)
    outcome = ed.remove(0)
    assert isinstance(outcome, Refused)
    assert "stretches but no warm-up" in outcome.message
    assert isinstance(ed.set_phase(0, Phase.STRETCH), Refused)


def test_undo_and_redo_every_change(library: ExerciseLibrary):
    ed = editor(library, ("pelvic-tilt", Phase.WARMUP))
    start = ed.draft
    ed.add("knee-to-chest")
    ed.set_timing(1, "hold", 30.0)
    ed.set_text("title", "Morning")
    assert ed.dirty
    assert ed.draft.steps[1].get("hold") == 30
    assert ed.undo() == Done("Undone: Changed the title")
    assert ed.undo() == Done("Undone: Changed Single knee to chest: hold")
    assert ed.draft.steps[1].get("hold") is None
    assert ed.redo() == Done("Redone: Changed Single knee to chest: hold")
    ed.undo()
    ed.undo()
    assert ed.draft == start
    assert not ed.dirty
    assert isinstance(ed.undo(), Refused)
    # A new change after undoing drops what could be redone.
    ed.add("march-in-place")
    assert not ed.can_redo


def test_timing_back_to_the_exercise_own_value_leaves_the_file(library: ExerciseLibrary):
    ed = editor(library, ("pelvic-tilt", Phase.WARMUP), ("knee-to-chest", Phase.STRETCH))
    own = library["knee-to-chest"].timing.hold
    ed.set_timing(1, "hold", 45.0)
    assert ed.draft.steps[1].keys == (("hold", 45),)
    ed.set_timing(1, "hold", float(own or 0))
    assert ed.draft.steps[1].keys == ()
    ed.set_timing(1, "sides", "alternate")
    assert ed.draft.steps[1].get("sides") == "alternate"


def test_new_steps_take_their_phase_in_the_builtin_routines(library, catalog):
    usual = usual_phases(r for r in catalog.routines if r.builtin)
    assert usual["bottom-to-heels"] is Phase.STRETCH  # paced reps, but a stretch there
    assert usual["march-in-place"] is Phase.WARMUP
    ed = Editor(Draft("m", "M"), library, "m.toml", usual)
    assert ed.phase_for(library["bottom-to-heels"]) is Phase.STRETCH
    assert ed.phase_for(library["seated-twist"]) is Phase.WARMUP  # knee rolls, sitting
    assert Editor(Draft("m", "M"), library, "m.toml").phase_for(library["cat-cow"]) is Phase.WARMUP


def test_a_first_save_gives_every_undoable_state_the_new_id(library: ExerciseLibrary):
    ed = editor(library)
    ed.add("pelvic-tilt")
    ed.mark_saved(replace(ed.draft, id="morning"))
    ed.undo()
    assert ed.draft.id == "morning"
    assert ed.draft.steps == ()


def test_saving_marks_clean(library: ExerciseLibrary):
    ed = editor(library, ("pelvic-tilt", Phase.WARMUP))
    ed.set_text("note", "For 2 weeks")
    assert ed.dirty
    ed.mark_saved()
    assert not ed.dirty
    assert ed.can_undo  # saving does not forget what can be undone
