"""The wheel carries everything: built here, installed into a fresh virtual environment
outside the source tree, and run there with `check` and `--self-test`."""

from __future__ import annotations

import os
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from stretchdesk import __version__
from tests.packaging.helpers import ROOT, run_ok


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run_ok([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", out], ROOT)
    (found,) = out.glob("stretchdesk-*.whl")
    return found


def test_the_wheel_holds_every_asset(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("routines", "exercises", "illustrations", "sounds", "icons", "content"):
        assert any(n.startswith(f"stretchdesk/assets/{folder}/") for n in names), folder
    assert f"stretchdesk-{__version__}.dist-info/METADATA" in names
    assert not any(n.startswith(("tests/", "tools/", "bench/")) for n in names)


@pytest.mark.slow
def test_installed_wheel_runs_check_and_self_test(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "fresh"
    run_ok([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path)
    python = venv / "bin" / "python"
    run_ok(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        tmp_path,
    )
    # The third-party packages come from this environment (no network); .pth files in it,
    # such as the editable install of the source tree, are not read from there.
    deps = sysconfig.get_paths()["purelib"]
    fresh_site = run_ok(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path
    ).strip()
    (Path(fresh_site) / "zz_dependencies.pth").write_text(deps + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = run_ok([python, "-c", "import stretchdesk; print(stretchdesk.__file__)"], tmp_path, env)
    assert where.startswith(str(venv))
    assert "ok: 2 routines valid" in run_ok([venv / "bin" / "stretchdesk", "check"], tmp_path, env)
    version = run_ok([venv / "bin" / "stretchdesk", "--version"], tmp_path, env)
    assert version.strip() == f"stretchdesk {__version__}"
    report = run_ok([venv / "bin" / "stretchdesk", "--self-test"], tmp_path, env)
    assert "self-test passed" in report
    assert str(venv) in report  # the sounds were found inside the installed package
