"""The running session as an MPRIS 2.2 media player: its D-Bus interface, every property with
the type the specification declares, and the answer to every call. No Qt: the window's side
(ui/desktop/media_player.py) only carries these messages and forwards the commands.

The reference is the MPRIS D-Bus Interface Specification, version 2.2
(https://specifications.freedesktop.org/mpris-spec/latest/: "Interface MediaPlayer2",
"Interface MediaPlayer2.Player" and the Metadata keys it points to). Where a session is not a
song, the choices are:

- ``SupportedUriSchemes`` and ``SupportedMimeTypes`` are empty lists of strings (``as``): a
  session opens no file, so ``OpenUri`` is refused.
- ``Position`` (``x``, Time_In_Us) is the microseconds into the current step, its lead-in and
  rests counted; read when asked. As the specification says of it, no PropertiesChanged is
  sent for it: clients count on from ``PlaybackStatus`` and ``Rate``.
- ``Metadata`` holds ``mpris:trackid`` (``o``, one per step), ``mpris:length`` (``x``, the
  step's planned length in microseconds), ``xesam:title`` (the exercise), ``xesam:artist``
  (``as``, the routine) and ``xesam:album``.
- ``CanGoNext`` is true only when Next would be carried out, so never during a warm-up not yet
  done (the specification: whether a client can call Next "and expect the current track to
  change"). ``CanGoPrevious`` is false: going back is for the keyboard.
- ``CanSeek`` is false. ``Seek`` and ``SetPosition`` are refused (NotSupported) and nothing
  moves, so ``Seeked`` is never sent.
- ``Rate``, ``MinimumRate`` and ``MaximumRate`` are 1.0, as the specification asks of a player
  with one speed; setting ``Rate`` is accepted and ignored, as it allows.
- ``Volume`` is 1.0 and read-only (``access="read"`` in the interface below; setting it is
  refused with PropertyReadOnly): the cue sounds and the voice follow the Volume in Settings,
  a saved setting that a desktop's volume slider is not meant to rewrite.
- ``CanQuit`` is false (``Quit`` is refused: the window ends a session, not a remote) and
  ``CanRaise`` true. ``LoopStatus``, ``Shuffle``, ``Fullscreen`` and the track list are
  optional and absent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jeepney import DBusAddress, HeaderFields, Message
from jeepney.wrappers import new_error, new_method_return, new_signal

from stretchdesk.paths import APP_ID
from stretchdesk.session.remote import Command, MediaState

SERVICE = "org.mpris.MediaPlayer2.stretchdesk"
PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PROPERTIES = "org.freedesktop.DBus.Properties"
INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
_ERROR = "org.freedesktop.DBus.Error."
NOT_SUPPORTED, UNKNOWN_METHOD = _ERROR + "NotSupported", _ERROR + "UnknownMethod"
UNKNOWN_PROPERTY, READ_ONLY = _ERROR + "UnknownProperty", _ERROR + "PropertyReadOnly"
INVALID_ARGS, UNKNOWN_OBJECT = _ERROR + "InvalidArgs", _ERROR + "UnknownObject"
NOT_SIGNALLED = frozenset({"Position"})  # the specification: no PropertiesChanged for it

Typed = tuple[str, Any]  # a variant as jeepney writes it: (signature, value)

INTERFACES = f"""  <interface name="{ROOT}">
    <method name="Raise"/>
    <method name="Quit"/>
    <property name="CanQuit" type="b" access="read"/>
    <property name="CanRaise" type="b" access="read"/>
    <property name="HasTrackList" type="b" access="read"/>
    <property name="Identity" type="s" access="read"/>
    <property name="DesktopEntry" type="s" access="read"/>
    <property name="SupportedUriSchemes" type="as" access="read"/>
    <property name="SupportedMimeTypes" type="as" access="read"/>
  </interface>
  <interface name="{PLAYER}">
    <method name="Next"/>
    <method name="Previous"/>
    <method name="Pause"/>
    <method name="PlayPause"/>
    <method name="Stop"/>
    <method name="Play"/>
    <method name="Seek"><arg name="Offset" type="x" direction="in"/></method>
    <method name="SetPosition">
      <arg name="TrackId" type="o" direction="in"/>
      <arg name="Position" type="x" direction="in"/>
    </method>
    <method name="OpenUri"><arg name="Uri" type="s" direction="in"/></method>
    <signal name="Seeked"><arg name="Position" type="x"/></signal>
    <property name="PlaybackStatus" type="s" access="read"/>
    <property name="Rate" type="d" access="readwrite"/>
    <property name="Metadata" type="a{{sv}}" access="read"/>
    <property name="Volume" type="d" access="read"/>
    <property name="Position" type="x" access="read">
      <annotation name="org.freedesktop.DBus.Property.EmitsChangedSignal" value="false"/>
    </property>
    <property name="MinimumRate" type="d" access="read"/>
    <property name="MaximumRate" type="d" access="read"/>
    <property name="CanGoNext" type="b" access="read"/>
    <property name="CanGoPrevious" type="b" access="read"/>
    <property name="CanPlay" type="b" access="read"/>
    <property name="CanPause" type="b" access="read"/>
    <property name="CanSeek" type="b" access="read"/>
    <property name="CanControl" type="b" access="read"/>
  </interface>
