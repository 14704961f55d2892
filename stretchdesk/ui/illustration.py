"""The animated illustration: the right frame at the right moment, repainted only on change.

Frames are decoded once per step (checked with Pillow), scaled once per widget size and kept
as pixmaps for the current step only. A picture that cannot be shown becomes the calm
placeholder with the exercise's name; nothing here raises into the window.
"""

from __future__ import annotations

from PIL import Image, ImageOps
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
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


class IllustrationView(QWidget):
    """Shows one step's frames; the session screen tells it where in the step we are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Exercise illustration")
        self._images: list[QImage] = []
        self._scaled: list[QPixmap] = []
        self._scaled_for = QSize()
        self._motion = Motion.HOLD
        self._seconds: float | None = None
        self._index = 0
        self.problem: str | None = None

    # -- what to show -------------------------------------------------------------------
    def set_frames(self, frames: FrameSet, *, left: bool = False) -> None:
        """Load the frames for a step (and side); bad pictures fall back to the placeholder."""
        paths, mirror = frames.for_side(left)
        images: list[QImage] = []
        problems = [frames.problem] if frames.problem else []
        for path in paths:
            try:
                picture = open_checked(path)
            except ImageProblem as exc:
                problems.append(str(exc))
                continue
            images.append(to_qimage(ImageOps.mirror(picture) if mirror else picture))
        if not images:
            images = [to_qimage(placeholder(frames.title))]
        self._images = images
        self._scaled = []
        self._motion, self._seconds = frames.motion, frames.seconds
        self._index = 0
        self.problem = "; ".join(problems) or None
        self.setAccessibleDescription(frames.title)
        self.update()

    def show_moment(
        self, kind: SegmentKind, elapsed: float, *, rep_seconds: float | None = None
    ) -> float | None:
        """Pick the frame for this moment; repaint only if it changed.

        Returns the seconds until the next frame is due (None: nothing will change), so the
        caller can arm one single-shot timer instead of polling."""
        pick = pick_frame(
            self._motion,
            len(self._images),
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
        return len(self._images)

    # -- drawing ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def _pixmaps(self) -> list[QPixmap]:
        size = self.size()
        if self._scaled and self._scaled_for == size:
            return self._scaled
        ratio = self.devicePixelRatioF()
        target = QSize(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        scaled = []
        for image in self._images:
            pixmap = QPixmap.fromImage(
                image.scaled(
                    target,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            pixmap.setDevicePixelRatio(ratio)
            scaled.append(pixmap)
        self._scaled, self._scaled_for = scaled, size
        return scaled

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._images:
            return
        pixmap = self._pixmaps()[self._index]
        shown = pixmap.deviceIndependentSize()
        x = (self.width() - shown.width()) / 2
        y = (self.height() - shown.height()) / 2
        painter = QPainter(self)
        painter.drawPixmap(round(x), round(y), pixmap)
        painter.end()
