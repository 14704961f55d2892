"""The builder's two lists: the exercise library (dragged from) and the routine's steps
(dragged within and dropped on). A drop never changes a list itself: it asks, by a signal,
and the builder redraws the list from the draft the editor kept (or refused to change)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from stretchdesk import paths
from stretchdesk.i18n import _
from stretchdesk.routine import Exercise

EXERCISE_MIME = "application/x-stretchdesk-exercise"  # an exercise id, from the library
STEP_MIME = "application/x-stretchdesk-step"  # a step's index, within the routine
ID_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = 72


def exercise_icon(exercise: Exercise) -> QIcon:
    """The exercise's last drawing (its held pose) as a small picture; none if it is gone."""
    folder = paths.assets_dir() / "illustrations" / exercise.illustration.folder
    try:
        frames = sorted(p for p in Path(folder).glob("*.png"))
    except OSError:
        frames = []
    if not frames:
        return QIcon()
    picture = QPixmap(str(frames[-1]))
    if picture.isNull():
        return QIcon()
    size = ICON_SIZE * 2
    return QIcon(
        picture.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


ROWS_SHOWN = 5  # a list is never shorter than this many rows: the screen scrolls instead


class _FiveRows(QListWidget):
    """A list that asks for room for ROWS_SHOWN rows (its tallest rows as laid out at its
    width, or two lines and an icon each while it is empty) and for a width that keeps a word
    on a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needed = 0

    def _rows_height(self) -> int:
        spacing = self.fontMetrics().lineSpacing()
        empty = max(self.iconSize().height() + 8, 2 * spacing + 8)
        heights = (self.visualItemRect(self.item(i)).height() for i in range(self.count()))
        rows = sorted((h for h in heights if h > 0), reverse=True)
        rows = (rows + [empty] * ROWS_SHOWN)[:ROWS_SHOWN]
        return sum(rows) + ROWS_SHOWN * self.spacing() + 2 * self.frameWidth() + 12

    def minimumSizeHint(self) -> QSize:
        width = max(super().minimumSizeHint().width(), 16 * self.fontMetrics().averageCharWidth())
        return QSize(width, self._rows_height())

    def updateGeometries(self) -> None:
        super().updateGeometries()
        needed = self._rows_height()  # the rows were laid out again: wrapped to a new width
        if needed != self._needed:
            self._needed = needed
            self.updateGeometry()


class LibraryList(_FiveRows):
    """Every exercise; Enter or Insert adds the chosen one, or drag it onto the steps."""

    add_requested = Signal(str)  # exercise id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Exercises"))
        self.setAccessibleDescription(
            _(
                "The exercise library. Enter or Insert adds the chosen exercise to the routine; "
                "you can also drag it onto the steps."
            )
        )
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setWordWrap(True)

    def fill(self, exercises: list[tuple[Exercise, str]]) -> None:
        """``exercises``: each with a line saying what kind it is and how long it takes."""
        self.clear()
        for exercise, words in exercises:
            item = QListWidgetItem(exercise_icon(exercise), f"{exercise.title}\n{words}")
            item.setData(ID_ROLE, exercise.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{exercise.title}, {words}")
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def mimeData(self, items: Sequence[QListWidgetItem], /) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(EXERCISE_MIME, QByteArray(str(items[0].data(ID_ROLE)).encode()))
        return data

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_MIME]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert):
            chosen = self.chosen()
            if chosen is not None and not event.isAutoRepeat():
                self.add_requested.emit(chosen)
            event.accept()
            return
        super().keyPressEvent(event)


class StepList(_FiveRows):
    """The routine's steps in order. Alt+Up and Alt+Down move the chosen step, Delete
    removes it; a step dragged up or down, or an exercise dropped in, asks the builder."""

    move_requested = Signal(int, int)  # from index, to index
    drop_requested = Signal(str, int)  # exercise id, at index
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Steps of this routine"))
        self.setAccessibleDescription(
            _(
                "In the order they are done. Alt+Up and Alt+Down move the chosen step, Delete "
                "removes it; you can also drag steps to reorder them."
            )
        )
        self.setIconSize(QSize(ICON_SIZE // 2 + 8, ICON_SIZE // 2 + 8))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)

    def mimeData(self, items: Sequence[QListWidgetItem], /) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(STEP_MIME, QByteArray(str(self.row(items[0])).encode()))
        return data

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME, EXERCISE_MIME]

    def _ours(self, data: QMimeData | None) -> bool:
        return data is not None and (data.hasFormat(STEP_MIME) or data.hasFormat(EXERCISE_MIME))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._ours(event.mimeData()):
            event.acceptProposedAction()
            super().dragEnterEvent(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._ours(event.mimeData()):
            super().dragMoveEvent(event)
            event.accept()
        else:
            event.ignore()

    def drop_row(self, point: QPoint) -> int:
        """The index a drop at ``point`` lands on: before the step under the upper half of
        its row, after it under the lower half, at the end below every step."""
        item = self.itemAt(point)
        if item is None:
            return self.count()
        row = self.row(item)
        return row if point.y() < self.visualItemRect(item).center().y() else row + 1

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        at = self.drop_row(event.position().toPoint())
        if data.hasFormat(STEP_MIME):
            source = int(bytes(data.data(STEP_MIME).data()).decode())
            to = at - 1 if at > source else at
            self.move_requested.emit(source, to)
        elif data.hasFormat(EXERCISE_MIME):
            self.drop_requested.emit(bytes(data.data(EXERCISE_MIME).data()).decode(), at)
        else:
            event.ignore()
            return
        # Copy, never Move: the view must not take the dragged row out itself afterwards.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        moving = event.modifiers() & (
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
        )
        if row >= 0 and moving and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(row, row + (-1 if event.key() == Qt.Key.Key_Up else 1))
            event.accept()
            return
        if row >= 0 and event.key() == Qt.Key.Key_Delete and not event.isAutoRepeat():
            self.remove_requested.emit(row)
            event.accept()
            return
        super().keyPressEvent(event)
