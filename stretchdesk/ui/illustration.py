"""The animated illustration: the right frame at the right moment, repainted only on change.

Frames are decoded on a worker thread, reduced to about the size they are shown at, and
handed to the window as they arrive; the window keeps only the pixmaps of the current step.
So a step change never stalls the countdown, and a step costs a few megabytes, not a
hundred. A picture that cannot be shown becomes the calm placeholder with the exercise's
name; nothing here raises into the window.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.illustration import FrameSet, ImageProblem, open_checked, pick_frame, placeholder
from stretchdesk.routine import Motion
from stretchdesk.session.plan import SegmentKind


def to_qimage(image: Image.Image) -> QImage:
    """A detached QImage copy of an RGBA Pillow image."""
    rgba = image.convert("RGBA")
    data = rgba.tobytes()
    qimage = QImage(data, rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return qimage.copy()


def decode(path: Path, mirror: bool, box: tuple[int, int]) -> QImage:
    """Check and decode one frame, mirrored if asked, reduced to no less than ``box``."""
    picture = open_checked(path)
    if mirror:
        picture = ImageOps.mirror(picture)
    factor = max(1, min(picture.width // max(1, box[0]), picture.height // max(1, box[1])))
    if factor > 1:
        picture = picture.reduce(factor)
    return to_qimage(picture)


class _Deliveries(QObject):
    """Carries decoded frames from the worker thread to the window's thread."""

    frame = Signal(int, int, QImage)  # generation, index, image
    problem = Signal(int, int, str)


class IllustrationView(QWidget):
    """Shows one step's frames; the session screen tells it where in the step we are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Exercise illustration")
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stretchdesk-frames")
        self._deliveries = _Deliveries(self)
        self._deliveries.frame.connect(self._arrived)
        self._deliveries.problem.connect(self._failed)
        self._generation = 0
        self._paths: tuple[Path, ...] = ()
        self._mirror = False
        self._title = ""
        self._count = 0
        self._pixmaps: dict[int, QPixmap] = {}
        self._scaled_for = QSize()
        self._waiting = 0
        self._shown: QPixmap | None = None  # what was painted last, until the new frame is in
        self._motion = Motion.HOLD
        self._seconds: float | None = None
        self._index = 0
        self._problems: list[str] = []
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    @property
    def problem(self) -> str | None:
        return "; ".join(self._problems) or None

    @property
    def loading(self) -> bool:
        return self._waiting > 0

    # -- what to show -------------------------------------------------------------------
    def set_frames(self, frames: FrameSet, *, left: bool = False) -> None:
        """Show a step's frames (for a side); they load in the background."""
        paths, mirror = frames.for_side(left)
        self._paths, self._mirror, self._title = paths, mirror, frames.title
        self._problems = [frames.problem] if frames.problem else []
        self._motion, self._seconds = frames.motion, frames.seconds
        self._index = 0
        self._shown = None  # never the last exercise's picture while this one loads
        self.setAccessibleDescription(frames.title)
        self._load()

    def _box(self) -> QSize:
        ratio = self.devicePixelRatioF()
        size = self.size().expandedTo(QSize(320, 240))
        return QSize(round(size.width() * ratio), round(size.height() * ratio))

    def _load(self) -> None:
        """(Re)load every frame at the current size; results of earlier loads are ignored."""
        self._generation += 1
        self._pixmaps = {}
        self._scaled_for = self.size()
        if not self._paths:
            self._count = 1
            self._waiting = 0
            self._store(0, to_qimage(placeholder(self._title)))
            return
        self._count = len(self._paths)
        self._waiting = self._count
        box = self._box()
        generation, mirror = self._generation, self._mirror
        for index, path in enumerate(self._paths):
            self._pool.submit(self._work, generation, index, path, mirror, box)

    def _work(self, generation: int, index: int, path: Path, mirror: bool, box: QSize) -> None:
        """On the worker thread: decode and send; never raises."""
        if generation != self._generation:
            return
        try:
            image = decode(path, mirror, (box.width(), box.height()))
        except ImageProblem as exc:
            self._deliveries.problem.emit(generation, index, str(exc))
        except Exception as exc:  # a picture must never take the window down
            self._deliveries.problem.emit(generation, index, f"{path.name}: {exc}")
        else:
            self._deliveries.frame.emit(generation, index, image)

    def _store(self, index: int, image: QImage) -> None:
        """Keep one frame as a pixmap scaled to the widget; repaint if it is the one due."""
        ratio = self.devicePixelRatioF()
        target = QSize(round(self.width() * ratio), round(self.height() * ratio))
        if target.width() > 1 and target.height() > 1:
            image = image.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self._pixmaps[index] = pixmap
        if index == self._index:
            self.update()

    def _arrived(self, generation: int, index: int, image: QImage) -> None:
        if generation != self._generation:
            return
        self._waiting -= 1
        self._store(index, image)

    def _failed(self, generation: int, index: int, message: str) -> None:
        if generation != self._generation:
            return
        self._waiting -= 1
        self._problems.append(message)
        if self._waiting == 0 and not self._pixmaps:
            self._count = 1
            self._store(0, to_qimage(placeholder(self._title)))

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
            self._index = pick.index
            self.update()
        return pick.next_change

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
            self._load()  # frames at the new size; the old ones are drawn meanwhile

    def paintEvent(self, event: QPaintEvent) -> None:
        pixmap = self._pixmaps.get(self._index, self._shown)
        if pixmap is None:
            return
        self._shown = pixmap
        shown = pixmap.deviceIndependentSize()
        x = (self.width() - shown.width()) / 2
        y = (self.height() - shown.height()) / 2
        painter = QPainter(self)
        painter.drawPixmap(round(x), round(y), pixmap)
        painter.end()