"""
_STANDARD = f"""  <interface name="{INTROSPECTABLE}">
    <method name="Introspect"><arg name="xml_data" type="s" direction="out"/></method>
  </interface>
  <interface name="{PROPERTIES}">
    <method name="Get">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg name="value" type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="properties" type="a{{sv}}" direction="out"/>
    </method>
    <method name="Set">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg name="value" type="v" direction="in"/>
    </method>
    <signal name="PropertiesChanged">
      <arg name="interface_name" type="s"/>
      <arg name="changed_properties" type="a{{sv}}"/>
      <arg name="invalidated_properties" type="as"/>
    </signal>
  </interface>
"""
_DOCTYPE = (
    '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"\n'
    ' "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n'
)
INTROSPECTION = f"{_DOCTYPE}<node>\n{_STANDARD}{INTERFACES}</node>\n"
_SIGNATURES = {"Get": "ss", "GetAll": "s", "Set": "ssv", "Introspect": ""}


def root_properties() -> dict[str, Typed]:
    return {
        "CanQuit": ("b", False),
        "CanRaise": ("b", True),
        "HasTrackList": ("b", False),
        "Identity": ("s", "stretchdesk"),
        "DesktopEntry": ("s", APP_ID),
        "SupportedUriSchemes": ("as", []),
        "SupportedMimeTypes": ("as", []),
    }


def player_properties(state: MediaState | None) -> dict[str, Typed]:
    return {
        "PlaybackStatus": ("s", state.status if state else "Stopped"),
        "Rate": ("d", 1.0),
        "Metadata": ("a{sv}", metadata(state)),
        "Volume": ("d", 1.0),
        "Position": ("x", state.position_us if state else 0),
        "MinimumRate": ("d", 1.0),
        "MaximumRate": ("d", 1.0),
        "CanGoNext": ("b", bool(state and state.can_go_next)),
        "CanGoPrevious": ("b", False),
        "CanPlay": ("b", bool(state and state.can_play)),
        "CanPause": ("b", bool(state and state.can_play)),
        "CanSeek": ("b", False),
        "CanControl": ("b", True),
    }


def metadata(state: MediaState | None) -> dict[str, Typed]:
    if state is None:
        return {"mpris:trackid": ("o", NO_TRACK)}
    return {
        "mpris:trackid": ("o", state.track_path),
        "mpris:length": ("x", state.length_us),
        "xesam:title": ("s", state.title),
        "xesam:artist": ("as", [state.artist]),
        "xesam:album": ("s", state.artist),
    }


def child_node(path: str) -> str | None:
    """The introspection of a path above the player's ("/", "/org", "/org/mpris"): the
    next step down; None for any other path."""
    if path != "/" and not PATH.startswith(path.rstrip("/") + "/"):
        return None
    below = PATH[len(path.rstrip("/")) + 1 :].split("/", maxsplit=1)[0]
    return f'{_DOCTYPE}<node>\n  <node name="{below}"/>\n</node>\n'


class Player:
    """Answers every method call to the player's object; ``command`` and ``raise_window``
    are called for what the remote asks (the caller decides when they are carried out)."""

    def __init__(
        self,
        state: Callable[[], MediaState | None],
        command: Callable[[Command], None],
        raise_window: Callable[[], None],
    ) -> None:
        self._state = state
        self._command = command
        self._raise = raise_window
        self._shown = player_properties(None)

    def properties(self, interface: str) -> dict[str, Typed]:
        if interface == ROOT:
            return root_properties()
        return player_properties(self._state()) if interface == PLAYER else {}

    def changes(self) -> Message | None:
        """PropertiesChanged for what changed since last asked (None: nothing did)."""
        now = self.properties(PLAYER)
        changed = {
            k: v for k, v in now.items() if k not in NOT_SIGNALLED and self._shown.get(k) != v
        }
        self._shown = now
        if not changed:
            return None
        emitter = DBusAddress(PATH, interface=PROPERTIES)
        return new_signal(emitter, "PropertiesChanged", "sa{sv}as", (PLAYER, changed, []))

    def answer(self, call: Message) -> Message:
        """The reply (or error) to a method call on the player's path or a path above it."""
        fields = call.header.fields
        path, name = fields.get(HeaderFields.path, ""), fields.get(HeaderFields.member, "")
        interface = fields.get(HeaderFields.interface) or _interface_of(name)
        if path != PATH:
            above = child_node(path)
            if above is None or (interface, name) != (INTROSPECTABLE, "Introspect"):
                return new_error(call, UNKNOWN_OBJECT, "s", (f"No object at {path}",))
            return new_method_return(call, "s", (above,))
        if interface in (PROPERTIES, INTROSPECTABLE):
            if name not in _SIGNATURES:
                return new_error(call, UNKNOWN_METHOD, "s", (f"No method {interface}.{name}",))
            if fields.get(HeaderFields.signature, "") != _SIGNATURES[name]:
                return new_error(call, INVALID_ARGS, "s", (f"{name}: wrong arguments",))
            if name == "Introspect":
                return new_method_return(call, "s", (INTROSPECTION,))
            return self._property_call(call, name, call.body)
        return self._method_call(call, interface, name)

    def _method_call(self, call: Message, interface: str, name: str) -> Message:
        if interface == ROOT and name == "Raise":
            self._raise()
        elif interface == PLAYER and name in Command.__members__.values():
            self._command(Command(name))
        elif (interface, name) in ((ROOT, "Quit"), (PLAYER, "Seek"), (PLAYER, "SetPosition")):
            return new_error(call, NOT_SUPPORTED, "s", (f"{name}: not for a session",))
        elif (interface, name) == (PLAYER, "OpenUri"):
            return new_error(call, NOT_SUPPORTED, "s", ("A session opens no file",))
        else:
            return new_error(call, UNKNOWN_METHOD, "s", (f"No method {interface}.{name}",))
        return new_method_return(call)

    def _property_call(self, call: Message, name: str, args: tuple[Any, ...]) -> Message:
        values = self.properties(args[0])
        if not values:
            return new_error(call, UNKNOWN_PROPERTY, "s", (f"No interface {args[0]}",))
        if name == "GetAll":
            return new_method_return(call, "a{sv}", (values,))
        if args[1] not in values:
            return new_error(call, UNKNOWN_PROPERTY, "s", (f"No property {args[1]}",))
        if name == "Get":
            return new_method_return(call, "v", (values[args[1]],))
        if (args[0], args[1]) == (PLAYER, "Rate"):
            return new_method_return(call)  # one speed: another rate is ignored
        return new_error(call, READ_ONLY, "s", (f"{args[1]} is read-only",))


def _interface_of(name: str) -> str:
    """The interface of a call that names none (the D-Bus specification allows that)."""
    if name in ("Get", "GetAll", "Set"):
        return PROPERTIES
    if name == "Introspect":
        return INTROSPECTABLE
    return ROOT if name in ("Raise", "Quit") else PLAYER
