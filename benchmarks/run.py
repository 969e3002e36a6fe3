"""spiegel vs taskwarrior, measured in the same run.

    python -m benchmarks.run                 # 1k and 10k actions, 7 repetitions
    python -m benchmarks.run --sizes 1000 10000 50000 --repeat 11
    python -m benchmarks.run --no-tui        # the command-line comparison only
    python -m benchmarks.run --sizes --demo 10000 --no-tui   # the demo's data only

Prints tables (median, spread as min–max, ratio spiegel/taskwarrior; the TUI
against its goals) and writes benchmarks/results.md with the machine and date.
Ratios, because these machines are noisy; both commands run interleaved so load
hits both alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable

from benchmarks import tui
from benchmarks.datagen import build_spiegel, build_taskwarrior, demo_items, plan
from store.persistence.files.layout import INDEX_FILE

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 23)


def spiegel_cmd(*args: str) -> list[str]:
    """The `spiegel` script of the Python running this (a venv's), as a user runs it."""
    here = Path(sys.executable).with_name("spiegel")
    exe = str(here) if here.exists() else shutil.which("spiegel")
    return [exe, *args] if exe else [sys.executable, "-m", "cli", *args]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and the CPU time (user + system) the command's process used. On a
    machine shared with other work the wall time of each run depends on what else
    runs; the CPU time much less, so its ratio is reported too."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return elapsed, usage.ru_utime + usage.ru_stime


Command = list[str] | Callable[[int], list[str]]  # a callable gets the run's number (edits differ per run)


def compare(name: str, ours: Command, theirs: Command, env_ours, env_theirs, repeat: int) -> dict:
    def cmd(which: Command, n: int) -> list[str]:
        return which(n) if callable(which) else which

    timed(cmd(ours, 0), env_ours), timed(cmd(theirs, 0), env_theirs)  # warm the page cache and .pyc files
    a, b = [], []
    for n in range(1, repeat + 1):
        a.append(timed(cmd(ours, n), env_ours))
        b.append(timed(cmd(theirs, n), env_theirs))
    (wall_a, cpu_a), (wall_b, cpu_b) = zip(*a), zip(*b)
    return {"name": name, "spiegel": list(wall_a), "task": list(wall_b),
            "ratio": statistics.median(wall_a) / statistics.median(wall_b),
            "cpu_ratio": statistics.median(cpu_a) / statistics.median(cpu_b)}


def fmt(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})"


