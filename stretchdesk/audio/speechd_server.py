"""Where speech-dispatcher listens, how to reach it, and how to start it when nobody has
(what its own client library does). No Qt."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ANSWER_SECONDS = 2.0  # a local server answers in well under a millisecond
SPAWN_SECONDS = 5.0


class SsipError(Exception):
    """speech-dispatcher cannot be reached or refused something; the message says which."""


@dataclass(frozen=True)
class Address:
    """Where the server listens: a Unix socket path, or a host and port."""

    path: Path | None = None
    host: str = "127.0.0.1"
    port: int = 6560
    default: bool = True  # the usual place: the server may be started if it is not running

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else f"{self.host}:{self.port}"


def default_socket(env: Mapping[str, str] = os.environ) -> Path:
    """Where speech-dispatcher's own clients look: the runtime folder (or the cache folder
    when there is none), then ``speech-dispatcher/speechd.sock``."""
    base = env.get("XDG_RUNTIME_DIR") or env.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path(env.get("HOME", "~")).expanduser() / ".cache"
    return folder / "speech-dispatcher" / "speechd.sock"


def address_from(env: Mapping[str, str] = os.environ) -> Address:
    """``SPEECHD_ADDRESS`` (``unix_socket:PATH`` or ``inet_socket:HOST:PORT``) or the default."""
    given = env.get("SPEECHD_ADDRESS", "").strip()
    method, _, rest = given.partition(":")
    if method == "inet_socket":
        host, _, port = rest.partition(":")
        return Address(host=host or "127.0.0.1", port=int(port or 6560), default=False)
    if method == "unix_socket" and rest and rest != "default":
        return Address(path=Path(rest).expanduser(), default=False)
    return Address(path=default_socket(env))


def connect(address: Address, timeout: float = ANSWER_SECONDS) -> socket.socket:
    """An open connection, or OSError."""
    if address.path is not None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target: str | tuple[str, int] = str(address.path)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        target = (address.host, address.port)
    sock.settimeout(timeout)
    try:
        sock.connect(target)
    except OSError:
        sock.close()
        raise
    sock.settimeout(None)
    return sock


def spawn_server(address: Address, seconds: float = SPAWN_SECONDS) -> None:
    """Start speech-dispatcher in the background on ``address`` (what its client library does
    when nobody has started it), and wait until it listens. OSError or SsipError if not."""
    program = shutil.which("speech-dispatcher")
    if program is None or address.path is None:
        raise SsipError("speech-dispatcher is not installed")
    address.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    command = [program, "--spawn", "--communication-method", "unix_socket"]
    command += ["--socket-path", str(address.path)]
    try:
        subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SsipError("speech-dispatcher did not start in time") from None
