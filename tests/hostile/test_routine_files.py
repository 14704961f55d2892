"""Hostile routine files (bench/hostile_routines.py), each at most 1 MiB and each once
enough to stop stretchdesk (RecursionError), freeze it (a quadratic parse, half a million
problems laid out) or fool the terminal: through ``stretchdesk check`` as a real process,
through the catalogue read at start-up, and through a fuzz of TOML-shaped text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.hostile_routines import FILES, GOOD_STEP, HOSTILE_TEN, write_all
from stretchdesk import app, paths
from stretchdesk.cli import pdf_writing
from stretchdesk.cli.common import printable
from stretchdesk.history import HistoryStore
from stretchdesk.routine import ExerciseLibrary, RoutineError, load_catalog
from stretchdesk.routine.catalog import QUICK_BYTES
from stretchdesk.routine.errors import MAX_PROBLEMS
from stretchdesk.routine.tomlfile import cost_problem, parse_toml_text
from stretchdesk.schedule.state import ReminderState, load_state
from stretchdesk.services import Services

# What a terminal acts on rather than shows (cli/common.py printable writes them out).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SECONDS = 10.0  # for any one file, with Python's start; each took from 0.1 s to minutes


def check(*files: Path) -> tuple[int, list[str], str, float]:
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "check", *map(str, files)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    took = time.monotonic() - began
    return done.returncode, done.stdout.decode().splitlines(), done.stderr.decode(), took


@pytest.mark.parametrize("name", sorted(FILES))
def test_check_refuses_each_hostile_file_in_a_few_readable_lines(name: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, [name])
    code, lines, err, took = check(path)
    assert code == 1, lines
    assert err == ""  # no traceback, no "unexpected error"
    assert took < SECONDS, f"{name}: {took:.1f} s"
    assert 1 <= len(lines) <= MAX_PROBLEMS + 1
    for line in lines:
        assert line.startswith(str(path)), line
        assert not CONTROL.search(line), line
        assert len(line) < len(str(path)) + 300, line


def test_more_problems_than_shown_are_counted_in_one_line(tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, ["hundred-bad-steps"])
    _code, lines, _err, _took = check(path)
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[0] == f'{path}: step 1 (nope): unknown key "odd"'
    assert lines[-1] == f"{path}: … and 480 more problems"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("nested", ":3:21: has brackets nested more than 16 deep; it cannot be read"),
        ("deep-inline", ":3:85: has brackets nested more than 16 deep; it cannot be read"),
        ("dotted-key", ":3:16: has a dotted key of more than 8 parts; it cannot be read"),
        (
            "bad-steps",
            ": holds more than 50000 values, keys, lines and escapes; routine files are small",
        ),
        (
            "huge-array",
            ": holds more than 50000 values, keys, lines and escapes; routine files are small",
        ),
        (
            "many-tables",
            ": holds more than 50000 values, keys, lines and escapes; routine files are small",
        ),
        ("not-utf8", ": is not UTF-8 text (bad byte at offset 41)"),
        ("nul-bytes", ":3:10: TOML syntax error: Illegal character '\\x00'"),
        ("too-many-steps", ': has 101 "[[step]]" tables; a routine has at most 100'),
        ("long-id", ': "id" is 250 characters long; an id has at most 64'),
    ],
)
def test_each_says_why_in_one_sentence(name: str, says: str, tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, [name])
    _code, lines, _err, _took = check(path)
    assert lines == [f"{path}{says}"]


def test_titles_keys_and_ids_cannot_drive_the_terminal(tmp_path: Path) -> None:
    escapes, keys = write_all(tmp_path, ["escapes", "escaped-keys"])
    named = tmp_path / "\x1b[2J\x1b[Hok.toml"  # a file name can hold them too
    named.write_text('id = "x"\n', encoding="utf-8")
    _code, lines, _err, _took = check(escapes, keys, named)
    assert not any(CONTROL.search(line) for line in lines)
    text = "\n".join(lines)
    assert "step 1 (\\x1b[2J\\x1b[Hok: 3 routines valid\\x9b31m\\u202e)" in text
    assert 'unknown key "\\x1b[2Jkey"' in text
    assert "[translation.\\u202ede] must be a table under a language code" in text
    assert 'step 1 (\\x1b]0;title\\x07): "exercise" holds a control character (U+001B)' in text
    assert '"title" holds a control character (U+001B); only plain text can be shown' in text
    assert f"{tmp_path}/\\x1b[2J\\x1b[Hok.toml: " in text
    assert not any(line.startswith("ok") for line in lines)


def test_a_byte_order_mark_is_fine_but_not_in_the_middle(tmp_path: Path) -> None:
    good = tmp_path / "bom.toml"
    good.write_bytes(b"\xef\xbb\xbf" + f'id = "bom"\ntitle = "BOM"\n{GOOD_STEP}'.encode())
    middle = tmp_path / "middle.toml"
    middle.write_bytes(b'id = "bom"\n\xef\xbb\xbftitle = "BOM"\n' + GOOD_STEP.encode())
    assert check(good)[:2] == (0, ["ok: 1 routine valid (bom)"])
    code, lines, _err, _took = check(middle)
    assert code == 1
    assert lines == [f"{middle}:2:1: TOML syntax error: Invalid statement"]


def test_the_catalogue_at_start_up_reads_hostile_files_after_the_window(
    data_dir: Path, library: ExerciseLibrary
) -> None:
    """Before the window only the first few KiB of the person's files are read (a few
    milliseconds); the rest on a worker thread, each in a bounded time."""
    write_all(data_dir / "routines", sorted(FILES))
    began = time.monotonic()
    services = Services.load(paths.DataPaths(data_dir), quick_bytes=QUICK_BYTES)
    before_window = time.monotonic() - began
    try:
        assert before_window < 2.0  # about 10 ms; the old reading ended in RecursionError
        pending = services.catalog.pending
        assert len(pending) > len(HOSTILE_TEN) - 3
        began = time.monotonic()
        read = services.read_routines(list(pending))
        assert time.monotonic() - began < len(read) * 1.0  # 0.05 s each here
        assert services.take_routines(read)
        assert not services.catalog.pending
        assert [r.id for r in services.catalog.routines] == ["lower-back-spasm", "quick-relief"]
        broken = {bad.path.stem: bad.problems for bad in services.catalog.invalid}
        assert sorted(broken) == sorted(FILES)
        assert all(1 <= len(problems) <= MAX_PROBLEMS + 1 for problems in broken.values())
    finally:
        services.close()


def test_reading_the_folder_again_reads_only_what_changed(
    data_dir: Path, library: ExerciseLibrary
) -> None:
    write_all(data_dir / "routines", ["long-string", "hundred-bad-steps"])
    services = Services.load(paths.DataPaths(data_dir))
    try:
        first = {bad.path.name: bad.problems for bad in services.catalog.invalid}
        began = time.monotonic()
        services.reload_routines()
        assert time.monotonic() - began < 0.5  # nothing read again
        assert {bad.path.name: bad.problems for bad in services.catalog.invalid} == first
    finally:
        services.close()


def test_the_whole_folder_read_at_once_is_bounded(data_dir: Path, library: ExerciseLibrary) -> None:
    """What ``stretchdesk check`` and a full read do: every hostile file at once."""
    write_all(data_dir / "routines", sorted(FILES))
    began = time.monotonic()
    catalog = load_catalog(library, paths.builtin_routines_dir(), data_dir / "routines")
    assert time.monotonic() - began < 2 * SECONDS
    assert len(catalog.invalid) == len(FILES)


# ---------------------------------------------------------------- fuzz
PIECES = st.sampled_from(
    ["[", "]", "{", "}", "[[", "]]", '"', "'", '"""', "'''", ".", "=", ",", "\n", "#", " ",
     "a", "1", "1.5", "\\", "\\u001b", "\x00", "\x1b", "\ufeff", "é", "step", "title", "x = "]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=200).map("".join)
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=TEXTS)
def test_any_toml_shaped_text_is_a_table_or_a_routine_error(text: str) -> None:
    try:
        parsed = parse_toml_text(text, "fuzz.toml")
    except RoutineError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)
    else:
        assert isinstance(parsed, dict)


