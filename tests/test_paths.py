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
