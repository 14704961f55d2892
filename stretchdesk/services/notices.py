"""A sentence for the window's banner. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Notice:
    """A sentence for the banner; ``error`` ones are shown in red, the rest calmly."""

    message: str
    error: bool = False
    details: list[str] = field(default_factory=list)
