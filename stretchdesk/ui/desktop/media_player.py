"""The running session as a media player on the desktop's session bus (MPRIS), so that the
desktop's media controls, a headset's button, a keyboard's media keys and a phone paired with
the desktop can pause, resume, go on and stop it from the mat.

Registered while a session is on screen, gone when it ends. What each command does is
decided in Qt-free code (session/remote.py); this module only speaks D-Bus and forwards to
the session screen, the same slots as its keys. Stop is Pain — stop. The bus is written to
without waiting for anyone: a slow or absent listener never holds the session up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QMetaType, QObject, QTimer
from PySide6.QtDBus import (
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
    QDBusVirtualObject,
)

from stretchdesk.i18n import _
from stretchdesk.paths import APP_ID
from stretchdesk.session.remote import Action, Command, MediaState, carry_out
from stretchdesk.session.view import EngineState, Refusal

SERVICE = "org.mpris.MediaPlayer2.stretchdesk"
PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPERTIES = "org.freedesktop.DBus.Properties"
INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
NOT_SUPPORTED = "org.freedesktop.DBus.Error.NotSupported"
UNKNOWN = "org.freedesktop.DBus.Error.UnknownMethod"

INTROSPECTION = f"""<interface name="{ROOT}">
  <method name="Raise"/><method name="Quit"/>
  <property name="CanQuit" type="b" access="read"/>
  <property name="CanRaise" type="b" access="read"/>
  <property name="HasTrackList" type="b" access="read"/>
  <property name="Identity" type="s" access="read"/>
  <property name="DesktopEntry" type="s" access="read"/>
  <property name="SupportedUriSchemes" type="as" access="read"/>
  <property name="SupportedMimeTypes" type="as" access="read"/>
</interface>
<interface name="{PLAYER}">
  <method name="Next"/><method name="Previous"/><method name="Pause"/>
  <method name="PlayPause"/><method name="Stop"/><method name="Play"/>
  <method name="Seek"><arg name="Offset" type="x" direction="in"/></method>
  <method name="SetPosition"><arg name="TrackId" type="o" direction="in"/>
    <arg name="Position" type="x" direction="in"/></method>
  <method name="OpenUri"><arg name="Uri" type="s" direction="in"/></method>
  <signal name="Seeked"><arg name="Position" type="x"/></signal>
  <property name="PlaybackStatus" type="s" access="read"/>
  <property name="Rate" type="d" access="read"/>
  <property name="MinimumRate" type="d" access="read"/>
  <property name="MaximumRate" type="d" access="read"/>
  <property name="Metadata" type="a{{sv}}" access="read"/>
  <property name="Volume" type="d" access="read"/>
  <property name="CanGoNext" type="b" access="read"/>
  <property name="CanGoPrevious" type="b" access="read"/>
  <property name="CanPlay" type="b" access="read"/>
  <property name="CanPause" type="b" access="read"/>
  <property name="CanSeek" type="b" access="read"/>
  <property name="CanControl" type="b" access="read"/>
