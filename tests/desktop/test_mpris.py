"""What the session's media player answers on D-Bus (desktop/mpris.py), message by message,
without a bus: each call as jeepney writes it, each reply read back from its bytes."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import Any

from jeepney import DBusAddress, HeaderFields, Message, MessageType
from jeepney.wrappers import new_method_call

from stretchdesk.desktop import mpris
from stretchdesk.session.remote import Command, MediaState

STATE = MediaState(
    status="Playing",
    title="Knee rocking",
    artist="Quick relief",
    track=2,
    can_go_next=False,
    can_play=True,
    position_us=2_500_000,
    length_us=45_000_000,
)


class Remote:
    def __init__(self, state: MediaState | None = STATE) -> None:
        self.state = state
        self.commands: list[Command] = []
        self.raised = 0
        self.player = mpris.Player(lambda: self.state, self.commands.append, self._raise)

    def _raise(self) -> None:
        self.raised += 1

    def call(
        self, interface: str | None, name: str, signature: str = "", *body: Any, path: str = ""
    ) -> Message:
        address = DBusAddress(path or mpris.PATH, bus_name=mpris.SERVICE, interface=interface)
        call = new_method_call(address, name, signature or None, body)
        call.header.serial = 7
        sent = Message.from_buffer(call.serialise())  # as the bus hands it over
        reply = self.player.answer(sent)
        return Message.from_buffer(reply.serialise(serial=8))  # as the client reads it


def _error(reply: Message) -> str:
    assert reply.header.message_type is MessageType.error
    return str(reply.header.fields[HeaderFields.error_name])


def test_every_property_has_the_type_the_interface_declares() -> None:
    remote = Remote()
    declared = ET.fromstring(mpris.INTROSPECTION.split("\n", 2)[2])
    for interface in declared.iter("interface"):
        name = interface.get("name", "")
        if name not in (mpris.ROOT, mpris.PLAYER):
            continue
        reply = remote.call(mpris.PROPERTIES, "GetAll", "s", name)
        assert reply.header.fields[HeaderFields.signature] == "a{sv}"
        (values,) = reply.body
        types = {p.get("name"): p.get("type") for p in interface.iter("property")}
        assert {k: v[0] for k, v in values.items()} == types
        for prop, kind in types.items():
            (value,) = remote.call(mpris.PROPERTIES, "Get", "ss", name, prop).body
            assert value[0] == kind, prop


def test_the_values_a_session_shows() -> None:
    remote = Remote()
    (values,) = remote.call(mpris.PROPERTIES, "GetAll", "s", mpris.PLAYER).body
    assert values["Position"] == ("x", 2_500_000)
    assert values["CanGoNext"] == ("b", False)
    assert values["CanSeek"] == ("b", False)
    assert values["Metadata"][1] == {
        "mpris:trackid": ("o", "/io/github/stretchdesk/step/2"),
        "mpris:length": ("x", 45_000_000),
        "xesam:title": ("s", "Knee rocking"),
        "xesam:artist": ("as", ["Quick relief"]),
        "xesam:album": ("s", "Quick relief"),
    }
    (root,) = remote.call(mpris.PROPERTIES, "GetAll", "s", mpris.ROOT).body
    assert root["SupportedUriSchemes"] == ("as", []) == root["SupportedMimeTypes"]
    remote.state = None
    (values,) = remote.call(mpris.PROPERTIES, "GetAll", "s", mpris.PLAYER).body
    assert values["PlaybackStatus"] == ("s", "Stopped")
    assert values["Metadata"][1] == {"mpris:trackid": ("o", mpris.NO_TRACK)}


def test_commands_are_forwarded_and_what_a_session_cannot_do_is_refused() -> None:
    remote = Remote()
    for name in ("PlayPause", "Next", "Stop"):
        reply = remote.call(mpris.PLAYER, name)
        assert reply.header.message_type is MessageType.method_return
    assert remote.commands == [Command.PLAY_PAUSE, Command.NEXT, Command.STOP]
    remote.call(None, "Raise")  # a call may name no interface
    assert remote.raised == 1
    assert _error(remote.call(mpris.PLAYER, "Seek", "x", 10_000_000)) == mpris.NOT_SUPPORTED
    refused = remote.call(mpris.PLAYER, "SetPosition", "ox", STATE.track_path, 0)
    assert _error(refused) == mpris.NOT_SUPPORTED
    assert _error(remote.call(mpris.PLAYER, "OpenUri", "s", "file:///x")) == mpris.NOT_SUPPORTED
    assert _error(remote.call(mpris.ROOT, "Quit")) == mpris.NOT_SUPPORTED
    assert _error(remote.call(mpris.PLAYER, "Shuffle")) == mpris.UNKNOWN_METHOD
    assert remote.commands == [Command.PLAY_PAUSE, Command.NEXT, Command.STOP]


def test_volume_is_read_only_and_a_rate_is_accepted_and_ignored() -> None:
    remote = Remote()
    volume = remote.call(mpris.PROPERTIES, "Set", "ssv", mpris.PLAYER, "Volume", ("d", 0.2))
    assert _error(volume) == mpris.READ_ONLY
    rate = remote.call(mpris.PROPERTIES, "Set", "ssv", mpris.PLAYER, "Rate", ("d", 2.0))
    assert rate.header.message_type is MessageType.method_return
    (values,) = remote.call(mpris.PROPERTIES, "GetAll", "s", mpris.PLAYER).body
    assert values["Rate"] == ("d", 1.0) and values["Volume"] == ("d", 1.0)
    unknown = remote.call(mpris.PROPERTIES, "Get", "ss", mpris.PLAYER, "Loudness")
    assert _error(unknown) == mpris.UNKNOWN_PROPERTY
    wrong = remote.call(mpris.PROPERTIES, "Get", "s", mpris.PLAYER)
    assert _error(wrong) == mpris.INVALID_ARGS


def test_changes_leave_out_the_position_and_say_only_what_changed() -> None:
    remote = Remote()
    first = remote.player.changes()
    assert first is not None and first.header.fields[HeaderFields.member] == "PropertiesChanged"
    assert first.header.fields[HeaderFields.signature] == "sa{sv}as"
    interface, changed, invalidated = Message.from_buffer(first.serialise(serial=1)).body
    assert interface == mpris.PLAYER and invalidated == []
    assert "Position" not in changed and changed["PlaybackStatus"] == ("s", "Playing")
    remote.state = MediaState(**{**STATE.__dict__, "position_us": 9_000_000})
    assert remote.player.changes() is None  # only the position moved
    remote.state = MediaState(**{**STATE.__dict__, "can_go_next": True})
    later = remote.player.changes()
    assert later is not None and later.body[1] == {"CanGoNext": ("b", True)}


def test_introspection_of_the_player_and_the_paths_above_it() -> None:
    remote = Remote()
    (xml,) = remote.call(mpris.INTROSPECTABLE, "Introspect").body
    assert xml == mpris.INTROSPECTION
    (above,) = remote.call(mpris.INTROSPECTABLE, "Introspect", path="/org").body
    assert '<node name="mpris"/>' in above
    (top,) = remote.call(mpris.INTROSPECTABLE, "Introspect", path="/").body
    assert '<node name="org"/>' in top
    elsewhere = remote.call(mpris.INTROSPECTABLE, "Introspect", path="/org/other")
    assert _error(elsewhere) == mpris.UNKNOWN_OBJECT


def test_the_interface_loads_no_qt() -> None:
    code = "import sys, stretchdesk.desktop.mpris; print(any('PySide6' in m for m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
