"""Every file location in one place.

The data directory is, in order: the ``--data-dir`` option, the ``STRETCHDESK_DATA_DIR``
environment variable, or the platform's user data directory. Assets are found next to the
package (installed wheel or bundled app) or in the source checkout.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import appdirs

APP_NAME = "stretchdesk"
ENV_DATA_DIR = "STRETCHDESK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """Files the app writes, all under one directory."""

    root: Path

    @property
    def history(self) -> Path:
        return self.root / "history.sqlite"

    @property
    def settings(self) -> Path:
        return self.root / "settings.toml"

    @property
    def routines(self) -> Path:
        return self.root / "routines"

    @property
    def locks(self) -> Path:
        return self.root / "locks"

    @property
    def crash_log(self) -> Path:
        return self.root / "crash.log"


def _asset_candidates() -> list[Path]:
    package = Path(__file__).resolve().parent
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "stretchdesk" / "assets")
    candidates.append(package / "assets")  # installed wheel
    candidates.append(package.parent / "assets")  # source checkout
    return candidates


def assets_dir() -> Path:
    """The folder holding routines/, exercises/, illustrations/ and sounds/."""
    for candidate in _asset_candidates():
        if (candidate / "routines").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _asset_candidates())
    raise FileNotFoundError(f"stretchdesk's assets are missing (looked in {tried})")


def builtin_routines_dir() -> Path:
    return assets_dir() / "routines"


def content_file() -> Path:
    """The safety and advice texts; sources.toml lies beside it."""
    return assets_dir() / "content" / "safety.toml"


def exercises_dir() -> Path:
    return assets_dir() / "exercises"


def illustrations_dir() -> Path:
    return assets_dir() / "illustrations"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"
