"""The real app with the real Orca listening: a private X display, session bus, PulseAudio
null sink and a speech-dispatcher that logs every message, Orca started with its debug log,
then the app; keys are pressed into its window with xdotool and what was said is read back
from both logs. Everything started here is stopped by its process, in a temporary home."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from tests.desktop.xvfb import xvfb

ORCA_SETTINGS = {
    "general": {
        "enableSpeech": True,
        "speechServerFactory": "speechdispatcherfactory",
        "speechServerInfo": None,
        "enableBraille": False,
        "enableSound": False,
        "firstStart": False,
    },
    "profiles": {"default": {"profile": ["Default", "default"]}},
    "pronunciations": {},
    "keybindings": {},
}
SPOKEN = re.compile(r"SPEECH OUTPUT: '([^']*)'")
QUEUED = re.compile(r"Queueing message \|(.*?)\| with priority", re.S)


@dataclass
class OrcaRun:
    """A running desktop with Orca; ``said()`` is what Orca has spoken so far."""

    home: Path
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    app: subprocess.Popen[bytes] | None = None

    @property
    def orca_log(self) -> Path:
        return self.home / "orca.log"

    def said(self) -> list[str]:
        """Orca's spoken lines, in order (its debug log's SPEECH OUTPUT). Orca writes that log
        in blocks: complete only once Orca has stopped (``stop``)."""
        if not self.orca_log.exists():
            return []
        return SPOKEN.findall(self.orca_log.read_text(errors="replace"))

    def queued(self) -> list[str]:
        """Every message speech-dispatcher was given so far, by Orca or the app, as text."""
        found = QUEUED.findall(self.speechd_log())
        return [" ".join(re.sub(r"<[^>]+>", "", text).split()) for text in found]

    def speechd_log(self) -> str:
        logs = sorted((self.home / "speechd").glob("*.log"), key=lambda p: p.stat().st_size)
        return logs[-1].read_text(errors="replace") if logs else ""

    def fates(self) -> list[tuple[str, str]]:
        """("spoken" | "cut", text) for every message speech-dispatcher sent to its voice."""
        out: list[tuple[str, str]] = []
        current: str | None = None
        for line in self.speechd_log().splitlines():
            sent = re.search(r"Command sent to output module: \|<speak>(.*?)(</speak>|$)", line)
            if sent:
                current = " ".join(re.sub(r"<[^>]+>", "", sent.group(1)).split())
                out.append(("spoken", current))
            elif "Module stop!" in line and current is not None:
                out.append(("cut", current))
                current = None
            elif "got end" in line:
                current = None
        return out

    def wait_until(self, check: Callable[[], bool], seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)  # polling a log written by another process, with a deadline
        raise AssertionError(f"{what} within {seconds} s; last said: {self.queued()[-12:]}")

    def pause(self, seconds: float) -> None:
        """Real time for Orca and the voice to speak (they are real programs, not fakes)."""
        time.sleep(seconds)

    def wait_said(self, words: str, seconds: float = 30.0) -> None:
        """Wait until a message holding ``words`` reached speech-dispatcher."""
        self.wait_until(lambda: any(words in line for line in self.queued()), seconds, words)

    def start_app(self, data: Path, *more: str) -> None:
        self.app = self._start(
            [sys.executable, "-m", "stretchdesk", "--data-dir", str(data), *more], "app.log"
        )
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(self.app.pid)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        ).stdout.split()
        assert found, "the app's window did not appear"
        self.xdotool("windowactivate", "--sync", found[-1])

    def key(self, *names: str) -> None:
        self.xdotool("key", *names)

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, timeout=30, check=False)

    def _start(self, command: list[str], log: str) -> subprocess.Popen[bytes]:
        with (self.home / log).open("wb") as out:
            process = subprocess.Popen(
                command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                with_group(process, signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with_group(process, signal.SIGKILL)
                process.wait(timeout=10)


def with_group(process: subprocess.Popen[bytes], sign: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, sign)


def _home_env(home: Path, display: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    # short: a socket's path has room for 107 bytes (speech-dispatcher's, PulseAudio's, the bus')
    run = Path(tempfile.mkdtemp(prefix="sd-orca-"))
    (home / "run").symlink_to(run)
    # the test run's own speech-dispatcher address (none) and buses are not this desktop's
    theirs = ("XDG_", "DBUS_", "QT_", "SPEECHD_", "PULSE_", "STRETCHDESK_DATA_DIR")
    env = {k: v for k, v in os.environ.items() if not k.startswith(theirs)}
    env.update(
        HOME=str(home),
        DISPLAY=display,
        XDG_RUNTIME_DIR=str(run),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={run}/bus",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
    )
    return env


@contextmanager
def orca_desktop(home: Path) -> Iterator[OrcaRun]:
    """Xvfb, a session bus, a null sound sink, speech-dispatcher and Orca, ready to listen."""
    with ExitStack() as stack:
        display = stack.enter_context(xvfb())
        env = _home_env(home, display)
        run = OrcaRun(home, env)
        runtime = Path(env["XDG_RUNTIME_DIR"])
        stack.callback(shutil.rmtree, runtime, ignore_errors=True)
        stack.callback(run.stop)
        bus = run._start(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                f"--address={env['DBUS_SESSION_BUS_ADDRESS']}",
            ],
            "dbus.log",
        )
        run.wait_until((runtime / "bus").exists, 20, "the session bus")
        assert bus.poll() is None
        names = ["DISPLAY", "XDG_RUNTIME_DIR", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"]
        subprocess.run(
            ["dbus-update-activation-environment", *names], env=env, timeout=20, check=False
        )
        run._start(
            [
                "pulseaudio",
                "--daemonize=no",
                "-n",
                "--load=module-native-protocol-unix",
                "--load=module-null-sink sink_name=spk",
                "--load=module-always-sink",
                "--exit-idle-time=-1",
            ],
            "pulse.log",
        )
        run.wait_until((runtime / "pulse" / "native").exists, 20, "PulseAudio")
        (home / "speechd").mkdir()
        run._start(
            ["speech-dispatcher", "-s", "-t", "0", "-l", "5", "-L", str(home / "speechd")],
            "speechd.out",
        )
        socket = runtime / "speech-dispatcher" / "speechd.sock"
        run.wait_until(socket.exists, 30, "speech-dispatcher's socket")
        prefs = home / "orca-prefs"
        prefs.mkdir()
        (prefs / "user-settings.conf").write_text(json.dumps(ORCA_SETTINGS, indent=1))
        run._start(["orca", f"--debug-file={run.orca_log}", "-u", str(prefs)], "orca.out")
        run.pause(8)  # Orca's start: its logs are written in blocks, so nothing to wait on
        yield run
