"""The running session as a media player on the desktop's session bus (MPRIS), so that the
desktop's media controls, a headset's button, a keyboard's media keys and a phone paired with
the desktop can pause, resume, go on and stop it from the mat.

Registered while a session is on screen, gone when it ends. What each command does is
decided in Qt-free code (session/remote.py), and what the player answers and how each value
is typed in desktop/mpris.py (MPRIS 2.2); this module only carries the messages over
ui/desktop/bus.py and forwards to the session screen, the same slots as its keys. Stop is
Pain — stop. The bus is written to without waiting for anyone: a slow or absent listener
never holds the session up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from jeepney import Message
from PySide6.QtCore import QObject, QTimer

from stretchdesk.desktop import mpris
from stretchdesk.i18n import _
from stretchdesk.session.remote import Action, Command, MediaState, carry_out
from stretchdesk.session.view import EngineState, Refusal
from stretchdesk.ui.desktop.bus import (
    BUS,
    BUS_PATH,
    BusConnection,
    is_error,
    session_bus_address,
    socket_path,
)

DO_NOT_QUEUE = 4  # RequestName's flag: fail at once if another stretchdesk owns the name
OWNED = (1, 4)  # RequestName's answers: now the primary owner, or already it


class Controls:
    """What the player forwards to: the session screen's own slots and the voice."""

    def __init__(
        self,
        state: Callable[[], MediaState | None],
        engine_state: Callable[[], EngineState | None],
        act: Callable[[Action], Refusal | None],
        say: Callable[[str], None],
        raise_window: Callable[[], None],
    ) -> None:
        self.state = state
        self.engine_state = engine_state
        self.act = act
        self.say = say
        self.raise_window = raise_window


class MediaPlayer(QObject):
    """Registers the session as a player while one is shown; ``update`` after every visible
    change sends the desktop what changed (nothing when nothing did). ``bus``: the address
    of the session bus to use (None: the desktop's)."""

    def __init__(
        self, controls: Controls, bus: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._controls = controls
        self._player = mpris.Player(controls.state, self._command_later, self._raise_later)
        self._registered = False
        self._bus: BusConnection | None = None
        address = session_bus_address() if bus is None else bus
        if socket_path(address) is None:
            self.status = _("Media keys are off: no desktop session bus was found.")
            return
        self.status = _(
            "Media keys are on: a running session shows in the desktop's media controls."
        )
        # connected now, so that a session shows in the media controls as soon as it opens
        self._bus = BusConnection(address, self)
        self._bus.lost.connect(self._lost)

    def update(self) -> None:
        state = self._controls.state()
        live = state is not None and state.status != "Stopped"
        if live and not self._registered:
            self._register()
        elif not live and self._registered:
            self.unregister()
            return
        if self._registered and self._bus is not None:
            changed = self._player.changes()
            if changed is not None:
                self._bus.send(changed)

    def _register(self) -> None:
        bus = self._bus
        if bus is None or bus.failed is not None:
            return
        self._registered = True
        self._player.changes()  # what the desktop reads first is the state now
        bus.serve(mpris.PATH, self._player.answer)
        bus.call(
            BUS,
            BUS_PATH,
            BUS,
            "RequestName",
            signature="su",
            body=(mpris.SERVICE, DO_NOT_QUEUE),
            reply=self._named,
        )

    def _named(self, reply: Message) -> None:
        if is_error(reply) or not reply.body or reply.body[0] not in OWNED:
            self._withdraw()  # another stretchdesk's session has the media controls

    def unregister(self) -> None:
        if self._registered and self._bus is not None:
            self._withdraw()
            self._bus.call(BUS, BUS_PATH, BUS, "ReleaseName", signature="s", body=(mpris.SERVICE,))

    def _withdraw(self) -> None:
        self._registered = False
        if self._bus is not None:
            self._bus.serve(mpris.PATH, None)

    def _lost(self, reason: str) -> None:
        self._registered = False
        self.status = _("Media keys are off: the desktop session bus was lost ({reason}).").format(
            reason=reason
        )

    # a command is answered at once and carried out from the event loop: it may end the
    # session, which takes the player off the bus while the reply is still being written
    def _command_later(self, command: Command) -> None:
        QTimer.singleShot(0, self, partial(self._command, command))

    def _raise_later(self) -> None:
        QTimer.singleShot(0, self, self._controls.raise_window)

    def _command(self, command: Command) -> None:
        c = self._controls
        carry_out(command, c.engine_state(), c.act, c.say)
