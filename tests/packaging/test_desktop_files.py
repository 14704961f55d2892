"""The Linux desktop files validate with the tools distributions use."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
APP_ID = "io.github.stretchdesk.StretchDesk"


def _validate(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.needs("desktop-file-validate", package="desktop-file-utils")
def test_desktop_file_validates() -> None:
    done = _validate(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.needs("appstreamcli", package="appstream")
def test_metainfo_validates() -> None:
    done = _validate(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")]
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_names_the_installed_icon_and_command() -> None:
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Icon=stretchdesk\n" in text and "Exec=stretchdesk\n" in text
    assert "Categories=" in text and "Keywords=" in text
    icons = Path(__file__).resolve().parents[2] / "assets" / "icons"
    assert (icons / "stretchdesk.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"stretchdesk-{size}.png").is_file()
