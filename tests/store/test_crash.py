"""A writer killed at a random moment never leaves a broken file or loses an ACKed edit.

Each round starts a writer process that adds and edits actions in a loop and prints
`ACK <id> <token>` once each call has returned; the test SIGKILLs it after a random
5-150 ms (seeded) and then checks the file with a fresh Store. One data directory
is reused across rounds, so every earlier ACK must survive every later kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store.model import schema
from store.model.records import Action, Unit
from store.persistence.repository import Store

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 50

# argv: data_dir slug round seed
WRITER = r"""
import random, sys
from store.model.records import Action
from store.persistence.repository import Store

data_dir, slug, rnd, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
store = Store(data_dir, user="writer")
rng = random.Random(seed)
ids = [a.id for a in store.records(Action, unit=slug)][-8:]  # also warms up imports
print("READY", flush=True)
n = 0
while True:
    n += 1
    token = f"[r{rnd}-{n}]"
    kind = rng.random()
    if kind < 0.3 or not ids:
        record = store.add(Action(title=token), slug)
        ids = (ids + [record.id])[-8:]
    elif kind < 0.65:
        record = store.get(rng.choice(ids))
        record.description += token
        store.save(record)
    else:
        target = rng.choice(ids)
        record = store.change(target, {"description": store.get(target).description + token})
    print(f"ACK {record.id} {token}", flush=True)
"""


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _one_round(data_dir: Path, slug: str, rnd: int, rng: random.Random) -> list[tuple[str, str]]:
    """Run a writer, kill it after a random short time; the ACKs it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), slug, str(rnd), str(rng.randrange(10**9))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        ready = proc.stdout.readline().strip()
        assert ready == "READY", proc.stderr.read()
        time.sleep(rng.uniform(0.005, 0.150))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, err  # it was still writing, not crashed
    acks = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ACK":  # a half-printed last line is no ACK
            acks.append((parts[1], parts[2]))
    return acks


def _temp_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*") if p.name.endswith(".tmp"))


def test_sigkill_never_breaks_the_file(tmp_path):
    data_dir = tmp_path / "data"
    setup = Store(data_dir, user="setup")
    slug = setup.create_unit(Unit(name="Praktijk Crash")).id
    path = Path(setup.unit_path(slug))
    rng = random.Random(20261123)
    acked: list[tuple[str, str]] = []
    rounds_with_leftovers = 0

    for rnd in range(ROUNDS):
        acked += _one_round(data_dir, slug, rnd, rng)

        # The file parses, and a fresh store (empty cache) reads it without a problem.
        schema.parse(str(path), path.read_bytes(), slug)
        fresh = Store(data_dir, user="checker")
        assert [(e.slug, e.problem) for e in fresh.units()] == [(slug, None)]
        actions = {a.id: a for a in fresh.records(Action, unit=slug)}
        for record_id, token in acked:
            assert record_id in actions, f"round {rnd}: ACKed {record_id} is gone"
            action = actions[record_id]
            assert token in action.title + action.description, f"round {rnd}: ACKed {token} lost"
        # Every edit is in the text at most once (nothing replayed twice).
        for action in actions.values():
            text = action.title + action.description
            for token in set(text.replace("]", "]\n").split()):
                assert text.count(token) == 1, (action.id, token)

        # A temp file of the killed writer may remain, but readers never see it as a
        # unit, and the next write (unit file and id counter alike) clears it away.
        leftovers = _temp_files(data_dir)
        rounds_with_leftovers += bool(leftovers)
        assert fresh.slugs() == [slug]
        extra = fresh.add(Action(title=f"[check-{rnd}]"), slug)
        acked.append((extra.id, f"[check-{rnd}]"))
        assert _temp_files(data_dir) == [], f"round {rnd}: temp files survived a write"

    assert len(acked) > ROUNDS  # the writers got real work done between kills
    print(f"{ROUNDS} kills, {len(acked)} ACKed edits, {rounds_with_leftovers} rounds left a temp file")
