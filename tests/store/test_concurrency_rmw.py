"""Read-modify-writes racing in real processes (the lock is an flock between
processes, so threads would not test it).

1. Four `spiegel edit A-1 --plan/--do/--study/--act` writers at once, each on its
   own PDSA note: the notes are merged under the lock, so no writer's note is ever
   overwritten by another's stale copy, and the change log holds every write.
2. A leerpunt linked or parked (at the revision the user saw) while another process
   edits it: either the link/park lands whole, or it is refused (Conflict) and
   writes nothing; the edit always lands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from store.model.records import Action, Finding
from store.persistence.repository import Store
from store.model.vocab import FindingState

REPO = Path(__file__).resolve().parents[2]
PARTS = ("plan", "do", "study", "act")
EDITS = 25
FINDINGS = 30

# Shared by both writers: wait for the start file, so that all processes begin together.
PRELUDE = r"""
import contextlib, io, json, random, sys, time
from pathlib import Path
from cli.main import run

def quietly(argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = run(argv)
    return code, out.getvalue()

def wait_for(start):
    print("READY", flush=True)
    while not Path(start).exists():
        time.sleep(0.001)
"""

# argv: action_id part start count. Edits through the real CLI code, in this process.
PDSA_WRITER = PRELUDE + r"""
action_id, part, start, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
quietly(["show", action_id])  # imports and read cache warm before the race
wait_for(start)
acked, failed = [], []
for i in range(count):
    value = f"{part}-{i}"
    code, out = quietly(["edit", action_id, f"--{part}", value])
    (acked if code == 0 else failed).append([value, out.strip()])
print(json.dumps({"acked": acked, "failed": failed}), flush=True)
"""

# argv: data_dir action_id finding_ids(json) start signals. Link even-numbered findings,
# park odd ones, each at the revision read just before (as the inbox does). After each
# read it signals the editor, which then edits that finding at once: the two writes
# race. Every third finding the closer waits for the edit first, so some refusals
# are certain and the others are left to the race.
CLOSER = PRELUDE + r"""
from store.errors import Conflict
from store.persistence.repository import Store
from store.moments.workflows import link_finding, park_finding

data_dir, action_id, ids, start, signals = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], Path(sys.argv[5])
store = Store(data_dir, user="closer")
store.get(ids[0])
rng = random.Random(7)
wait_for(start)
acked, conflicts = [], []
for n, finding_id in enumerate(ids):
    seen = store.get(finding_id)
    (signals / f"read-{finding_id}").touch()
    if n % 3 == 0:
        while not (signals / f"edited-{finding_id}").exists():
            time.sleep(0.0005)
    else:
        time.sleep(rng.uniform(0, 0.004))
    try:
        if n % 2:
            park_finding(store, finding_id, "na de verbouwing", rev=seen.rev)
        else:
            link_finding(store, finding_id, action_id, rev=seen.rev)
    except Conflict as conflict:
        conflicts.append([finding_id, seen.rev, conflict.theirs.rev])
    else:
        acked.append(finding_id)
