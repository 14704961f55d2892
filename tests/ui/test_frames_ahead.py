"""A drawing is decoded once, off the window's thread, at the size shown: the other side of
an alternating exercise is the same frames drawn mirrored, and the next step's frames are
decoded during the current one. The decodes are counted, not timed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock
from stretchdesk.ui.session import illustration
from stretchdesk.ui.session.illustration import AHEAD_SECONDS, IllustrationView
from stretchdesk.ui.shell.main_window import MainWindow
from tests.illustration.helpers import step_of
from tests.ui.flows import run_until, start_session


@pytest.fixture
def decoded_on(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of each decode."""
    threads: list[str] = []
    real = illustration.decode

    def watched(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(illustration, "decode", watched)
    return threads


def shown_view(qtbot: QtBot) -> IllustrationView:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(400, 300)  # the drawings are 4:3: a frame fills the view
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_sides_of_knee_rolls_are_decoded_once(
    qtbot: QtBot, catalog: Catalog, decoded_on: list[str]
) -> None:
    view = shown_view(qtbot)
    frames = view.frames_for(step_of(catalog, "knee-rolls"), paths.assets_dir())
    assert frames.per_side and not frames.left  # the left side is the right one mirrored
    view.set_frames(frames, left=False)
    assert view.wait_loaded()
    once = len(decoded_on)
    assert once == view.frame_count == len(frames.frames)
    for side in (True, False, True, False, True):  # a side change at every rep
        view.set_frames(frames, left=side)
        assert not view.loading  # every frame is in at once
    assert len(decoded_on) == once == view.cache.decodes
    assert threading.main_thread().name not in decoded_on


def test_the_left_side_is_the_right_side_drawn_mirrored(qtbot: QtBot, catalog: Catalog) -> None:
    view = shown_view(qtbot)
    frames = view.frames_for(step_of(catalog, "knee-rolls"), paths.assets_dir())
    view.set_frames(frames, left=False)
    assert view.wait_loaded()
    right = view.grab().toImage()
    view.set_frames(frames, left=True)
    left = view.grab().toImage()
    assert left != right
    assert left == right.flipped(Qt.Orientation.Horizontal)


def test_the_next_steps_frames_are_decoded_ahead_off_the_window_thread(
    qtbot: QtBot, catalog: Catalog, decoded_on: list[str]
) -> None:
    view = shown_view(qtbot)
    now = step_of(catalog, "march-in-place")
    upcoming = step_of(catalog, "cat-cow")
    view.set_frames(view.frames_for(now, paths.assets_dir()))
    assert view.wait_loaded()
    first = len(decoded_on)
    view.decode_ahead(upcoming, AHEAD_SECONDS + 30)  # too soon: nothing yet
    view.decode_ahead(None, 0.0)  # the last step: nothing comes after it
    assert view.cache.decodes == first
    view.decode_ahead(upcoming, AHEAD_SECONDS - 1)
    view.decode_ahead(upcoming, AHEAD_SECONDS - 2)  # asked once
    ahead = len(view.frames_for(upcoming, paths.assets_dir()).frames)
    qtbot.waitUntil(lambda: view.cache.decodes == first + ahead)
    view.set_frames(view.frames_for(upcoming, paths.assets_dir()))
    assert not view.loading and view.frame_count == ahead
    assert view.cache.decodes == len(decoded_on) == first + ahead
    assert threading.main_thread().name not in decoded_on


def test_only_the_steps_in_hand_are_kept(qtbot: QtBot, catalog: Catalog) -> None:
    view = shown_view(qtbot)
    for exercise in ("march-in-place", "cat-cow", "pelvic-tilt"):
        view.set_frames(view.frames_for(step_of(catalog, exercise), paths.assets_dir()))
        assert view.wait_loaded()
    kept = [view.cache.peek(path, (400, 300)) for path in view._paths]
    assert all(isinstance(frame.crop, QImage) for frame in kept if frame is not None)
    assert len(view.cache._kept) == view.frame_count  # the earlier steps' frames are gone


def test_a_whole_session_decodes_each_drawing_once_off_the_window_thread(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quick relief, Knee rolls' sides and all: no picture is decoded twice at one size, none
    mirrored, none on the window's thread."""
    decodes: list[tuple[Path, bool, object, str]] = []
    real = illustration.decode

    def watched(path: Path, mirror: bool, box: object, area: object) -> object:
        decodes.append((path, mirror, box, threading.current_thread().name))
        return real(path, mirror, box, area)  # type: ignore[arg-type]

    monkeypatch.setattr(illustration, "decode", watched)
    start_session(qtbot, window, "quick-relief")
    view = window.session.illustration
    sides = set()

    def over() -> bool:
        if window.current is not window.session:
            return True
        qtbot.waitUntil(lambda: not view.loading)  # the worker keeps up, as in real time
        sides.add((view.frame_count, view._mirror))
        return False

    run_until(window, clock, over, limit=20 * 60)
    assert (10, True) in sides and (10, False) in sides  # Knee rolls, both sides shown
    assert decodes and not any(mirror for _, mirror, _, _ in decodes)
    assert threading.main_thread().name not in {thread for *_, thread in decodes}
    once = [(path, box) for path, _, box, _ in decodes]
    assert len(once) == len(set(once))


def test_the_next_exercises_drawing_decodes_only_the_frame_it_shows(
    qtbot: QtBot, catalog: Catalog, decoded_on: list[str]
) -> None:
    """The small drawing under "Next" shows the starting pose: one frame, decoded on the
    big drawing's thread (no thread of its own)."""
    owner = shown_view(qtbot)
    preview = IllustrationView(still=True, worker_of=owner)
    qtbot.addWidget(preview)
    preview.resize(160, 120)
    preview.show()
    qtbot.waitExposed(preview)
    frames = preview.frames_for(step_of(catalog, "cat-cow"), paths.assets_dir())
    assert len(frames.frames) > 1
    preview.set_frames(frames)
    assert preview.wait_loaded()
    assert preview.frame_count == 1 and preview.cache.decodes == 1
    assert preview._pool is owner._pool
    assert decoded_on == ["stretchdesk-frames_0"]


def test_a_taller_place_that_fits_the_drawing_the_same_decodes_nothing_again(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """Between steps the drawing's place changes with the words beside it; a drawing as wide
    as its place keeps its frames when only the height changes (and the next step's frames,
    decoded ahead at the old place, are still of use)."""
    view = shown_view(qtbot)
    frames = view.frames_for(step_of(catalog, "knee-to-chest"), paths.assets_dir())
    assert frames.drawn is not None
    view.set_frames(frames)
    assert view.wait_loaded()
    decodes, size = view.cache.decodes, view.frame_size()
    view.resize(400, 360)
    assert view.wait_loaded()
    assert view.cache.decodes == decodes and view.frame_size() == size
    view.resize(300, 360)  # narrower: smaller frames
    assert view.wait_loaded()
    assert view.cache.decodes == 2 * decodes and view.frame_size().width() <= 300


def test_resizes_in_a_row_decode_the_frames_once_the_size_settles(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """A window being laid out (or dragged) resizes the drawing many times: its frames are
    decoded again once, at the size it settles at."""
    view = shown_view(qtbot)
    view.set_frames(view.frames_for(step_of(catalog, "cat-cow"), paths.assets_dir()))
    assert view.wait_loaded()
    decodes = view.cache.decodes
    for width in (300, 320, 340, 360):
        view.resize(width, 300)
        QCoreApplication.processEvents()
    assert view.loading
    assert view.wait_loaded()
    assert view.cache.decodes == decodes + view.frame_count
    assert view.frame_size().width() <= 360


def test_a_still_drawing_given_while_hidden_is_decoded_when_shown(
    qtbot: QtBot, catalog: Catalog
) -> None:
    owner = shown_view(qtbot)
    preview = IllustrationView(still=True, worker_of=owner)
    qtbot.addWidget(preview)
    preview.resize(160, 120)
    preview.set_frames(preview.frames_for(step_of(catalog, "cat-cow"), paths.assets_dir()))
    assert preview.cache.decodes == 0 and not preview.loading
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.wait_loaded()
    assert preview.cache.decodes == 1 and preview.frame_size().width() <= 160


def test_frames_given_while_hidden_are_decoded_once_at_the_size_shown(
    qtbot: QtBot, catalog: Catalog
) -> None:
    """A session's first step is given before its screen is laid out: its frames are
    decoded when shown, not first at the size the hidden screen had."""
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(200, 150)
    view.set_frames(view.frames_for(step_of(catalog, "march-in-place"), paths.assets_dir()))
    assert view.cache.decodes == 0 and view.frame_count > 1
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.wait_loaded()
    assert view.cache.decodes == view.frame_count and view.frame_size().width() > 200


def test_a_drawing_shown_but_not_yet_laid_out_decodes_once_at_the_size_it_settles_at(
    qtbot: QtBot, catalog: Catalog
) -> None:
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(200, 150)
    view.show()  # shown, not yet painted: its place is still being laid out
    view.set_frames(view.frames_for(step_of(catalog, "march-in-place"), paths.assets_dir()))
    view.resize(400, 300)
    assert view.wait_loaded()
    assert view.cache.decodes == view.frame_count and view.frame_size().width() > 200
