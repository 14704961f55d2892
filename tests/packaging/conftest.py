"""The one-folder bundle, built once per run for the tests that need it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, run_ok

SPEC = ROOT / "packaging" / "pyinstaller" / "stretchdesk.spec"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dist/stretchdesk`` as ``make bundle`` makes it."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    run_ok(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            work / "dist",
            "--workpath",
            work / "build",
            SPEC,
        ],
        ROOT,
    )
    return work / "dist" / "stretchdesk"
