"""A private X server (Xvfb) for the tests that run the real app on a real display."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.desktop.xvfb import xvfb


@pytest.fixture
def x_display() -> Iterator[str]:
    """DISPLAY of a new Xvfb server, 1280x800, stopped afterwards."""
    with xvfb() as display:
        yield display
