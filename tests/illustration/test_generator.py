"""``make assets`` is reproducible: rendering again gives byte-identical files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PIL
import pytest

REPO = Path(__file__).resolve().parents[2]
GENERATED = ("assets/illustrations", "assets/icons", "docs/illustrations.png")


def _files(root: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for item in GENERATED:
        path = root / item
        paths = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in paths:
            found[str(p.relative_to(root))] = p.read_bytes()
    return found


@pytest.mark.slow
def test_make_assets_is_byte_identical(tmp_path: Path) -> None:
    stamp = (REPO / "assets" / "illustrations" / "GENERATED").read_text(encoding="utf-8")
    made_with = stamp.split("Pillow ")[-1].strip()
    result = subprocess.run(
        [sys.executable, "-m", "tools.art", "--out", str(tmp_path), "--jobs", "2"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    committed, fresh = _files(REPO), _files(tmp_path)
    assert sorted(fresh) == sorted(committed), "the generator writes other files than are committed"
    differing = [name for name in committed if committed[name] != fresh[name]]
    assert not differing, (
        f"{len(differing)} files differ from a fresh render, e.g. {differing[:3]}; the "
        f"committed files were made with Pillow {made_with}, this is Pillow {PIL.__version__}. "
        "Run `make assets` and commit the result."
    )
