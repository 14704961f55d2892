"""One copy of each cross-cutting helper, read from the source (AST) of stretchdesk/:

- a file is replaced whole only by stretchdesk/atomic.py (no other function makes a
  temporary file and renames it over another with ``os.replace`` or ``Path.replace``);
- a TOML string is escaped only by stretchdesk/tomlwrite.py;
- the print dialog is opened only in ui/printing/;
- "now" is read only by the clock (history/timefmt.py's ``utc_now``, the default of
  ``Services.wall``) and schedule/zone.py; everything else is handed the time.

The modules that do not yet keep the last two rules are listed below; the list may only
shrink.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import stretchdesk

PACKAGE = Path(stretchdesk.__file__).parent
ATOMIC = {"atomic.py"}
TOML_WRITER = {"tomlwrite.py"}
PRINTING = "ui/printing/"
CLOCK = {"history/timefmt.py", "schedule/zone.py"}
# the functions still reading the computer's clock themselves (at most this many calls
# each, wherever they live), to come down to none
CLOCK_READERS_LEFT: dict[str, int] = {}
# still opening the print dialog themselves, to print through ui/printing/print_dialog.py
PRINT_DIALOGS_LEFT: set[str] = set()

TEMP_MAKERS = {"mkstemp", "NamedTemporaryFile", "mktemp"}
NOW_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
}


def _sources() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _called(call: ast.Call) -> tuple[str, str]:
    """(object, attribute) of ``obj.attr(...)``, ("", name) of ``name(...)``."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value
        name = (
            owner.id
            if isinstance(owner, ast.Name)
            else owner.attr
            if isinstance(owner, ast.Attribute)
            else ""
        )
        return name, func.attr
    if isinstance(func, ast.Name):
        return "", func.id
    return "", ""


def _calls(node: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Call)]


def atomic_writes(tree: ast.Module) -> list[str]:
    """Functions that make a temporary file and replace another file with it."""
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        calls = _calls(func)
        makes_temp = any(_called(c)[1] in TEMP_MAKERS for c in calls)
        replaces = any(
            _called(c) == ("os", "replace")
            or (_called(c)[1] == "replace" and len(c.args) == 1 and not c.keywords)
            for c in calls
        )
        if makes_temp and replaces:
            found.append(func.name)
    return found


def toml_escapes(tree: ast.Module) -> list[int]:
    """Lines that escape a double quote with a backslash: a string writer of their own."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value == '\\"'
    ]


def print_dialogs(tree: ast.Module) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Name) and node.id == "QPrintDialog")
        or (isinstance(node, ast.alias) and node.name == "QPrintDialog")
    ]


def clock_reads(tree: ast.Module) -> Counter[str]:
    """The calls that read the clock, by the function they are in (``Class.method``)."""
    reads: Counter[str] = Counter()

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{where}.{child.name}" if where else child.name)
                continue
            if isinstance(child, ast.Call) and _called(child) in NOW_CALLS:
                reads[where or "<module>"] += 1
            visit(child, where)

    visit(tree, "")
    return reads


def _allowed_as(function: str) -> str | None:
    """The entry of CLOCK_READERS_LEFT that ``function`` (``Class.method``) is."""
    return next(
        (name for name in CLOCK_READERS_LEFT if function == name or function.endswith(f".{name}")),
        None,
    )


def test_a_file_is_replaced_whole_in_one_place() -> None:
    offenders = {
        name: funcs
        for name, tree in _sources().items()
        if name not in ATOMIC and (funcs := atomic_writes(tree))
    }
    assert not offenders, "write through stretchdesk/atomic.py instead"


def test_toml_strings_are_written_in_one_place() -> None:
    offenders = {
        name: lines
        for name, tree in _sources().items()
        if name not in TOML_WRITER and (lines := toml_escapes(tree))
    }
    assert not offenders, "write TOML through stretchdesk/tomlwrite.py instead"


def test_the_print_dialog_opens_in_one_place() -> None:
    offenders = {
        name: lines
        for name, tree in _sources().items()
        if not name.startswith(PRINTING) and (lines := print_dialogs(tree))
    }
    assert set(offenders) <= PRINT_DIALOGS_LEFT, "print through ui/printing/print_dialog.py"


def test_only_the_clock_reads_the_time() -> None:
    reads: Counter[str] = Counter()
    for name, tree in _sources().items():
        if name not in CLOCK:
            for function, count in clock_reads(tree).items():
                reads[_allowed_as(function) or f"{name}: {function}"] += count
    assert reads <= Counter(CLOCK_READERS_LEFT), (
        "take the time from Services.wall (or history.timefmt.utc_now) and the zone from "
        "schedule.zone.local_zone"
    )


@pytest.mark.parametrize(
    ("check", "source"),
    [
        (
            atomic_writes,
            "def save(target, data):\n"
            "    fd, temp = tempfile.mkstemp(dir=target.parent)\n"
            "    Path(temp).write_bytes(data)\n"
            "    Path(temp).replace(target)\n",
        ),
        (atomic_writes, "def save(t):\n    h, n = mkstemp()\n    os.replace(n, t)\n"),
        (toml_escapes, "def quoted(v):\n    return '\"' + v.replace('\"', '\\\\\"') + '\"'\n"),
        (print_dialogs, "from PySide6.QtPrintSupport import QPrintDialog\n"),
        (clock_reads, "today = datetime.now(zone).date()\n"),
        (clock_reads, "today = date.today()\n"),
    ],
)
def test_each_check_sees_a_second_copy(check: object, source: str) -> None:
    assert callable(check)
    assert check(ast.parse(source))


def test_the_checks_leave_alone_what_is_not_a_copy() -> None:
    plain = ast.parse(
        "def f(path, text):\n"
        "    name = text.replace('-', ' ')\n"
        "    path.rename(path.with_suffix('.old'))\n"
        "    return moment.astimezone(zone)\n"
    )
    assert not atomic_writes(plain)
    assert not toml_escapes(plain)
    assert not clock_reads(plain)
