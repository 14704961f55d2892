"""The screens by typed name: built ones only, which one shows; and a flow that needs no more
of the window than its Shell (a stand-in here)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.session import events as ev
from stretchdesk.ui.after.session_end import show_ending
from stretchdesk.ui.shell.screen_names import Screen, Screens


def test_screens_are_handed_over_only_once_built(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    screens = Screens(stack)
    assert screens.if_built(Screen.HISTORY) is None
    assert screens.shown is None and screens.resting  # nothing under way before the first
    history, session = QWidget(), QWidget()
    screens.add(Screen.HISTORY, history)
    screens.add(Screen.SESSION, session)
    assert screens.if_built(Screen.HISTORY) is history
    with qtbot.waitSignal(screens.changed):
        stack.setCurrentWidget(session)
    assert screens.shown is Screen.SESSION and not screens.resting
    stack.setCurrentWidget(history)
    assert screens.shown is Screen.HISTORY and screens.resting
    assert "history" in screens  # the names are strings too (older callers)


def test_an_end_that_cannot_be_shown_is_said_and_logged(tmp_path: Path) -> None:
    """show_ending asks only the Shell: a stand-in is enough to see its failure path."""
    told: list[tuple[str, bool]] = []

    class Broken:
        def show_stop(self, *args: object) -> None:
            raise RuntimeError("no screen")

    log = tmp_path / "crash.log"
    shell = SimpleNamespace(
        services=SimpleNamespace(data=SimpleNamespace(crash_log=log)),
        recovery=Broken(),
        tell=lambda text, *, error=False, details=None: told.append((text, error)),
    )
    live = SimpleNamespace(recorder=None)
    event = ev.SessionStopped(5.0, ev.StopReason.ENDED_EARLY, None, 5.0)  # type: ignore[arg-type]
    assert not show_ending(shell, live, event, None)  # type: ignore[arg-type]
    assert told and told[0][1] and "could not be shown (no screen)" in told[0][0]
    assert "RuntimeError: no screen" in log.read_text(encoding="utf-8")
