"""The real app, started on bad input of every kind, opens and says what is wrong in the
window; nothing that was saved is lost, and nothing reaches the person as a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from stretchdesk.history.schema import LATEST
from stretchdesk.routine import Catalog
from stretchdesk.settings import Preferences, save_prefs
from tests.faults.helpers import short_routine
from tests.history.test_damage import ReadOnlyFolder
from tools.demo_history import make_demo_history

CHILD = Path(__file__).with_name("app_child.py")


def run_app(data_dir: Path, *extra: str, env: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run(
        [sys.executable, str(CHILD), str(data_dir), *extra, "--report"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert not (data_dir / "crash.log").exists(), (data_dir / "crash.log").read_text()
    return done.stdout.splitlines()


def banner(lines: list[str]) -> str:
    return "\n".join(line[len("banner ") :] for line in lines if line.startswith("banner "))


def _history(data_dir: Path, catalog: Catalog) -> bytes:
    make_demo_history(data_dir / "history.sqlite", catalog, days=6)
    return (data_dir / "history.sqlite").read_bytes()


def _corrupt(data_dir: Path, catalog: Catalog) -> bytes:
    good = _history(data_dir, catalog)
    bad = good[:100] + bytes(reversed(good[100:4096])) + good[4096:]
    (data_dir / "history.sqlite").write_bytes(bad)
    return bad


def _truncated(data_dir: Path, catalog: Catalog) -> bytes:
    cut = _history(data_dir, catalog)[:5000]
    (data_dir / "history.sqlite").write_bytes(cut)
    return cut


def _foreign(data_dir: Path, catalog: Catalog) -> bytes:
    Image.new("RGB", (4, 4)).save(data_dir / "history.sqlite", format="PNG")
    return (data_dir / "history.sqlite").read_bytes()


def _newer(data_dir: Path, catalog: Catalog) -> bytes:
    _history(data_dir, catalog)
    conn = sqlite3.connect(data_dir / "history.sqlite")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    return (data_dir / "history.sqlite").read_bytes()


DAMAGED: dict[str, tuple[Callable[[Path, Catalog], bytes], str]] = {
    "corrupt": (_corrupt, "kept as"),
    "truncated": (_truncated, "kept as"),
    "foreign": (_foreign, "kept as"),
    "newer": (_newer, "newer version"),
}


@pytest.fixture
def seen_dir(data_dir: Path) -> Path:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
    return data_dir


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_a_damaged_history_is_reported_and_kept(
    seen_dir: Path, catalog: Catalog, kind: str
) -> None:
    make, words = DAMAGED[kind]
    original = make(seen_dir, catalog)
    text = banner(run_app(seen_dir))
    assert words in text
    kept = [p.read_bytes() for p in seen_dir.glob("history.sqlite*") if p.is_file()]
    assert original in kept  # the damaged file is still there, byte for byte


def test_an_empty_history_file_simply_starts_afresh(seen_dir: Path) -> None:
    (seen_dir / "history.sqlite").write_bytes(b"")
    lines = run_app(seen_dir)
    assert lines[0].startswith("ready")


def test_malformed_settings_are_reported_and_kept(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text("theme = = dark\n[[[", encoding="utf-8")
    text = banner(run_app(data_dir))
    assert "settings" in text.lower()
    assert len(list(data_dir.glob("settings.damaged-*.toml"))) == 1


def test_a_broken_user_routine_is_listed_while_the_others_work(
    seen_dir: Path, tmp_path: Path
) -> None:
    (seen_dir / "routines").mkdir()
    (seen_dir / "routines" / "mine.toml").write_text('id = "mine"\ntitle = 5\n', encoding="utf-8")
    lines = run_app(seen_dir)
    assert banner(lines) == ""
    broken = [line for line in lines if line.startswith("broken ")]
    assert broken == [
        "broken mine.toml cannot be used: 2 problems: "
        '"title" must be a non-empty text; No steps: add at least one "[[step]]" table. '
        "To see these on the command line: stretchdesk check."
    ]
    lines = run_app(seen_dir, str(short_routine(tmp_path)))  # the others still run
    assert "done" in lines


def test_bad_pictures_in_a_user_routine_show_placeholders(seen_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    pics = folder / "pics"
    pics.mkdir(parents=True)
    Image.new("RGB", (400, 300), "white").save(pics / "01.png")
    whole = (pics / "01.png").read_bytes()
    (pics / "01.png").write_bytes(whole[: len(whole) // 2])  # truncated
    Image.new("1", (9000, 9000)).save(pics / "02.png")  # oversized
    (pics / "03.png").write_bytes(b"not a picture")
    routine = folder / "mine.toml"
    routine.write_text(
        'id = "mine"\ntitle = "Mine"\ndescription = "x"\nsource = "x"\n'
        '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\nreps = 1\nrep_seconds = 1\n'
        'image = "pics"\n'
        '[[step]]\nexercise = "knee-to-chest"\nphase = "stretch"\nhold = 1\nreps = 1\n'
        'image = "missing"\n',
        encoding="utf-8",
    )
    lines = run_app(seen_dir, str(routine))
    assert "done" in lines


def test_no_audio_device_is_said_in_settings(seen_dir: Path) -> None:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("PULSE")}
    env["PULSE_SERVER"] = "unix:/nonexistent/pulse"
    lines = run_app(seen_dir, env=env)
    sound = next(line for line in lines if line.startswith("sound "))
    assert sound.startswith("sound Sound is off")


def test_a_read_only_data_folder(seen_dir: Path, catalog: Catalog) -> None:
    folder = ReadOnlyFolder(seen_dir)
    try:
        save_prefs(seen_dir / "settings.toml", Preferences(safety_seen=True, pain_ratings=False))
        before = _history(seen_dir, catalog)
        folder.protect()
        text = banner(run_app(seen_dir))
        assert "cannot be written" in text
        assert (seen_dir / "history.sqlite").read_bytes() == before
    finally:
        folder.release()


def test_a_full_disk_during_a_session(seen_dir: Path, catalog: Catalog, tmp_path: Path) -> None:
    small = ReadOnlyFolder(tmp_path / "small")  # a tmpfs of its own (root) to fill up
    if not small.mounted:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        for name in ("settings.toml",):
            shutil.copy(seen_dir / name, small.folder / name)
        make_demo_history(small.folder / "history.sqlite", catalog, days=2)
        before = sqlite3.connect(small.folder / "history.sqlite")
        sessions = before.execute("SELECT COUNT(*) FROM session").fetchone()[0]
        before.close()
        filler = small.folder / "filler"
        with filler.open("wb") as out:  # take every free byte
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        lines = run_app(small.folder, str(short_routine(tmp_path)))
        assert "done" in lines
        assert "the disk is full" in banner(lines).lower()
        assert sorted(p.name for p in small.folder.glob("history.sqlite*")) == [
            "history.sqlite",
            "history.sqlite-shm",
            "history.sqlite-wal",
        ]  # left exactly where it was, never taken for a damaged file
        filler.unlink()
        after = sqlite3.connect(small.folder / "history.sqlite")
        assert after.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert after.execute("SELECT COUNT(*) FROM session").fetchone()[0] >= sessions
        after.close()
    finally:
        small.release()
