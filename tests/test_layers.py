"""routine/, session/, history/, illustration/, listen/, schedule/ and documents/ import no
Qt: not directly, not through anything."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import stretchdesk

PACKAGE = Path(stretchdesk.__file__).parent
DOMAIN = ("routine", "session", "history", "illustration", "listen", "schedule", "documents")
QT_NAMES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
SHARED_LEAVES = ("i18n", "formats", "tomlwrite", "atomic")


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_sources_name_no_qt() -> None:
    offenders = []
    for layer in DOMAIN:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for name in _imported_names(path):
                if name.split(".")[0] in QT_NAMES:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders


def test_domain_layers_respect_the_arrows() -> None:
    """routine imports nothing above it; session only routine; history and illustration
    only those two. Every layer may use i18n and formats (the gettext functions and the
    dates and numbers made with them: leaves that import nothing but i18n), the TOML
    writer and the atomic file write (leaves that import nothing of ours)."""
    allowed = {
        "routine": {"routine"},
        "session": {"routine", "session"},
        "history": {"routine", "session", "history"},
        "illustration": {"routine", "session", "illustration"},
        # the microphone is read through audio/pulse.py (no Qt: the next test loads it)
        "listen": {"routine", "session", "listen", "audio"},
        "schedule": {"routine", "session", "history", "schedule"},
        "documents": {"routine", "session", "history", "illustration", "documents"},
    }
    offenders = []
    for layer, ok in allowed.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for name in _imported_names(path):
                parts = name.split(".")
                if parts[0] != "stretchdesk" or len(parts) < 2 or parts[1] in SHARED_LEAVES:
                    continue
                if parts[1] not in ok:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders


def test_the_shared_leaves_import_only_each_other() -> None:
    leaves: tuple[tuple[str, set[str]], ...] = (
        ("i18n", set()),
        ("formats", {"i18n"}),
        ("tomlwrite", set()),
        ("atomic", set()),
    )
    for leaf, ok in leaves:
        names = _imported_names(PACKAGE / f"{leaf}.py")
        ours = {n.split(".")[1] for n in names if n.startswith("stretchdesk.")}
        assert ours <= ok, leaf


def test_importing_every_domain_module_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import stretchdesk\n"
        f"for layer in {DOMAIN!r}:\n"
        "    pkg = importlib.import_module('stretchdesk.' + layer)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import stretchdesk.cli.commands\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_NAMES!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_no_test_imports_a_conftest() -> None:
    """Fixtures live in conftest.py; what tests share to import lives in helper modules."""
    tests = Path(__file__).resolve().parent
    offenders = [
        f"{path.relative_to(tests)} imports {name}"
        for path in sorted(tests.rglob("*.py"))
        for name in _imported_names(path)
        if name.split(".")[-1] == "conftest"
    ]
    assert not offenders
