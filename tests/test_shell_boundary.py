"""The main window is reached only through the shell: no module outside ui/shell/ imports
ui/shell/main_window.py (not even for typing; the ones that put the real window together
may), and screens are found by their typed names (``Screen.HISTORY``), never by a string
that a typo would turn into a quiet miss."""

from __future__ import annotations

import ast
from pathlib import Path

import stretchdesk
from stretchdesk.ui.shell.main_window import MainWindow
from stretchdesk.ui.shell.screen_names import Screen
from stretchdesk.ui.shell.screens import Lazy

PACKAGE = Path(stretchdesk.__file__).parent
SHELL = PACKAGE / "ui" / "shell"
BUILDS_THE_WINDOW = {"app.py", "cli/selftest.py"}  # where the real window is put together
# hands each setting to the window's parts by hand, the whole window in its hands
WHOLE_WINDOW: set[str] = set()  # modules still given the whole window: none
MAIN_WINDOW = "stretchdesk.ui.shell.main_window"
NAMES = {screen.value for screen in Screen}
HOLDERS = {"built_screens", "screens"}  # what holds the built screens by name
LOOK_UPS = {"get", "if_built", "nav_to", "show_screen"}


def _sources() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def imports_main_window(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(alias.name == MAIN_WINDOW for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.module:
            named = {f"{node.module}.{alias.name}" for alias in node.names}
            if node.module == MAIN_WINDOW or MAIN_WINDOW in named:
                return True
    return False


def _holder(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr in HOLDERS) or (
        isinstance(node, ast.Name) and node.id in HOLDERS
    )


def _screen_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in NAMES


def _holds_screens(node: ast.AST) -> bool:
    return any(isinstance(n, ast.expr) and _holder(n) for n in ast.walk(node))


def _over_names(loop: ast.comprehension) -> bool:
    """``for n in ("start", "history")``"""
    listed = loop.iter
    return isinstance(listed, ast.Tuple | ast.List | ast.Set) and any(
        _screen_string(element) for element in listed.elts
    )


def string_look_ups(tree: ast.Module) -> list[int]:
    """The lines where a screen is looked up by a string: ``"start" in window.built_screens``,
    ``screens.get("start")``, ``window.nav_to("history")``, ``getattr(window, "start")``,
    ``[screens.get(n) for n in ("start", "history")]``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp):
            if _holds_screens(node.elt) and any(_over_names(loop) for loop in node.generators):
                lines.append(node.lineno)
        elif isinstance(node, ast.Compare) and _screen_string(node.left):
            if any(_holder(other) for other in node.comparators):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and any(_screen_string(a) for a in node.args):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in LOOK_UPS:
                if func.attr not in ("get", "if_built") or _holder(func.value):
                    lines.append(node.lineno)
            elif isinstance(func, ast.Name) and func.id == "getattr":
                lines.append(node.lineno)
    return lines


def test_no_module_outside_the_shell_imports_the_main_window() -> None:
    offenders = [
        name
        for name, tree in _sources()
        if not name.startswith("ui/shell/")
        and name not in BUILDS_THE_WINDOW | WHOLE_WINDOW
        and imports_main_window(tree)
    ]
    assert not offenders, f"use the Shell protocol (ui/shell/shell.py): {offenders}"


def test_screens_are_looked_up_by_typed_name() -> None:
    offenders = [
        f"{name}:{line}"
        for name, tree in _sources()
        if name not in WHOLE_WINDOW
        for line in string_look_ups(tree)
    ]
    assert not offenders, f"use Screen.<NAME> (ui/shell/screen_names.py): {offenders}"


def test_the_checks_see_what_they_look_for() -> None:
    caught = [
        "from stretchdesk.ui.shell.main_window import MainWindow",
        "from stretchdesk.ui.shell import main_window",
        "import stretchdesk.ui.shell.main_window",
    ]
    assert all(imports_main_window(ast.parse(source)) for source in caught)
    assert not imports_main_window(ast.parse("from stretchdesk.ui.shell.shell import Shell"))
    strings = (
        'if "settings" in window.built_screens: pass',
        'if "start" not in self.window.screens: pass',
        'x = window.built_screens.get("health")',
        'x = shell.screens.if_built("builder")',
        'window.nav_to("history")',
        'shell.show_screen("recovery")',
        'x = getattr(window, "start")',
        'x = [window.built_screens.get(n) for n in ("start", "about")]',
    )
    for source in strings:
        assert string_look_ups(ast.parse(source)) == [1], source
    typed = (
        "if Screen.SETTINGS in window.screens: pass",
        "x = shell.screens.if_built(Screen.HEALTH)",
        'x = options.get("start")',  # not the screens
        'x = "start" in words',
    )
    for source in typed:
        assert string_look_ups(ast.parse(source)) == [], source


def test_every_screen_name_is_a_screen_of_the_window() -> None:
    """Each name is the main window's attribute that builds that screen, and each such
    attribute has a name."""
    lazy = {key for key, value in vars(MainWindow).items() if isinstance(value, Lazy)}
    assert lazy == NAMES
