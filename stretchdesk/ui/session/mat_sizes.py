"""How big each text of the session screen is, read from the mat: the words on the mat have
capitals of a share of the window's height; the others a font size at the reference size
(1280x800), grown or shrunk with the window and, for what is read, the text-size setting.
The style sheet that gives every role its size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont

from stretchdesk.ui.kit.widgets import pixels_for_cap

# role -> capitals' height, of the window's height: what to do now, the exercise's name
CAPS = {"getready": 0.047, "side": 0.047, "title": 0.042, "next": 0.032}
# role -> font size at the reference size (1280x800), before the text-size setting
SIZES = {
    "title": 34,
    "badge": 20,
    "place": 16,
    "getready": 34,
    "side": 32,
    "rep": 24,
    "instructions": 22,
    "caution": 20,
    "breathing": 18,
    "subheading": 20,
    "notice": 20,
    "button": 18,
    "pain": 28,
    "steps": 18,
}
READING = {"instructions", "caution", "breathing", "subheading", "notice", "steps"}
REFERENCE = (1280, 740)  # the session screen in a 1280x800 window


def mat_scale(width: int, height: int) -> float:
    """How much bigger than in a 1280x800 window the texts are drawn (smaller when small)."""
    return max(0.55, min(2.6, width / REFERENCE[0], height / REFERENCE[1]))


def role_pixels(font: QFont, tall: int, scale: float, text_size: float) -> Callable[[str], int]:
    """A role's font size in pixels, in a window ``tall`` high drawn at ``scale``."""

    def px(role: str) -> int:
        # the words on the mat follow the window's height (their capitals a share of
        # it); the controls the window only (the height goes to the words); the rest
        # also the text-size setting
        if role in CAPS:
            return pixels_for_cap(font, CAPS[role] * tall)
        grow = text_size if role in READING else 1.0
        return max(12, round(SIZES[role] * scale * grow))

    return px


def mat_style_sheet(px: Callable[[str], int], tall: int, pad_v: int, pad_h: int) -> str:
    """Every role's size (``px``) and the buttons' padding, as a style sheet."""
    return f"""
            QLabel[role="title"] {{ font-size: {px("title")}px; font-weight: 600; }}
            QLabel[role="badge"] {{ font-size: {px("badge")}px; }}
            QLabel[role="place"] {{ font-size: {px("place")}px; }}
            QLabel[role="listening"] {{ font-size: {px("place")}px; font-weight: 600; }}
            QLabel[role="getready"] {{ font-size: {px("getready")}px; font-weight: 700; }}
            QLabel[role="side"] {{ font-size: {px("side")}px; font-weight: 800; }}
            QLabel[role="rep"] {{ font-size: {px("rep")}px; font-weight: 600; }}
            QLabel[role="subheading"] {{ font-size: {px("subheading")}px; font-weight: 600; }}
            QLabel[role="next"] {{ font-size: {px("next")}px; font-weight: 700; }}
            QLabel[role="notice"], QLabel[role="notice-empty"] {{
                font-size: {px("notice")}px; }}
            QLabel[role="paused"] {{ font-size: {max(24, round(tall * 0.085))}px; }}
            QPushButton {{ font-size: {px("button")}px; padding: {pad_v}px {pad_h}px;
                min-height: 0px; }}
            QPushButton[kind="pain"] {{ font-size: {px("pain")}px; }}
            QListWidget {{ font-size: {px("steps")}px; }}
            """
