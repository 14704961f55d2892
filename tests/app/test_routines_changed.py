"""The routines on offer announce a change (the cards follow it), and only a change."""

from __future__ import annotations

from pathlib import Path

from stretchdesk import paths
from stretchdesk.routine import Routine
from stretchdesk.services import Services

ROUTINE = """
id = "mine"
title = "Mine"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 1
rep_seconds = 3
"""


def test_a_new_routine_file_is_announced_once(tmp_path: Path) -> None:
    services = Services.load(paths.DataPaths(tmp_path))
    try:
        heard: list[str] = []
        services.routines_changed.connect(lambda: heard.append("changed"))
        services.reload_routines()
        assert heard == []  # nothing new: nobody is told
        (tmp_path / "routines").mkdir()
        (tmp_path / "routines" / "mine.toml").write_text(ROUTINE, encoding="utf-8")
        services.reload_routines()
        assert heard == ["changed"] and services.catalog.get("mine") is not None
        services.reload_routines()
        assert heard == ["changed"]
    finally:
        services.close()


def test_a_routine_opened_from_elsewhere_is_announced_when_new(tmp_path: Path) -> None:
    services = Services.load(paths.DataPaths(tmp_path / "data"))
    try:
        elsewhere = tmp_path / "elsewhere.toml"
        elsewhere.write_text(ROUTINE, encoding="utf-8")
        [(_path, routine)] = services.read_routines([elsewhere])
        assert isinstance(routine, Routine)
        heard: list[str] = []
        services.routines_changed.connect(lambda: heard.append("changed"))
        assert services.add_routine(routine)
        assert not services.add_routine(routine)
        assert heard == ["changed"]
    finally:
        services.close()
