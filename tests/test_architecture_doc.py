"""docs/architecture.md is the map of the code: it names every module under stretchdesk/ (a
package by its folder, ``ui/session/``), and every path it names exists.

A path is a word that starts with a folder of the project or of the package (``tests/...``,
``history/writes.py``, ``stretchdesk/ui/``); ``<...>`` in one is a placeholder
(``assets/poses/<id>.toml``: at least one file must fit). A file name alone (``pulse.py``,
in its package's section) must be the name of a module."""

from __future__ import annotations

import re
from pathlib import Path

import stretchdesk

PACKAGE = Path(stretchdesk.__file__).parent
ROOT = PACKAGE.parent
DOC = ROOT / "docs" / "architecture.md"
WORD = re.compile(r"[A-Za-z0-9_.<>/-]+")
PLACEHOLDER = re.compile(r"<[^<>/]*>")


def _modules() -> list[str]:
    """Every module as the doc names it: ``history/writes.py``; a package ``ui/session/``."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.name == "__init__.py":
            names.append(f"{relative.parent.as_posix()}/" if relative.parent.parts else "")
        else:
            names.append(relative.as_posix())
    return [name for name in names if name]  # the package itself is the whole doc


def _words() -> set[str]:
    return {word.rstrip(".-") for word in WORD.findall(DOC.read_text(encoding="utf-8"))}


def _folders() -> set[str]:
    return {
        path.name
        for base in (ROOT, PACKAGE)
        for path in base.iterdir()
        if path.is_dir() and not path.name.startswith((".", "_"))
    }


def _exists(path: str) -> bool:
    pattern = PLACEHOLDER.sub("*", path).rstrip("/")
    return any(any(base.glob(pattern)) for base in (ROOT, PACKAGE))


def test_every_module_is_named() -> None:
    words = _words()
    missing = [m for m in _modules() if m not in words and f"stretchdesk/{m}" not in words]
    assert not missing


def test_every_path_named_exists() -> None:
    folders = _folders()
    modules = {path.name for path in ROOT.glob("**/*.py") if ".venv" not in path.parts}
    wrong = []
    for word in sorted(_words()):
        first, slash, _rest = word.partition("/")
        if slash and first in folders:
            if not _exists(word):
                wrong.append(word)
        elif not slash and word.endswith(".py") and word not in modules:
            wrong.append(word)
    assert not wrong


def test_the_checks_see_paths() -> None:
    """The two tests above read the doc as meant: its index names these."""
    words = _words()
    assert {"ui/session/countdown.py", "history/writes.py", "ui/session/"} <= words
    assert _exists("assets/poses/<id>.toml")
    assert not _exists("ui/no_such_module.py")
