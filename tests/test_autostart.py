"""Starting at login: the XDG autostart entry is valid, starts the app in the background with
the chosen data folder, and is gone when the setting is turned off."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from stretchdesk import autostart, paths


@pytest.mark.needs("desktop-file-validate", package="desktop-file-utils")
def test_the_entry_is_written_valid_and_removed(tmp_path: Path) -> None:
    data = paths.resolve_paths(tmp_path / "my data $HOME")
    target = autostart.autostart_file()
    assert target == tmp_path / "xdg-config" / "autostart" / f"{paths.APP_ID}.desktop"
    assert not target.exists()
    autostart.set_autostart(True, data)
    assert target.is_file()
    text = target.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    args = exec_args(exec_line.removeprefix("Exec="))
    assert args[-1] == "--background"
    assert args[-3:-1] == ["--data-dir", str(tmp_path / "my data $HOME")]
    assert '"' in exec_line and "\\\\$HOME" in exec_line  # quoted as the specification says
    validate = ["desktop-file-validate", str(target)]
    result = subprocess.run(validate, check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""
    autostart.set_autostart(False, data)
    assert not target.exists()
    autostart.set_autostart(False, data)  # already off: nothing to do, no error


def test_a_folder_that_cannot_be_written_raises_with_a_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OSError) as caught:
        autostart.set_autostart(True, paths.default_paths(), blocker / "autostart" / "x.desktop")
    assert caught.value.strerror


def exec_args(value: str) -> list[str]:
    """An Exec value read as the Desktop Entry Specification says: a string value's escapes
    first, then arguments split at spaces, where double quotes keep spaces and a backslash
    inside them escapes one of " ` $ \\."""
    value = value.replace("\\\\", "\\")
    args: list[str] = []
    word: list[str] | None = None
    quoted = escaped = False
    for char in value:
        if escaped:
            word = [*(word or []), char]
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
            word = word or []
        elif char == " " and not quoted:
            if word is not None:
                args.append("".join(word))
            word = None
        else:
            word = [*(word or []), char]
    if word is not None:
        args.append("".join(word))
    return args
