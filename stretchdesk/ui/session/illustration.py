"""The animated illustration: the right frame at the right moment, repainted only on change.

Frames are decoded on a worker thread, reduced to about the size they are shown at, and
handed to the window as they arrive; the window keeps only the pixmaps of the current step.
So a step change never stalls the countdown, and a step costs a few megabytes, not a
hundred. A picture that cannot be shown becomes the calm placeholder with the exercise's
name; nothing here raises into the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.i18n import _
from stretchdesk.illustration import FrameSet, ImageProblem, pick_frame, placeholder
from stretchdesk.illustration.drawn_area import Area
from stretchdesk.routine import Motion, Step
from stretchdesk.session.plan import SegmentKind
from stretchdesk.ui.session.found_frames import FoundFrames
from stretchdesk.ui.session.frame_cache import (
    ALLOCATION_LIMIT_MB,
    Box,
    FrameCache,
    decode,
    drawn_rect,
    fitted,
    to_qimage,
)
from stretchdesk.ui.session.frame_place import draw_frame, frame_target
from stretchdesk.workarounds import glibc_heap

__all__ = ["ALLOCATION_LIMIT_MB", "IllustrationView", "decode", "drawn_rect", "to_qimage"]

AHEAD_SECONDS = 10.0  # the next step's frames are decoded in the last seconds of a step
SETTLE_MS = 150  # a resize reloads the frames once the size has not changed for this long


def _decoded(path: Path, mirror: bool, box: Box, area: Area | None) -> tuple[QImage, QPoint, QSize]:
    return decode(path, mirror, box, area)  # looked up when called: the tests watch it


class _Deliveries(QObject):
    """Carries decoded frames from the worker thread to the window's thread."""

    frame = Signal(int, int, QImage, QPoint, QSize)  # generation, index, crop, at, frame size
    problem = Signal(int, int, str)


