"""The illustration widget: frames in time, held poses held, placeholders instead of crashes."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.illustration import find_frames
from stretchdesk.routine import Catalog
from stretchdesk.session.plan import SegmentKind
from stretchdesk.ui.session import illustration
from stretchdesk.ui.session.illustration import IllustrationView
from tests.illustration.helpers import step_of


def shown_view(qtbot: QtBot, width: int, height: int) -> IllustrationView:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_cycle_frames_follow_the_rep_and_repaint_only_on_change(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_frames(find_frames(step_of(catalog, "cat-cow"), paths.assets_dir()))
    view.show()
    qtbot.waitExposed(view)
    assert view.wait_loaded()  # frames decode on a worker thread
    counter = PaintCounter()
    view.installEventFilter(counter)
    assert view.frame_count == 16
    due = view.show_moment(SegmentKind.ACTIVE, 0.1, rep_seconds=8.0)
    assert view.frame_index == 0 and due is not None and due > 0.3
    asked = view.repaints_asked
    for _ in range(5):  # the same frame asked again: no repaint is asked for
        view.show_moment(SegmentKind.ACTIVE, 0.2, rep_seconds=8.0)
    assert view.repaints_asked == asked
    view.show_moment(SegmentKind.ACTIVE, 4.0, rep_seconds=8.0)
    assert view.frame_index == 8 and view.repaints_asked == asked + 1
    qtbot.waitUntil(lambda: counter.paints >= 1)


def test_a_hold_shows_the_held_pose(qtbot: QtBot, catalog: Catalog) -> None:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.set_frames(find_frames(step_of(catalog, "knee-to-chest"), paths.assets_dir()), left=True)
    assert view.show_moment(SegmentKind.ACTIVE, 5.0) is None
    assert view.frame_index == view.frame_count - 1


def test_missing_and_broken_pictures_become_the_placeholder(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(320, 240)
    view.set_frames(find_frames(step_of(catalog, "figure-four"), tmp_path))
    assert view.frame_count == 1 and view.problem
    folder = tmp_path / "pics"
    folder.mkdir()
    (folder / "01.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    step = dataclasses.replace(step_of(catalog, "figure-four"), image_dir=folder)
    view.set_frames(find_frames(step, paths.assets_dir()))
    assert view.frame_count == 1 and "01.png" in (view.problem or "")
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert image.width() == 320


def test_frames_decode_off_the_window_thread_at_display_size(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = illustration.decode

    def watched(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(illustration, "decode", watched)
    view = shown_view(qtbot, 400, 300)
    view.set_frames(find_frames(step_of(catalog, "cat-cow"), paths.assets_dir()))
    assert view.wait_loaded()
    assert len(threads) >= 16  # (a resize during loading starts a fresh load)
    assert threading.main_thread().name not in threads
    kept = view._pixmaps.values()
    assert all(p.width() <= 400 and p.height() <= 300 for p in kept)


def test_a_new_step_never_shows_the_last_steps_picture(qtbot: QtBot, catalog: Catalog) -> None:
    view = shown_view(qtbot, 400, 300)
    view.set_frames(find_frames(step_of(catalog, "march-in-place"), paths.assets_dir()))
    assert view.wait_loaded()
    assert view._shown is not None or view.frame_count > 0
    view.set_frames(find_frames(step_of(catalog, "knee-to-chest"), paths.assets_dir()))
    assert view._shown is None


def test_a_frame_is_kept_as_its_drawn_part_and_drawn_in_its_place(qtbot: QtBot) -> None:
    from PySide6.QtGui import QImage, QImageReader, QPainter  # noqa: PLC0415

    frame = paths.assets_dir() / "illustrations" / "pelvic-tilt" / "00.png"
    crop, at, size = illustration.decode(frame, False, (640, 480))
    assert (size.width(), size.height()) == (640, 480)
    assert crop.width() * crop.height() < 0.7 * 640 * 480  # the empty part is gone
    reader = QImageReader(str(frame))
    reader.setScaledSize(size)
    whole = reader.read().convertToFormat(crop.format())
    rebuilt = QImage(size, crop.format())
    rebuilt.fill(0)
    painter = QPainter(rebuilt)
    painter.drawImage(at, crop)
    painter.end()
    assert rebuilt == whole


def test_an_empty_picture_keeps_one_pixel(qtbot: QtBot) -> None:
    from PySide6.QtGui import QImage  # noqa: PLC0415

    empty = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
    empty.fill(0)
    assert illustration.drawn_rect(empty).size().width() == 1


def test_a_new_frame_repaints_only_where_the_drawing_is(qtbot: QtBot, catalog: Catalog) -> None:

    view = shown_view(qtbot, 600, 500)
    view.set_frames(find_frames(step_of(catalog, "cat-cow"), paths.assets_dir()))
    assert view.wait_loaded()
    painted: list[QRect] = []

    class Regions(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())  # type: ignore[attr-defined]
            return False

    regions = Regions()
    view.installEventFilter(regions)
    view.show_moment(SegmentKind.ACTIVE, 0.0, rep_seconds=4.0)
    view.repaint()  # whatever was due is painted now
    painted.clear()
    view.show_moment(SegmentKind.ACTIVE, 1.0, rep_seconds=4.0)
    qtbot.waitUntil(lambda: bool(painted))
    area = sum(r.width() * r.height() for r in painted)
    assert 0 < area < 0.8 * 600 * 500


def test_a_frame_is_decoded_as_the_part_the_drawing_uses(qtbot: QtBot) -> None:
    from PySide6.QtGui import QImageReader  # noqa: PLC0415

    frame = paths.assets_dir() / "illustrations" / "march-in-place" / "00.png"
    area = (189, 29, 902, 766)
    crop, at, size = illustration.decode(frame, False, (640, 480), area)
    assert size.height() == 480 and abs(size.width() / 480 - 902 / 766) < 0.01  # proportions
    reader = QImageReader(str(frame))
    reader.setClipRect(QRect(*area))
    reader.setScaledSize(size)
    whole = reader.read().convertToFormat(crop.format())
    assert whole.copy(QRect(at, crop.size())) == crop


def test_a_frame_is_kept_in_the_format_drawn_without_converting(qtbot: QtBot) -> None:
    """A smaller format would be converted again at every paint (on Qt's own threads)."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    frame = paths.assets_dir() / "illustrations" / "knee-rolls" / "03.png"
    crop, _at, _size = illustration.decode(frame, False, (640, 480))
    assert crop.format() == QImage.Format.Format_ARGB32_Premultiplied
