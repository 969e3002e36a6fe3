"""The portfolio benchmark (issue 19): a relatiemanager's care group of 50 or 100
units shaped like the demo's (about 200 actions, 275 KB each), each run a fresh
interpreter as a user starts `spiegel`.

    python -m benchmarks.portfolio --units 50 100 --repeat 5

Reports, per size, the time from start to the first frame (the portfolio composed,
figures maybe still loading) and to the frame showing every unit's figures (phase
per route, untreated leerpunten, open and overdue actions, last meeting and visit).
The goal: the figures within 0.6 s of the first frame. `--cold` removes the figures
cache first (the first start after an upgrade, or after spiegel 0.x wrote the files).
`--postgresql` instead times, in one process, every unit's facts from a throwaway
PostgreSQL cluster (tests/pg_server.py): cold, warm, and by parsing every unit.
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

TODAY = dt.date(2026, 11, 23)
GOAL = 0.6


def build(data: Path, units: int) -> None:
    from store.moments.demo import ACTIONS_PER_UNIT, build_demo
    from store.persistence.repository import Store

    build_demo(Store(data, today=TODAY, user="inge"), actions=units * ACTIONS_PER_UNIT)


def probe(data: Path, env: dict[str, str]) -> dict:
    env = {**env, "SPIEGEL_BENCH_T0": repr(time.time())}
    out = subprocess.run([sys.executable, "-m", "benchmarks.portfolio_probe", str(data), TODAY.isoformat()],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def drop_cache(data: Path) -> None:
    for index in data.glob("*/index"):
        index.unlink()


def run(units: int, repeat: int, work: Path, cold: bool) -> dict:
    data = work / f"portfolio-{units}"
    build(data, units)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    probe(data, env)  # writes .pyc files (and, warm, the caches a first start leaves)
    runs = []
    for _ in range(repeat):
        if cold:
            drop_cache(data)
        runs.append(probe(data, env))
    size = sum(p.stat().st_size for p in data.glob("*/unit.json"))
    return {"units": units, "mb": size / 1e6, "runs": runs}


def report(result: dict, cold: bool) -> str:
    def spread(samples: list[float]) -> str:
        return f"{statistics.median(samples) * 1000:.0f} ms ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})"

    runs = result["runs"]
    first = [r["first_paint"] for r in runs]
    figures = [r["first_frame"] for r in runs]
    gap = [r["first_frame"] - r["first_paint"] for r in runs]
    verdict = "met" if statistics.median(gap) <= GOAL else "missed"
    return (f"| {result['units']} ({result['mb']:.0f} MB){' cold' if cold else ''} | {spread(first)} | "
            f"{spread(figures)} | {spread(gap)} | {verdict} |")


def run_postgresql(units: int) -> None:
    from store.moments.demo import ACTIONS_PER_UNIT, build_demo
    from store.moments.portfolio import all_facts, portfolio_facts
    from store.persistence.repository import Store
    from tests.pg_server import Cluster

    cluster = Cluster()
    cluster.start()
    cluster.make_template()
    try:
        url = cluster.url(cluster.new_database())
        build_demo(Store(url, today=TODAY, user="inge"), actions=units * ACTIONS_PER_UNIT)
        for label in ("figures, cold", "figures, warm", "figures, warm"):
            store = Store(url, today=TODAY)
            started = time.perf_counter()
            all_facts(store, TODAY)
            print(f"| {units} | {label} | {(time.perf_counter() - started) * 1000:.0f} ms |", flush=True)
            store.close()
        store = Store(url, today=TODAY)
        started = time.perf_counter()
        [portfolio_facts(store, entry, TODAY) for entry in store.units()]
        print(f"| {units} | every unit parsed (before) | {(time.perf_counter() - started) * 1000:.0f} ms |")
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, nargs="+", default=[50, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--postgresql", action="store_true")
    args = parser.parse_args()
    if args.postgresql:
        print("| units | facts of every unit, in one process | time |\n|---|---|---:|")
        for units in args.units:
            run_postgresql(units)
        return
    print("| units | start to first frame | start to every unit's figures | figures after first frame (goal ≤ 600 ms) | |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="spiegel-portfolio-bench-") as tmp:
        for units in args.units:
            print(report(run(units, args.repeat, Path(tmp), args.cold), args.cold), flush=True)


if __name__ == "__main__":
    main()
