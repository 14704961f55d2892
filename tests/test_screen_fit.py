"""The window's first size, a saved place brought onto a smaller screen, and when a session
fills the screen and gives it back (stretchdesk/screen_fit.py, no Qt)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stretchdesk.screen_fit import Mode, Rect, SessionScreenRule, clamp, first_size, toggled

pytestmark = pytest.mark.full_screen  # the real rule, not the tests' usual one


@pytest.mark.parametrize(
    ("available", "size"),
    [
        (Rect(0, 0, 800, 600), (800, 600)),
        (Rect(0, 0, 1366, 740), (1280, 740)),
        (Rect(0, 0, 1280, 800), (1280, 800)),
        (Rect(0, 27, 1920, 1053), (1728, 947)),
    ],
)
def test_the_first_size_is_never_larger_than_the_screen(
    available: Rect, size: tuple[int, int]
) -> None:
    place = first_size(available)
    assert (place.width, place.height) == size
    assert clamp(place, available) == place  # wholly inside


def test_a_place_from_a_larger_screen_is_brought_onto_this_one() -> None:
    small = Rect(0, 0, 1366, 768)
    assert clamp(Rect(1900, 900, 1800, 1000), small) == Rect(0, 0, 1366, 768)
    assert clamp(Rect(600, 500, 1000, 600), small) == Rect(366, 168, 1000, 600)
    assert clamp(Rect(-300, -50, 640, 480), Rect(1920, 0, 1280, 800)) == Rect(1920, 0, 640, 480)


@pytest.mark.parametrize("before", list(Mode))
def test_a_session_fills_the_screen_and_gives_back_the_state_from_before(before: Mode) -> None:
    rule = SessionScreenRule()
    wanted = rule.started("full-screen", before)
    now = wanted or before
    assert now is Mode.FULL_SCREEN
    assert rule.ended(now) is (None if before is Mode.FULL_SCREEN else before)
    assert rule.ended(before) is None  # a second end changes nothing


def test_maximised_and_as_it_is() -> None:
    rule = SessionScreenRule()
    assert rule.started("maximised", Mode.NORMAL) is Mode.MAXIMISED
    assert rule.ended(Mode.MAXIMISED) is Mode.NORMAL
    assert rule.started("maximised", Mode.FULL_SCREEN) is None  # F11 before: kept
    assert rule.ended(Mode.FULL_SCREEN) is None
    assert rule.started("unchanged", Mode.NORMAL) is None
    assert rule.ended(Mode.NORMAL) is None


def test_leaving_full_screen_during_the_session_is_kept_at_its_end() -> None:
    rule = SessionScreenRule()
    assert rule.started("full-screen", Mode.MAXIMISED) is Mode.FULL_SCREEN
    assert rule.ended(Mode.MAXIMISED) is None  # F11 pressed during the session


def test_a_second_start_keeps_the_state_from_before_the_first() -> None:
    rule = SessionScreenRule()
    rule.started("full-screen", Mode.NORMAL)
    assert rule.started("full-screen", Mode.FULL_SCREEN) is None
    assert rule.ended(Mode.FULL_SCREEN) is Mode.NORMAL


def test_the_toggle_goes_back_to_where_it_came_from() -> None:
    assert toggled(Mode.NORMAL, Mode.NORMAL) is Mode.FULL_SCREEN
    assert toggled(Mode.FULL_SCREEN, Mode.MAXIMISED) is Mode.MAXIMISED
    assert toggled(Mode.FULL_SCREEN, Mode.FULL_SCREEN) is Mode.NORMAL


def test_the_rules_load_no_qt() -> None:
    code = (
        "import sys, stretchdesk.screen_fit\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