class IllustrationView(QWidget):
    """Shows one step's frames; the session screen tells it where in the step we are."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        still: bool = False,
        worker_of: IllustrationView | None = None,
    ) -> None:
        """``still``: only a step's first frame is shown (and decoded). ``worker_of``: decode
        on that view's worker thread rather than a thread of its own."""
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Exercise illustration"))
        self._still = still
        self._pool: ThreadPoolExecutor = (
            worker_of._pool
            if worker_of is not None
            else ThreadPoolExecutor(max_workers=1, thread_name_prefix="stretchdesk-frames")
        )
        self._deliveries = _Deliveries(self)
        self._deliveries.frame.connect(self._arrived)
        self._deliveries.problem.connect(self._failed)
        self.cache = FrameCache(_decoded)
        self._found = FoundFrames()  # the worker finds the next step's frames too
        self._loaded_box: Box = (0, 0)  # the view's size when the frames in hand were loaded
        self._ahead: tuple[Path, ...] = ()  # the next step's pictures, decoded ahead
        self._ahead_fit: Box = (0, 0)  # and the size they were decoded at
        self._fit: Box = (0, 0)  # the size the frames in hand were decoded at
        self._upcoming: Step | None = None
        self.assets: Path | None = None  # where frames_for() found the drawings
        self._generation = 0
        self._paths: tuple[Path, ...] = ()
        self._drawn: Area | None = None  # the part of the pictures the drawing uses
        self._mirror = False
        self._title = ""
        self._count = 0
        self._pixmaps: dict[int, QImage] = {}  # the frames in hand, as drawn
        self._placed: dict[int, tuple[QPoint, QSize]] = {}  # crop's corner, frame's size
        self._scaled_for = QSize()
        self._waiting = 0
        # what was painted last, kept until the frame due is in
        self._shown: tuple[QImage, QPoint, QSize] | None = None
        self._motion = Motion.HOLD
        self._seconds: float | None = None
        self._index = 0
        self._problems: list[str] = []
        self._painted = False  # once painted, the view has been laid out
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.repaints_asked = 0  # a new frame was due (what the tests count)
        # a frame being decoded is finished before the view's parts go, so the worker never
        # sends to an object being deleted; what is still queued for this view is dropped
        busy, gone, pool = threading.Lock(), threading.Event(), self._pool
        self._busy, self._gone = busy, gone  # held while one of this view's frames is decoded

        def going(*_: object) -> None:
            with busy:
                gone.set()
            if worker_of is None:  # the owner stops the thread, cancelling what is queued
                pool.shutdown(wait=True, cancel_futures=True)

        self.destroyed.connect(going)

    @property
    def problem(self) -> str | None:
        return "; ".join(self._problems) or None

    @property
    def loading(self) -> bool:
        return self._waiting > 0 or self._settle.isActive()

    # -- what to show -------------------------------------------------------------------
    def frames_for(self, step: Step, assets: Path) -> FrameSet:
        """A step's frames: as found ahead of time if they were, else found now."""
        self.assets = assets
        return self._found.find(step, assets)

    def set_frames(self, frames: FrameSet, *, left: bool = False) -> None:
        """Show a step's frames (for a side); they load in the background. The other side
        of the same drawings is the same frames drawn mirrored: nothing is decoded again."""
        paths, mirror = frames.for_side(left)
        if self._still:
            paths = paths[:1]
        same = paths == self._paths and bool(paths) and frames.title == self._title
        same = same and frames.drawn == self._drawn
        self._paths, self._mirror, self._title = paths, mirror, frames.title
        self._drawn = frames.drawn
        self._motion, self._seconds = frames.motion, frames.seconds
        self._index = 0
        if same:
            self.update()
            return
        self._problems = [frames.problem] if frames.problem else []
        self._shown = None  # never the last exercise's picture while this one loads
        self.setAccessibleDescription(frames.title)
        self._load()

    def decode_ahead(self, upcoming: Step | None, seconds_left: float) -> None:
        """In the last seconds of a step (or its rests), the next step's frames are
        decoded on the worker thread, once; not sooner, so only one step's frames are
        kept for most of a step."""
        if upcoming is None or upcoming is self._upcoming or seconds_left > AHEAD_SECONDS:
            return
        self._upcoming = upcoming
        if self.assets is not None:
            self.prefetch(upcoming, self.assets)

    def prefetch(self, step: Step, assets: Path) -> None:
        """Find and decode a step's frames (both sides) on the worker thread, ahead of time."""
        box, ratio = self._box(), self.devicePixelRatioF()
        self._submit(self._work_ahead, step, assets, box, ratio)

    def _work_ahead(self, step: Step, assets: Path, box: Box, ratio: float) -> None:
        """On the worker thread: find the pictures (checking a person's pictures decodes
        them) and decode them at the size shown; never raises."""
        try:
            found = self._found.find(step, assets)
            ahead = tuple(dict.fromkeys(found.frames + found.left))
            if box != self._loaded_box:
                return  # the view was resized since: its next load decodes at the new size
            fit = fitted(box, found.drawn)
            self._ahead, self._ahead_fit = ahead, fit
            self.cache.keep_only((self._paths, self._fit), (ahead, fit))
            for path in ahead:
                self.cache.get(path, fit, ratio, found.drawn)
        except Exception:  # shown (or told) when the step comes, as any picture
            return

    def _submit(self, work: Callable[..., None], *args: object, **named: object) -> bool:
        try:
            self._pool.submit(work, *args, **named)
        except RuntimeError:  # the worker has stopped: the window is closing
            return False
        return True

    def _box(self) -> Box:
        ratio = self.devicePixelRatioF()
        size = self.size().expandedTo(QSize(16, 16))
        return (round(size.width() * ratio), round(size.height() * ratio))

    def _load(self, *, now: bool = False) -> None:
        """(Re)load every frame at the current size; results of earlier loads are ignored.
        Frames decoded ahead are in at once; the others come from the worker thread."""
        self._generation += 1
        self._settle.stop()
        self._pixmaps, self._placed = {}, {}
        if self._paths and (not self.isVisible() or not (self._painted or now)):
            self._scaled_for, self._count, self._waiting = QSize(), len(self._paths), 0
            if self.isVisible():  # shown but not yet painted: being laid out
                self._settle.start()
            return  # decoded when shown and laid out, at the size it settles at
        self._scaled_for = self.size()
        if not self._paths:
            self._count = 1
            self._waiting = 0
            self._store_whole(0, to_qimage(placeholder(self._title)))
            return
        self._count = len(self._paths)
        self._loaded_box, ratio = self._box(), self.devicePixelRatioF()
        box = self._fit = fitted(self._loaded_box, self._drawn)
        self.cache.keep_only((self._paths, box), (self._ahead, self._ahead_fit))
        generation = self._generation
        self._waiting = 0
        for index, path in enumerate(self._paths):
            kept = self.cache.peek(path, box, self._drawn)
            if kept is not None:
                self._store(index, kept.crop, kept.at, kept.size)
            else:
                work = (generation, index, path, box, ratio)
                if self._submit(self._work, *work, area=self._drawn):
                    self._waiting += 1

    def _work(
        self, generation: int, index: int, path: Path, box: Box, ratio: float, *, area: Area | None
    ) -> None:
        """On the worker thread: decode and send; never raises."""
        with self._busy:
            if not self._gone.is_set() and generation == self._generation:
                self._decode_and_send(generation, index, path, box, ratio, area=area)

    def _decode_and_send(
        self, generation: int, index: int, path: Path, box: Box, ratio: float, *, area: Area | None
    ) -> None:
        try:
            frame = self.cache.get(path, box, ratio, area)
        except ImageProblem as exc:
            self._deliveries.problem.emit(generation, index, str(exc))
        except Exception as exc:  # a picture must never take the window down
            self._deliveries.problem.emit(generation, index, f"{path.name}: {exc}")
        else:
            self._deliveries.frame.emit(generation, index, frame.crop, frame.at, frame.size)

    def _store(self, index: int, image: QImage, at: QPoint, size: QSize) -> None:
        """Keep one frame (as its crop and where it sits); repaint if it is the one due."""
        self._pixmaps[index] = image
        self._placed[index] = (at, size)
        if index == self._index:
            self.update()

    def _store_whole(self, index: int, image: QImage) -> None:
        """Keep a picture drawn here (the placeholder), fitted to the widget."""
        width, height = self._box()
        if image.width() > width or image.height() > height:
            image = image.scaled(
                QSize(width, height),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._store(index, image, QPoint(0, 0), image.size())

    def _arrived(self, generation: int, index: int, image: QImage, at: QPoint, size: QSize) -> None:
        if generation != self._generation:
            return
        self._waiting -= 1
        self._store(index, image, at, size)
        if self._waiting == 0:
            glibc_heap.trim()

    def _failed(self, generation: int, index: int, message: str) -> None:
        if generation != self._generation:
            return
        self._waiting -= 1
        self._problems.append(message)
        if self._waiting == 0 and not self._pixmaps:
            self._count = 1
            self._store_whole(0, to_qimage(placeholder(self._title)))

    def wait_loaded(self, timeout_ms: int = 5000) -> bool:
        """For tests and the self-test: process deliveries until every frame is in."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer  # noqa: PLC0415

        deadline = QDeadlineTimer(timeout_ms)
        while self.loading and not deadline.hasExpired():
            QCoreApplication.processEvents()
        return not self.loading

    def show_moment(
        self, kind: SegmentKind, elapsed: float, *, rep_seconds: float | None = None
    ) -> float | None:
        """Pick the frame for this moment; repaint only if it changed.

        Returns the seconds until the next frame is due (None: nothing will change), so the
        caller can arm one single-shot timer instead of polling."""
        pick = pick_frame(
            self._motion,
            self._count,
            kind,
            elapsed,
            seconds=self._seconds,
            rep_seconds=rep_seconds,
        )
        if pick.index != self._index:
            before, after = self._frame_rect(self._index), self._frame_rect(pick.index)
            self._index = pick.index
            self.repaints_asked += 1
            if before is None or after is None:
                self.update()
            else:  # only where the drawing was or will be: half the widget or less
                self.update(before.united(after))
        return pick.next_change

    def _frame_rect(self, index: int) -> QRect | None:
        """Where frame ``index`` is drawn (widget coordinates), if it is loaded."""
        image, placed = self._pixmaps.get(index), self._placed.get(index)
        if image is None or placed is None:
            return None
        at, size = placed
        return frame_target(image, at, size, self.size(), mirror=self._mirror).toAlignedRect()

    def frame_size(self) -> QSize:
        """The whole frame of the picture shown, as drawn (device-independent pixels)."""
        placed = self._placed.get(self._index)
        if placed is None:
            return QSize()
        ratio = self.devicePixelRatioF()
        return QSize(round(placed[1].width() / ratio), round(placed[1].height() / ratio))

    @property
    def frame_index(self) -> int:
        return self._index

    @property
    def frame_count(self) -> int:
        return self._count

    # -- drawing ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._count and self.size() != self._scaled_for:
            self._settle.start()  # once the size settles: frames at the new size, the old
            # ones drawn meanwhile (a window being laid out or dragged resizes it many times)

    def _settled(self) -> None:
        if self._count and self.size() != self._scaled_for:
            self._load(now=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._paths and self.size() != self._scaled_for:
            self._load()  # frames given while hidden

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted = True
        if self._index in self._pixmaps:
            at, size = self._placed[self._index]
            self._shown = (self._pixmaps[self._index], at, size)
        if self._shown is None:
            return
        image, at, size = self._shown
        target = frame_target(image, at, size, self.size(), mirror=self._mirror)
        painter = QPainter(self)
        draw_frame(painter, image, target, mirror=self._mirror)
        painter.end()
