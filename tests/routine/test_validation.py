"""Each validation rule, reported as one line naming the file, step number and title."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk.routine import (
    ExerciseLibrary,
    Phase,
    RoutineError,
    Sides,
    load_routine,
    load_routine_text,
)

WARMUP = '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n'
STRETCH = '[[step]]\nexercise = "knee-to-chest"\nphase = "stretch"\n'
COOLDOWN = '[[step]]\nexercise = "belly-breathing"\nphase = "cooldown"\n'
HEAD = 'id = "mine"\ntitle = "Mine"\n'


def problems(text: str, library: ExerciseLibrary, base: Path | None = None) -> list[str]:
    with pytest.raises(RoutineError) as info:
        load_routine_text(HEAD + text, "mine.toml", library, base_dir=base)
    return [str(p) for p in info.value.problems]


def test_a_valid_routine_loads(library: ExerciseLibrary) -> None:
    routine = load_routine_text(HEAD + WARMUP + STRETCH + COOLDOWN, "mine.toml", library)
    assert [s.phase for s in routine.steps] == [Phase.WARMUP, Phase.STRETCH, Phase.COOLDOWN]
    assert routine.steps[1].timing.hold == 20
    assert routine.steps[1].timing.sides is Sides.BOTH


def test_stretch_before_the_last_warmup(library: ExerciseLibrary) -> None:
    found = problems(WARMUP + STRETCH + WARMUP, library)
    assert found == [
        "mine.toml: step 2 (Single knee to chest): stretch comes before the last warm-up (step 3)"
    ]


def test_stretches_without_any_warmup(library: ExerciseLibrary) -> None:
    found = problems(STRETCH + STRETCH, library)
    assert found == [
        "mine.toml: step 1 (Single knee to chest): the routine has stretches but no warm-up; "
        "warm-ups must come first"
    ]


def test_cooldown_before_a_stretch(library: ExerciseLibrary) -> None:
    found = problems(WARMUP + STRETCH + COOLDOWN + STRETCH, library)
    assert found == [
        "mine.toml: step 3 (Belly breathing): cool-down comes before a stretch (step 4)"
    ]


def test_cooldown_without_stretch(library: ExerciseLibrary) -> None:
    found = problems(WARMUP + COOLDOWN, library)
    assert len(found) == 1 and "cool-downs only follow stretches" in found[0]


def test_unknown_keys_are_named(library: ExerciseLibrary) -> None:
    found = problems('colour = "red"\n' + WARMUP + "hold_for = 3\nspeed = 1\n", library)
    assert 'mine.toml: unknown key "colour"' in found
    assert 'mine.toml: step 1 (Pelvic tilts): unknown keys "hold_for", "speed"' in found


@pytest.mark.parametrize(
    ("timing", "message"),
    [
        ("hold = 0", '"hold" must be more than zero seconds (it is 0)'),
        ("hold = -5", '"hold" must be more than zero seconds (it is -5)'),
        ("hold = 601", '"hold" of 601 s is too long (at most 600 s); is it a typing mistake?'),
        ("duration = 0\nreps = 1", '"duration" must be more than zero seconds (it is 0)'),
        ("duration = 7200", '"duration" of 7200 s is too long (at most 1800 s)'),
        ('hold = "long"', '"hold" must be a number of seconds'),
        ("hold = nan", '"hold" must be a number of seconds'),
        ("hold = inf", '"hold" of inf s is too long'),
        ("reps = 0", '"reps" must be at least 1 (it is 0)'),
        ("reps = 2.5", '"reps" must be a whole number'),
        ("reps = true", '"reps" must be a whole number'),
        ("rest = -1", '"rest" must not be negative (it is -1)'),
        ("hold = 10\nduration = 30", "give only one of duration, hold"),
        ('sides = "sideways"', "\"sides\" is 'sideways'; it must be one of"),
    ],
)
def test_bad_timings(library: ExerciseLibrary, timing: str, message: str) -> None:
    found = problems(WARMUP + STRETCH + timing + "\n", library)
    assert len(found) == 1, found
    assert found[0].startswith("mine.toml: step 2 (Single knee to chest): ")
    assert message in found[0]


def test_missing_timing_in_a_step_of_an_exercise_without_default(library: ExerciseLibrary) -> None:
    found = problems(
        WARMUP + '[[step]]\nexercise = "knee-to-chest"\nphase = "stretch"\n'
        "rep_seconds = 3\nreps = 0\n",
        library,
    )
    assert any('"reps" must be at least 1' in f for f in found)


def test_step_may_turn_a_hold_into_a_movement(library: ExerciseLibrary) -> None:
    text = HEAD + WARMUP + STRETCH + "duration = 40\n"
    routine = load_routine_text(text, "mine.toml", library)
    timing = routine.steps[1].timing
    assert (timing.duration, timing.hold, timing.active_seconds) == (40, None, 80)


def test_unknown_exercise_id(library: ExerciseLibrary) -> None:
    found = problems(WARMUP + '[[step]]\nexercise = "cartwheel"\nphase = "stretch"\n', library)
    assert found == ["mine.toml: step 2 (cartwheel): unknown exercise id 'cartwheel'"]


@pytest.mark.parametrize("image", ["../outside", "/etc", "pics/../../outside", "C:/x"])
def test_image_paths_must_stay_in_the_routines_folder(
    library: ExerciseLibrary, tmp_path: Path, image: str
) -> None:
    found = problems(WARMUP + f'image = "{image}"\n', library, base=tmp_path)
    assert len(found) == 1
    assert "image" in found[0] and ("leaves" in found[0] or "relative" in found[0])


def test_image_inside_the_folder_is_fine(library: ExerciseLibrary, tmp_path: Path) -> None:
    routine = load_routine_text(
        HEAD + WARMUP + 'image = "pics/tilt"\n', "mine.toml", library, base_dir=tmp_path
    )
    assert routine.steps[0].image_dir == (tmp_path / "pics" / "tilt").resolve()


def test_symlink_out_of_the_folder_is_refused(library: ExerciseLibrary, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    base = tmp_path / "routines"
    base.mkdir()
    (base / "sneaky").symlink_to(outside)
    found = problems(WARMUP + 'image = "sneaky"\n', library, base=base)
    assert "leaves the routine's folder" in found[0]


def test_files_over_one_mebibyte(library: ExerciseLibrary, tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(HEAD + WARMUP + "# " + "x" * (1024 * 1024) + "\n")
    with pytest.raises(RoutineError) as info:
        load_routine(path, library)
    assert str(info.value) == f"{path}: file is larger than 1 MiB; routine files are small"


def test_toml_syntax_error_names_line_and_column(library: ExerciseLibrary) -> None:
    with pytest.raises(RoutineError) as info:
        load_routine_text('id = "a"\ntitle = \n', "mine.toml", library)
    assert str(info.value) == "mine.toml:2:9: TOML syntax error: Invalid value"


def test_not_utf8(library: ExerciseLibrary, tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'id = "caf\xe9"\n')
    with pytest.raises(RoutineError, match="is not UTF-8 text"):
        load_routine(path, library)


def test_every_problem_is_reported_at_once(library: ExerciseLibrary) -> None:
    text = (
        "extra = 1\n" + STRETCH + "hold = 0\n"
        '[[step]]\nexercise = "nope"\nphase = "warmup"\n'
        '[[step]]\nexercise = "pelvic-tilt"\nphase = "lukewarm"\n'
    )
    found = problems(text, library)
    assert len(found) == 5, found
    assert any("step 1" in f and "before the last warm-up" in f for f in found)


def test_missing_basics(library: ExerciseLibrary) -> None:
    with pytest.raises(RoutineError) as info:
        load_routine_text('description = "x"\n', "empty.toml", library)
    lines = [str(p) for p in info.value.problems]
    assert 'empty.toml: "id" is missing' in lines
    assert 'empty.toml: "title" is missing' in lines
    assert 'empty.toml: no steps: add at least one "[[step]]" table' in lines


def test_rewarm_steps_are_warmups_and_checked(library: ExerciseLibrary) -> None:
    text = WARMUP + STRETCH + '[[rewarm]]\nexercise = "knee-rolls"\nphase = "stretch"\n'
    found = problems(text, library)
    assert found == ['mine.toml: re-warm step 1 (Knee rolls): unknown key "phase"']


def test_an_image_path_with_a_null_byte_is_a_problem_not_a_crash(
    library: ExerciseLibrary, tmp_path: Path
) -> None:
    text = (
        'id = "x"\ntitle = "X"\ndescription = "x"\nsource = "x"\n'
        '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\nimage = "pics\\u0000x"\n'
    )
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RoutineError, match="image"):
        load_routine(path, library)
