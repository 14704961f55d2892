"""What ``pip install stretchdesk`` puts on disk, in fresh virtual environments made side by
side in the same run: the wheel as it installs on this system, and the wheel with the
``qt-sound`` extra (Qt's sound and speech modules, which every system installed before the
voice spoke to speech-dispatcher directly). Also the sizes of the one-folder bundle and the
Debian package when ``make bundle`` / ``make deb`` have made them."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
MB = 1e6


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        check=True,
        capture_output=True,
    )


def _wheel(work: Path) -> Path:
    _pip(Path(sys.executable), "wheel", "--no-deps", "--no-build-isolation", "-w", str(work), ".")
    (found,) = work.glob("stretchdesk-*.whl")
    return found


def _venv(work: Path, name: str, requirement: str) -> dict[str, float]:
    folder = work / name
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    base = _size(folder)
    python = folder / "bin" / "python"
    # pip from this environment installs into the new one, so pip itself is not counted
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--disable-pip-version-check",
            "-q",
            "--python",
            str(python),
            "install",
            requirement,
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    site = next((folder / "lib").glob("python3*/site-packages"))
    addons = [p for p in site.glob("*.dist-info") if p.name.lower().startswith("pyside6_addons-")]
    addons_bytes = 0
    if addons:  # what pip wrote for the add-ons, from their own record
        listed = (addons[0] / "RECORD").read_text(encoding="utf-8").splitlines()
        addons_bytes = sum(int(row.rsplit(",", 1)[1] or 0) for row in listed)
    parts = {
        "total_mb": (_size(folder) - base) / MB,
        "pyside6_addons_mb": addons_bytes / MB,
        "has_addons": float(bool(addons)),
    }
    return {key: round(value, 1) for key, value in parts.items()}


def _built(pattern: str) -> float | None:
    found = sorted(DIST.glob(pattern))
    if not found:
        return None
    target = found[-1]
    return round((target.stat().st_size if target.is_file() else _size(target)) / MB, 1)


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-install-") as tmp:
        work = Path(tmp)
        wheel = _wheel(work)
        plain = _venv(work, "plain", str(wheel))
        with_qt = _venv(work, "with-qt-sound", f"{wheel}[qt-sound]")
    return {
        "pip_install_mb": plain["total_mb"],
        "pip_install_with_qt_sound_mb": with_qt["total_mb"],
        "pyside6_addons_mb": with_qt["pyside6_addons_mb"],
        "addons_installed_by_default": bool(plain["has_addons"]),
        "bundle_mb": _built("stretchdesk"),
        "deb_mb": _built("stretchdesk_*.deb"),
        "target_pip_install_mb": 300,
    }
