"""Texts a screen reader reaches with the keyboard alone: a label that is a Tab stop, named
with everything it and its heading say, so that Tab reads a whole section once (Orca speaks
the name of what takes the focus; a label that takes no focus is read only by flat review).
Each part ends as a sentence, so that a voice pauses between a heading and its lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ENDINGS = (".", ":", "!", "?", "…", "。")


def aloud(text: str) -> str:
    """``text`` as a voice should read it: a separator shown as a middle dot is a comma (a
    screen reader would say "middle dot")."""
    return text.replace(" · ", ", ")


def spoken(parts: Iterable[str]) -> str:
    """The parts as sentences in one line: "Heading. First line. Second line."."""
    said = []
    for part in parts:
        text = " ".join(part.split())
        if text:
            said.append(text if text.endswith(ENDINGS) else f"{text}.")
    return " ".join(said)


def tab_stop(widget: QLabel, parts: Iterable[str]) -> QLabel:
    """``widget`` takes the focus from Tab and a click, shows a focus frame, and is named
    with ``parts`` for a screen reader."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setAccessibleName(spoken(parts))
    widget.setProperty("readable", True)
    return widget


def read_in_order(first: QWidget, stops: Sequence[QWidget]) -> None:
    """Tab from ``first`` goes through ``stops`` in order, then on as before."""
    previous = first
    for stop in stops:
        QWidget.setTabOrder(previous, stop)
        previous = stop
