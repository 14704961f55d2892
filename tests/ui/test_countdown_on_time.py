"""Each new number of the countdown comes when the true time left reaches it: the time the
screen spends drawing (laying the words out anew can take a while) is not waited again
before the next number, and the number is painted before the words are laid out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk.session import FakeClock, SessionView
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import engine_of, run_for, start_session

SLOW = 0.3  # seconds the words take to be laid out, on the session's clock


def slow_words(clock: FakeClock, real: Callable[[SessionView, bool], None]) -> Callable[..., None]:
    def show(view: SessionView, hold: bool) -> None:
        real(view, hold)
        clock.advance(SLOW)

    return show


def test_the_next_number_is_not_delayed_by_a_slow_redraw(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_session(qtbot, window, "quick-relief")
    run_for(window, clock, 2.25)  # a quarter of a second into a number
    screen = window.session
    monkeypatch.setattr(screen, "_show_drawing", lambda view: None)  # the number alone
    monkeypatch.setattr(screen, "_show_words", slow_words(clock, screen._show_words))
    view = engine_of(window).view()
    until_number = view.remaining - (view.shown_seconds - 1)
    screen.refresh()
    wake = screen.next_wake_ms
    assert wake is not None
    assert abs(wake - (until_number - SLOW) * 1000) <= 20  # not until_number * 1000


def test_the_new_number_is_painted_before_the_words_are_laid_out(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_session(qtbot, window, "quick-relief")
    window.show()
    qtbot.waitExposed(window)
    screen = window.session
    painted_first: list[bool] = []
    real = screen._show_words

    def words(view: SessionView, hold: bool) -> None:
        painted_first.append(screen.dial.repaints > before)
        real(view, hold)

    monkeypatch.setattr(screen, "_show_words", words)
    before = screen.dial.repaints
    clock.advance(1.0)
    screen.refresh()
    assert painted_first == [True]
