"""The window against a bare Qt window, measured side by side in the same run.

Start-up: process start (the parent's clock before spawning) to the first paint, app and
bare window interleaved, medians of RUNS after one warm-up each; the app also with ten
hostile routine files in the person's routines folder (bench/hostile_routines.py: each
once enough to stop or freeze it), which must not delay the first paint. Memory and CPU:
the real app 30 s and 60 s into a running session, with the bare window's memory as the
baseline.
Waiting in the tray: the app started with --background, reminders on and none due, its
memory beside the bare window's and its CPU over a minute. Countdown: every change of the
shown number compared with the moment the true remaining time crossed it, first with both
cores loaded by busy processes, then with the GUI thread blocked 1.5 s every 7 s.
Pain-stop: click to recovery screen, everything stopped and committed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.hostile_routines import HOSTILE_TEN, write_all

RUNS = 7
SESSION_SECONDS = 65.0  # CPU is counted over the last 60 s, after the first frames loaded


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def child(*args: str, timeout: float = 300, language: str = "en") -> tuple[dict[str, Any], float]:
    """Run bench.child; its JSON line and the seconds from spawn to that line."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.child", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**_env(), "STRETCHDESK_LANGUAGE": language},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    seen = time.perf_counter() - began
    proc.wait(timeout=timeout)
    return json.loads(line), seen


@contextmanager
def busy_cores(count: int) -> Iterator[None]:
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def startup() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as hostile:
        write_all(Path(hostile), HOSTILE_TEN)
        child("bare")
        child("app")  # warm-up: caches and compiled files
        child("app", language="de")
        child("app", hostile)
        bare_s, app_s, german_s, hostile_s, bare_mb, app_mb = [], [], [], [], [], []
        bare_parts: list[dict[str, float]] = []
        app_parts: list[dict[str, float]] = []
        for _ in range(RUNS):
            found, seconds = child("bare")
            bare_s.append(seconds)
            bare_mb.append(found["rss_mb"])
            bare_parts.append(_with_interpreter(found, seconds))
            found, seconds = child("app")
            app_s.append(seconds)
            app_mb.append(found["rss_mb"])
            app_parts.append(_with_interpreter(found, seconds))
            _, seconds = child("app", language="de")  # its words, content and Qt's catalogue
            german_s.append(seconds)
            _, seconds = child("app", hostile)  # ten hostile routine files of the person's
            hostile_s.append(seconds)
    bare, app = statistics.median(bare_s), statistics.median(app_s)
    german, spoiled = statistics.median(german_s), statistics.median(hostile_s)
    return {
        "bare_first_paint_ms": round(bare * 1000),
        "app_first_paint_ms": round(app * 1000),
        "app_german_first_paint_ms": round(german * 1000),
        "german_over_english_ms": round((german - app) * 1000),
        "app_hostile_routines_first_paint_ms": round(spoiled * 1000),
        "hostile_routines_over_none_ms": round((spoiled - app) * 1000),
        "ratio": round(app / bare, 2),
        "bare_rss_mb": round(statistics.median(bare_mb), 1),
        "app_rss_mb": round(statistics.median(app_mb), 1),
        "app_parts_ms": _medians(app_parts),
        "bare_parts_ms": _medians(bare_parts),
        "target_ratio": 1.3,
        "target_app_rss_over_bare_mb": 15,
    }


def _with_interpreter(found: dict[str, Any], seconds: float) -> dict[str, float]:
    """The child's parts, with the interpreter's start (spawn to the child's first line of
    Python) before them."""
    return {"interpreter_ms": round((seconds - found["first_paint_s"]) * 1000, 1), **found["parts"]}


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(run[key] for run in runs), 1) for key in runs[0]}


def screens() -> dict[str, Any]:
    """Each resting screen's first show once the window is up (medians of 3), beside the
    bare window's whole start-up in the same run."""
    shown = [child("screens")[0] for _ in range(3)]
    bare = statistics.median(child("bare")[1] for _ in range(3))
    keys = [key for key in shown[0] if key.endswith("_ms")]
    return {
        **{key: round(statistics.median(run[key] for run in shown), 1) for key in keys},
        "bare_first_paint_ms": round(bare * 1000),
    }


def session(bare_mb: float) -> dict[str, Any]:
    with busy_cores(os.cpu_count() or 2):
        loaded, _ = child("session", str(SESSION_SECONDS))
    plain, _ = child("session", str(SESSION_SECONDS))
    stalled, _ = child("session", str(SESSION_SECONDS), "stall")
    return {
        "bare_rss_mb": bare_mb,
        "rss_30s_mb": round(plain["rss_mb"], 1),
        "rss_end_mb": round(plain["rss_end_mb"], 1),
        "rss_peak_mb": round(plain["rss_peak_mb"], 1),
        "cpu_percent_by_thread": plain["cpu_percent_by_thread"],
        "frames_decoded": plain["frames_decoded"],
        "rss_ratio_to_bare": round(plain["rss_mb"] / bare_mb, 2),
        "cpu_share_percent": round(plain["cpu_share"] * 100, 2),
        "dial_repaints_per_second": round(plain["dial_repaints"] / SESSION_SECONDS, 2),
        "countdown_late_max_ms_cores_loaded": round(loaded["late_max_ms"], 1),
        "countdown_late_median_ms_cores_loaded": round(loaded["late_median_ms"], 1),
        "countdown_late_max_ms_plain": round(plain["late_max_ms"], 1),
        "countdown_late_max_ms_with_stalls": round(stalled["late_max_ms"], 1),
        "countdown_late_median_ms_with_stalls": round(stalled["late_median_ms"], 1),
        "targets": {
            "rss_30s_mb": 80,
            "cpu_share_percent": 0.5,
            "late_ms": 20,
            "late_ms_cores_loaded": 50,
            "stall_ms": 1500,
        },
    }


def tray(bare_mb: float) -> dict[str, Any]:
    """Waiting in the background with reminders on: memory beside the bare window, CPU
    over a minute with nothing due."""
    found, _ = child("tray", "65")
    return {
        "rss_mb": round(found["rss_mb"], 1),
        "over_bare_mb": round(found["rss_mb"] - bare_mb, 1),
        "cpu_share_percent": round(found["cpu_share"] * 100, 3),
        "timer_wakes_per_minute": found["timer_wakes"],
        "window_shown": found["window_shown"],
        "targets": {"over_bare_mb": 10, "cpu_share_percent": 0.0},
    }


def pain_stop() -> dict[str, Any]:
    found, _ = child("painstop", "21")
    return {
        "median_ms": round(found["median_ms"], 1),
        "max_ms": round(found["max_ms"], 1),
        "runs": found["runs"],
        "committed": found["committed"],
        "target_median_ms": 50,
    }


GROUPS = ("startup", "screens", "session", "tray", "pain_stop")


def run(parts: tuple[str, ...] = GROUPS) -> dict[str, Any]:
    """The start-up always (the others' baseline is the bare window's memory), then the
    groups asked for."""
    start = startup()
    found: dict[str, Any] = {"startup": start}
    if "screens" in parts:
        found["screens"] = screens()
    if "session" in parts:
        found["session"] = session(start["bare_rss_mb"])
    if "tray" in parts:
        found["tray"] = tray(start["bare_rss_mb"])
    if "pain_stop" in parts:
        found["pain_stop"] = pain_stop()
    return found
