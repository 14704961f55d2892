"""The PySide6 6.12.0 / Python 3.11 trap: markers, a refcount check, and the refusal."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from stretchdesk import app
from stretchdesk.workarounds import pyside_none_refcount as compat

ROOT = Path(__file__).resolve().parent.parent

VOID_CALLS = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    qapp = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText("x")  # returns nothing
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_twenty_thousand_void_qt_calls_keep_nones_refcount() -> None:
    """Run in a child: on a broken PySide6 the process aborts, which must fail here
    with a readable message rather than kill the test run."""
    result = subprocess.run(
        [sys.executable, "-c", VOID_CALLS],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, (
        f"the Qt calls crashed the interpreter (exit {result.returncode}): {result.stderr[-500:]}"
    )
    before, after = (int(x) for x in result.stdout.split())
    assert after >= before, f"None's refcount fell from {before} to {after}"


def _qt_requirements() -> list[Requirement]:
    """Qt requirements of the app and of every extra (the qt-sound extra adds Qt's add-ons)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines.extend(extra)
    reqs = [Requirement(r) for r in lines]
    return [r for r in reqs if r.name.lower().startswith("pyside6")]


def _active(python: str, full: str, platform: str) -> list[Requirement]:
    env = {"python_version": python, "python_full_version": full, "sys_platform": platform}
    return [r for r in _qt_requirements() if r.marker is None or r.marker.evaluate(env)]


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
@pytest.mark.parametrize("python", ["3.11", "3.10"])
def test_markers_never_allow_the_broken_version_before_312(python: str, platform: str) -> None:
    active = _active(python, python + ".0", platform)
    assert {r.name for r in active} == {"PySide6-Essentials", "PySide6-Addons"}
    for req in active:
        assert not req.specifier.contains("6.12.0"), f"{req} allows 6.12.0 on {python}"
        assert req.specifier.contains("6.11.3")


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_markers_allow_current_pyside_on_312(platform: str) -> None:
    active = _active("3.12", "3.12.1", platform)
    assert {r.name for r in active} == {"PySide6-Essentials", "PySide6-Addons"}
    assert all(r.specifier.contains("6.12.0") for r in active)


def test_linux_needs_only_the_essentials_unless_asked() -> None:
    """Qt's add-ons (sound and speech, about 440 MB) come on Linux only with the qt-sound extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for python in ("3.11", "3.12"):
        env = {"python_version": python, "python_full_version": python + ".1"}
        base = {
            Requirement(r).name
            for r in project["dependencies"]
            if Requirement(r).marker is None
            or Requirement(r).marker.evaluate({**env, "sys_platform": "linux"})
        }
        assert "PySide6-Addons" not in base
        assert "PySide6-Essentials" in base
        windows = [
            r
            for r in map(Requirement, project["dependencies"])
            if r.marker is None or r.marker.evaluate({**env, "sys_platform": "win32"})
        ]
        assert "PySide6-Addons" in {r.name for r in windows}
    assert {Requirement(r).name for r in project["optional-dependencies"]["qt-sound"]} == {
        "PySide6-Addons"
    }


@pytest.mark.parametrize(
    ("version", "python", "bad"),
    [
        ("6.12.0", (3, 11), True),
        ("6.12.0", (3, 12), False),
        ("6.11.3", (3, 11), False),
        ("6.12.1", (3, 11), False),
        ("6.12.0.1", (3, 11), True),
    ],
)
def test_known_bad_combination(version: str, python: tuple[int, int], bad: bool) -> None:
    assert (compat.qt_problem(version, python) is not None) is bad


def test_app_refuses_to_start_on_a_known_bad_combination(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app, "qt_problem", lambda: compat.qt_problem("6.12.0", (3, 11)))
    assert app.main([]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("stretchdesk cannot start: PySide6 6.12.0 crashes on Python 3.11")
