"""A private PulseAudio server with a null sink, for the tests and the benchmarks: a desktop
has a sound server, and the session is tested and measured playing its cues to one. Without
``pulseaudio`` the session runs without sound (and bench/results.json says so)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def null_sink() -> Iterator[str]:
    """Sets PULSE_SERVER for the children while it runs; yields what was used."""
    if shutil.which("pulseaudio") is None:
        yield "none (pulseaudio is not installed)"
        return
    with tempfile.TemporaryDirectory(prefix="bench-pulse-") as home:
        socket = Path(home) / "native"
        env = {**os.environ, "HOME": home, "XDG_RUNTIME_DIR": home}
        proc = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--load=module-null-sink sink_name=null",
                f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        before = os.environ.get("PULSE_SERVER")
        os.environ["PULSE_SERVER"] = f"unix:{socket}"
        try:
            deadline = time.monotonic() + 10
            while not socket.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            yield "PulseAudio null sink" if socket.exists() else "none (did not start)"
        finally:
            if before is None:
                os.environ.pop("PULSE_SERVER", None)
            else:
                os.environ["PULSE_SERVER"] = before
            proc.terminate()
            proc.wait(timeout=10)
