"""Run the benchmarks, print a table, write bench/results.json and add a line to
bench/history.jsonl (the figures of every run, kept in the repository so that a change
shows in review).

``python -m bench`` runs them all; ``python -m bench startup session`` only those groups of
bench/app_bench.py (the start-up always: it is the others' baseline), leaving the other
groups of results.json as they were."""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import app_bench, history_scale, install_size, listen_bench
from tests import sound_server

RESULTS = Path(__file__).with_name("results.json")
HISTORY = Path(__file__).with_name("history.jsonl")
OTHERS = ("history_scale", "install", "listen")


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


def load() -> list[float]:
    """The machine's load (1, 5 and 15 minutes): how busy it was with other work."""
    return [round(value, 2) for value in os.getloadavg()]


def measure(asked: list[str]) -> dict[str, Any]:
    groups = tuple(g for g in app_bench.GROUPS if not asked or g in asked)
    found: dict[str, Any] = {"load_before": load()}
    with sound_server.null_sink() as sound:
        found["machine"] = {**machine(), "sound_server": sound}
        if not asked or "history_scale" in asked:
            found["history_scale"] = history_scale.run()
        found.update(app_bench.run(groups))
        if not asked or "install" in asked:
            found["install"] = install_size.run()
        if not asked or "listen" in asked:
            found["listen"] = listen_bench.run()
    found["load_after"] = load()
    return found


def table(results: dict[str, Any], groups: list[str]) -> None:
    print("| figure | value | target |\n|---|---|---|")
    for group in groups:
        values = results.get(group, {})
        targets = values.get("targets", {})
        for key, value in values.items():
            if key != "targets":
                target = targets.get(key)
                print(f"| {group}: {key} | {value} | {'' if target is None else target} |")


def main(argv: list[str]) -> int:
    unknown = [a for a in argv if a not in (*app_bench.GROUPS, *OTHERS)]
    if unknown:
        names = ", ".join((*app_bench.GROUPS, *OTHERS))
        print(f"unknown benchmark {', '.join(unknown)}; these exist: {names}", file=sys.stderr)
        return 2
    measured_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    found = measure(argv)
    kept = json.loads(RESULTS.read_text()) if argv and RESULTS.is_file() else {}
    results = {**kept, **found, "measured_at": measured_at}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    with HISTORY.open("a", encoding="utf-8") as history:
        history.write(json.dumps({"measured_at": measured_at, **found}) + "\n")
    groups = [g for g in (*OTHERS[:1], *app_bench.GROUPS, *OTHERS[1:]) if g in found]
    table(results, groups)
    print(f"\nload before {found['load_before']}, after {found['load_after']}", file=sys.stderr)
    print(f"written to {RESULTS} and added to {HISTORY}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
