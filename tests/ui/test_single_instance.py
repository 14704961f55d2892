"""A second start wakes the first instead of opening another window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from stretchdesk.paths import DataPaths
from stretchdesk.ui.desktop.single_instance import SingleInstance, server_name


def test_second_instance_wakes_the_first(qtbot: QtBot, data_dir: Path) -> None:
    first = SingleInstance(DataPaths(data_dir))
    woken: list[bool] = []
    first.on_wake(lambda: woken.append(True))
    assert first.claim()
    second = SingleInstance(DataPaths(data_dir))
    assert not second.claim()
    qtbot.waitUntil(lambda: bool(woken))
    first.server.close()


def test_a_stale_socket_from_a_killed_process_is_taken_over(data_dir: Path) -> None:
    first = SingleInstance(DataPaths(data_dir))
    assert first.claim()
    first.server.close()  # as if the process had died without cleaning up
    again = SingleInstance(DataPaths(data_dir))
    assert again.claim()
    again.server.close()


def test_other_data_directories_do_not_meet(tmp_path: Path) -> None:
    assert server_name(DataPaths(tmp_path / "a")) != server_name(DataPaths(tmp_path / "b"))


def test_the_socket_is_in_the_runtime_directory(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    name = server_name(DataPaths(tmp_path / "a", config=tmp_path, state=tmp_path, runtime=runtime))
    assert Path(name).parent == runtime
    assert runtime.stat().st_mode & 0o777 == 0o700


def test_a_runtime_path_too_long_for_a_socket_falls_back_to_qts_own_place(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 120)
    name = server_name(DataPaths(tmp_path / "a", config=tmp_path, state=tmp_path, runtime=deep))
    assert name.startswith("stretchdesk-") and "/" not in name