print(json.dumps({"acked": acked, "conflicts": conflicts}), flush=True)
"""

# argv: finding_ids(json) start signals. Edits each finding's theme through the CLI, as
# soon as the closer has read it.
EDITOR = PRELUDE + r"""
ids, start, signals = json.loads(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
quietly(["show", ids[0]])
wait_for(start)
failed = []
for finding_id in ids:
    while not (signals / f"read-{finding_id}").exists():
        time.sleep(0.0005)
    code, out = quietly(["edit", finding_id, "--thema", f"thema {finding_id}"])
    if code:
        failed.append(finding_id)
    (signals / f"edited-{finding_id}").touch()
print(json.dumps({"failed": failed}), flush=True)
"""


def _race(store: Store, scripts: list[tuple[str, list[str]]], start: Path) -> list[dict]:
    """Run each (script, argv) in its own process, start them together, return
    each one's last line of JSON."""
    env = {**os.environ, "SPIEGEL_DATA": store.location, "SPIEGEL_LANG": "nl",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    procs = [subprocess.Popen([sys.executable, "-c", script, *argv], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for script, argv in scripts]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
        start.touch()
        results = []
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_four_writers_on_four_pdsa_notes_lose_nothing(store, unit, tmp_path):
    action = store.add(Action(title="Terugbelservice"), unit.id)
    start = tmp_path / "start"
    results = _race(store, [(PDSA_WRITER, [action.id, part, str(start), str(EDITS)]) for part in PARTS], start)

    for part, result in zip(PARTS, results):
        assert result["failed"] == [], part
        assert [value for value, _ in result["acked"]] == [f"{part}-{i}" for i in range(EDITS)]
    revisions = sorted(int(out.rpartition(" ")[2]) for r in results for _, out in r["acked"])
    assert revisions == list(range(2, 2 + len(PARTS) * EDITS)), "two edits were acknowledged with one revision"

    final = Store(store.location, user="checker").get(action.id)
    assert final.pdsa == {part: f"{part}-{EDITS - 1}" for part in PARTS}  # every writer's last note
    assert final.rev == 1 + len(PARTS) * EDITS and len(final.log) == final.rev
    written: dict[str, list[str]] = {part: [] for part in PARTS}
    for entry in final.log[1:]:  # every write: one note changed, every other note kept as it was
        assert set(entry["changes"]) == {"pdsa"}, entry
        old, new = entry["changes"]["pdsa"]
        changed = [part for part in PARTS if old.get(part) != new.get(part)]
        assert len(changed) == 1 and new == {**old, changed[0]: new[changed[0]]}, entry
        written[changed[0]].append(new[changed[0]])
    assert written == {part: [f"{part}-{i}" for i in range(EDITS)] for part in PARTS}


def test_link_and_park_racing_an_edit_land_whole_or_not_at_all(store, unit, tmp_path):
    action = store.add(Action(title="Terugbelservice"), unit.id)
    with store.transaction(unit.id) as txn:
        ids = [f.id for f in txn.add_many([Finding(text=f"leerpunt {n}") for n in range(FINDINGS)])]
    start, signals = tmp_path / "start", tmp_path / "signals"
    signals.mkdir()
    closer, editor = _race(store, [
        (CLOSER, [store.location, action.id, json.dumps(ids), str(start), str(signals)]),
        (EDITOR, [json.dumps(ids), str(start), str(signals)]),
    ], start)

    assert editor["failed"] == []
    assert len(closer["acked"]) + len(closer["conflicts"]) == FINDINGS  # every attempt accounted for
    fresh = Store(store.location, user="checker")
    linked = {fid for n, fid in enumerate(ids) if n % 2 == 0 and fid in closer["acked"]}
    final_action = fresh.get(action.id)
    assert set(final_action.findings) == linked
    assert final_action.rev == 1 + len(linked) and len(final_action.log) == final_action.rev
    refused = {fid: (seen, theirs) for fid, seen, theirs in closer["conflicts"]}
    assert set(ids[::3]) <= set(refused)  # edited after the closer read them: always stale
    for n, fid in enumerate(ids):
        finding = fresh.get(fid)
        assert finding.theme == f"thema {fid}"  # the edit always lands
        if fid in refused:  # refused: nothing of the link or park was written
            seen, theirs = refused[fid]
            assert theirs > seen
            assert (finding.state, finding.reason, finding.rev) == (FindingState.OPEN, "", 2)
        else:
            state = FindingState.PARKED if n % 2 else FindingState.ACTIONS
            assert finding.state == state and finding.rev == 3
            assert finding.reason == ("na de verbouwing" if n % 2 else "")
        assert len(finding.log) == finding.rev
    print(f"{len(closer['acked'])} landed, {len(refused)} refused")
