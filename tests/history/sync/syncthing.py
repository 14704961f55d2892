"""Two real Syncthing instances on 127.0.0.1 sharing one folder, started by a test with
their own homes and ports (discovery, relays, NAT and usage reports off), the folder
shared between them through their REST API. Waiting is on Syncthing's event stream (a
long poll), never a sleep."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER_ID = "stretchdesk-test"
LISTEN_PORTS = range(22150, 22200)
GUI_PORTS = range(8450, 8500)
STEP_SECONDS = 30  # each call to syncthing ends within this


def free_port(ports: range, taken: set[int]) -> int:
    for port in ports:
        if port in taken:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise RuntimeError(f"no free port in {ports}")


@dataclass
class Instance:
    home: Path
    folder: Path
    listen: int
    gui: int
    key: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None
    device: str = ""
    log: Path | None = None
    since: int = 0  # the last event seen

    def generate(self) -> None:
        subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            timeout=STEP_SECONDS,
        )
        config = self.home / "config.xml"
        tree = ET.parse(config)
        options = tree.getroot().find("options")
        assert options is not None
        wanted = {
            "listenAddress": f"tcp://127.0.0.1:{self.listen}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "startBrowser": "false",
            "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0",
        }
        for tag, value in wanted.items():
            for old in options.findall(tag):
                options.remove(old)
            ET.SubElement(options, tag).text = value
        tree.write(config)

    def start(self) -> None:
        env = {**os.environ, "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1"}
        self.log = self.home / "syncthing.log"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    "syncthing",
                    "serve",
                    f"--home={self.home}",
                    "--no-browser",
                    "--no-restart",
                    f"--gui-address=http://127.0.0.1:{self.gui}",
                    f"--gui-apikey={self.key}",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        deadline = time.monotonic() + STEP_SECONDS
        while True:
            try:
                self.device = self.rest("GET", "/rest/system/status")["myID"]
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                # not answering yet: wait on the process (an early exit ends the wait)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.2)
                    raise RuntimeError(f"syncthing ended: see {self.log}") from None

    def wait_event(self, seconds: int) -> None:
        """Until the engine has something to say, or ``seconds`` (its event stream)."""
        with contextlib.suppress(OSError, ValueError):
            events = self.rest("GET", f"/rest/events?since={self.since}&timeout={seconds}")
            if events:
                self.since = max(int(e["id"]) for e in events)

    def rest(self, method: str, path: str, body: object = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=STEP_SECONDS) as answer:
            text = answer.read()
        return json.loads(text) if text.strip() else None

    def share_with(self, other: Instance) -> None:
        self.rest(
            "POST",
            "/rest/config/devices",
            {
                "deviceID": other.device,
                "name": other.home.name,
                "addresses": [f"tcp://127.0.0.1:{other.listen}"],
                "autoAcceptFolders": False,
            },
        )
        self.rest(
            "POST",
            "/rest/config/folders",
            {
                "id": FOLDER_ID,
                "label": "shared",
                "path": str(self.folder),
                "type": "sendreceive",
                "devices": [{"deviceID": self.device}, {"deviceID": other.device}],
                "rescanIntervalS": 5,
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
            },
        )

    def scan(self) -> None:
        with contextlib.suppress(OSError):
            self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(OSError):
            self.rest("POST", "/rest/system/shutdown")
        try:
            self.process.wait(timeout=STEP_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def kill(self) -> None:
        """kill -9, as a crash or a power cut of the sync engine."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STEP_SECONDS)
        self.process = None


@contextlib.contextmanager
def pair(base: Path) -> Iterator[tuple[Instance, Instance]]:
    taken: set[int] = set()
    made = []
    for name in ("st-home", "st-work"):
        folder = base / f"{name}-folder"
        folder.mkdir(parents=True)
        made.append(
            Instance(
                base / name, folder, free_port(LISTEN_PORTS, taken), free_port(GUI_PORTS, taken)
            )
        )
    one, two = made
    try:
        for instance in made:
            instance.generate()
            instance.start()
        one.share_with(two)
        two.share_with(one)
        yield one, two
    finally:
        for instance in made:
            instance.stop()


def wait_until(
    check: Callable[[], bool], instances: tuple[Instance, ...], seconds: float = 120
) -> None:
    """Until ``check`` holds, asking for a scan and waiting on the engines' events."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds:g} s")
        for instance in instances:
            if instance.process is not None:
                instance.scan()
        live = [i for i in instances if i.process is not None]
        if live:
            live[0].wait_event(1)
        else:
            raise AssertionError("no Syncthing is running")
