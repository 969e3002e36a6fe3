"""Many processes editing one unit file at once: no lost update, no phantom edit.

8 writer processes x 100 edits on one file. Even-numbered edits go to a few shared
actions (so writers race and some get `Conflict`, which is counted, not retried);
odd-numbered edits go to the writer's own action in the same file (these must never
conflict). Every edit appends a unique token to `description`, so the final file
tells exactly which edits landed. Real processes (not threads), because the lock is
an flock between processes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import orjson

from store.model.records import Action
from store.persistence.repository import Store

REPO = Path(__file__).resolve().parents[2]
WRITERS = 8
EDITS = 100
SHARED = 3

# One writer process. argv: data_dir slug writer_no own_id shared_ids(json) start_file
WRITER = r"""
import json, random, sys, time
from pathlib import Path
from store.errors import Conflict
from store.persistence.repository import Store

data_dir, slug, no, own, shared, start = sys.argv[1:7]
no, shared, start = int(no), json.loads(shared), Path(start)
store = Store(data_dir, user=f"p{no}")
store.get(own)  # warm up imports and the read cache before the race starts
rng = random.Random(1000 + no)
print("READY", flush=True)
while not start.exists():  # barrier: all writers start together
    time.sleep(0.001)
acked, conflicts = [], []
for i in range(int(sys.argv[7])):
    target = own if i % 2 else shared[(i // 2 + no) % len(shared)]
    token = f"[p{no}-{i}]"
    record = store.get(target)
    record.description += token
    time.sleep(rng.uniform(0, 0.002))  # widen the read-to-save window so writers overlap
    try:
        store.save(record)
    except Conflict as conflict:
        conflicts.append([target, token, conflict.mine.rev, conflict.theirs.rev])
    else:
        acked.append([target, token])
print(json.dumps({"acked": acked, "conflicts": conflicts}), flush=True)
"""

TOKEN = re.compile(r"\[p(\d+)-(\d+)\]")


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _run_writers(store: Store, slug: str, own: list[str], shared: list[str], tmp_path: Path) -> list[dict]:
    start = tmp_path / "start"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, store.location, slug, str(no), own[no], json.dumps(shared), str(start), str(EDITS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for no in range(WRITERS)
    ]
    try:
        for proc in procs:  # wait until every writer has imported everything
            assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
        start.touch()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_eight_writers_on_one_unit(store, unit, tmp_path, backend):
    slug = unit.id
    shared = [store.add(Action(title=f"gedeeld {n}"), slug).id for n in range(SHARED)]
    own = [store.add(Action(title=f"eigen {n}"), slug).id for n in range(WRITERS)]

    started = time.monotonic()
    results = _run_writers(store, slug, own, shared, tmp_path)
    elapsed = time.monotonic() - started

    # The file is valid JSON and loads in a fresh store (no cached state).
    if backend == "files":
        orjson.loads(Path(store.unit_path(slug)).read_bytes())
    fresh = Store(store.location, user="checker")
    final = {a.id: a for a in fresh.records(Action, unit=slug)}
    assert set(final) == set(shared) | set(own)

    acked: dict[str, list[str]] = {rid: [] for rid in final}
    total_conflicts = 0
    for no, result in enumerate(results):
        for target, token in result["acked"]:
            acked[target].append(token)
        for target, token, mine, theirs in result["conflicts"]:
            assert target in shared, f"writer {no} got a Conflict on its own record {target}"
            assert theirs > mine
        total_conflicts += len(result["conflicts"])
        # Every attempt is accounted for: acknowledged or refused, nothing lost in between.
        assert len(result["acked"]) + len(result["conflicts"]) == EDITS

    for rid, record in final.items():
        landed = TOKEN.findall(record.description)
        assert "".join(f"[p{p}-{i}]" for p, i in landed) == record.description, "stray text"
        found = [f"[p{p}-{i}]" for p, i in landed]
        # Each acknowledged token exactly once; no token whose save was refused.
        assert sorted(found) == sorted(acked[rid]), rid
        # Per writer, its edits landed in the order it made them.
        for no in range(WRITERS):
            numbers = [int(i) for p, i in landed if int(p) == no]
            assert numbers == sorted(numbers), (rid, no)
        assert record.rev == 1 + len(acked[rid]), rid
        assert len(record.log) == record.rev, rid

    for no, rid in enumerate(own):
        assert final[rid].description == "".join(f"[p{no}-{i}]" for i in range(1, EDITS, 2))
        assert final[rid].rev == 1 + EDITS // 2

    assert total_conflicts > 0, "writers never overlapped; the test did not test a race"
    assert sum(len(acked[rid]) for rid in shared) + total_conflicts == WRITERS * EDITS // 2
    # No temp file left behind by a finished writer.
    if backend == "files":
        assert not list(store.data_dir.glob(f".{slug}.*.tmp"))
    print(f"{WRITERS}x{EDITS} edits in {elapsed:.1f}s, {total_conflicts} conflicts")
