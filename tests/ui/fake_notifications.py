"""A small stand-in for the desktop's notification service (org.freedesktop.Notifications)
on a private session bus, for the tests of reminders and of what a notification shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


@dataclass
class FakeNotifications(QDBusVirtualObject):
    """Answers Notify with a new id and records every call, with its signature."""

    bus: QDBusConnection
    calls: list[tuple[str, str, list[Any]]] = field(default_factory=list)
    last_id: int = 0
    capabilities: list[str] = field(default_factory=lambda: ["actions", "body"])

    def __post_init__(self) -> None:
        super().__init__()

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        self.calls.append((message.member(), message.signature(), message.arguments()))
        answer: list[Any] = []
        if message.member() == "Notify":
            self.last_id += 1
            answer = [self.last_id]
        elif message.member() == "GetCapabilities":
            answer = [list(self.capabilities)]
        reply = message.createReply()
        reply.setArguments(answer)
        connection.send(reply)
        return True

    def notifies(self) -> list[list[Any]]:
        return [args for member, _, args in self.calls if member == "Notify"]

    def press(self, key: str) -> None:
        """The person chose an action on the notification shown last."""
        signal = QDBusMessage.createSignal(PATH, NAME, "ActionInvoked")
        signal.setArguments([self.last_id, key])
        self.bus.send(signal)


@pytest.fixture
def notifications(private_bus: str) -> Iterator[FakeNotifications]:
    bus = QDBusConnection.connectToBus(private_bus, "fake-notifications")
    server = FakeNotifications(bus)
    assert bus.registerVirtualObject(PATH, server)
    assert bus.registerService(NAME)
    yield server
    bus.unregisterObject(PATH)
    QDBusConnection.disconnectFromBus("fake-notifications")
