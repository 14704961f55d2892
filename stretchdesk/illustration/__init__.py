"""Exercise pictures: finding a step's frames, checking the person's own pictures (with
Pillow), the placeholder, and which frame to show at a moment. No Qt: the window decodes
the frames itself (Qt's image reader, on a worker thread) and paints them."""

from stretchdesk.illustration.frames import FrameSet, find_frames
from stretchdesk.illustration.imagecheck import ImageProblem, check_image, open_checked
from stretchdesk.illustration.placeholder import placeholder
from stretchdesk.illustration.playback import FramePick, pick_frame

__all__ = [
    "FramePick",
    "FrameSet",
    "ImageProblem",
    "check_image",
    "find_frames",
    "open_checked",
    "pick_frame",
    "placeholder",
]
