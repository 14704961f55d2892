"""A child process read line by line with a time limit on every wait."""

from __future__ import annotations

import queue
import subprocess
import threading
import time


class Child:
    """``lines`` of a running process's standard output, each wait bounded in time."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.seen: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None
        self._pump_thread = threading.Thread(target=self._pump, args=(process.stdout,), daemon=True)
        self._pump_thread.start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def expect(self, prefix: str, timeout: float = 30) -> str:
        """The next line starting with ``prefix`` (earlier ones are kept in ``seen``)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self._lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} within {timeout} s: {self.seen}") from None
            if line is None:
                code = self.process.wait(timeout=10)
                raise AssertionError(f"exited with {code} before {prefix!r}: {self.seen}")
            self.seen.append(line)
            if line.startswith(prefix):
                return line

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stop(self) -> tuple[int, str]:
        """Close its standard input (it closes its window) and wait for it."""
        if self.process.poll() is None and self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        errors = self.process.stderr.read() if self.process.stderr else ""
        self._pump_thread.join(timeout=10)  # the output's end has been read
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return self.process.returncode, errors
