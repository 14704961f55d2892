"""The arrow keys move between the routine cards (as the README says): Up and Down between
rows, Left and Right along the grid in reading order, each focused card scrolled into view
and chosen, so Enter starts the card that looks chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QFrame, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory

ROUTINE = """
id = "{id}"
title = "Mine {n}"

[[step]]
exercise = "pelvic-tilt"
phase = "warmup"
reps = 1
rep_seconds = 3
"""


@pytest.fixture
def many(seen: None, data_dir: Path, make_window: WindowFactory, qtbot: QtBot) -> MainWindow:
    """Seven routines (two built in, five of the person's) and a broken file: four rows."""
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    for n in range(5):
        (folder / f"mine-{n}.toml").write_text(ROUTINE.format(id=f"mine-{n}", n=n), "utf-8")
    (folder / "broken.toml").write_text('id = "broken"\n', encoding="utf-8")
    window = make_window()
    qtbot.waitUntil(lambda: len(window.start.cards) == 7 and len(window.start.broken_cards) == 1)

    # once painted, the window fits itself to the screen (ui/shell/window_place.py): the
    # size a test gives comes after that, or the fitting would take it back
    fitted: list[bool] = []
    window.after_first_paint(lambda: QTimer.singleShot(0, lambda: fitted.append(True)))
    window.update()
    qtbot.waitUntil(lambda: bool(fitted))
    window.resize(900, 700)  # a few cards at a time: the rest must be scrolled to
    qtbot.waitUntil(lambda: window.start.width() == 900 and window.start._columns == 2)
    return window


def _grid(window: MainWindow) -> list[QFrame]:
    """The cards in reading order (the way the grid shows them)."""
    layout = window.start._grid
    placed = []
    for index in range(layout.count()):
        widget = layout.itemAt(index).widget()
        if isinstance(widget, QFrame):
            row, column, _, _ = layout.getItemPosition(index)
            placed.append(((row, column), widget))
    return [widget for _, widget in sorted(placed, key=lambda pair: pair[0])]


def _in_view(widget: QWidget, window: MainWindow) -> bool:
    """As much of the card is on screen as the page has room for."""
    viewport = window.start.area.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    shown = min(top + widget.height(), viewport.height()) - max(top, 0)
    return shown >= min(widget.height(), viewport.height()) - 1


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> QWidget:
    focused = window.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)
    qtbot.waitUntil(lambda: _in_view(window.focusWidget(), window))
    return window.focusWidget()


def test_the_arrow_keys_move_between_cards_and_bring_each_into_view(
    qtbot: QtBot, many: MainWindow
) -> None:
    window = many
    cards = _grid(window)
    assert len(cards) == 8
    cards[0].setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is cards[0])
    # down the left column, then the right one: (0,0) (1,0) (2,0) (3,0) ... (3,1) (2,1)
    assert _press(qtbot, window, Qt.Key.Key_Down) is cards[2]
    assert _press(qtbot, window, Qt.Key.Key_Down) is cards[4]
    assert _press(qtbot, window, Qt.Key.Key_Down) is cards[6]
    bottom = window.start.area.verticalScrollBar().value()
    assert bottom > 0  # scrolled to show it
    assert _press(qtbot, window, Qt.Key.Key_Down) is cards[6]  # the last row: stays
    assert _press(qtbot, window, Qt.Key.Key_Right) is cards[7]  # the broken file's card
    assert _press(qtbot, window, Qt.Key.Key_Right) is cards[7]  # the end: stays
    assert _press(qtbot, window, Qt.Key.Key_Up) is cards[5]
    assert _press(qtbot, window, Qt.Key.Key_Left) is cards[4]
    assert _press(qtbot, window, Qt.Key.Key_Left) is cards[3]  # reading order: the row above
    assert _press(qtbot, window, Qt.Key.Key_Up) is cards[1]
    assert _press(qtbot, window, Qt.Key.Key_Up) is cards[1]  # the first row: stays
    assert _press(qtbot, window, Qt.Key.Key_Left) is cards[0]
    assert window.start.area.verticalScrollBar().value() < bottom  # and back up


def test_the_card_reached_with_the_arrows_is_the_one_enter_starts(
    qtbot: QtBot, many: MainWindow
) -> None:
    window = many
    cards = _grid(window)
    cards[0].setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is cards[0])
    _press(qtbot, window, Qt.Key.Key_Down)
    reached = _press(qtbot, window, Qt.Key.Key_Right)
    assert reached is cards[3]
    chosen = window.start.selected
    assert chosen is not None and window.start.cards[chosen] is reached
    assert reached.property("selected") == "true"
    with qtbot.waitSignal(window.start.start_requested) as started:
        qtbot.keyClick(reached, Qt.Key.Key_Return)
    assert started.args == [chosen]


def test_a_card_taller_than_the_page_shows_its_title(qtbot: QtBot, many: MainWindow) -> None:
    """A banner above and a small window: the card reached shows its top, never its foot
    alone with its title above the page."""
    window = many
    window.banner.add("A notice that takes some of the page.\n" * 3)
    cards = _grid(window)
    window.resize(900, 420)
    qtbot.waitUntil(lambda: cards[2].height() >= window.start.area.viewport().height())
    cards[0].setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is cards[0])
    viewport = window.start.area.viewport()
    for expected in (cards[2], cards[4], cards[6]):
        focused = window.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Down)
        assert window.focusWidget() is expected
        assert expected.mapTo(viewport, QPoint(0, 0)).y() == 0  # its title at the top
