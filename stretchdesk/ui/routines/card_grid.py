"""Moving between the cards of a grid with the arrow keys: Up and Down to the card above or
below (the row's last one where the row below is shorter), Left and Right to the one before
or after in reading order; at an edge the focus stays where it is."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

ARROWS = {  # a key: rows down, places along the reading order
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}


def placed_cards(grid: QGridLayout) -> list[tuple[int, int, QWidget]]:
    """Every card (a frame) in the grid, with its row and column, in reading order."""
    placed: list[tuple[int, int, QWidget]] = []
    for index in range(grid.count()):
        item = grid.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QFrame):
            position = cast("tuple[int, int, int, int]", grid.getItemPosition(index))
            row, column = position[0], position[1]
            placed.append((row, column, widget))
    return sorted(placed, key=lambda found: (found[0], found[1]))


def card_next_to(grid: QGridLayout, card: QWidget, rows: int, places: int) -> QWidget:
    """The card an arrow key moves to from ``card`` (``card`` itself at an edge)."""
    placed = placed_cards(grid)
    at = next((i for i, found in enumerate(placed) if found[2] is card), None)
    if at is None:
        return card
    if places:
        return placed[at + places][2] if 0 <= at + places < len(placed) else card
    row, column = placed[at][0], placed[at][1]
    beside = [(c, widget) for r, c, widget in placed if r == row + rows and c <= column]
    return max(beside, key=lambda found: found[0])[1] if beside else card
