"""PySide6's question about each imported module ("does it use PySide6?") is answered by
reading the file: the same answers, and no source kept in linecache."""

from __future__ import annotations

import inspect
import json
import linecache
import sys
import types

import stretchdesk.routine.model
import stretchdesk.ui.kit.theme
from stretchdesk.workarounds import pyside_import_hook as compat


def test_the_quick_answer_is_pysides_own_answer() -> None:
    compat.quicken_pyside_imports()
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False)
    assert compat.quicken_pyside_imports() is False  # once is enough
    for module in (stretchdesk.ui.kit.theme, stretchdesk.routine.model, json, sys, compat):
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            expected = False
        assert quick(module) is expected, module.__name__
    linecache.clearcache()
    quick(stretchdesk.ui.kit.theme)
    assert stretchdesk.ui.kit.theme.__file__ not in linecache.cache


def test_a_module_without_a_file_is_asked_the_old_way() -> None:
    compat.quicken_pyside_imports()
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert quick(types.ModuleType("made_here")) is False
