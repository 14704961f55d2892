"""PySide6's check of every newly imported module, answered without keeping every source.

WORKAROUND (PySide6 6.6 to 6.11: shibokensupport.feature._mod_uses_pyside)
Why: after PySide6 loads, its import hook asks of each module whether it uses PySide6 via
``inspect.getsource``, which searches all loaded modules and keeps every source file's
lines in ``linecache``: about 10 ms before the first paint and 4 MB held for good.
Re-check: at every PySide6 upgrade: if the private hook is gone or renamed, nothing is
replaced (the function returns False) and tests/ui/test_pyside_import_hook.py says so; if
PySide6 answers cheaply itself, delete this module.
"""

from __future__ import annotations

import sys
from pathlib import Path


def quicken_pyside_imports() -> bool:
    """Answer PySide6's question about each newly imported module the cheap way.

    After PySide6 loads, its import hook asks of every module whether the word "PySide6"
    appears in its source (modules that use PySide may switch on its optional features).
    It asks through ``inspect.getsource``, which searches all loaded modules on each call and
    keeps every source file's lines in ``linecache``: about 10 ms before the first paint and
    4 MB held for good. Reading the file answers the same question. If PySide6 changes
    shape, nothing is replaced and nothing breaks. Call after ``import PySide6`` and before
    its Qt modules load. Returns whether the hook was replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "quick", False):
        return False

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            return b"PySide6" in Path(path).read_bytes()
        except OSError:
            return bool(original(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
