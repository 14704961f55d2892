"""Every word a Qt widget shows goes through the catalogue: no plain string literal or
f-string reaches a text setter (setText, setToolTip, ...), a widget's constructor
(QLabel("..."), QPushButton("...")), an item or action added with its text, a standard
dialog's title and text, or this project's own label() and button() helpers, unless it is
wrapped in _(), ngettext() or pgettext(). Found by walking the syntax of stretchdesk/ui/ and
app.py: a sentence left in English in German, Spanish or French fails here, not on a
person's screen."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import stretchdesk

PACKAGE = Path(stretchdesk.__file__).resolve().parent
SOURCES = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]

TRANSLATED = {"_", "ngettext", "pgettext", "npgettext"}

# method name: the positions of its arguments that are shown as text
SETTERS: dict[str, tuple[int, ...]] = dict.fromkeys(
    (
        "setText",
        "setPlaceholderText",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setWindowTitle",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setOkButtonText",
        "setCancelButtonText",
        "setNameFilter",
        "showMessage",
        "setFormat",
        "announce",
        "addRow",
    ),
    (0,),
) | {
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "insertItem": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "addButton": (0,),
    "addSection": (0,),
    "setButtonText": (1,),
    "setHeaderLabels": (0,),
    "addItems": (0,),
}
# an item, action or menu added with its text first, or after an icon
ADDERS = {"addItem", "addAction", "addMenu"}
# QMessageBox.warning(parent, title, text), QInputDialog.getText(parent, title, label), ...
DIALOGS: dict[str, tuple[int, ...]] = {
    "warning": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getInt": (1, 2),
    "getItem": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getExistingDirectory": (1,),
}
DIALOG_OWNERS = {"QMessageBox", "QInputDialog", "QFileDialog"}
# a widget made with its text
CONSTRUCTORS: dict[str, tuple[int, ...]] = {
    "QLabel": (0,),
    "QPushButton": (0,),
    "QToolButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QCommandLinkButton": (0, 1),
    "QMenu": (0,),
    "QAction": (0,),
    "QMessageBox": (2, 3),
    "Button": (0,),
    # this project's helpers (stretchdesk/ui/kit/widgets.py): label(text, role), button(text,
    # accessible name, description, kind)
    "label": (0,),
    "button": (0, 1, 2),  # (also found as helpers below; listed for a module on its own)
}
KEYWORDS = {"text", "title", "toolTip", "placeholderText", "windowTitle", "caption", "filter"}

# Literals allowed for a time while their file is being put right: (file, the literal's
# words). Remove an entry when its file is fixed; the test says which.
KNOWN: set[tuple[str, str]] = set()


NOT_WORDS = re.compile(r"<[^>]*>|&[a-z]+;|\bstretchdesk\b")  # markup, the app's name


@dataclass(frozen=True)
class Untranslated:
    path: Path
    line: int
    words: str  # the literal's first part with a letter in it
    call: str

    def __str__(self) -> str:
        return f"{self.path.name}:{self.line}: {self.words!r} in {self.call}"


@dataclass
class Helpers:
    """Functions whose parameters are shown as text (found, not listed): a call's argument
    at one of these positions, or given by one of these names, is checked as well."""

    positions: dict[str, set[int]]
    names: dict[str, set[str]]

    def shown(self, call: ast.Call) -> list[ast.expr]:
        name = _name(call.func)
        if name not in self.positions:
            return []
        args = [a for i, a in enumerate(call.args) if i in self.positions[name]]
        return args + [k.value for k in call.keywords if k.arg in self.names[name]]


def _words(node: ast.expr, constants: dict[str, str]) -> Iterator[str]:
    """The literal text in an expression shown as it is: a string (or a module's constant
    holding one), an f-string's fixed parts, either side of a concatenation or ``or``,
    either branch of ``a if c else b``, the string ``format`` is called on and its
    arguments, what ``join`` joins. A call of _() and the like is translated; any other
    call or name is not a literal."""
    if isinstance(node, ast.Call) and _name(node.func) in TRANSLATED:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Name) and node.id in constants:
        yield constants[node.id]
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _words(part, constants)
    elif isinstance(node, ast.FormattedValue):
        yield from _words(node.value, constants)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        yield from _words(node.left, constants)
        yield from _words(node.right, constants)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _words(value, constants)
    elif isinstance(node, ast.IfExp):
        yield from _words(node.body, constants)
        yield from _words(node.orelse, constants)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _words(element, constants)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    ):
        yield from _words(node.func.value, constants)
        for value in [*node.args, *(k.value for k in node.keywords)]:
            yield from _words(value, constants)  # _("{x}").format(x="words"), ", ".join([...])


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_icon(node: ast.expr) -> bool:
    return "icon" in ast.unparse(node).lower()


def _shown(call: ast.Call, helpers: Helpers) -> list[ast.expr]:
    """The arguments of ``call`` that a widget shows as text."""
    name = _name(call.func)
    args = call.args
    positions: tuple[int, ...] = ()
    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
    if isinstance(owner, ast.Name) and owner.id in DIALOG_OWNERS and name in DIALOGS:
        positions = DIALOGS[name]
    elif isinstance(call.func, ast.Attribute) and name == "drawText":
        positions = tuple(range(len(args)))  # a point or rectangle (and flags), the text
    elif isinstance(call.func, ast.Attribute) and name in SETTERS:
        positions = SETTERS[name]
    elif isinstance(call.func, ast.Attribute) and name in ADDERS and args:
        positions = (1,) if _is_icon(args[0]) else (0,)
    elif isinstance(call.func, ast.Name) and name in CONSTRUCTORS:
        positions = CONSTRUCTORS[name]
        if name in ("QAction", "QMenu") and args and _is_icon(args[0]):
            positions = (1,)
    else:
        return helpers.shown(call)
    shown = [args[i] for i in positions if i < len(args)]
    return shown + [k.value for k in call.keywords if k.arg in KEYWORDS]


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _constants(tree: ast.Module) -> dict[str, str]:
    """A module's names given a plain string (not marked with N_())."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    found[target.id] = node.value.value
    return found


