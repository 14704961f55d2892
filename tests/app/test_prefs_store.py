"""The settings store: a change is announced once to every follower, an equal save is not,
a follower that fails stops neither the others nor the save."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from stretchdesk.announcer import Announcer
from stretchdesk.settings import Preferences, PrefsStore, load_prefs


def _store(tmp_path: Path) -> PrefsStore:
    return PrefsStore(tmp_path / "config" / "settings.toml", tmp_path / "state" / "state.json")


def test_a_change_is_announced_once_with_the_old_and_the_new(tmp_path: Path) -> None:
    store = _store(tmp_path)
    heard: list[tuple[Preferences, Preferences]] = []
    results: list[str | None] = []
    store.changed.connect(lambda old, new: heard.append((old, new)))
    store.saved.connect(results.append)
    new = replace(store.prefs, lead_in=9)
    assert store.save(new) is None
    assert heard == [(Preferences(), new)]
    assert results == [None]
    assert store.prefs == new
    assert load_prefs(store.settings, store.state).prefs == new


def test_an_equal_save_is_not_announced_as_a_change(tmp_path: Path) -> None:
    store = _store(tmp_path)
    heard: list[object] = []
    store.changed.connect(lambda old, new: heard.append(new))
    store.save(replace(store.prefs, theme="dark"))
    store.save(replace(store.prefs, theme="dark"))
    store.save(store.prefs)
    assert len(heard) == 1


def test_a_failing_follower_stops_neither_the_others_nor_the_save(tmp_path: Path) -> None:
    failures: list[Exception] = []

    def said(exc: Exception) -> str:
        failures.append(exc)
        return f"failed: {exc}"

    store = PrefsStore(tmp_path / "settings.toml", tmp_path / "state.json", on_failure=said)
    heard: list[str] = []

    def broken(_old: Preferences, _new: Preferences) -> None:
        raise RuntimeError("boom")

    store.changed.connect(lambda _o, _n: heard.append("first"))
    store.changed.connect(broken)
    store.changed.connect(lambda _o, _n: heard.append("last"))
    results: list[str | None] = []
    store.saved.connect(results.append)
    problem = store.save(replace(store.prefs, sound=False))
    assert heard == ["first", "last"]
    assert [str(e) for e in failures] == ["boom"]
    assert problem == "failed: boom" and results == [problem]
    assert load_prefs(tmp_path / "settings.toml").prefs.sound is False


def test_what_a_follower_says_comes_back_with_the_result(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.changed.connect(lambda _o, _n: "Starting at login could not be set.")
    assert store.save(replace(store.prefs, start_at_login=True)) == (
        "Starting at login could not be set."
    )


def test_an_unsaved_change_still_applies_and_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()  # cannot be replaced by a file
    store = PrefsStore(tmp_path / "settings.toml", tmp_path / "state" / "state.json")
    heard: list[object] = []
    store.changed.connect(lambda _o, new: heard.append(new))
    problem = store.save(replace(store.prefs, volume=20))
    assert problem is not None and str(tmp_path) in problem
    assert store.prefs.volume == 20 and len(heard) == 1


def test_a_follower_stops_when_disconnected() -> None:
    announcer: Announcer[[int]] = Announcer(str)
    heard: list[int] = []
    stop = announcer.connect(heard.append)
    announcer.emit(1)
    stop()
    announcer.emit(2)
    assert heard == [1] and len(announcer) == 0


def test_the_store_and_the_services_load_no_qt() -> None:
    """The command line and the services use the store: it is Qt-free."""
    code = (
        "import sys\n"
        "import stretchdesk.announcer, stretchdesk.settings, stretchdesk.services\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
