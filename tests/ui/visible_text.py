"""Every piece of text a person can see or a screen reader can hear in a window: labels,
buttons, boxes, lists, tables' headers and cells, tooltips, placeholders, accessible names
and descriptions. For the tests that look for words not translated or cut."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# every screen a test can show, in the order a person meets them
SCREENS = (
    "start",
    "safety",
    "history",
    "settings",
    "about",
    "builder",
    "health",
    "pain_before",
    "recovery",
    "completion",
)
WRAPPED = re.compile(r"\[!!(?:(?!\[!!).)*?!!\]", re.DOTALL)  # an innermost wrapped part


def plain(text: str) -> str:
    """Rich text as a person reads it."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _model_texts(model: QAbstractItemModel | None, rows: int = 30) -> Iterator[str]:
    if model is None:
        return
    top = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(rows, model.rowCount(top))):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def texts_of(widget: QWidget) -> Iterator[str]:
    """What ``widget`` shows and says (not its children)."""
    if isinstance(widget, QLabel):
        yield plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget.model())
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for ``root`` and every child that would show with it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        for text in texts_of(widget):
            if text and text.strip():
                yield where, text


def unwrapped(text: str) -> str:
    """What is left of ``text`` once every pseudo-translated part is taken out (a wrapped
    sentence may hold another: the innermost go first)."""
    while True:
        shorter = WRAPPED.sub("", text)
        if shorter == text:
            return text
        text = shorter


def cut_texts(window: QWidget) -> list[str]:
    """The words on the shown screen that do not fit: a one-line label or a button narrower
    than its words, or a form wider than the window."""
    cut = []
    screen = getattr(window, "current", None) or window
    assert screen is not None
    for label in screen.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.width() + 1 < label.sizeHint().width():
            cut.append(label.text()[:60])
    for button in screen.findChildren(QAbstractButton):  # check boxes and buttons
        text = button.text().replace("&", "")
        if button.isVisible() and text:
            needed = button.fontMetrics().horizontalAdvance(text.split("\n")[0])
            if button.width() < needed:
                cut.append(text[:60])
    for area in screen.findChildren(QScrollArea):  # a form wider than the window
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            cut.append(f"scrolls sideways by {bar.maximum()} px")
    return cut
