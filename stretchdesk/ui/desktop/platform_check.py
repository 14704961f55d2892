"""Making the QApplication, and one clear line instead of Qt's abort when the window system
cannot be reached.

When Qt cannot load its platform plugin (on a bare Linux desktop, the X11 plugin needs
system libraries such as libxcb-cursor0) or cannot reach the display, it prints a few
generic lines and aborts. While the application is made, Qt's messages come here: the
plugin loader is asked to say which library it could not open, and a fatal message
becomes one line that names the missing package (Debian and Ubuntu names) or the display,
then the process exits with status 1. Afterwards Qt's messages go where they went before.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

from PySide6.QtCore import QLoggingCategory, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from stretchdesk.i18n import _

EXIT_PROBLEMS = 1
_MISSING = re.compile(r"(lib[\w.+-]+\.so(?:\.[\d.]+)?): cannot open shared object file")
_NO_DISPLAY = re.compile(r"could not connect to display\s*(\S*)")
_LOADER_RULES = "qt.core.plugin.loader.debug=true"
# sonames whose Debian package does not follow the usual lib<name><version> rule
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def debian_package(soname: str) -> str:
    """The Debian and Ubuntu package that usually holds ``soname``:
    libxkbcommon-x11.so.0 -> libxkbcommon-x11-0, libEGL.so.1 -> libegl1."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    name = name.lower()
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def explain(messages: list[str]) -> str:
    """One line from what Qt said before it gave up."""
    said = "\n".join(messages)
    display = _NO_DISPLAY.search(said)
    if display:
        where = display.group(1) or os.environ.get("DISPLAY", "")
        return _(
            "there is no display to open the window on (DISPLAY={display} cannot be reached); "
            "start stretchdesk from your desktop session"
        ).format(display=where or _("not set"))
    missing = _MISSING.search(said)
    if missing and missing.group(1).startswith("libQt"):
        return _(
            "Qt's own library {library} is missing: the installation is incomplete; "
            "install stretchdesk again (pip install --force-reinstall stretchdesk)"
        ).format(library=missing.group(1))
    if missing:
        soname = missing.group(1)
        package = debian_package(soname)
        return _(
            "Qt's window support needs the system library {library}, which is not installed "
            "(on Debian and Ubuntu: sudo apt install {package})"
        ).format(library=soname, package=package)
    if "xcb-cursor0" in said:
        return _(
            "Qt's window support needs the system library {library}, which is not installed "
            "(on Debian and Ubuntu: sudo apt install {package})"
        ).format(library="libxcb-cursor.so.0", package="libxcb-cursor0")
    plugin = re.search(r'platform plugin "([^"]+)"', said)
    requested = os.environ.get("QT_QPA_PLATFORM", "")
    name = plugin.group(1) if plugin else requested
    available = re.search(r"Available platform plugins are: ([^.\n]+)", said)
    if available and name and name not in available.group(1).replace(" ", "").split(","):
        return _("Qt has no window system called {name} (QT_QPA_PLATFORM); it has {known}").format(
            name=repr(name), known=available.group(1).strip()
        )
    last = messages[-1].strip().splitlines()[0] if messages and messages[-1].strip() else ""
    return _("Qt could not open a window (platform {name}: {reason})").format(
        name=name or _("unknown"), reason=last or _("no reason given")
    )


def make_application(
    argv: list[str], exit_with: Callable[[int], object] = os._exit
) -> QApplication:
    """The QApplication, or one line on stderr and exit status 1 if Qt cannot start it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    heard: list[str] = []
    warnings: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        heard.append(message)
        if kind == QtMsgType.QtFatalMsg:
            said = _("stretchdesk cannot start: {problem}").format(problem=explain(heard))
            print(said, file=sys.stderr, flush=True)
            exit_with(EXIT_PROBLEMS)  # before Qt aborts
        elif kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            warnings.append(message)

    QLoggingCategory.setFilterRules(_LOADER_RULES)
    previous = qInstallMessageHandler(handler)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
        QLoggingCategory.setFilterRules("")
    for warning in warnings:  # it started after all: say what Qt said, as it would have
        print(warning, file=sys.stderr)
    return app
