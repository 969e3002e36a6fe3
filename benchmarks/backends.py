"""Files vs PostgreSQL, side by side, in the same run (issues 21 and 27).

    python -m benchmarks.backends                       # 10k and 50k actions, 7 repetitions
    python -m benchmarks.backends --sizes 10000 --demo 10000 --repeat 9

Starts a throwaway PostgreSQL 15 (tests/pg_server.py: needs /usr/lib/postgresql/15/bin),
builds the same data in a data directory and in a database (generated: units of 200
actions; `--demo N`: `spiegel demo`'s units, with meetings, leerpunten, KPIs and change
logs), and times `spiegel list`, `list --overdue`, `add`, one edit and one `show` as a
user runs them, files and PostgreSQL alternated run by run (on PostgreSQL a login role
that is a member of every unit's role, as a person is: row-level security applies, as
it does not to the superuser who built the data), plus 20 writer processes adding to
one unit at once (and checks none was lost). Beside every command it times `python -c
"import psycopg"` and `python -c pass` under the same load (the files backend never
imports psycopg), and at the end the import with each libpq wrapper psycopg documents
(PSYCOPG_IMPL: `binary`, the wheel's, and `python`, ctypes over the system's libpq).
Prints a Markdown table with medians, PostgreSQL / files, and that ratio with psycopg's
import taken off PostgreSQL's median (what spiegel's own PostgreSQL code, the connection
and the queries cost beyond the import); and the same from each process's own CPU time,
which a busy machine disturbs less (the server's CPU is not in it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
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


def timed(cmd: list[str], env: dict, cpu: list[float] | None = None) -> float:
    """Wall time; with `cpu`, the process's own CPU time (user + system) appended to it:
    on a machine shared with other work that is the steadier figure (the server's is not in it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return elapsed


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


IMPORTS: list[float] = []  # `import psycopg` alone as measured beside each row


def import_costs(env: dict, repeat: int, impls: tuple[str, ...]) -> dict[str, float | None]:
    """`python -c "import psycopg"` less `python -c pass` (seconds) with each PSYCOPG_IMPL,
    alternated, medians; None where that implementation cannot be loaded here (`python`
    needs the system's libpq)."""
    bare: list[float] = []
    loaded: dict[str, list[float] | None] = {impl: [] for impl in impls}
    for _ in range(repeat):
        bare.append(timed(IMPORT["bare"], env))
        for impl, samples in loaded.items():
            if samples is None:
                continue
            try:
                samples.append(timed(IMPORT["psycopg"], {**env, "PSYCOPG_IMPL": impl}))
            except subprocess.CalledProcessError:
                loaded[impl] = None
    return {impl: None if s is None else statistics.median(s) - statistics.median(bare) for impl, s in loaded.items()}


def default_impl() -> str:
    """The libpq wrapper psycopg picks by itself here (psycopg.pq.__impl__)."""
    return subprocess.run([sys.executable, "-c", "import psycopg; print(psycopg.pq.__impl__)"], env=base_env(),
                          capture_output=True, text=True, check=True).stdout.strip()


def ratios(files: list[float], database: list[float], psycopg: float) -> tuple[str, str]:
    """PostgreSQL / files, and the same with psycopg's import taken off PostgreSQL's median."""
    slow, fast = statistics.median(database), statistics.median(files)
    return f"{slow / fast:.2f}", f"{(slow - psycopg) / fast:.2f}"


IMPORT = {"bare": [sys.executable, "-c", "pass"], "psycopg": [sys.executable, "-c", "import psycopg"]}


def compare(label: str, targets: dict[str, dict], repeat: int) -> list[tuple[str, ...]]:
    """Each command on both backends, alternated run by run (so both see the same load),
    and between them `import psycopg` alone and a bare interpreter: the import's cost
    under the same load, taken off PostgreSQL's median in the last column.
    `targets`: per backend its environment, a unit to add to and an action to edit and show."""
    commands = {
        "list": lambda t, n: spiegel_cmd("list"),
        "list --overdue": lambda t, n: spiegel_cmd("list", "--overdue"),
        "add": lambda t, n: spiegel_cmd("add", f"bench {n}", "--unit", t["unit"]),
        "edit one action": lambda t, n: spiegel_cmd("edit", t["action"], "--owner", f"eigenaar {n}"),
        "show one action": lambda t, n: spiegel_cmd("show", t["action"]),
    }
    rows = []
    for name, cmd in commands.items():
        samples: dict[str, list[float]] = {backend: [] for backend in (*targets, *IMPORT)}
        cpu: dict[str, list[float]] = {backend: [] for backend in samples}
        for backend, target in targets.items():
            timed(cmd(target, 0), target["env"])  # warm the page cache and .pyc files (and mark lists checked)
        for n in range(1, repeat + 1):
            for backend, target in targets.items():
                samples[backend].append(timed(cmd(target, n), target["env"], cpu[backend]))
            for which, line in IMPORT.items():
                samples[which].append(timed(line, base_env(), cpu[which]))
        psycopg = statistics.median(samples["psycopg"]) - statistics.median(samples["bare"])
        psycopg_cpu = statistics.median(cpu["psycopg"]) - statistics.median(cpu["bare"])
        IMPORTS.append(psycopg)
        rows.append((f"{label} | {name}", fmt(samples["files"]), fmt(samples["postgresql"]),
                     *ratios(samples["files"], samples["postgresql"], psycopg),
                     f"{statistics.median(cpu['files']) * 1000:.0f} ms / {statistics.median(cpu['postgresql']) * 1000:.0f} ms"
                     f" ({ratios(cpu['files'], cpu['postgresql'], psycopg_cpu)[1]})"))
    return rows


def base_env() -> dict:
    """As a user runs spiegel: .pyc files written, no data location of the caller's."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SPIEGEL_DB", "SPIEGEL_DATA")}
    base.update({"SPIEGEL_TODAY": TODAY.isoformat(), "TZ": "UTC", "PYTHONPATH": str(Path(__file__).parents[1])})
    return base


def environments(data: str, url: str) -> dict[str, dict]:
    base = base_env()
    return {"files": {**base, "SPIEGEL_DATA": data}, "postgresql": {**base, "SPIEGEL_DB": url}}


def run_size(size: int, repeat: int, cluster: Cluster, work: Path) -> list[tuple[str, ...]]:
    items = plan(size, seed=42, today=TODAY)
    data = str(work / f"files-{size}")
    url = cluster.url(cluster.new_database())
    build_spiegel(data, items, TODAY)
    build_spiegel(url, items, TODAY)
    url = as_member(cluster, url)
    envs = environments(data, url)
    targets = {backend: {"env": env, "unit": "praktijk-001", "action": "A-17"} for backend, env in envs.items()}
    rows = compare(str(size), targets, repeat)
    rows.append((f"{size} | {WRITERS} writers on one unit", writers(data, base_env(), work),
                 writers(url, base_env(), work), "", "", ""))
    return rows


def run_demo(actions: int, repeat: int, cluster: Cluster, work: Path) -> list[tuple[str, ...]]:
    """The same commands on `spiegel demo`'s data (units of ~280 KB where the generated
    ones are ~80 KB), built alike in both; the unit in the middle, its first action."""
    from store.model.records import Action
    from store.moments.demo import build_demo
    from store.persistence.repository import Store

    data = str(work / f"demo-{actions}")
    url = cluster.url(cluster.new_database())
    targets = {}
    for backend, location in (("files", data), ("postgresql", url)):
        store = Store(location, user="bench", today=TODAY)
        slugs = build_demo(store, actions=actions)
        unit = slugs[len(slugs) // 2]
        targets[backend] = {"unit": unit, "action": store.records(Action, unit)[0].id}
        store.close()
    for backend, env in environments(data, as_member(cluster, url)).items():
        targets[backend]["env"] = env
    return compare(f"demo {actions}", targets, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--demo", type=int, nargs="*", default=[], help="also on `spiegel demo --actions N`'s data")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    cluster = Cluster()
    cluster.start()
    try:
        cluster.make_template()
        with tempfile.TemporaryDirectory() as work:
            print("| actions | benchmark | files | PostgreSQL | PostgreSQL / files | the same less `import psycopg` "
                  "| client CPU, files / PostgreSQL (the ratio less `import psycopg`) |\n|---:|---|---:|---:|---:|---:|---:|")
            for size in args.sizes:
                for row in run_size(size, args.repeat, cluster, Path(work)):
                    print(f"| {' | '.join(row)} |", flush=True)
            for actions in args.demo:
                for row in run_demo(actions, args.repeat, cluster, Path(work)):
                    print(f"| {' | '.join(row)} |", flush=True)
            print(f"| | import psycopg alone, as spiegel loads it ({default_impl()}): median of the rows' medians"
                  f" | — | {statistics.median(IMPORTS) * 1000:.0f} ms ({min(IMPORTS) * 1000:.0f}–{max(IMPORTS) * 1000:.0f}) | | | |")
            # psycopg's documented choice of libpq wrapper (PSYCOPG_IMPL), each against the other, alternated
            costs = import_costs(base_env(), args.repeat, ("binary", "python"))
            for impl, cost in costs.items():
                shown = "cannot be loaded here" if cost is None else f"{cost * 1000:.0f} ms"
                print(f"| | import psycopg alone, PSYCOPG_IMPL={impl} | — | {shown} | | | |")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
