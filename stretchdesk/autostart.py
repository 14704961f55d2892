"""Starting in the background at login: the XDG autostart entry. No Qt.

The setting writes ``$XDG_CONFIG_HOME/autostart/<app id>.desktop`` (the freedesktop
Desktop Application Autostart Specification), which starts ``stretchdesk --background``:
no window, the tray icon and the reminders only. Turning the setting off removes the file.
A file the person has edited or disabled (``Hidden=true``) is theirs: it is only replaced
or removed when the setting is changed, never on start-up.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stretchdesk import paths
from stretchdesk.atomic import atomic_text
from stretchdesk.i18n import _

if TYPE_CHECKING:
    from stretchdesk.settings import Preferences

BACKGROUND = "--background"


def autostart_file() -> Path:
    return paths.xdg_config_home() / "autostart" / f"{paths.APP_ID}.desktop"


def _quote(arg: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry Specification says."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def command(data: paths.DataPaths) -> list[str]:
    """How this installation is started again: the bundle's program, the ``stretchdesk``
    script on PATH, or this Python with ``-m stretchdesk``; with the data folder if one
    was chosen."""
    if getattr(sys, "frozen", False):
        program = [sys.executable]
    else:
        found = shutil.which(paths.APP_NAME)
        program = [found] if found else [sys.executable, "-m", "stretchdesk"]
    if data.one_folder:
        program += ["--data-dir", str(data.root)]
    return [*program, BACKGROUND]


def entry(exec_args: list[str]) -> str:
    # quoted per argument, then escaped as any string value is (a backslash doubled)
    exec_line = " ".join(_quote(arg).replace("%", "%%") for arg in exec_args)
    exec_line = exec_line.replace("\\", "\\\\")
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=stretchdesk reminders",
            "Comment=Reminders for your back exercises, from the tray",
            f"Exec={exec_line}",
            f"Icon={paths.APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def set_autostart(on: bool, data: paths.DataPaths, target: Path | None = None) -> None:
    """Write or remove the entry; raises OSError (with strerror) when it cannot."""
    target = target or autostart_file()
    if on:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_text(target) as out:
            out.write(entry(command(data)))
    else:
        target.unlink(missing_ok=True)


def follow_setting(old: bool, new: bool, data: paths.DataPaths) -> str | None:
    """The "start at login" setting changed from ``old`` to ``new``: write or remove the
    entry. A sentence if it could not be done."""
    if old == new:
        return None
    try:
        set_autostart(new, data)
    except OSError as exc:
        return _("Starting at login could not be set ({value}).").format(value=exc.strerror or exc)
    return None


def login_entry_follows(data: paths.DataPaths) -> Callable[[Preferences, Preferences], str | None]:
    """A follower of the settings that writes or removes the entry as the setting changes."""

    def follow(old: Preferences, new: Preferences) -> str | None:
        return follow_setting(old.start_at_login, new.start_at_login, data)

    return follow
