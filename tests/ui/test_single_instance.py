"""A second start wakes the first instead of opening another window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from stretchdesk.ui.single_instance import SingleInstance, server_name


def test_second_instance_wakes_the_first(qtbot: QtBot, data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    woken: list[bool] = []
    first.on_wake(lambda: woken.append(True))
    assert first.claim()
    second = SingleInstance(data_dir)
    assert not second.claim()
    qtbot.waitUntil(lambda: bool(woken))
    first.server.close()


def test_a_stale_socket_from_a_killed_process_is_taken_over(data_dir: Path) -> None:
    first = SingleInstance(data_dir)
    assert first.claim()
    first.server.close()  # as if the process had died without cleaning up
    again = SingleInstance(data_dir)
    assert again.claim()
    again.server.close()


def test_other_data_directories_do_not_meet(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
