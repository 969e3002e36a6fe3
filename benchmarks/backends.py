"""Files vs PostgreSQL, side by side (issue 21).

    python -m benchmarks.backends                       # 10k and 50k actions, 7 repetitions
    python -m benchmarks.backends --sizes 10000 --repeat 5

Starts a throwaway PostgreSQL 15 (tests/pg_server.py: needs /usr/lib/postgresql/15/bin),
builds the same data in a data directory and in a database, and times `spiegel
list --overdue`, `add` and one edit as a user runs them (on PostgreSQL a login role
that is a member of every unit's role, as a person is: row-level security applies, as
it does not to the superuser who built the data), plus 20 writer processes adding to
one unit at once (and checks none was lost), and what importing psycopg alone costs
(in the same run: the files backend never imports it). Prints a Markdown table with
PostgreSQL / files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.datagen import build_spiegel, plan
from benchmarks.run import spiegel_cmd
from tests.pg_server import Cluster

TODAY = dt.date(2026, 11, 23)
WRITERS, ADDS = 20, 10

WRITER = """
import sys, time
from store.model.records import Action
from store.persistence.repository import Store
location, start, no = sys.argv[1], sys.argv[2], sys.argv[3]
store = Store(location, user=f"w{no}")
while not __import__("os").path.exists(start):
    time.sleep(0.001)
for n in range(%d):
    store.add(Action(title=f"schrijver {no} actie {n}"), "praktijk-000")
""" % ADDS


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def fmt(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms ({min(samples) * 1000:.0f}–{max(samples) * 1000:.0f})"


def writers(location: str, env: dict, work: Path) -> str:
    """20 processes adding ADDS actions each to one unit at once; the wall time, and
    whether every action landed."""
    from store.model.records import Action
    from store.persistence.repository import Store

    store = Store(location, user="bench", today=TODAY)
    before = len(store.records(Action, "praktijk-000"))
    start = work / f"start-{time.monotonic_ns()}"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, location, str(start), str(no)], env=env)
             for no in range(WRITERS)]
    time.sleep(1.0)  # every writer has imported and is waiting
    began = time.perf_counter()
    start.touch()
    codes = [p.wait() for p in procs]
    elapsed = time.perf_counter() - began
    after = store.records(Action, "praktijk-000")
    store.close()
    lost = before + WRITERS * ADDS - len(after)
    ok = not any(codes) and lost == 0 and len({a.id for a in after}) == len(after)
    return f"{elapsed * 1000:.0f} ms, {WRITERS * ADDS} adds, {'none lost' if ok else f'LOST {lost}'}"


MEMBER = "bench_member"


def as_member(cluster: Cluster, url: str) -> str:
    """The database's URL for a login role that is a member of every unit's role."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (MEMBER,)).fetchone() is None:
            conn.execute(f"CREATE ROLE {MEMBER} LOGIN IN ROLE spiegel_users")
        for (role,) in conn.execute("SELECT role FROM spiegel.units").fetchall():
            conn.execute(f'GRANT "{role}" TO {MEMBER}')
        database = conn.info.dbname
    return cluster.url(database, user=MEMBER)


def import_cost(env: dict, repeat: int) -> str:
    """`python -c "import psycopg"` less `python -c pass`: what a PostgreSQL command
    pays before it says a word."""
    bare = [timed([sys.executable, "-c", "pass"], env) for _ in range(repeat)]
    loaded = [timed([sys.executable, "-c", "import psycopg"], env) for _ in range(repeat)]
    return f"{(statistics.median(loaded) - statistics.median(bare)) * 1000:.0f} ms"


def ratio(files: list[float], database: list[float]) -> str:
    return f"{statistics.median(database) / statistics.median(files):.2f}"


def run_size(size: int, repeat: int, cluster: Cluster, work: Path) -> list[tuple[str, ...]]:
    items = plan(size, seed=42, today=TODAY)
    data = str(work / f"files-{size}")
    url = cluster.url(cluster.new_database())
    build_spiegel(data, items, TODAY)
    build_spiegel(url, items, TODAY)
    url = as_member(cluster, url)
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SPIEGEL_DB", "SPIEGEL_DATA")}
    base.update({"SPIEGEL_TODAY": TODAY.isoformat(), "TZ": "UTC", "PYTHONPATH": str(Path(__file__).parents[1])})
    envs = {"files": {**base, "SPIEGEL_DATA": data}, "postgresql": {**base, "SPIEGEL_DB": url}}
    commands = {
        "list --overdue": lambda n: spiegel_cmd("list", "--overdue"),
        "add": lambda n: spiegel_cmd("add", f"bench {n}", "--unit", "praktijk-001"),
        "edit one action": lambda n: spiegel_cmd("edit", "A-17", "--owner", f"eigenaar {n}"),
    }
    rows = []
    for name, cmd in commands.items():
        samples = []
        for env in envs.values():
            timed(cmd(0), env)  # warm the page cache and .pyc files
            samples.append([timed(cmd(n), env) for n in range(1, repeat + 1)])
        rows.append((f"{size} | {name}", *(fmt(s) for s in samples), ratio(*samples)))
    rows.append((f"{size} | {WRITERS} writers on one unit", writers(data, base, work), writers(url, base, work), ""))
    rows.append((f"{size} | import psycopg alone", "—", import_cost(base, repeat), ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    cluster = Cluster()
    cluster.start()
    try:
        cluster.make_template()
        with tempfile.TemporaryDirectory() as work:
            print("| actions | benchmark | files | PostgreSQL | PostgreSQL / files |\n|---:|---|---:|---:|---:|")
            for size in args.sizes:
                for row in run_size(size, args.repeat, cluster, Path(work)):
                    print(f"| {' | '.join(row)} |", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