@FUZZ
@given(depth=st.integers(0, 5000), opener=st.sampled_from(["[", "{a=", "[{a=[", "a."]))
def test_nesting_and_dotted_keys_are_refused_before_the_parser(depth: int, opener: str) -> None:
    text = "x = " + opener * depth + "1"
    began = time.monotonic()
    problem = cost_problem(text, "deep.toml")
    assert time.monotonic() - began < 1.0
    if depth > 16:
        assert problem is not None
    if problem is None and depth:
        with pytest.raises(RoutineError):  # unclosed: a syntax error, never a RecursionError
            parse_toml_text(text, "deep.toml")


@FUZZ
@given(text=st.text())
def test_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not CONTROL.search(shown)
    assert not CONTROL.search(
        printable(text, lines=True).replace("\n", "").replace("\t", "").replace("\r", "")
    )


# ---------------------------------------------------------------- what else the app echoes
def test_an_export_to_the_terminal_writes_control_characters_out(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = HistoryStore.open(data_dir / "history.sqlite")
    store.begin_session(
        routine_id="\x1b[2J\x1b[Hok\u202e",
        routine_title="t",
        total_steps=1,
        planned_seconds=1,
        started_at=datetime.now(UTC),
    )
    store.close()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert app.main(["export"]) == 0
    shown = capsys.readouterr().out
    assert "\\x1b[2J\\x1b[Hok\\u202e" in shown
    assert not CONTROL.search(shown.replace("\n", "").replace("\r", ""))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert app.main(["export"]) == 0  # into a file or a pipe: the data as it is
    assert "\x1b[2J\x1b[Hok\u202e" in capsys.readouterr().out


def test_a_routine_asked_for_on_the_command_line_is_refused_printably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (path,) = write_all(tmp_path, ["escapes"])
    assert app.main(["--routine", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\\x1b[2J" in err and not CONTROL.search(err.replace("\n", ""))


def test_the_pdf_commands_last_line_is_printable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf_writing, "write_headless", lambda write, target: 2)
    said = pdf_writing.write_and_tell(
        lambda: 2, Path("x.pdf"), "a4", lambda pages, paper: f"Saved \x1b[2J{pages} {paper}"
    )
    assert said == 0
    assert capsys.readouterr().out == "Saved \\x1b[2J2 A4\n"


def test_a_deeply_nested_reminders_file_is_a_fresh_start(data_dir: Path) -> None:
    path = data_dir / "reminders.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[" * 4000, encoding="utf-8")
    loaded = load_state(path, datetime(2026, 12, 6, tzinfo=UTC))
    assert loaded.state == ReminderState()
    assert loaded.problems == ["reminders.json is damaged; it is read as empty."]


def test_the_real_app_shows_its_window_with_ten_hostile_files(tmp_path: Path) -> None:
    """The app as it starts (bench/child.py builds it as app.py does), its routines folder
    holding the ten: the window is painted as soon as without them. Before, the first ended
    the app with no window and the second kept it from showing for half a minute."""
    write_all(tmp_path / "hostile", HOSTILE_TEN)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", "app", str(tmp_path / "hostile")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
        env=env,
    )
    assert done.returncode == 0, done.stderr
    painted = json.loads(done.stdout.splitlines()[0])
    assert painted["kind"] == "app"
    assert painted["first_paint_s"] < SECONDS


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("title", "Top" + "\n" * 110 + "Bottom", '"title" must be one line'),
        ("title", "evil \u202e", '"title" holds a control character (U+202E)'),
        ("description", "a" + "\n" * 10 + "b", '"description" has 10 line breaks; keep it to 4'),
        ("note", "\x1b[2J", '"note" holds a control character (U+001B)'),
    ],
)
def test_a_text_that_would_run_down_the_screen_or_reorder_it_is_refused(
    tmp_path: Path, field: str, value: str, problem: str
) -> None:
    """Line breaks in a title made the window taller than the screen, Pain — stop off it."""
    fields = {"title": "Tall", field: value}
    path = tmp_path / "tall.toml"
    path.write_text(
        'id = "tall"\n'
        + "".join(f"{k} = {json.dumps(v)}\n" for k, v in fields.items())
        + GOOD_STEP,
        encoding="utf-8",
    )
    code, lines, _err, _took = check(path)
    assert code == 1
    assert any(problem in line for line in lines), lines


