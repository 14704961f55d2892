"""Every workaround sits in stretchdesk/workarounds/, says why it exists and when to check
it again, and is listed in the package's index."""

from __future__ import annotations

import importlib
import pkgutil
import platform
import sys

import pytest

from stretchdesk import workarounds
from stretchdesk.workarounds import glibc_heap

MODULES = [info.name for info in pkgutil.iter_modules(workarounds.__path__)]


def test_there_are_workarounds_to_check() -> None:
    assert set(MODULES) >= {"pyside_none_refcount", "pyside_import_hook", "glibc_heap"}


@pytest.mark.parametrize("name", MODULES)
def test_each_says_why_and_when_to_check_again(name: str) -> None:
    module = importlib.import_module(f"stretchdesk.workarounds.{name}")
    text = module.__doc__ or ""
    assert "WORKAROUND (" in text, name
    assert "\nWhy: " in text and "\nRe-check: " in text, name
    assert f"- {name}: " in (workarounds.__doc__ or ""), f"{name} is not in the index"


@pytest.mark.skipif(
    not (sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"),
    reason="glibc only",
)
def test_the_heap_threshold_is_set_on_glibc() -> None:
    assert glibc_heap.return_big_blocks() is True
    glibc_heap.trim()
