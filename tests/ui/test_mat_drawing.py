"""The drawing as large as its place allows: the figure, not the page's empty margins,
fills the drawing's place on the session screen, in its proportions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.session import FakeClock
from stretchdesk.ui.kit.theme import current_colors
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.test_mat_layout import MAT_SIZES, _at_size, _builtin_steps


@pytest.mark.parametrize("size", MAT_SIZES)
def test_every_drawing_fills_its_place_in_its_proportions(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, size: tuple[int, int]
) -> None:
    """The part of the picture the figure uses is drawn as large as its place allows (the
    page's empty margins are not): that part reaches across the place's width or down its
    height, at the picture's proportions, and the painted figure fills it. (Drawn as the
    whole page, a standing figure reached 0.65 of the place's height.)"""
    _at_size(qtbot, window, clock, size, "normal")
    window.session.stop_timers()
    view = window.session.illustration
    background = QColor(current_colors().window)
    for step in _builtin_steps(window):
        frames = view.frames_for(step, paths.assets_dir())
        view.set_frames(frames)
        assert view.wait_loaded(), step.exercise_id
        QApplication.processEvents()
        assert frames.drawn is not None, step.exercise_id
        frame, area = view.frame_size(), QSize(frames.drawn[2], frames.drawn[3])
        assert abs(frame.width() / frame.height() - area.width() / area.height()) < 0.02
        fills = max(frame.width() / view.width(), frame.height() / view.height())
        assert fills >= 0.98, (step.exercise_id, frame, view.size())
        ink = _ink_box(view.grab().toImage(), background)
        across, down = ink.width() / frame.width(), ink.height() / frame.height()
        assert max(across, down) >= 0.8, (step.exercise_id, across, down)
        assert view.height() >= 0.45 * size[1]


def _ink_box(image: QImage, background: QColor) -> QRect:
    """The box of the pixels that are not the background (every other pixel looked at)."""
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if (
                max(
                    abs(pixel.red() - background.red()),
                    abs(pixel.green() - background.green()),
                    abs(pixel.blue() - background.blue()),
                )
                > 24
            ):
                xs.append(x)
                ys.append(y)
    if not xs:
        return QRect()
    return QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys)))