def run_size(size: int, repeat: int, work: Path) -> list[dict]:
    items = plan(size, seed=42, today=TODAY)
    data = work / f"spiegel-{size}"
    build_spiegel(data, items, TODAY)
    tw_env = build_taskwarrior(work / f"task-{size}", items, TODAY)
    tw_env["TZ"] = "UTC"
    # A user's Python writes .pyc files; without them every run recompiles spiegel.
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    tw_env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = {**base, "SPIEGEL_DATA": str(data), "SPIEGEL_TODAY": TODAY.isoformat(), "TZ": "UTC"}
    rows = [
        compare("list --overdue vs task +OVERDUE list", spiegel_cmd("list", "--overdue"),
                ["task", "rc.gc=off", "+OVERDUE", "list"], ours, tw_env, repeat),
        # The same, when no list index is current (the first list after every unit changed).
        compare("list --overdue, indexes rebuilt", lambda n: _without_indexes(data, spiegel_cmd("list", "--overdue")),
                ["task", "rc.gc=off", "+OVERDUE", "list"], ours, tw_env, repeat),
        compare("list --json vs task export", spiegel_cmd("list", "--json"), ["task", "rc.gc=off", "export"],
                ours, tw_env, repeat),
        compare("add (fsynced) vs task add", spiegel_cmd("add", "Benchmark", "--unit", "praktijk-000", "--due", "vr"),
                ["task", "add", "Benchmark", "due:friday"], ours, tw_env, repeat),
        # As people type it: part of the unit's name, matched against every unit.
        compare("add --unit 'tijk 000' vs task add", spiegel_cmd("add", "Benchmark", "--unit", "tijk 000", "--due", "vr"),
                ["task", "add", "Benchmark", "due:friday"], ours, tw_env, repeat),
        # One edit of the same action at every size: with units of 200 it must not grow with the total.
        compare("edit one action vs task modify",
                lambda n: spiegel_cmd("edit", f"A-{size // 2 + 1}", "--titel", f"Bewerkt {n}"),
                lambda n: ["task", "rc.gc=off", str(uuid.UUID(int=size // 2 + 1)), "modify", f"Bewerkt {n}"],
                ours, tw_env, repeat),
    ]
    for row in rows:
        row["size"] = size
    return rows


def run_demo(actions: int, repeat: int, work: Path) -> list[dict]:
    """The everyday commands on `spiegel demo`'s data (its unit files hold meetings,
    leerpunten, KPIs and change logs: ~280 KB for 200 actions, where the generated
    data's are ~80 KB), against the same actions in taskwarrior."""
    from store.moments.demo import build_demo
    from store.persistence.repository import Store

    data = work / f"demo-{actions}"
    store = Store(data, user="bench", today=TODAY)
    slugs = build_demo(store, actions=actions)
    tw_env = build_taskwarrior(work / f"task-demo-{actions}", demo_items(store), TODAY)
    tw_env["TZ"] = "UTC"
    tw_env.pop("PYTHONDONTWRITEBYTECODE", None)
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    ours = {**base, "SPIEGEL_DATA": str(data), "SPIEGEL_TODAY": TODAY.isoformat(), "TZ": "UTC"}
    unit = slugs[len(slugs) // 2]
    rows = [
        compare("demo: list --overdue vs task +OVERDUE list", spiegel_cmd("list", "--overdue"),
                ["task", "rc.gc=off", "+OVERDUE", "list"], ours, tw_env, repeat),
        compare("demo: add (fsynced) vs task add", spiegel_cmd("add", "Benchmark", "--unit", unit, "--due", "vr"),
                ["task", "add", "Benchmark", "due:friday"], ours, tw_env, repeat),
    ]
    for row in rows:
        row["size"] = actions
    return rows


def _without_indexes(data: Path, cmd: list[str]) -> list[str]:
    """Remove every unit's list index (store/persistence/files/listing.py) before the timed run."""
    for index in data.glob(f"*/{INDEX_FILE}"):
        index.unlink(missing_ok=True)
    return cmd


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--demo", type=int, nargs="*", default=[10000], metavar="ACTIONS",
                        help="also on `spiegel demo --actions N`'s data (none: --demo without a number)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/results.md")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI benchmark")
    args = parser.parse_args()
    if not shutil.which("task"):
        sys.exit("benchmarks: taskwarrior is missing; install it with: apt-get install -y taskwarrior")
    with tempfile.TemporaryDirectory(prefix="spiegel-bench-") as tmp:
        rows = [row for size in args.sizes for row in run_size(size, args.repeat, Path(tmp))]
        rows += [row for actions in args.demo for row in run_demo(actions, args.repeat, Path(tmp))]
        tui_result = None if args.no_tui else tui.run_tui(10_000, args.repeat, Path(tmp), TODAY)
    lines = report(rows, args.repeat)
    if tui_result:
        lines += ["", *tui.report(tui_result)]
    print("\n".join(lines))
    if not args.no_write:
        (HERE / "results.md").write_text("\n".join(lines) + "\n")


def report(rows: list[dict], repeat: int) -> list[str]:
    task_version = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        f"# spiegel vs taskwarrior {task_version}",
        "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; median of {repeat} runs (min–max); ratio < 1 means spiegel is faster; "
        "CPU ratio: of the CPU time (user + system) each command's process used, medians.",
        "",
        "| actions | benchmark | spiegel | taskwarrior | ratio | CPU ratio |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['size']} | {r['name']} | {fmt(r['spiegel'])} | {fmt(r['task'])} | {r['ratio']:.2f} "
                     f"| {r['cpu_ratio']:.2f} |")
    return lines


if __name__ == "__main__":
    main()