def test_a_tab_or_a_few_paragraphs_are_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "fine.toml"
    path.write_text(
        'id = "fine"\ntitle = "Fine\tplan"\ndescription = "One.\\n\\nTwo."\n' + GOOD_STEP,
        encoding="utf-8",
    )
    assert check(path)[:2] == (0, ["ok: 1 routine valid (fine)"])


@pytest.mark.parametrize("folder", [".", "./", "pictures/.."])
def test_the_routines_own_folder_is_no_picture_folder_for_check_either(
    tmp_path: Path, folder: str
) -> None:
    """``stretchdesk check`` and the window give one verdict: the folder the file sits in
    (Downloads, a home folder) is not a folder of pictures."""
    (tmp_path / "pictures").mkdir()
    path = tmp_path / "here.toml"
    step = GOOD_STEP.replace('phase = "warmup"', f'phase = "warmup"\nimage = "{folder}"')
    path.write_text(f'id = "here"\ntitle = "Here"\n{step}', encoding="utf-8")
    code, lines, _err, _took = check(path)
    assert code == 1
    assert any("must be a sub-folder of the routine file's folder" in line for line in lines)


def test_a_pipe_or_a_device_in_the_routines_folder_is_a_file_that_cannot_be_used(
    tmp_path: Path, library: ExerciseLibrary
) -> None:
    folder = tmp_path / "routines"
    folder.mkdir()
    os.mkfifo(folder / "pipe.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "folder.toml").mkdir()
    began = time.monotonic()
    catalog = load_catalog(library, paths.builtin_routines_dir(), folder)
    assert time.monotonic() - began < 5  # never a wait on the pipe
    broken = {item.path.name: " ".join(map(str, item.problems)) for item in catalog.invalid}
    assert set(broken) == {"pipe.toml", "zero.toml"}
    assert "named pipe" in broken["pipe.toml"] and "device" in broken["zero.toml"]