def find_helpers(trees: list[ast.Module]) -> Helpers:
    """Every function (or method) that passes one of its parameters, unchanged, to where
    text is shown, including through another such function."""
    helpers = Helpers({}, {})
    functions = [
        node
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    grown = True
    while grown:
        grown = False
        for function in functions:
            params = [a.arg for a in function.args.posonlyargs + function.args.args]
            method = bool(params) and params[0] in ("self", "cls")
            keyword_only = [a.arg for a in function.args.kwonlyargs]
            passed = {
                shown.id
                for node in ast.walk(function)
                if isinstance(node, ast.Call)
                for shown in _shown(node, helpers)
                if isinstance(shown, ast.Name)
            }
            positions = {i - method for i, p in enumerate(params) if p in passed and i >= method}
            names = {p for p in params + keyword_only if p in passed}
            before = helpers.names.get(function.name, set())
            if names - before:
                helpers.positions.setdefault(function.name, set()).update(positions)
                helpers.names.setdefault(function.name, set()).update(names)
                grown = True
    return helpers


def untranslated(path: Path, helpers: Helpers | None = None) -> list[Untranslated]:
    tree = _parse(path)
    constants = _constants(tree)
    helpers = helpers or find_helpers([tree])
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for argument in _shown(node, helpers):
            for words in _words(argument, constants):
                if any(c.isalpha() for c in NOT_WORDS.sub("", words)):
                    call = ast.unparse(node)
                    found.append(Untranslated(path, node.lineno, words, call[:100]))
                    break
    return found


def test_the_walk_finds_each_kind_of_untranslated_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "\n".join(
            [
                'self.result.setText(problem or "Saved.")',
                'self.weeks.setSuffix(" weeks")',
                'note.setText(f"from {day} {month}" if plan else "")',
                'QLabel("Hello")',
                'QPushButton(f"Go {n}")',
                'combo.addItem("Light", "light")',
                'menu.addAction(icon, "Open")',
                'QMessageBox.warning(self, "Careful", text)',
                'label("Plain words", "heading")',
                'box.setToolTip("{n} left".format(n=n))',
                # translated, or no words: nothing to find
                'self.result.setText(problem or _("Saved."))',
                'combo.addItem(_("Light"), "light")',
                'label(f"{length} · {summary}", "subheading")',
                'QLabel(ngettext("{n} day", "{n} days", n).format(n=n))',
                'self.note.setText("")',
                "self.title.setText(routine.title)",
                'button(_("Start"), _("Start"), _("Start the routine"), "primary")',
                'box.setText("<p>" + _("Careful") + "</p>")',
                'self.setWindowTitle("stretchdesk")',
                # a module's plain constant, and a function that shows its parameter
                'TITLE = "Welcome"',
                "heading.setText(TITLE)",
                "def _spin(limits, *, suffix, name): spin.setSuffix(suffix)",
                "def show(self, text): self.note.setText(text)",
                '_spin((1, 2), suffix=" weeks", name=_("Weeks"))',
                'self.show("Saved.")',
                'self.show(_("Saved."))',
                'painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No ratings")',
                'QLabel(_("Last: {before}").format(before="not rated"))',
                'QLabel(_("Last: {before}").format(before=_("not rated")))',
                'dialog(self, _("Export"), f"{SESSIONS};;{_(STEPS)}")',
                'SESSIONS = "Sessions (*.csv)"',
                'QFileDialog.getSaveFileName(self, _("Export"), "", f"{SESSIONS};;{_(STEPS)}")',
                'QFileDialog.getSaveFileName(self, _("Export"), "", ";;".join([_(S), SESSIONS]))',
            ]
        ),
        encoding="utf-8",
    )
    found = [(f.line, f.words) for f in untranslated(sample)]
    assert found == [
        (1, "Saved."),
        (2, " weeks"),
        (3, "from "),
        (4, "Hello"),
        (5, "Go "),
        (6, "Light"),
        (7, "Open"),
        (8, "Careful"),
        (9, "Plain words"),
        (10, "{n} left"),
        (21, "Welcome"),
        (24, " weeks"),
        (25, "Saved."),
        (27, "No ratings"),
        (28, "not rated"),
        (32, "Sessions (*.csv)"),
        (33, "Sessions (*.csv)"),
    ]


def test_no_untranslated_text_reaches_a_widget() -> None:
    helpers = find_helpers([_parse(path) for path in SOURCES])
    found = [f for path in SOURCES for f in untranslated(path, helpers)]
    left = [f for f in found if (f.path.name, f.words) not in KNOWN]
    assert left == [], "wrap these in _():\n" + "\n".join(map(str, left))
    still_known = {(f.path.name, f.words) for f in found}
    fixed = KNOWN - still_known
    assert not fixed, f"translated now, so remove from KNOWN: {sorted(fixed)}"
