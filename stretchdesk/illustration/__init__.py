"""Exercise pictures: finding frames, checking images, the placeholder, and which frame to show.

Uses Pillow, never Qt: the window turns the checked images into pixmaps.
"""

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