</interface>
"""


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


class _Player(QDBusVirtualObject):
    def __init__(self, controls: Controls) -> None:
        super().__init__()
        self._controls = controls

    def introspect(self, path: str) -> str:
        return INTROSPECTION if path == PATH else ""

    def properties(self, interface: str) -> dict[str, Any]:
        if interface == ROOT:
            return {
                "CanQuit": False,
                "CanRaise": True,
                "HasTrackList": False,
                "Identity": "stretchdesk",
                "DesktopEntry": APP_ID,
                "SupportedUriSchemes": [],
                "SupportedMimeTypes": [],
            }
        if interface != PLAYER:
            return {}
        state = self._controls.state()
        found: dict[str, Any] = {
            "PlaybackStatus": state.status if state else "Stopped",
            "Rate": 1.0,
            "MinimumRate": 1.0,
            "MaximumRate": 1.0,
            "Volume": 1.0,
            "CanGoNext": bool(state and state.can_go_next),
            "CanGoPrevious": False,
            "CanPlay": bool(state and state.can_play),
            "CanPause": bool(state and state.can_play),
            "CanSeek": False,
            "CanControl": True,
            "Metadata": metadata(state),
        }
        return found

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        interface, member, args = message.interface(), message.member(), message.arguments()
        if interface == PROPERTIES:
            return self._property_call(message, connection, member, args)
        # a command is answered at once and carried out from the event loop: it may end the
        # session, which takes this object off the bus while Qt is still delivering to it
        if interface == ROOT and member == "Raise":
            QTimer.singleShot(0, self, self._controls.raise_window)
            return _reply(message, connection, [])
        if interface == PLAYER and member in Command.__members__.values():
            QTimer.singleShot(0, self, partial(self._command, Command(member)))
            return _reply(message, connection, [])
        if interface == PLAYER:  # seeking, a position or a file mean nothing to a session
            return _error(message, connection, NOT_SUPPORTED, f"{member}: not for a session")
        return False

    def _property_call(
        self, message: QDBusMessage, connection: QDBusConnection, member: str, args: list[Any]
    ) -> bool:
        if member == "GetAll" and args:
            return _reply(message, connection, [self.properties(str(args[0]))])
        if member == "Get" and len(args) == 2:
            values = self.properties(str(args[0]))
            if str(args[1]) not in values:
                return _error(message, connection, NOT_SUPPORTED, f"no property {args[1]}")
            return _reply(message, connection, [QDBusVariant(values[str(args[1])])])
        if member == "Set":
            return _error(message, connection, NOT_SUPPORTED, "every property is read-only")
        return _error(message, connection, UNKNOWN, member)

    def _command(self, command: Command) -> None:
        c = self._controls
        carry_out(command, c.engine_state(), c.act, c.say)


def metadata(state: MediaState | None) -> dict[str, Any]:
    if state is None:
        return {"mpris:trackid": QDBusObjectPath("/org/mpris/MediaPlayer2/TrackList/NoTrack")}
    return {
        "mpris:trackid": QDBusObjectPath(state.track_path),
        "xesam:title": state.title,
        "xesam:artist": [state.artist],
        "xesam:album": state.artist,
    }


def _reply(message: QDBusMessage, connection: QDBusConnection, args: list[Any]) -> bool:
    reply = message.createReply()
    reply.setArguments(args)  # one list of arguments (createReply(list) would send one)
    connection.send(reply)
    return True


def _error(message: QDBusMessage, connection: QDBusConnection, name: str, text: str) -> bool:
    connection.send(message.createErrorReply(name, text))
    return True


class MediaPlayer(QObject):
    """Registers the session as a player while one is shown; ``update`` after every visible
    change sends the desktop what changed (nothing when nothing did)."""

    def __init__(
        self, controls: Controls, bus: QDBusConnection | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._object = _Player(controls)
        self._controls = controls
        self._registered = False
        self._shown: dict[str, Any] = {}
        self.status = (
            _("Media keys are on: a running session shows in the desktop's media controls.")
            if self._bus.isConnected()
            else _("Media keys are off: no desktop session bus was found.")
        )

    @property
    def registered(self) -> bool:
        return self._registered

    def update(self) -> None:
        state = self._controls.state()
        live = state is not None and state.status != "Stopped"
        if live and not self._registered:
            self._register()
        elif not live and self._registered:
            self.unregister()
            return
        if self._registered:
            self._send_changes()

    def _register(self) -> None:
        if not self._bus.isConnected():
            return
        if not self._bus.registerVirtualObject(PATH, self._object):
            return
        if not self._bus.registerService(SERVICE):
            self._bus.unregisterObject(PATH)
            return
        self._registered = True
        self._shown = self._object.properties(PLAYER)

    def unregister(self) -> None:
        if self._registered:
            self._registered = False
            self._bus.unregisterService(SERVICE)
            self._bus.unregisterObject(PATH)

    def _send_changes(self) -> None:
        now = self._object.properties(PLAYER)
        changed = {k: v for k, v in now.items() if _plain(self._shown.get(k)) != _plain(v)}
        self._shown = now
        if changed:
            signal = QDBusMessage.createSignal(PATH, PROPERTIES, "PropertiesChanged")
            signal.setArguments([PLAYER, changed, _no_strings()])
            self._bus.send(signal)


def _no_strings() -> QDBusArgument:
    """An empty array of strings (``as``): an empty Python list would be sent as ``av``,
    which clients that check the signal's signature ignore."""
    empty = QDBusArgument()
    empty.beginArray(QMetaType(QMetaType.Type.QString))
    empty.endArray()
    return empty


def _plain(value: Any) -> Any:
    """Something comparable: object paths by their text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, QDBusObjectPath):
        return value.path()
    return value
