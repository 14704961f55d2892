"""The Linux desktop files validate with the tools distributions use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from stretchdesk import __version__, paths

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = paths.APP_ID


def _validate(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.needs("desktop-file-validate", package="desktop-file-utils")
def test_desktop_file_validates() -> None:
    done = _validate(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


# What Debian 12's appstreamcli (0.16) still says, and why each stays:
KEPT = {
    # reverse-DNS ids with a capitalised last part are usual (org.gnome.TextEditor); the app
    # id is what the desktop file, the icons and the window's Wayland app id are named after
    "P: io.github.stretchdesk.StretchDesk:3: cid-contains-uppercase-letter",
    # <developer id=...> is the current form (AppStream 1.0); 0.16 only knows the older
    # <developer_name>, which AppStream 1.0 reports as deprecated
    "I: io.github.stretchdesk.StretchDesk:8: unknown-tag developer",
}


@pytest.mark.needs("appstreamcli", package="appstream")
def test_metainfo_validates_pedantically() -> None:
    done = _validate(
        [
            "appstreamcli",
            "validate",
            "--pedantic",
            "--no-net",
            str(LINUX / f"{APP_ID}.metainfo.xml"),
        ]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    said = {line for line in done.stdout.splitlines() if line[:3] in ("E: ", "W: ", "I: ", "P: ")}
    assert said <= KEPT, done.stdout


def test_metainfo_has_what_app_stores_show() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    colours = root.findall("branding/color")
    assert {c.get("scheme_preference") for c in colours} == {"light", "dark"}
    urls = {u.get("type") for u in root.findall("url")}
    assert {"homepage", "bugtracker", "vcs-browser"} <= urls
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert root.find("developer/name") is not None
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert __version__ in releases


def test_every_screenshot_is_in_the_repository() -> None:
    root = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    images = list(root.iter("image"))
    assert len(images) >= 3
    for image in images:
        path = image.text.split("/main/", 1)[1]
        with Image.open(ROOT / path) as picture:
            assert picture.size == (int(image.get("width")), int(image.get("height"))), path


def test_desktop_file_names_the_installed_icon_and_command() -> None:
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text and "Exec=stretchdesk %f\n" in text
    assert "MimeType=application/x-stretchdesk-routine;\n" in text
    assert "Categories=" in text and "Keywords=" in text
    icons = Path(__file__).resolve().parents[2] / "assets" / "icons"
    assert (icons / "stretchdesk.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"stretchdesk-{size}.png").is_file()


ROUTINE_TYPE = "application/x-stretchdesk-routine"


@pytest.mark.needs("update-mime-database", package="shared-mime-info")
def test_the_routine_file_type_is_known_to_the_desktop(tmp_path: Path) -> None:
    """Installed as make install-desktop does, the desktop's MIME database (read here by
    Qt's QMimeDatabase, as file managers read it) names a routine file's type; a plain
    TOML file stays TOML."""
    share = tmp_path / "share"
    packages = share / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{APP_ID}.xml").write_bytes((LINUX / f"{APP_ID}.xml").read_bytes())
    done = _validate(["update-mime-database", "-V", str(share / "mime")])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in sys.argv[1:]:\n"
        "    print(db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension).name())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(share), "XDG_DATA_DIRS": "/usr/share"}
    names = ["from the clinic.stretchdesk.toml", "evening.stretchdesk", "pyproject.toml"]
    seen = subprocess.run(
        [sys.executable, "-c", probe, *names],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
    ).stdout.split()
    assert seen[:2] == [ROUTINE_TYPE, ROUTINE_TYPE]
    assert seen[2] != ROUTINE_TYPE
