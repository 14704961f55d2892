"""A widget or window part that follows an announcement (stretchdesk/announcer.py: the
settings' ``changed`` and ``saved``, the routines' ``routines_changed``) for as long as it
lives."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from PySide6.QtCore import QObject

from stretchdesk.announcer import Announcer

P = ParamSpec("P")


def follow(announcer: Announcer[P], owner: QObject, listener: Callable[P, str | None]) -> None:
    """``listener`` hears ``announcer`` until ``owner`` is destroyed."""
    stop = announcer.connect(listener)
    owner.destroyed.connect(lambda *_args: stop())
