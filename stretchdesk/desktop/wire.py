"""The D-Bus wire format, for the few messages the reminders send and read. No Qt.

Qt's D-Bus module, as PySide exposes it, turns every Python integer into a signed ``i``
(or a 16-bit ``q`` in a ``QDBusArgument``), while org.freedesktop.Notifications takes and
returns notification ids as unsigned ``u``; notification servers check signatures and
refuse the call. So the notifier speaks D-Bus itself: this module writes and reads
messages for an explicit signature (the D-Bus Specification, "Message Protocol"), and
ui/desktop/notifier.py carries them over a local socket.

Supported types: y b n q i u x t d s o g, arrays, structs, dict entries and variants (a
variant's value is written from ``Variant(signature, value)``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

METHOD_CALL, METHOD_RETURN, ERROR, SIGNAL = 1, 2, 3, 4
NO_REPLY_EXPECTED = 0x1
PATH, INTERFACE, MEMBER, ERROR_NAME, REPLY_SERIAL, DESTINATION, SENDER, SIGNATURE = range(1, 9)
MAX_MESSAGE = 128 * 1024 * 1024  # the specification's limit

_FIXED = {
    "y": ("B", 1),
    "b": ("I", 4),
    "n": ("h", 2),
    "q": ("H", 2),
    "i": ("i", 4),
    "u": ("I", 4),
    "x": ("q", 8),
    "t": ("Q", 8),
    "d": ("d", 8),
}
_HEADER_TYPES = {PATH: "o", INTERFACE: "s", MEMBER: "s", ERROR_NAME: "s", REPLY_SERIAL: "u"}
_HEADER_TYPES |= {DESTINATION: "s", SENDER: "s", SIGNATURE: "g"}


class WireError(ValueError):
    """A message that cannot be written or read."""


@dataclass(frozen=True)
class Variant:
    signature: str
    value: Any


@dataclass
class Message:
    kind: int
    serial: int = 0
    path: str | None = None
    interface: str | None = None
    member: str | None = None
    error_name: str | None = None
    reply_serial: int | None = None
    destination: str | None = None
    sender: str | None = None
    signature: str = ""
    body: list[Any] = field(default_factory=list)
    flags: int = 0


def split_signature(signature: str) -> list[str]:
    """ "sa{sv}i" -> ["s", "a{sv}", "i"]: one complete type each."""
    types, i = [], 0
    while i < len(signature):
        end = _complete(signature, i)
        types.append(signature[i:end])
        i = end
    return types


def _complete(signature: str, start: int) -> int:
    """The end of the complete type starting at ``start``."""
    if start >= len(signature):
        raise WireError(f"signature {signature!r} ends too soon")
    char = signature[start]
    if char == "a":
        return _complete(signature, start + 1)
    if char in "({":
        close = ")" if char == "(" else "}"
        i = start + 1
        while i < len(signature) and signature[i] != close:
            i = _complete(signature, i)
        if i >= len(signature):
            raise WireError(f"signature {signature!r} is not closed")
        return i + 1
    if char in _FIXED or char in "sogv":
        return start + 1
    raise WireError(f"type {char!r} is not supported")


def _alignment(kind: str) -> int:
    if kind[0] in "({":
        return 8
    if kind[0] in "asob":
        return 4
    if kind[0] in _FIXED:
        return _FIXED[kind[0]][1]
    return 1  # g, v


class _Writer:
    def __init__(self) -> None:
        self.data = bytearray()

    def pad(self, alignment: int) -> None:
        self.data.extend(b"\0" * (-len(self.data) % alignment))

    def write(self, kind: str, value: Any) -> None:
        self.pad(_alignment(kind))
        char = kind[0]
        if char in _FIXED:
            code, _size = _FIXED[char]
            self.data.extend(struct.pack("<" + code, int(value) if char != "d" else value))
        elif char in "so":
            raw = str(value).encode()
            self.data.extend(struct.pack("<I", len(raw)) + raw + b"\0")
        elif char == "g":
            raw = str(value).encode()
            self.data.extend(struct.pack("<B", len(raw)) + raw + b"\0")
        elif char == "v":
            if not isinstance(value, Variant):
                raise WireError("a variant is written from Variant(signature, value)")
            self.write("g", value.signature)
            self.write(value.signature, value.value)
        elif char == "a":
            self._array(kind[1:], value)
        else:  # a struct or a dict entry
            self.pad(8)
            for inner, item in zip(split_signature(kind[1:-1]), value, strict=True):
                self.write(inner, item)

    def _array(self, element: str, value: Any) -> None:
        at = len(self.data)
        self.data.extend(b"\0\0\0\0")
        self.pad(_alignment(element))
        start = len(self.data)
        items = value.items() if element[0] == "{" else value
        for item in items:
            self.write(element, item)
        struct.pack_into("<I", self.data, at, len(self.data) - start)


class _Reader:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.at = offset

    def align(self, alignment: int) -> None:
        self.at += -self.at % alignment

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise WireError("the message ends too soon")
        piece = self.data[self.at : self.at + count]
        self.at += count
        return piece

    def read(self, kind: str) -> Any:
        self.align(_alignment(kind))
        char = kind[0]
        if char in _FIXED:
            code, size = _FIXED[char]
            value = struct.unpack("<" + code, self.take(size))[0]
            return bool(value) if char == "b" else value
        if char in "so":
            (length,) = struct.unpack("<I", self.take(4))
            text = self.take(length + 1)[:-1]
            return text.decode("utf-8", errors="replace")
        if char == "g":
            (length,) = struct.unpack("<B", self.take(1))
            return self.take(length + 1)[:-1].decode("ascii", errors="replace")
        if char == "v":
            inner = self.read("g")
            if len(split_signature(inner)) != 1:
                raise WireError(f"a variant holds {inner!r}")
            return self.read(inner)
        if char == "a":
            (length,) = struct.unpack("<I", self.take(4))
            self.align(_alignment(kind[1:]))
            end = self.at + length
            items = []
            while self.at < end:
                items.append(self.read(kind[1:]))
            return dict(items) if kind[1] == "{" else items
        self.align(8)
        return tuple(self.read(inner) for inner in split_signature(kind[1:-1]))


def encode(message: Message) -> bytes:
    body = _Writer()
    for kind, value in zip(split_signature(message.signature), message.body, strict=True):
        body.write(kind, value)
    fields = []
    for code, kind in _HEADER_TYPES.items():
        value = {
            PATH: message.path,
            INTERFACE: message.interface,
            MEMBER: message.member,
            ERROR_NAME: message.error_name,
            REPLY_SERIAL: message.reply_serial,
            DESTINATION: message.destination,
            SENDER: message.sender,
            SIGNATURE: message.signature or None,
        }[code]
        if value is not None:
            fields.append((code, Variant(kind, value)))
    head = _Writer()
    head.data.extend(
        struct.pack("<cBBBII", b"l", message.kind, message.flags, 1, len(body.data), message.serial)
    )
    head.write("a(yv)", fields)
    head.pad(8)
    return bytes(head.data + body.data)


def message_length(data: bytes) -> int | None:
    """The whole length of the message at the start of ``data``, once its fixed header is
    there; None before that."""
    if len(data) < 16:
        return None
    if data[:1] != b"l":
        raise WireError("only little-endian messages are read")
    body, _serial, fields = struct.unpack_from("<III", data, 4)
    total = 16 + fields + (-(16 + fields) % 8) + body
    if total > MAX_MESSAGE:
        raise WireError("a message is too large")
    return int(total)


def decode(data: bytes) -> Message:
    """One whole message (see ``message_length``)."""
    reader = _Reader(data, 12)
    kind, flags = data[1], data[2]
    (serial,) = struct.unpack_from("<I", data, 8)
    values: dict[int, Any] = {}
    for code, value in reader.read("a(yv)"):
        values[code] = value
    reader.align(8)
    signature = str(values.get(SIGNATURE, ""))
    body = [reader.read(kind_) for kind_ in split_signature(signature)]
    return Message(
        kind=kind,
        serial=serial,
        flags=flags,
        path=values.get(PATH),
        interface=values.get(INTERFACE),
        member=values.get(MEMBER),
        error_name=values.get(ERROR_NAME),
        reply_serial=values.get(REPLY_SERIAL),
        destination=values.get(DESTINATION),
        sender=values.get(SENDER),
        signature=signature,
        body=body,
    )


def socket_path(address: str) -> tuple[str, bool] | None:
    """The first ``unix:`` transport of a bus address: (path, abstract); None if there is
    none this client can use."""
    for transport in address.split(";"):
        method, _, params = transport.partition(":")
        if method != "unix":
            continue
        pairs = dict(p.split("=", 1) for p in params.split(",") if "=" in p)
        if "path" in pairs:
            return _unescape(pairs["path"]), False
        if "abstract" in pairs:
            return _unescape(pairs["abstract"]), True
    return None


def _unescape(value: str) -> str:
    out, i = bytearray(), 0
    raw = value.encode()
    while i < len(raw):
        if raw[i : i + 1] == b"%" and i + 2 < len(raw) + 1:
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode()
