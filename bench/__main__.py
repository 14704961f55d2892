"""Run the benchmarks, print a table, and write bench/results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import app_bench, history_scale, install_size, listen_bench
from tests import sound_server

RESULTS = Path(__file__).with_name("results.json")


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
    }


def main() -> int:
    with sound_server.null_sink() as sound:
        results = {
            "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "machine": {**machine(), "sound_server": sound},
            "history_scale": history_scale.run(),
            **app_bench.run(),
            "install": install_size.run(),
            "listen": listen_bench.run(),
        }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    scale = results["history_scale"]
    targets = scale["targets"]
    print("| figure | value | target |\n|---|---|---|")
    for key, value in scale.items():
        if key == "targets":
            continue
        target = targets.get(key)
        mark = "" if target is None else f"<= {target}" + (" ok" if value <= target else " MISSED")
        print(f"| history: {key} | {value} | {mark} |")
    for group in ("startup", "session", "tray", "pain_stop", "install", "listen"):
        for key, value in results[group].items():
            print(f"| {group}: {key} | {value} | |")
    print(f"\nwritten to {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
