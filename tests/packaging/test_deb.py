"""The Debian package, as a packager and a user of a Debian system would meet it: built from
the bundle, checked by lintian, installed with apt-get, started from /usr/bin under a virtual
screen, and removed again. Installing needs root, and happens only where the machine may be
changed (tests/root.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stretchdesk.paths import APP_ID
from tests.packaging.helpers import ROOT, run_ok

TOOLS = ("dpkg-deb", "dpkg-shlibdeps", "lintian", "apt-get", "xvfb-run", "patchelf", "strip")


def _installed(package: str) -> bool:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], check=False, capture_output=True, text=True
    )
    return done.stdout.endswith(" installed")


def _apt(*args: str) -> str:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return run_ok(["apt-get", "-y", "-q", *args], ROOT, env, timeout=600)


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deb")
    run_ok([sys.executable, "-m", "tools.deb", "--bundle", bundle, "--out", out], ROOT)
    (found,) = out.glob("stretchdesk_*.deb")
    return found


@pytest.mark.slow
@pytest.mark.needs(*TOOLS, package="dpkg-dev lintian xvfb xauth patchelf binutils")
def test_the_package_holds_what_debian_puts_where(deb: Path) -> None:
    listing = run_ok(["dpkg-deb", "--contents", deb], ROOT)
    for path in (
        "./usr/bin/stretchdesk -> ../lib/stretchdesk/stretchdesk",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
        "./usr/share/man/man1/stretchdesk.1.gz",
        "./usr/share/doc/stretchdesk/copyright",
        "./usr/share/doc/stretchdesk/changelog.gz",
    ):
        assert path in listing
    # Debian's own libraries are depended on, not carried
    assert "_internal/libz.so.1" not in listing
    assert "_internal/libpython3" in listing
    fields = run_ok(["dpkg-deb", "--field", deb, "Depends", "Recommends"], ROOT)
    depends, recommends = fields.split("\nRecommends: ")
    assert "libpulse0" in depends and "libxcb1" in depends and "zlib1g" in depends
    assert "libgtk-3-0" not in depends and "libwayland-client0" not in depends
    assert "libgtk-3-0" in recommends and "speech-dispatcher" in recommends


@pytest.mark.slow
@pytest.mark.needs(*TOOLS, package="dpkg-dev lintian xvfb xauth patchelf binutils")
def test_lintian_finds_no_error_or_warning_that_is_not_explained(deb: Path) -> None:
    done = subprocess.run(
        ["lintian", "--tag-display-limit", "0", str(deb)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert found == [], "\n".join(found)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.needs(*TOOLS, package="dpkg-dev lintian xvfb xauth patchelf binutils")
@pytest.mark.needs_root("installing the package with apt")
def test_installs_with_apt_runs_from_usr_bin_and_removes(deb: Path, tmp_path: Path) -> None:
    if _installed("stretchdesk"):
        pytest.skip("a stretchdesk package is installed here already; it is left alone")
    _apt("install", str(deb))
    try:
        assert _installed("stretchdesk")
        assert Path("/usr/share/man/man1/stretchdesk.1.gz").is_file()
        env = {"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
        report = run_ok(
            ["xvfb-run", "-a", "/usr/bin/stretchdesk", "--self-test"], tmp_path, env, timeout=180
        )
        assert "self-test passed" in report
        assert "(xcb)" in report  # a real X11 window, not the offscreen stand-in
        assert run_ok(["/usr/bin/stretchdesk", "-V"], tmp_path, env).startswith("stretchdesk ")
    finally:
        _apt("purge", "stretchdesk")
    assert not _installed("stretchdesk")
    assert not Path("/usr/bin/stretchdesk").exists()
