"""The modules loaded before the window is first painted are the ones listed here: what the
first screen (the routines) draws, the settings, the content and the history it reads. Sound
and voice, the reminders' clock, the tray, the media keys, the builder, the history's report
and its shared folder, PDF, voice commands and the command line's own commands load after
the first paint or when first used. A module that starts loading earlier fails this test;
load it later, or, if the first screen truly needs it, add it here (its cost shows in
``make bench``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# stretchdesk's own modules: the file beside this one
OWN = {
    line.strip()
    for line in (HERE / "first_paint_modules.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
QT = {"PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtNetwork", "PySide6.QtWidgets"}
# loaded by PySide6 itself, as in a bare PySide6 window
QT_OWN = ("PySide6.support", "shiboken6", "shibokensupport", "signature_bootstrap", "__feature__")
OTHERS = {"appdirs"}  # the data folders' places
# of the standard library, what only later parts need (the history's SQLite, its clock's
# zones and its statistics, the sockets of sound and voice)
LATER_STDLIB = {
    "wave",
    "subprocess",
    "concurrent",
    "asyncio",
    "email",
    "http",
    "xml",
    "ssl",
    "sqlite3",
    "zoneinfo",
    "statistics",
    "socket",
    "uuid",
}


def loaded_at_first_paint(tmp: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp)}
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", "modules"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])["modules"]
    return modules


def allowed(name: str) -> bool:
    top = name.split(".", maxsplit=1)[0]
    if top == "stretchdesk":
        return name in OWN
    if top == "PySide6":
        return name in QT or name.startswith(QT_OWN)
    if top in LATER_STDLIB:
        return False
    if top in sys.stdlib_module_names or top.startswith("_"):
        return True
    return top in OTHERS or name.startswith(QT_OWN) or top in ("bench", "tests")


def unexpected(modules: list[str]) -> list[str]:
    return [name for name in modules if not allowed(name)]


def test_only_what_the_first_screen_draws_loads_before_it_is_painted(tmp_path: Path) -> None:
    modules = loaded_at_first_paint(tmp_path)
    assert "stretchdesk.ui.routines.start_screen" in modules  # it did reach the first paint
    assert unexpected(modules) == []


def test_the_list_names_only_modules_that_exist() -> None:
    package = ROOT / "stretchdesk"
    for name in OWN:
        path = package.joinpath(*name.split(".")[1:])
        assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name


def test_a_module_of_the_session_or_sound_would_be_caught() -> None:
    names = [
        "stretchdesk.audio.output",
        "stretchdesk.ui.session.session_screen",
        "stretchdesk.history.store",
        "stretchdesk.session.engine",
        "wave",
        "sqlite3",
        "PIL",
    ]
    assert unexpected(names) == names
