"""What bench/child.py measures inside the process besides its first paint: the start-up's
parts, each screen's first show, the CPU of each thread, the peak memory."""

from __future__ import annotations

import builtins
import os
import resource
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

TICKS = os.sysconf("SC_CLK_TCK")


class Marks:
    """Moments of the start-up, in seconds from ``began``."""

    def __init__(self, began: float) -> None:
        self.began = began
        self.at: dict[str, float] = {}

    def mark(self, name: str) -> None:
        self.at[name] = time.perf_counter() - self.began

    def parts_ms(self, order: list[str]) -> dict[str, float]:
        """Each part's length: from the mark before it (or ``began``) to its own."""
        parts, last = {}, 0.0
        for name in order:
            moment = self.at.get(name, last)
            parts[f"{name}_ms"] = round((moment - last) * 1000, 1)
            last = moment
        return parts


@contextmanager
def import_clock(prefixes: tuple[str, ...], spent: dict[str, float]) -> Iterator[None]:
    """Milliseconds spent importing modules named with one of ``prefixes`` (PySide6's,
    Qt's namespaces set up on first use included) while inside, in ``spent["ms"]``: the
    part of the window's construction that is loading Qt, as the bare window's imports."""
    real = builtins.__import__
    depth = [0]

    def timed(name: str, *args: Any, **kwargs: Any) -> Any:
        if depth[0] or not name.startswith(prefixes):
            return real(name, *args, **kwargs)
        depth[0] += 1
        began = time.perf_counter()
        try:
            return real(name, *args, **kwargs)
        finally:
            depth[0] -= 1
            spent["ms"] = spent.get("ms", 0.0) + (time.perf_counter() - began) * 1000

    builtins.__import__ = timed
    try:
        yield
    finally:
        builtins.__import__ = real


def peak_rss_mb() -> float:
    """The process's own peak (VmHWM: the kernel's ru_maxrss keeps the larger of the parent
    it was forked from, the benchmark, when that was bigger)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def thread_cpu() -> dict[str, float]:
    """CPU seconds used so far by each thread, by name: Python's names for its threads,
    the kernel's for Qt's and the libraries' (the window's thread is "gui")."""
    names = {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}
    names[os.getpid()] = "gui"
    used: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            comm = (task / "comm").read_text().strip()
        except OSError:
            continue  # a thread that ended meanwhile
        name = names.get(int(task.name), comm)
        used[name] = used.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICKS
    return used


def cpu_share_by_thread(
    before: dict[str, float], after: dict[str, float], wall: float
) -> dict[str, float]:
    """Percent of one core for each thread between two ``thread_cpu`` readings."""
    share = {}
    for name, seconds in after.items():
        used = seconds - before.get(name, 0.0)
        if used > 0:
            share[name] = round(used / wall * 100, 3)
    return share


def first_shows(window: Any, process: Callable[[], None]) -> dict[str, float]:
    """Milliseconds from asking for each resting screen to its first paint (built, laid
    out and painted), once the window is up."""
    from stretchdesk.ui.shell.screen_names import Screen  # noqa: PLC0415

    shown: dict[str, float] = {}
    for screen in (Screen.HISTORY, Screen.SETTINGS, Screen.ABOUT, Screen.START):
        began = time.perf_counter()
        window.nav_to(screen)
        process()
        window.repaint()
        shown[f"{screen.value}_ms"] = round((time.perf_counter() - began) * 1000, 1)
    return shown
