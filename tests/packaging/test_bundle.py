"""The PyInstaller one-folder bundle builds and its executable passes the self-test with no
Python environment around it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, run_ok

SPEC = ROOT / "packaging" / "pyinstaller" / "stretchdesk.spec"


@pytest.mark.slow
def test_bundle_builds_and_passes_its_self_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    run_ok(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            tmp_path / "dist",
            "--workpath",
            tmp_path / "build",
            SPEC,
        ],
        ROOT,
    )
    program = tmp_path / "dist" / "stretchdesk" / "stretchdesk"
    names = {p.name for p in (tmp_path / "dist" / "stretchdesk").rglob("*.so*")}
    assert not any("VirtualKeyboard" in n or "Qt6Pdf" in n or "WebEngine" in n for n in names)
    clean_env = {
        "HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
    }
    report = run_ok([program, "--self-test"], tmp_path, clean_env, timeout=120)
    assert "self-test passed" in report
