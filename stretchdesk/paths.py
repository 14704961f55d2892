"""Every file location in one place.

Where the files go (the XDG base directory convention on Linux; the platform's own folders
elsewhere, through appdirs):

- the history and your own routines: the data directory (``~/.local/share/stretchdesk``);
- the settings: the config directory (``~/.config/stretchdesk``);
- the crash log, what the reminders last did and the window's size and place: the state
  directory (``~/.local/state/stretchdesk``);
- the locks of running sessions and the single-instance socket: the runtime directory
  (``$XDG_RUNTIME_DIR/stretchdesk``; without one, the state directory).

``--data-dir DIR`` or ``STRETCHDESK_DATA_DIR`` puts all of it in DIR (portable use, tests).
A settings file or crash log left in the data directory by an earlier version is moved to
its new place once (``settle``). Assets are found next to the package (installed wheel or
bundled app) or in the source checkout. No Qt.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import appdirs

from stretchdesk.atomic import replacing
from stretchdesk.i18n import _

APP_NAME = "stretchdesk"
APP_ID = "io.github.stretchdesk.StretchDesk"
ENV_DATA_DIR = "STRETCHDESK_DATA_DIR"


def _xdg(variable: str, fallback: str) -> Path:
    """An XDG base directory: the variable if it holds an absolute path, else the default."""
    value = Path(os.environ.get(variable, ""))
    return value if value.is_absolute() else Path.home() / fallback


def xdg_config_home() -> Path:
    """``$XDG_CONFIG_HOME`` (``~/.config``): where the autostart folder is."""
    return _xdg("XDG_CONFIG_HOME", ".config")


def default_data_dir() -> Path:
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    return Path(appdirs.user_config_dir(APP_NAME, appauthor=False))


def default_state_dir() -> Path:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_STATE_HOME", ".local/state") / APP_NAME
    return default_data_dir()


def content_cache() -> Path:
    """The install's content as parsed at the last start, read instead of its files while
    they are unchanged (services/content_cache.py): nothing of the person's, so one for
    every data folder, in ``$XDG_CACHE_HOME`` (``~/.cache``)."""
    if sys.platform.startswith("linux"):
        folder = _xdg("XDG_CACHE_HOME", ".cache") / APP_NAME
    else:
        folder = Path(appdirs.user_cache_dir(APP_NAME, appauthor=False))
    return folder / "content.json"


def runtime_dir() -> Path:
    """``$XDG_RUNTIME_DIR/stretchdesk``; without a runtime directory (a shell with no login
    session, another system), the state directory."""
    value = Path(os.environ.get("XDG_RUNTIME_DIR", ""))
    if value.is_absolute() and value.is_dir():
        return value / APP_NAME
    return default_state_dir()


@dataclass(frozen=True)
class DataPaths:
    """The files the app writes. With only ``root`` given, all of them are under it."""

    root: Path
    config: Path | None = None
    state: Path | None = None
    runtime: Path | None = None

    @property
    def one_folder(self) -> bool:
        return self.config is None

    @property
    def history(self) -> Path:
        return self.root / "history.sqlite"

    @property
    def routines(self) -> Path:
        return self.root / "routines"

    @property
    def settings(self) -> Path:
        return (self.config or self.root) / "settings.toml"

    @property
    def crash_log(self) -> Path:
        return (self.state or self.root) / "crash.log"

    @property
    def reminders(self) -> Path:
        """What the reminders last did (shown, asked again later), across restarts."""
        return (self.state or self.root) / "reminders.json"

    @property
    def flags(self) -> Path:
        """The one-time flags (the safety screen read, offers made), across restarts."""
        return (self.state or self.root) / "state.json"

    @property
    def window(self) -> Path:
        """The window's size, place and maximised state, across restarts."""
        return (self.state or self.root) / "window.geometry"

    @property
    def locks(self) -> Path:
        return self.runtime / "locks" if self.runtime is not None else self.root / "locks"


def default_paths() -> DataPaths:
    return DataPaths(
        default_data_dir(),
        config=default_config_dir(),
        state=default_state_dir(),
        runtime=runtime_dir(),
    )


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def resolve_paths(override: str | os.PathLike[str] | None = None) -> DataPaths:
    """The usual places, or everything in one folder when one is given (unless it is the
    usual data directory itself: then the usual places, so two ways of naming it agree)."""
    root = resolve_data_dir(override)
    usual = default_paths()
    if _same(root, usual.root):
        return usual
    return DataPaths(root)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def settle(data: DataPaths) -> DataPaths:
    """Move a settings file and a crash log left in the data directory by an earlier
    version to where they now belong, once and atomically; nothing is asked. If a file
    cannot be moved it stays, and is used, where it is."""
    if data.one_folder:
        return data
    old_settings = data.root / "settings.toml"
    if old_settings.is_file() and not _move_once(old_settings, data.settings):
        data = replace(data, config=data.root)
    old_log = data.root / "crash.log"
    if old_log.is_file() and not _move_once(old_log, data.crash_log):
        data = replace(data, state=data.root)
    return data


def _move_once(old: Path, new: Path) -> bool:
    """Move ``old`` to ``new`` unless ``new`` exists (then ``old`` stays as it is, for the
    person to find). Never leaves half a file at ``new``. False if it could not be done."""
    if new.exists():
        return True
    try:
        new.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            os.link(old, new)  # atomic, and never over a file that appeared meanwhile
        except OSError:  # another file system, or no hard links there
            _copy_then_rename(old, new)
        old.unlink()
    except OSError:
        return new.exists()
    return True


def _copy_then_rename(old: Path, new: Path) -> None:
    with replacing(new, prefix=".moving-") as temporary:
        with temporary.open("wb") as out, old.open("rb") as source:
            shutil.copyfileobj(source, out)
        shutil.copymode(old, temporary)


def describe(data: DataPaths) -> str:
    """Where the files are, in a few lines for --help (the home folder shown as ~)."""
    home = str(Path.home())

    def short(path: Path) -> str:
        text = str(path)
        return "~" + text[len(home) :] if home and text.startswith(home + os.sep) else text

    if data.one_folder:
        return "  " + _("all files: {folder}").format(folder=short(data.root))
    return "\n".join(
        (
            "  " + _("history and your routines: {folder}").format(folder=short(data.root)),
            "  " + _("settings: {folder}").format(folder=short(data.settings.parent)),
            "  " + _("crash log: {folder}").format(folder=short(data.crash_log.parent)),
        )
    )


# For the manual page: what goes where, the variable that moves it, and its usual value.
LOCATIONS = (
    ("the history (history.sqlite) and your routines (routines/)", "XDG_DATA_HOME",
     "~/.local/share"),
    ("the settings (settings.toml)", "XDG_CONFIG_HOME", "~/.config"),
    ("the crash log (crash.log)", "XDG_STATE_HOME", "~/.local/state"),
    ("the locks of running sessions and the single-instance socket", "XDG_RUNTIME_DIR",
     "/run/user/UID"),
    ("the built-in content as last read (content.json), to start sooner", "XDG_CACHE_HOME",
     "~/.cache"),
)  # fmt: skip


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


def content_folders() -> tuple[Path, ...]:
    """The folders whose ``translations/`` hold the built-in content's sentences."""
    return (exercises_dir(), builtin_routines_dir(), content_file().parent)


def content_file() -> Path:
    """The safety and advice texts; sources.toml lies beside it."""
    return assets_dir() / "content" / "safety.toml"


def exercises_dir() -> Path:
    return assets_dir() / "exercises"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"
