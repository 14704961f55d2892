"""Known-bad combinations of PySide6 and Python, refused before any Qt call is made.

WORKAROUND (PySide6 6.12.0 on Python 3.11)
Why: every Qt call that returns nothing lowers the reference count of None; after a few
thousand calls Python aborts ("deallocating None"). The dependency markers in
pyproject.toml keep Python 3.11 on PySide6 6.11, and ``qt_problem`` refuses to start on the
bad pair with one line; tests/test_qt_guard.py makes 20,000 such calls.
Re-check: at every PySide6 upgrade; when a fixed 6.12.x is verified, add its version to the
markers and narrow KNOWN_BAD.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

# PySide6 versions that corrupt None's reference count on every Qt call returning nothing,
# on Python versions below the one given; the process aborts after a few thousand calls.
KNOWN_BAD: dict[tuple[int, int, int], tuple[int, int]] = {(6, 12, 0): (3, 12)}


def _parse(version: str) -> tuple[int, int, int]:
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    while len(parts) < 3:
        parts.append(0)
    return parts[0], parts[1], parts[2]


def installed_pyside_version() -> str | None:
    """The PySide6 version, read without making a Qt call (the package's own __init__
    only sets paths); the packaging metadata is the fallback."""
    if importlib.util.find_spec("PySide6") is not None:
        version = str(getattr(importlib.import_module("PySide6"), "__version__", ""))
        if version:
            return version
    from importlib import metadata  # noqa: PLC0415 - slow to import; rarely needed

    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return None


def qt_problem(
    pyside_version: str | None = None, python: tuple[int, int] | None = None
) -> str | None:
    """One line explaining why this PySide6 cannot be used here, or None if it can."""
    version = pyside_version if pyside_version is not None else installed_pyside_version()
    python = python or (sys.version_info[0], sys.version_info[1])
    if version is None:
        return (
            "PySide6 is not installed; install stretchdesk with pip "
            "(pip install stretchdesk) to get it."
        )
    fixed_in = KNOWN_BAD.get(_parse(version))
    if fixed_in is not None and python < fixed_in:
        return (
            f"PySide6 {version} crashes on Python {python[0]}.{python[1]} (it corrupts "
            "Python's None reference count); install PySide6 6.11 "
            "(pip install 'PySide6-Essentials<6.12' 'PySide6-Addons<6.12') or use Python "
            f"{fixed_in[0]}.{fixed_in[1]} or newer."
        )
    return None
