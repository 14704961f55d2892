"""Voice commands in the window: listening while a session is on screen and the setting is
on, the microphone sign on the session screen while it listens, and each word heard carried
out as the media keys are (session/remote.py), on the window's thread.

Everything that can fail (no PocketSphinx, no microphone, a microphone unplugged) turns
listening off with one sentence for Settings; the session goes on from the keyboard.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from stretchdesk.i18n import N_, _
from stretchdesk.session.remote import carry_out

if TYPE_CHECKING:
    from stretchdesk.listen.listener import Listener, Source
    from stretchdesk.listen.recogniser import Heard, Recogniser
    from stretchdesk.ui.session.session_screen import SessionScreen

# The listening code (half a megabyte) loads when voice commands are first turned on.
_LISTENING = {
    "Listener": "stretchdesk.listen.listener",
    "ListenError": "stretchdesk.listen.recogniser",
    "Recogniser": "stretchdesk.listen.recogniser",
}


def __getattr__(name: str) -> Any:
    if name not in _LISTENING:
        raise AttributeError(name)
    found = getattr(importlib.import_module(_LISTENING[name]), name)
    globals()[name] = found
    return found


def _listening(name: str) -> Any:
    """One of the listening classes, loaded now if not yet (or as a test replaced it)."""
    return globals().get(name) or __getattr__(name)


OFF = N_("Voice commands are off.")
ON = N_("Voice commands are on: the session screen shows when it is listening.")
READY = N_("Voice commands are on: they are listened for while a session runs.")


def open_microphone() -> Source:
    from stretchdesk.listen.microphone import Microphone  # noqa: PLC0415

    return Microphone()


class VoiceControl(QObject):
    heard = Signal(object)  # a Heard, sent from the listening thread
    failed = Signal(str)

    def __init__(
        self,
        screen: SessionScreen,
        wanted: Callable[[], bool],
        speaking: Callable[[], bool],
        say: Callable[[str], None],
        *,
        open_source: Callable[[], Source] | None = None,  # None: the microphone
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screen = screen
        self._wanted = wanted
        self._speaking = speaking
        self._say = say
        self._open_source = open_source
        self._recogniser: Recogniser | None = None
        self._listener: Listener | None = None
        self._last: Listener | None = None  # stopped, perhaps still finishing its block
        self._problem: str | None = None  # why it could not listen; tried again when asked
        self.status = _(OFF)
        self.heard.connect(self._carry_out)  # queued: it comes from another thread
        self.failed.connect(self._lost)

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.listening

    def update(self, *, retry: bool = False) -> None:
        """After every visible change of the session screen (and a change of the setting,
        with ``retry``): listen exactly while a session runs and the setting is on."""
        if retry:
            self._problem = None
        want = self._wanted() and self._screen.running
        if want and self._listener is None and self._problem is None:
            self._start()
        elif not want and self._listener is not None:
            self._stop()
        if not self._wanted():
            self.status = _(OFF)
        elif self._problem is not None:
            self.status = self._problem
        else:
            self.status = _(ON) if self._listener is not None else _(READY)
        self._screen.show_listening(self._listener is not None)

    def _start(self) -> None:
        if self._last is not None:  # one recogniser: the old thread must be done with it
            self._last.join()
            self._last = None
        listen_error = _listening("ListenError")
        try:
            if self._recogniser is None:
                self._recogniser = _listening("Recogniser")()
            listener = _listening("Listener")(
                self.heard.emit,
                self._speaking,
                self._open_source or open_microphone,
                self._recogniser,
                on_failed=self.failed.emit,
            )
            listener.start()
        except listen_error as exc:
            self._problem = _("Voice commands are off: {reason}.").format(reason=exc)
            self.status = self._problem
            return
        self._listener = listener
        self.status = _(ON)

    def _stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._last, self._listener = self._listener, None

    def close(self) -> None:
        self._stop()
        if self._last is not None:
            self._last.join()
            self._last = None

    def _carry_out(self, heard: Heard) -> None:
        if self._listener is None:  # heard just before listening stopped
            return
        live = self._screen.live
        state = live.engine.state if live is not None else None
        carry_out(heard.command, state, self._screen.act, self._say)

    def _lost(self, why: str) -> None:
        self._listener = None
        self._problem = _("Voice commands are off: {reason}.").format(reason=why)
        self.status = self._problem
        self._screen.show_listening(False)
