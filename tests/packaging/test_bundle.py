"""The PyInstaller one-folder bundle builds and its executable passes the self-test with no
Python environment around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.helpers import run_ok


@pytest.mark.slow
def test_bundle_builds_and_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    names = {p.name for p in bundle.rglob("*.so*")}
    assert not any("VirtualKeyboard" in n or "Qt6Pdf" in n or "WebEngine" in n for n in names)
    assert "libqtiff.so" not in names  # no routine drawing can be a TIFF
    clean_env = {
        "HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
    }
    report = run_ok([bundle / "stretchdesk", "--self-test"], tmp_path, clean_env, timeout=120)
    assert "self-test passed" in report
    # every language travels with it: the catalogues, their review status, the content
    german = run_ok(
        [bundle / "stretchdesk", "check"], tmp_path, {**clean_env, "STRETCHDESK_LANGUAGE": "de"}
    )
    assert "Routinen gültig" in german
    found = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    for language in ("de", "es", "fr"):
        assert any(f.endswith(f"locale/{language}/LC_MESSAGES/stretchdesk.mo") for f in found)
        assert any(f.endswith(f"content/translations/{language}.toml") for f in found)
    assert any(f.endswith("locale/reviews.toml") for f in found)
