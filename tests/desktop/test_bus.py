"""The D-Bus connection under Qt's socket (ui/desktop/bus.py): addresses, a missing bus,
method calls from other clients to objects it serves or does not, and the notifier's
unsigned ids over it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, HeaderFields, Message
from jeepney.wrappers import new_method_return, new_signal
from pytestqt.qtbot import QtBot

from stretchdesk.ui.desktop.bus import (
    BUS,
    BUS_PATH,
    BusConnection,
    error_text,
    is_error,
    member,
    socket_path,
)
from stretchdesk.ui.desktop.notifier import OBJECT, SERVICE, DesktopNotifier, Note

pytestmark = pytest.mark.needs("dbus-daemon", "gdbus", package="dbus-daemon libglib2.0-bin")


def test_addresses() -> None:
    assert socket_path("unix:path=/run/user/1000/bus") == ("/run/user/1000/bus", False)
    assert socket_path("tcp:host=x,port=1;unix:abstract=/tmp/dbus-ab%2cc,guid=1") == (
        "/tmp/dbus-ab,c",
        True,
    )
    assert socket_path("tcp:host=localhost,port=1") is None
    assert socket_path("") is None
    assert socket_path("nonsense") is None


def test_without_a_bus_every_call_fails_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    bus = BusConnection(f"unix:path={tmp_path / 'none'}")
    answers: list[Message] = []
    with qtbot.waitSignal(bus.lost, timeout=10_000):
        bus.call("org.example", "/", "org.example", "Hi", reply=answers.append)
    assert bus.failed
    assert len(answers) == 1 and is_error(answers[0]) and error_text(answers[0]) == bus.failed
    nowhere = BusConnection("")
    with qtbot.waitSignal(nowhere.lost, timeout=10_000) as lost:
        pass
    assert lost.args == ["there is no desktop session bus"]


def _gdbus(qtbot: QtBot, address: str, *args: str) -> str:
    """gdbus beside the event loop (the connection under test answers meanwhile)."""
    proc = subprocess.Popen(
        ["gdbus", "call", "--session", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": address},
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
    return proc.communicate(timeout=10)[0].strip()


def test_calls_from_other_clients_are_always_answered(qtbot: QtBot, private_bus: str) -> None:
    bus = BusConnection(private_bus)
    qtbot.waitUntil(lambda: bus.name != "", timeout=10_000)
    bus.serve("/io/example", lambda call: new_method_return(call, "u", (3_000_000_000,)))
    where = ("--dest", bus.name)
    served = _gdbus(qtbot, private_bus, *where, "-o", "/io/example", "-m", "io.example.Get")
    assert served == "(uint32 3000000000,)"  # unsigned, above what a signed int holds
    ping = _gdbus(qtbot, private_bus, *where, "-o", "/", "-m", "org.freedesktop.DBus.Peer.Ping")
    assert ping == "()"
    nothing = _gdbus(qtbot, private_bus, *where, "-o", "/elsewhere", "-m", "io.example.Get")
    assert "org.freedesktop.DBus.Error.UnknownObject" in nothing
    bus.serve("/io/example", None)
    gone = _gdbus(qtbot, private_bus, *where, "-o", "/io/example", "-m", "io.example.Get")
    assert "UnknownObject" in gone
    bus.close()


BIG = 3_000_000_000  # an id a signed 32-bit integer cannot hold


def test_the_notifier_keeps_an_unsigned_id_beyond_the_signed_range(
    qtbot: QtBot, private_bus: str
) -> None:
    """A notification service written on the same connection (jeepney types its replies as
    declared): Notify answers ``u`` 3,000,000,000; the action for that id arrives, and
    CloseNotification sends it back as ``u``."""
    server = BusConnection(private_bus)
    calls: list[tuple[str, str, tuple[Any, ...]]] = []

    def answer(call: Message) -> Message:
        signature = str(call.header.fields.get(HeaderFields.signature, ""))
        calls.append((member(call), signature, tuple(call.body)))
        if member(call) == "GetCapabilities":
            return new_method_return(call, "as", (["actions", "body"],))
        if member(call) == "Notify":
            return new_method_return(call, "u", (BIG,))
        return new_method_return(call)

    server.serve(OBJECT, answer)
    owned: list[Message] = []
    body = (SERVICE, 4)
    server.call(BUS, BUS_PATH, BUS, "RequestName", signature="su", body=body, reply=owned.append)
    qtbot.waitUntil(lambda: bool(owned), timeout=10_000)
    assert owned[0].body == (1,)  # the primary owner

    notifier = DesktopNotifier(private_bus)
    notifier.show(Note("Time for your back exercises", "Quick relief", (("start", "Start"),)))
    qtbot.waitUntil(lambda: notifier.showing, timeout=10_000)
    notify = next(c for c in calls if c[0] == "Notify")
    assert notify[1] == "susssasa{sv}i"
    emitter = DBusAddress(OBJECT, interface=SERVICE)
    with qtbot.waitSignal(notifier.action, timeout=10_000) as pressed:
        server.send(new_signal(emitter, "ActionInvoked", "us", (BIG, "start")))
    assert pressed.args == ["start"]
    notifier.close()
    qtbot.waitUntil(lambda: calls[-1][0] == "CloseNotification", timeout=10_000)
    assert calls[-1][1:] == ("u", (BIG,))
    server.close()
