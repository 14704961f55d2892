"""A row of small controls that goes on to a second line when the width runs out (the
week's days at a large text size), instead of making the screen scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        widths = [item.sizeHint().width() for item in self._items]
        width = sum(widths) + self._gap * max(0, len(widths) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


class FittingForm(QFormLayout):
    """A form with its labels beside the fields when the width allows, and above them when
    it does not (a narrow window or a large text size): never wider than its window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def _widths(self) -> tuple[int, int]:
        labels, fields = 0, 0
        for row in range(self.rowCount()):
            for role, widest in (
                (QFormLayout.ItemRole.LabelRole, "labels"),
                (QFormLayout.ItemRole.FieldRole, "fields"),
                (QFormLayout.ItemRole.SpanningRole, "fields"),
            ):
                item = self.itemAt(row, role)
                if item is None or item.isEmpty():
                    continue
                width = item.minimumSize().width()
                if widest == "labels":
                    labels = max(labels, item.sizeHint().width())
                else:
                    fields = max(fields, width)
        return labels, fields

    def minimumSize(self) -> QSize:
        size = super().minimumSize()
        labels, fields = self._widths()
        margins = self.contentsMargins()
        narrow = max(labels, fields) + margins.left() + margins.right()
        return QSize(min(size.width(), narrow), size.height())

    def setGeometry(self, rect: QRect) -> None:
        labels, fields = self._widths()
        margins = self.contentsMargins()
        side = labels + self.horizontalSpacing() + fields + margins.left() + margins.right()
        wanted = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if rect.width() < side
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        if self.rowWrapPolicy() != wanted:
            self.setRowWrapPolicy(wanted)
        super().setGeometry(rect)
