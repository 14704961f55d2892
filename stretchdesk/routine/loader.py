"""Routine files: TOML in, a validated Routine out, or every problem at once."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.routine.errors import Problem, RoutineError, quoted, shorten
from stretchdesk.routine.exercises import ExerciseLibrary
from stretchdesk.routine.fields import (
    MAX_TITLE,
    TIMING_KEYS,
    TableReader,
    build_timing,
    merge_timing,
)
from stretchdesk.routine.ids import MAX_ID_LENGTH, is_id
from stretchdesk.routine.model import Exercise, Phase, Position, Routine, Step, Timing
from stretchdesk.routine.own_words import own_translations
from stretchdesk.routine.rules import check_phase_order, check_warming
from stretchdesk.routine.tomlfile import parse_toml_text, read_toml

ROUTINE_KEYS = (
    "format",
    "id",
    "title",
    "description",
    "author",
    "note",
    "source",
    "step",
    "rewarm",
    "translation",
)
FORMAT = 1  # the routine file format this version reads and writes
STEP_KEYS = (
    "exercise",
    "phase",
    "title",
    "instructions",
    "caution",
    "position",
    "image",
    *TIMING_KEYS,
)
REWARM_KEYS = tuple(k for k in STEP_KEYS if k != "phase")
MAX_STEPS = 100  # steps of one routine
MAX_REWARM = 10  # steps of its re-warm
MAX_IMAGE_PATH = 1000  # characters of a step's "image" folder

# The short re-warm after a long pause (shared/routine-content.md: march plus pelvic
# tilts; the doses here are our choice).
DEFAULT_REWARM: tuple[tuple[str, dict[str, Any]], ...] = (
    ("march-in-place", {"duration": 120.0}),
    ("pelvic-tilt", {}),
)


def _step_title(table: Mapping[str, Any], library: ExerciseLibrary) -> str | None:
    title = table.get("title")
    if isinstance(title, str) and title.strip():
        return shorten(title.strip())
    ex_id = table.get("exercise")
    if isinstance(ex_id, str):
        known = library.get(ex_id)
        return known.title if known else shorten(ex_id)
    return None


def timing_defaults(exercise: Exercise) -> dict[str, Any]:
    t = exercise.timing
    values: dict[str, Any] = {"sides": t.sides}
    if t.duration is not None:
        values["duration"] = t.duration
    else:
        values["reps"] = t.reps
        if t.hold is not None:
            values["hold"] = t.hold
            values["rest"] = t.rest
        else:
            values["rep_seconds"] = t.rep_seconds
    return values


def _image_dir(reader: TableReader, base_dir: Path | None) -> Path | None:
    raw = reader.table.get("image")
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip() or "\x00" in raw:
        reader.problem(_('"image" must be a folder path relative to the routine file'))
        return None
    if len(raw) > MAX_IMAGE_PATH:
        reader.problem(
            _('"image" is {length} characters long; a folder path has at most {most}').format(
                length=len(raw), most=MAX_IMAGE_PATH
            )
        )
        return None
    if base_dir is None:
        reader.problem(_('"image" can only be used in a routine file on disk'))
        return None
    posix = PurePosixPath(raw.replace("\\", "/"))
    if posix.is_absolute() or Path(raw).is_absolute() or ":" in raw:
        reader.problem(
            _('"image" path {path} must be relative to the routine\'s folder').format(
                path=quoted(raw)
            )
        )
        return None
    try:
        root = base_dir.resolve()
        target = (root / Path(*posix.parts)).resolve()
    except (OSError, ValueError) as exc:  # a loop of links, a name the system refuses
        reason = getattr(exc, "strerror", None) or exc
        reader.problem(
            _('"image" path {path} cannot be used ({reason})').format(
                path=quoted(raw), reason=reason
            )
        )
        return None
    if not target.is_relative_to(root):
        reader.problem(
            _('"image" path {path} leaves the routine\'s folder').format(path=quoted(raw))
        )
        return None
    if target == root:  # the folder the file sits in (Downloads, a home folder): not pictures
        reader.problem(
            _('"image" folder {path} must be a sub-folder of the routine file\'s folder').format(
                path=quoted(raw)
            )
        )
        return None
    return target


def _parse_step(
    table: Any,
    number: int,
    label: str,
    library: ExerciseLibrary,
    base_dir: Path | None,
    *,
    rewarm: bool,
    problems: list[Problem],
) -> Step | None:
    section = N_("re-warm step") if rewarm else N_("step")
    if not isinstance(table, Mapping):
        problems.append(Problem(label, _("must be a table"), number, section=section))
        return None
    reader = TableReader(label, table, number, _step_title(table, library), section=section)
    reader.unknown_keys(REWARM_KEYS if rewarm else STEP_KEYS)
    ex_id = reader.text("exercise", required=True)
    exercise = library.get(ex_id) if ex_id else None
    if ex_id and exercise is None:
        reader.problem(_("unknown exercise id {ex_id}").format(ex_id=quoted(ex_id)))
    phase = Phase.WARMUP if rewarm else reader.choice("phase", Phase, required=True)
    title = reader.text("title", most=MAX_TITLE)
    instructions = reader.lines("instructions", at_most=5)
    caution = reader.text("caution")
    position = reader.choice("position", Position)
    image_dir = _image_dir(reader, base_dir)
    overrides = reader.timing_fields()
    timing: Timing | None = None
    if exercise is not None:
        timing = build_timing(merge_timing(timing_defaults(exercise), overrides), reader)
    problems.extend(reader.problems)
    if reader.problems or exercise is None or phase is None or timing is None:
        return None
    return Step(
        exercise=exercise,
        phase=phase,
        timing=timing,
        title=title or exercise.title,
        instructions=instructions or exercise.instructions,
        caution=caution or exercise.caution,
        position=position or exercise.position,
        image_dir=image_dir,
        alternative=_alternative(exercise, phase, library),
    )


def _alternative(exercise: Exercise, phase: Phase, library: ExerciseLibrary) -> Step | None:
    """A warm-up's exercise in another position, as the library has it (swap it in when
    this position hurts; the warm-up time must still be done)."""
    alt = library.get(exercise.alternative) if exercise.alternative else None
    if alt is None or phase is not Phase.WARMUP:
        return None
    return Step(
        exercise=alt,
        phase=phase,
        timing=alt.timing,
        title=alt.title,
        instructions=alt.instructions,
        caution=alt.caution,
        position=alt.position,
    )


def parse_routine(
    data: Mapping[str, Any],
    label: str,
    library: ExerciseLibrary,
    *,
    base_dir: Path | None = None,
    path: Path | None = None,
    builtin: bool = False,
) -> Routine:
    """Build a routine from parsed TOML, raising RoutineError with every problem found."""
    if not isinstance(data, Mapping):
        raise RoutineError.single(label, _("a routine file must be a TOML table"))
    reader = TableReader(label, data)
    reader.unknown_keys(ROUTINE_KEYS)
    routine_id = reader.text("id", required=True)
    if routine_id and not is_id(routine_id):
        reader.problem(_id_problem(routine_id))
    title = reader.text("title", required=True, most=MAX_TITLE)
    description = reader.text("description")
    author = reader.text("author", most=MAX_TITLE)
    note = reader.text("note")
    source = reader.text("source")
    _check_format(reader)
    translations = own_translations(reader)
    problems = reader.problems

    steps = _parse_steps(data.get("step"), label, library, base_dir, problems)
    rewarm = _parse_rewarm(data.get("rewarm"), label, library, base_dir, problems)
    if problems:
        raise RoutineError(problems)
    return Routine(
        id=routine_id,
        title=title,
        description=description,
        source=source,
        steps=tuple(s for s in steps if s is not None),
        rewarm=rewarm,
        path=path,
        builtin=builtin,
        author=author,
        note=note,
        translations=translations,
    )


def _parse_steps(
    raw_steps: object,
    label: str,
    library: ExerciseLibrary,
    base_dir: Path | None,
    problems: list[Problem],
) -> list[Step | None]:
    """The ``[[step]]`` tables, each checked, then their order (warm-ups first) and, when
    every step is sound, the warming rules; every problem goes to ``problems``."""
    steps: list[Step | None] = []
    if raw_steps is None:
        problems.append(Problem(label, _('no steps: add at least one "[[step]]" table')))
    elif not isinstance(raw_steps, list) or not raw_steps:
        problems.append(Problem(label, _('"step" must be a list of "[[step]]" tables')))
    elif len(raw_steps) > MAX_STEPS:
        problems.append(Problem(label, _too_many(len(raw_steps), MAX_STEPS, "step")))
    else:
        for number, table in enumerate(raw_steps, start=1):
            steps.append(
                _parse_step(
                    table, number, label, library, base_dir, rewarm=False, problems=problems
                )
            )
        phases = [_phase_of(t) for t in raw_steps]
        titles = [_step_title(t, library) if isinstance(t, Mapping) else None for t in raw_steps]
        problems.extend(check_phase_order(label, phases, titles))
        if not problems:
            problems.extend(check_warming(label, [s for s in steps if s is not None]))
    return steps


def _id_problem(routine_id: str) -> str:
    if len(routine_id) > MAX_ID_LENGTH:
        return _('"id" is {length} characters long; an id has at most {most}').format(
            length=len(routine_id), most=MAX_ID_LENGTH
        )
    return _('"id" {routine_id} must be lower-case words joined by hyphens').format(
        routine_id=quoted(routine_id)
    )


def _too_many(count: int, most: int, table: str) -> str:
    """``count`` [[step]] or [[rewarm]] tables, more than a routine may have."""
    return ngettext(
        'has {count} "[[{table}]]" table; a routine has at most {most}',
        'has {count} "[[{table}]]" tables; a routine has at most {most}',
        count,
    ).format(count=count, table=table, most=most)


def _check_format(reader: TableReader) -> None:
    """``format`` is optional (files before it are format 1); a newer one is refused."""
    value = reader.table.get("format", FORMAT)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.problem(_('"format" must be a whole number such as 1'))
    elif value > FORMAT:
        reader.problem(
            _(
                "this file is in routine format {value}, made by a newer stretchdesk; "
                "this version reads format {known}: update stretchdesk to use it"
            ).format(value=value, known=FORMAT)
        )


def _phase_of(table: Any) -> Phase | None:
    value = table.get("phase") if isinstance(table, Mapping) else None
    if isinstance(value, str) and value in Phase._value2member_map_:
        return Phase(value)
    return None


def _parse_rewarm(
    raw: Any,
    label: str,
    library: ExerciseLibrary,
    base_dir: Path | None,
    problems: list[Problem],
) -> tuple[Step, ...]:
    if raw is None:
        tables: list[Any] = [{"exercise": ex_id, **timing} for ex_id, timing in DEFAULT_REWARM]
        if not all(ex_id in library for ex_id, _ in DEFAULT_REWARM):
            return ()
    elif not isinstance(raw, list) or not raw:
        problems.append(Problem(label, _('"rewarm" must be a list of "[[rewarm]]" tables')))
        return ()
    elif len(raw) > MAX_REWARM:
        problems.append(Problem(label, _too_many(len(raw), MAX_REWARM, "rewarm")))
        return ()
    else:
        tables = raw
    parsed = [
        _parse_step(t, n, label, library, base_dir, rewarm=True, problems=problems)
        for n, t in enumerate(tables, start=1)
    ]
    return tuple(s for s in parsed if s is not None)


def load_routine(path: Path, library: ExerciseLibrary, *, builtin: bool = False) -> Routine:
    """Read and validate one routine file."""
    data = read_toml(path)
    return parse_routine(data, str(path), library, base_dir=path.parent, path=path, builtin=builtin)


def load_routine_text(
    text: str, label: str, library: ExerciseLibrary, base_dir: Path | None = None
) -> Routine:
    """Validate routine text that is not (yet) a file, e.g. from a test or an editor."""
    return parse_routine(parse_toml_text(text, label), label, library, base_dir=base_dir)
