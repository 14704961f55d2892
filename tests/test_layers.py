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


# Outside the layers above, what holds no Qt either: the services the window is given, the
# settings, the files' places, the shared leaves, the D-Bus wire format, sound and voice
# spoken to directly, the session's words. Checked as the layers are: no Qt named, only
# Qt-free code of ours imported, and no Qt loaded. A folder stands for all its modules.
QT_FREE = (
    "services/",
    "settings/",
    "announcer.py",
    "paths.py",
    "autostart.py",
    "crashlog.py",
    "screen_fit.py",
    "i18n.py",
    "formats.py",
    "tomlwrite.py",
    "atomic.py",
    "desktop/",
    "audio/pulse.py",
    "audio/speechd_server.py",
    "audio/ssip.py",
    "audio/voice_help.py",
    "ui/kit/wording.py",
)
# Modules that use Qt only inside the function that needs it, so that the command line and
# the check of the PySide6 version run before any Qt loads: importing them loads none.
NO_QT_ON_IMPORT = ("app.py", "cli/", "workarounds/")


def _files(names: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for name in names:
        path = PACKAGE / name
        found.extend(sorted(path.rglob("*.py")) if name.endswith("/") else [path])
    assert all(path.is_file() for path in found), names
    return found


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _qt_free_modules() -> set[str]:
    domain = [path for layer in DOMAIN for path in (PACKAGE / layer).rglob("*.py")]
    return {_module(path) for path in [*domain, *_files(QT_FREE)]}


def _imported_modules(path: Path) -> set[str]:
    """As ``_imported_names``, with ``from stretchdesk import paths`` as stretchdesk.paths."""
    names = _imported_names(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "stretchdesk":
            names.update(f"stretchdesk.{alias.name}" for alias in node.names)
    return names - {"stretchdesk"}


def test_the_qt_free_modules_name_no_qt_and_import_only_qt_free_code() -> None:
    free = _qt_free_modules()
    offenders = []
    for path in _files(QT_FREE):
        for name in _imported_modules(path):
            ours = name.startswith("stretchdesk.") and name not in free
            # ``from stretchdesk.session import events``: the package is Qt-free, so is events
            ours = ours and not any(name.startswith(f"{module}.") for module in free)
            if name.split(".")[0] in QT_NAMES or ours:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders


def test_a_module_that_says_no_qt_is_checked() -> None:
    """A docstring's "No Qt" is a promise this file keeps: its module is on a list here."""
    free = _qt_free_modules()
    unchecked = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "No Qt" in (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "")
        and _module(path) not in free
    ]
    assert not unchecked


def test_importing_the_qt_free_modules_and_the_command_line_loads_no_qt() -> None:
    modules = sorted({_module(path) for path in _files(QT_FREE + NO_QT_ON_IMPORT)})
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {QT_NAMES!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
