"""The TUI benchmark: each run is a fresh interpreter (`benchmarks.tui_probe`), as
a user starts `spiegel`, on one unit holding all the actions.

    python -m benchmarks.tui --actions 10000 --repeat 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.datagen import build_spiegel, plan

GOALS = {"first_frame": 0.6, "keystroke_p95": 0.050, "rss_mb": 150}


def run_tui(actions: int, repeat: int, work: Path, today: dt.date) -> dict:
    data = work / f"tui-{actions}"
    build_spiegel(data, plan(actions, seed=42, today=today), today, one_unit=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [probe(data, today, env) for _ in range(repeat + 1)][1:]  # the first run writes .pyc files
    keys = sorted(k for r in runs for k in r["keystrokes"])
    return {
        "actions": actions, "repeat": repeat,
        "first_paint": [r["first_paint"] for r in runs], "first_frame": [r["first_frame"] for r in runs], "open_list": [r["open_list"] for r in runs],
        "keystroke_p50": percentile(keys, 50), "keystroke_p95": percentile(keys, 95), "keystrokes": len(keys),
        "rss_mb": max(r["rss_mb"] for r in runs), "rows_filtered": runs[0]["rows_filtered"],
    }


def probe(data: Path, today: dt.date, env: dict[str, str]) -> dict:
    env = {**env, "SPIEGEL_BENCH_T0": repr(time.time())}
    out = subprocess.run([sys.executable, "-m", "benchmarks.tui_probe", str(data), "praktijk-000", today.isoformat()],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def percentile(sorted_values: list[float], pct: int) -> float:
    """Nearest-rank percentile (no interpolation: a real observed latency)."""
    rank = max(1, -(-pct * len(sorted_values) // 100))
    return sorted_values[rank - 1]


def report(r: dict) -> list[str]:
    def spread(samples: list[float]) -> str:
        return f"{statistics.median(samples) * 1000:.0f} ms ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})"

    def verdict(value: float, goal: float) -> str:
        return "met" if value <= goal else "missed"

    first = statistics.median(r["first_frame"])
    return [
        f"TUI with {r['actions']} actions in one unit, 80×24 headless, {r['repeat']} fresh starts; "
        f"{r['keystrokes']} filter keystrokes in all (the filter narrows to {r['rows_filtered']} rows and back).",
        "",
        "| measure | spiegel | goal | |",
        "|---|---:|---:|---|",
        f"| first frame: start to portfolio drawn, figures loading | {spread(r['first_paint'])} | ≤ 600 ms | "
        f"{verdict(statistics.median(r['first_paint']), GOALS['first_frame'])} |",
        f"| start to portfolio drawn with every unit's figures | {spread(r['first_frame'])} | ≤ 600 ms | "
        f"{verdict(first, GOALS['first_frame'])} |",
        f"| open the 10k-action list (to drawn) | {spread(r['open_list'])} | | |",
        f"| filter keystroke p50 | {r['keystroke_p50'] * 1000:.0f} ms | | |",
        f"| filter keystroke p95 | {r['keystroke_p95'] * 1000:.0f} ms | ≤ 50 ms | "
        f"{verdict(r['keystroke_p95'], GOALS['keystroke_p95'])} |",
        f"| peak RSS | {r['rss_mb']:.0f} MB | ≤ 150 MB | {verdict(r['rss_mb'], GOALS['rss_mb'])} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spiegel-tui-bench-") as tmp:
        result = run_tui(args.actions, args.repeat, Path(tmp), dt.date(2026, 11, 23))
    print("\n".join(report(result)))


if __name__ == "__main__":
    main()
