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
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretchdesk.i18n import _
from stretchdesk.illustration import FrameSet, ImageProblem, pick_frame, placeholder
from stretchdesk.routine import Motion
from stretchdesk.session.plan import SegmentKind
from stretchdesk.workarounds import glibc_heap

if TYPE_CHECKING:
    from PIL import Image

ALLOCATION_LIMIT_MB = 128  # a picture that would need more is refused, not decoded


def to_qimage(image: Image.Image) -> QImage:
    """A detached QImage copy of an RGBA Pillow image."""
    rgba = image.convert("RGBA")
    data = rgba.tobytes()
    qimage = QImage(data, rgba.width, rgba.height, 4 * rgba.width, QImage.Format.Format_RGBA8888)
    return qimage.copy()


def decode(path: Path, mirror: bool, box: tuple[int, int]) -> tuple[QImage, QPoint, QSize]:
    """Decode one frame at the size it is shown (fitted into ``box``), mirrored if asked,
    ready to draw, and cropped to what is drawn on it: (the crop, where the crop sits in
    the frame, the frame's size). Pictures were checked when the step's frames were found;
    Qt's reader, with an allocation limit, decodes them here without loading Pillow."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    size = reader.size()
    if size.isValid() and box[0] > 0 and box[1] > 0:
        fitted = size.scaled(QSize(*box), Qt.AspectRatioMode.KeepAspectRatio)
        if fitted.width() < size.width():
            reader.setScaledSize(fitted)
    image = reader.read()
    if image.isNull():
        raise ImageProblem(
            _("{name}: the picture cannot be shown ({reason})").format(
                name=path.name, reason=reader.errorString()
            )
        )
    if mirror:
        image = image.flipped(Qt.Orientation.Horizontal)
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    crop = drawn_rect(image)
    return image.copy(crop), crop.topLeft(), image.size()


def drawn_rect(image: QImage) -> QRect:
    """The smallest rectangle holding every pixel that is not fully transparent, in a
    premultiplied image (where such a pixel is four zero bytes). The drawings leave half
    the frame empty; keeping only this halves the memory and the drawing work."""
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    rows = [data[y * stride : y * stride + width * 4] for y in range(height)]
    used = [y for y, row in enumerate(rows) if row.count(0) != len(row)]
    if not used:
        return QRect(0, 0, min(1, width), min(1, height))
    lefts = [len(rows[y]) - len(rows[y].lstrip(b"\0")) for y in used]
    rights = [len(rows[y].rstrip(b"\0")) for y in used]
    left, right = min(lefts) // 4, (max(rights) + 3) // 4
    return QRect(left, used[0], right - left, used[-1] - used[0] + 1)


class _Deliveries(QObject):
    """Carries decoded frames from the worker thread to the window's thread."""

    frame = Signal(int, int, QImage, QPoint, QSize)  # generation, index, crop, at, frame size
    problem = Signal(int, int, str)


class IllustrationView(QWidget):
    """Shows one step's frames; the session screen tells it where in the step we are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Exercise illustration"))
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
        self._placed: dict[int, tuple[QPoint, QSize]] = {}  # crop's corner, frame's size
        self._scaled_for = QSize()
        self._waiting = 0
        # what was painted last, kept until the frame due is in
        self._shown: tuple[QPixmap, QPoint, QSize] | None = None
        self._motion = Motion.HOLD
        self._seconds: float | None = None
        self._index = 0
        self._problems: list[str] = []
        self.repaints_asked = 0  # a new frame was due (what the tests count)
        # a frame being decoded is finished before the view's parts go (at most one frame:
        # the rest are cancelled), so the worker never sends to an object being deleted
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=True, cancel_futures=True))

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
        size = self.size().expandedTo(QSize(16, 16))
        return QSize(round(size.width() * ratio), round(size.height() * ratio))

    def _load(self) -> None:
        """(Re)load every frame at the current size; results of earlier loads are ignored."""
        self._generation += 1
        self._pixmaps, self._placed = {}, {}
        self._scaled_for = self.size()
        if not self._paths:
            self._count = 1
            self._waiting = 0
            self._store_whole(0, to_qimage(placeholder(self._title)))
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
            image, at, size = decode(path, mirror, (box.width(), box.height()))
        except ImageProblem as exc:
            self._deliveries.problem.emit(generation, index, str(exc))
        except Exception as exc:  # a picture must never take the window down
            self._deliveries.problem.emit(generation, index, f"{path.name}: {exc}")
        else:
            self._deliveries.frame.emit(generation, index, image, at, size)

    def _store(self, index: int, image: QImage, at: QPoint, size: QSize) -> None:
        """Keep one frame (as its crop and where it sits); repaint if it is the one due."""
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._pixmaps[index] = pixmap
        self._placed[index] = (at, size)
        if index == self._index:
            self.update()

    def _store_whole(self, index: int, image: QImage) -> None:
        """Keep a picture drawn here (the placeholder), fitted to the widget."""
        box = self._box()
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
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
        pixmap, placed = self._pixmaps.get(index), self._placed.get(index)
        if pixmap is None or placed is None:
            return None
        return QRectF(self._origin(pixmap, *placed), pixmap.deviceIndependentSize()).toAlignedRect()

    def _origin(self, pixmap: QPixmap, at: QPoint, size: QSize) -> QPointF:
        """Where a frame's crop goes: the whole frame centred, the crop at its place in it."""
        ratio = pixmap.devicePixelRatio()
        x = round((self.width() - size.width() / ratio) / 2) + at.x() / ratio
        y = round((self.height() - size.height() / ratio) / 2) + at.y() / ratio
        return QPointF(x, y)

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
            self._load()  # frames at the new size; the old ones are drawn meanwhile

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._index in self._pixmaps:
            at, size = self._placed[self._index]
            self._shown = (self._pixmaps[self._index], at, size)
        if self._shown is None:
            return
        pixmap, at, size = self._shown
        painter = QPainter(self)
        painter.drawPixmap(self._origin(pixmap, at, size), pixmap)
        painter.end()
