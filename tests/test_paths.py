"""Every location comes from one module; tests never see the real user data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk import paths


def test_option_beats_environment_beats_platform_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.resolve_data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert paths.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    default = paths.resolve_data_dir(None)
    assert default == paths.default_data_dir()
    assert default.name == "stretchdesk"
    assert str(default).startswith(str(tmp_path))  # the fixture's private HOME / XDG dirs


def test_data_files(tmp_path: Path) -> None:
    data = paths.DataPaths(tmp_path)
    assert data.history == tmp_path / "history.sqlite"
    assert data.routines == tmp_path / "routines"
    assert data.settings == tmp_path / "settings.toml"


def test_assets_are_found() -> None:
    assets = paths.assets_dir()
    assert (assets / "routines" / "quick-relief.toml").is_file()
    assert paths.exercises_dir() == assets / "exercises"


@pytest.fixture
def usual(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> paths.DataPaths:
    """No data directory given: the XDG places of the fixture's private home."""
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    return paths.resolve_paths(None)


def test_the_usual_places_follow_xdg(usual: paths.DataPaths, tmp_path: Path) -> None:
    assert usual.history == tmp_path / "xdg-data" / "stretchdesk" / "history.sqlite"
    assert usual.settings == tmp_path / "xdg-config" / "stretchdesk" / "settings.toml"
    assert usual.crash_log == tmp_path / "xdg-state" / "stretchdesk" / "crash.log"
    assert usual.locks == tmp_path / "xdg-runtime" / "stretchdesk" / "locks"


def test_without_a_runtime_directory_locks_go_to_the_state_directory(
    usual: paths.DataPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert paths.resolve_paths(None).locks == tmp_path / "xdg-state" / "stretchdesk" / "locks"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/run")  # not absolute: ignored, as XDG says
    assert paths.runtime_dir() == tmp_path / "xdg-state" / "stretchdesk"


def test_a_given_folder_holds_everything(tmp_path: Path) -> None:
    data = paths.resolve_paths(tmp_path / "portable")
    assert data.one_folder
    assert {data.settings.parent, data.crash_log.parent, data.locks.parent} == {
        tmp_path / "portable"
    }


def test_naming_the_usual_folder_is_the_usual_layout(usual: paths.DataPaths) -> None:
    assert paths.resolve_paths(usual.root) == usual


def test_old_settings_and_crash_log_move_once(usual: paths.DataPaths) -> None:
    usual.root.mkdir(parents=True)
    (usual.root / "settings.toml").write_text("volume = 40\n", encoding="utf-8")
    (usual.root / "crash.log").write_text("--- old\n", encoding="utf-8")
    assert paths.settle(usual) == usual
    assert usual.settings.read_text(encoding="utf-8") == "volume = 40\n"
    assert usual.crash_log.read_text(encoding="utf-8") == "--- old\n"
    assert not (usual.root / "settings.toml").exists()
    assert paths.settle(usual) == usual  # nothing left to do


def test_settings_in_the_new_place_win_and_the_old_file_is_left_alone(
    usual: paths.DataPaths,
) -> None:
    usual.root.mkdir(parents=True)
    usual.settings.parent.mkdir(parents=True)
    usual.settings.write_text("volume = 10\n", encoding="utf-8")
    (usual.root / "settings.toml").write_text("volume = 40\n", encoding="utf-8")
    assert paths.settle(usual) == usual
    assert usual.settings.read_text(encoding="utf-8") == "volume = 10\n"
    assert (usual.root / "settings.toml").read_text(encoding="utf-8") == "volume = 40\n"


def test_across_file_systems_the_move_copies_then_renames(
    usual: paths.DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    usual.root.mkdir(parents=True)
    (usual.root / "settings.toml").write_text("volume = 40\n", encoding="utf-8")

    def no_links(*_args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(paths.os, "link", no_links)
    assert paths.settle(usual) == usual
    assert usual.settings.read_text(encoding="utf-8") == "volume = 40\n"
    assert [p.name for p in usual.settings.parent.iterdir()] == ["settings.toml"]


def test_settings_that_cannot_move_are_used_where_they_are(
    usual: paths.DataPaths, tmp_path: Path
) -> None:
    usual.root.mkdir(parents=True)
    (usual.root / "settings.toml").write_text("volume = 40\n", encoding="utf-8")
    (tmp_path / "xdg-config").write_text("a file where a folder should be", encoding="utf-8")
    settled = paths.settle(usual)
    assert settled.settings == usual.root / "settings.toml"
    assert settled.history == usual.history


def test_help_names_the_usual_places(
    usual: paths.DataPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.describe(usual).splitlines() == [
        "  history and your routines: ~/xdg-data/stretchdesk",
        "  settings: ~/xdg-config/stretchdesk",
        "  crash log: ~/xdg-state/stretchdesk",
    ]
