"""`make install-desktop` puts the menu entry, AppStream file, hicolor icons (named after the
app id) and the manual page in place. The test writes the manual page with this Python and
runs the install step (install-desktop-files): make's own virtual environment is neither
made nor installed from the network, and nothing is written into the checkout."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.stretchdesk.StretchDesk"


@pytest.mark.needs("make", package="make")
def test_install_desktop_into_a_home(tmp_path: Path) -> None:
    man_page = tmp_path / "build" / "stretchdesk.1"
    subprocess.run(
        [sys.executable, "-m", "tools.manpage", "--out", str(man_page)],
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    done = subprocess.run(
        ["make", "-s", "install-desktop-files", f"DESKTOP_HOME={tmp_path}", f"MAN_PAGE={man_page}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").is_file()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    for size in (16, 48, 256, 512):
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    page = gzip.decompress((tmp_path / "man/man1/stretchdesk.1.gz").read_bytes())
    assert page.startswith(b".TH STRETCHDESK 1")
