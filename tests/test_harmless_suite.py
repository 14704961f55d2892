"""The test suite cannot harm the machine it runs on, read from the tests' source (AST):

- a test that runs ``make`` never makes the checkout's virtual environment (which installs
  from the network): it names its own ``VENV=`` or runs a target that needs none;
- a test that changes the machine as root (installs with apt, mounts a real small disk)
  carries ``needs_root``, so it runs only in CI or where asked (tests/root.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
NO_VENV_TARGETS = {"install-desktop-files"}
AS_ROOT = {"small_disk", "_apt"}  # tests/hostile/disk.py, tests/packaging/test_deb.py


def _trees() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(TESTS)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(TESTS.rglob("*.py"))
    }


def _strings(node: ast.AST) -> list[str]:
    """The string constants of a list or tuple literal, f-strings as their fixed start."""
    found = []
    for item in getattr(node, "elts", []):
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            found.append(item.value)
        elif isinstance(item, ast.JoinedStr) and item.values:
            first = item.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append(first.value)
    return found


def make_runs_that_may_make_the_venv(tree: ast.Module) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.List | ast.Tuple):
            continue
        first = node.elts[0] if node.elts else None
        if not (isinstance(first, ast.Constant) and first.value == "make"):
            continue
        words = _strings(node)
        names_venv = any(word.startswith("VENV=") for word in words)
        if not names_venv and not NO_VENV_TARGETS & set(words):
            lines.append(node.lineno)
    return lines


def _calls(func: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(func):
        if isinstance(node, ast.Call):
            called = node.func
            if isinstance(called, ast.Name):
                names.add(called.id)
            elif isinstance(called, ast.Attribute):
                names.add(called.attr)
    return names


def _marked_needs_root(func: ast.FunctionDef) -> bool:
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr == "needs_root":
            return True
    return False


def root_tests_without_the_mark(tree: ast.Module) -> list[str]:
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test_")
        and _calls(node) & AS_ROOT
        and not _marked_needs_root(node)
    ]


def test_no_test_makes_the_checkouts_virtual_environment() -> None:
    offenders = {
        name: lines
        for name, tree in _trees().items()
        if (lines := make_runs_that_may_make_the_venv(tree))
    }
    assert not offenders, "give make VENV=<a temporary folder>, or run a target that needs none"


def test_every_test_that_acts_as_root_says_so() -> None:
    offenders = {
        name: tests
        for name, tree in _trees().items()
        if (tests := root_tests_without_the_mark(tree))
    }
    assert not offenders, "mark it @pytest.mark.needs_root(what it does as root)"


def test_the_checks_see_what_they_look_for() -> None:
    bad = ast.parse(
        "def test_x(tmp_path):\n"
        "    subprocess.run(['make', '-s', 'install-desktop', f'DESKTOP_HOME={tmp_path}'])\n"
        "    with small_disk(tmp_path) as disk:\n"
        "        pass\n"
    )
    assert make_runs_that_may_make_the_venv(bad) == [2]
    assert root_tests_without_the_mark(bad) == ["test_x"]
    good = ast.parse(
        "@pytest.mark.needs_root('a tmpfs')\n"
        "def test_x(tmp_path, venv):\n"
        "    subprocess.run(['make', '-C', str(root), f'VENV={venv}', f'{venv}/bin/python'])\n"
        "    with small_disk(tmp_path) as disk:\n"
        "        pass\n"
    )
    assert make_runs_that_may_make_the_venv(good) == []
    assert root_tests_without_the_mark(good) == []
