"""The D-Bus wire format the notifier writes and reads (the desktop's bus reads the same
bytes in tests/ui/test_reminders.py)."""

from __future__ import annotations

import pytest

from stretchdesk.desktop import wire
from stretchdesk.desktop.wire import Message, Variant


def test_a_notify_call_survives_the_round_trip() -> None:
    body = [
        "stretchdesk",
        7,
        "icon",
        "Time for your back exercises",
        "Quick relief, 6 min.",
        ["start", "Start now", "later", "Later (30 min)"],
        {"desktop-entry": Variant("s", "io.github.stretchdesk.StretchDesk"), "x": Variant("u", 3)},
        0,
    ]
    sent = Message(
        wire.METHOD_CALL,
        9,
        path="/org/freedesktop/Notifications",
        interface="org.freedesktop.Notifications",
        member="Notify",
        destination="org.freedesktop.Notifications",
        signature="susssasa{sv}i",
        body=body,
    )
    data = wire.encode(sent)
    assert wire.message_length(data[:16]) == len(data)
    assert wire.message_length(data[:15]) is None
    got = wire.decode(data)
    assert (got.kind, got.serial, got.member, got.signature) == (1, 9, "Notify", "susssasa{sv}i")
    assert got.body[:6] == body[:6]
    assert got.body[6] == {"desktop-entry": "io.github.stretchdesk.StretchDesk", "x": 3}
    assert got.body[7] == 0


def test_fixed_types_and_structs() -> None:
    message = Message(
        wire.SIGNAL, 1, path="/p", interface="a.b", member="M", signature="ybnqxtd(us)"
    )
    message.body = [255, True, -2, 65535, -(2**40), 2**63, 0.5, (4, "four")]
    assert wire.decode(wire.encode(message)).body == message.body


def test_signatures_are_split_and_checked() -> None:
    assert wire.split_signature("sa{sv}a(us)i") == ["s", "a{sv}", "a(us)", "i"]
    for bad in ("a", "(us", "z"):
        with pytest.raises(wire.WireError):
            wire.split_signature(bad)
    with pytest.raises(wire.WireError, match="little-endian"):
        wire.message_length(b"B" + bytes(15))
    with pytest.raises(wire.WireError, match="ends too soon"):
        wire.decode(wire.encode(Message(wire.METHOD_RETURN, 1, signature="s", body=["x"]))[:-3])


def test_bus_addresses() -> None:
    assert wire.socket_path("unix:path=/run/user/1000/bus") == ("/run/user/1000/bus", False)
    assert wire.socket_path("tcp:host=x;unix:abstract=/tmp/dbus-ab%2cc,guid=1") == (
        "/tmp/dbus-ab,c",
        True,
    )
    assert wire.socket_path("tcp:host=localhost,port=1") is None
    assert wire.socket_path("") is None
