"""The command line: check, export, version, and one clear line for every failure."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchdesk import __version__, app, i18n
from stretchdesk.history import HistoryStore
from stretchdesk.routine import Catalog
from tests.history.helpers import Recorded
from tests.session.helpers import short_routine

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = app.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        app.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"stretchdesk {__version__}"


def test_short_version_and_help_that_says_where_the_files_are(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        app.main(["-V"])
    assert capsys.readouterr().out.strip() == f"stretchdesk {__version__}"
    with pytest.raises(SystemExit) as info:
        app.main(["--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "where your files are:" in text
    assert f"  settings: {tmp_path / 'xdg-config' / 'stretchdesk'}" in text
    assert f"  crash log: {tmp_path / 'xdg-state' / 'stretchdesk'}" in text


def test_check_all_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check"], capsys)
    assert code == 0
    assert out.strip() == "ok: 2 routines valid (lower-back-spasm, quick-relief)"


def test_check_includes_the_users_routines(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    (data_dir / "routines").mkdir(parents=True)
    (data_dir / "routines" / "bad.toml").write_text(
        'id = "bad"\ntitle = "Bad"\n[[step]]\nexercise = "knee-to-chest"\nphase = "stretch"\n'
    )
    code, out, _ = run(["check"], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{data_dir / 'routines' / 'bad.toml'}: step 1 (Single knee to chest): the routine "
        "has stretches but no warm-up; warm-ups must come first"
    ]


def test_check_files_one_line_per_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = ROOT / "assets" / "routines" / "quick-relief.toml"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'id = "bad"\ntitle = "Bad"\nspeed = 2\n[[step]]\nexercise = "nope"\nphase = "warmup"\n'
    )
    code, out, _ = run(["check", str(good), str(bad), str(tmp_path / "missing.toml")], capsys)
    assert code == 1
    assert out.splitlines() == [
        f'{bad}: unknown key "speed"',
        f"{bad}: step 1 (nope): unknown exercise id 'nope'",
        f"{tmp_path / 'missing.toml'}: file not found",
    ]
    code, out, _ = run(["check", str(good)], capsys)
    assert (code, out.strip()) == (0, "ok: 1 routine valid (quick-relief)")


def test_check_refuses_a_source_with_no_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (ROOT / "assets" / "routines" / "quick-relief.toml").read_text(encoding="utf-8")
    text = text.replace('id = "quick-relief"', 'id = "mine"')
    unsourced = tmp_path / "unsourced.toml"
    unsourced.write_text(
        re.sub(r'^source = ".*"$', 'source = "my physio"', text, flags=re.M), encoding="utf-8"
    )
    unknown = tmp_path / "unknown.toml"
    unknown.write_text(text.replace("[NHS]", "[NHS-NOPE]", 1).replace('"mine"', '"other"'))
    code, out, _ = run(["check", str(unsourced), str(unknown)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{unsourced}: source names no page: cite a known source in square brackets, for "
        "example [NHS], or give the page's address (https://...)",
        f"{unknown}: source cites [NHS-NOPE], which is not a known source (see the About screen)",
    ]


NOTE = '-sharp on the left, "pulling"; eased in an hour'  # a comma and quotes


def _history(data_dir: Path, catalog: Catalog) -> None:
    store, _ = HistoryStore.open(data_dir / "history.sqlite")
    rec = Recorded(store, short_routine(), pain_before=6)  # type: ignore[arg-type]
    rec.engine.start()
    rec.run(200)
    rec.engine.pain_stop()
    rec.recorder.rate_pain_stop(7)
    assert rec.recorder.session_id is not None
    store.set_note(rec.recorder.session_id, NOTE)
    rec2 = Recorded(store, short_routine())  # type: ignore[arg-type]
    rec2.engine.start()
    rec2.run(3000)
    store.close()


def test_export_csv(capsys: pytest.CaptureFixture[str], data_dir: Path, catalog: Catalog) -> None:
    _history(data_dir, catalog)
    code, out, _ = run(["export"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "id",
        "routine",
        "started_at",
        "ended_at",
        "outcome",
        "completed_steps",
        "skipped_steps",
        "total_steps",
        "pain_before",
        "pain_after",
        "stopped_at_exercise",
        "note",
    ]
    assert [
        (
            r["outcome"],
            r["completed_steps"],
            r["pain_before"],
            r["pain_after"],
            r["stopped_at_exercise"],
            r["note"],
        )
        for r in rows
    ] == [
        ("stopped_for_pain", "2", "6", "7", "knee-rolls", "'" + NOTE),  # never a formula
        ("completed", "5", "", "", "", ""),
    ]
    assert rows[0]["started_at"].endswith("Z")


def test_export_json_and_steps_to_files(
    capsys: pytest.CaptureFixture[str], data_dir: Path, catalog: Catalog, tmp_path: Path
) -> None:
    _history(data_dir, catalog)
    target = tmp_path / "out.json"
    code, _, err = run(["export", "--format", "json", "--output", str(target)], capsys)
    assert code == 0 and "exported 2 sessions" in err
    data = json.loads(target.read_text())
    first = data["sessions"][0]
    assert [(s["exercise"], s["status"]) for s in first["steps"]] == [
        ("belly-breathing", "completed"),
        ("pelvic-tilt", "completed"),
        ("knee-rolls", "stopped_for_pain"),
    ]
    assert first["pain_reports"][0]["rating"] == 7
    steps_csv = tmp_path / "steps.csv"
    code, _, _ = run(["export", "--steps", "-o", str(steps_csv)], capsys)
    assert code == 0
    assert len(steps_csv.read_text().splitlines()) == 1 + 3 + 5


def test_export_without_history_is_empty_but_valid(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, err = run(["export"], capsys)
    assert code == 0 and out.startswith("id,routine,") and len(out.splitlines()) == 1
    assert "there is no history yet" in err
    assert not (data_dir / "history.sqlite").exists()  # exporting creates nothing


def test_export_of_a_foreign_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "history.sqlite").write_text("not a database")
    code, out, err = run(["export"], capsys)
    assert code == 1 and out == ""
    assert (
        err.strip()
        == f"stretchdesk: {data_dir / 'history.sqlite'} is not a stretchdesk history file."
    )


def test_export_to_an_unwritable_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(["export", "--output", str(tmp_path / "nowhere" / "x.csv")], capsys)
    assert code == 1
    assert err.splitlines()[-1].startswith("stretchdesk: could not write the export:")


def test_export_neutralises_spreadsheet_formulas(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    store, _ = HistoryStore.open(data_dir / "history.sqlite")
    store.begin_session(
        routine_id="=HYPERLINK(1)",
        routine_title="x",
        total_steps=1,
        planned_seconds=1,
        started_at=datetime.now(UTC),
    )
    store.close()
    code, out, _ = run(["export"], capsys)
    assert code == 0 and "'=HYPERLINK(1)" in out


def test_data_dir_option_beats_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, catalog: Catalog
) -> None:
    other = tmp_path / "other"
    _history(other, catalog)
    code, out, _ = run(["export", "--data-dir", str(other)], capsys)
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = run(["--data-dir", str(other), "export"], capsys)
    assert code == 0 and len(out.splitlines()) == 3


def test_routine_option_names_an_unknown_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--routine", "cartwheels"], capsys)
    assert code == 1
    assert "no routine with this id or file" in err


def test_python_dash_m_and_usage_errors() -> None:
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("ok: 2 routines")
    done = subprocess.run(
        [sys.executable, "-m", "stretchdesk", "export", "--format", "xml"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "invalid choice" in done.stderr
    assert "Traceback" not in done.stderr


def test_unexpected_errors_are_one_line_with_a_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    def boom(*_: object) -> int:
        raise RuntimeError("something odd")

    monkeypatch.setattr(app.cli, "run_command", boom)
    code, _, err = run(["check"], capsys)
    assert code == 1
    assert err.strip() == (
        f"stretchdesk: unexpected error: something odd; details are in {data_dir / 'crash.log'}"
    )
    assert "RuntimeError" in (data_dir / "crash.log").read_text()


def test_check_never_waits_on_something_that_is_not_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    code, out, _ = run(["check", str(pipe), "/dev/zero", str(loop), str(folder)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{pipe}: is a named pipe, not a routine file",
        "/dev/zero: is a device, not a routine file",
        f"{loop}: is a loop of symbolic links",
        f"{folder}: is a folder, not a routine file",
    ]


def test_check_reports_files_that_share_an_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (ROOT / "assets" / "routines" / "quick-relief.toml").read_text(encoding="utf-8")
    copy = tmp_path / "copy.toml"
    copy.write_text(text, encoding="utf-8")
    mine = text.replace('id = "quick-relief"', 'id = "mine"')
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(mine, encoding="utf-8")
    second.write_text(mine, encoding="utf-8")
    code, out, _ = run(["check", str(copy), str(first), str(second)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{copy}: id 'quick-relief' is already used by a built-in routine",
        f"{second}: id 'mine' is already used by {first}",
    ]


def test_a_byte_order_mark_is_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (ROOT / "assets" / "routines" / "quick-relief.toml").read_text(encoding="utf-8")
    marked = tmp_path / "marked.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + text.replace('"quick-relief"', '"marked"').encode())
    code, out, _ = run(["check", str(marked)], capsys)
    assert (code, out.strip()) == (0, "ok: 1 routine valid (marked)")


def test_export_is_the_same_in_every_language(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A spreadsheet made from a German desktop reads like one from an English one: the same
    column names and values, ISO-8601 times and a decimal point; only the line the command
    prints at the end (to the terminal, not the file) is in the person's language."""
    _history(data_dir, catalog)
    _code, english, _ = run(["export", "--steps"], capsys)
    saved = data_dir / "steps.csv"
    monkeypatch.setenv("STRETCHDESK_LANGUAGE", "de")  # as a German desktop would
    try:
        code, _out, err = run(["export", "--steps", "--output", str(saved)], capsys)
    finally:
        i18n.use(i18n.SOURCE)
    assert code == 0
    assert saved.read_text(encoding="utf-8") == english
    assert "exportiert" in err
    first = next(csv.DictReader(io.StringIO(english)))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["started_at"])


def test_help_is_in_the_persons_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse's own words too (Python has no translation of them): the usage line, the
    group titles and -h."""
    monkeypatch.setenv("STRETCHDESK_LANGUAGE", "de")
    try:
        with pytest.raises(SystemExit):
            app.main(["export", "--help"])
    finally:
        i18n.use(i18n.SOURCE)
    shown = capsys.readouterr().out
    assert shown.startswith("Aufruf: stretchdesk export")
    assert "Optionen:" in shown and "diese Hilfe zeigen und beenden" in shown
    assert "usage" not in shown and "options:" not in shown
