"""The manual page is written from the command line's definition, so every option the program
takes is in it, and man reads it without a warning."""

from __future__ import annotations

import argparse
import os
import subprocess
from pathlib import Path

import pytest

from stretchdesk.cli import commands as cli
from tools import manpage


def _every_option(parser: argparse.ArgumentParser) -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        found += [name for name in action.option_strings if action.help != argparse.SUPPRESS]
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                found.append(name)
                found += _every_option(command)
    return found


def test_every_option_and_command_is_in_the_page() -> None:
    page = manpage.render()
    options = _every_option(cli.build_parser())
    assert "-V" in options and "--data-dir" in options
    for name in options:
        assert manpage.roff(name).removeprefix("\\&") in page, name
    assert "XDG_CONFIG_HOME" in page


@pytest.mark.needs("man", "groff", package="man-db groff-base")
def test_man_formats_the_page_without_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "stretchdesk.1"
    page.write_text(manpage.render(), encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "MANROFFSEQ": "", "MANWIDTH": "80"}
    done = subprocess.run(
        ["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", str(page)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    shown = subprocess.run(
        ["man", "-l", str(page)], check=False, capture_output=True, text=True, env=env, timeout=60
    ).stdout
    assert "stretchdesk" in shown and "--self-test" in shown
