"""Seeded benchmark data: the same actions in a spiegel data directory and in a
private taskwarrior database (TASKRC/TASKDATA under the work directory).

About 60 % of actions are open and a quarter of those are overdue, spread over
units of ~200 actions each, as in a care group with many practices.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import uuid
from pathlib import Path

from store.records import Action, Unit
from store.repository import Store
from store.vocab import Status

OWNERS = ["dr. Jansen", "POH Sanne", "praktijkmanager Ruud", "Team balie", "doktersassistent Fatima", "dr. de Vries"]
VERBS = ["Terugbelservice", "Wachtkamerinformatie", "Patiëntportaal", "Samen beslissen", "Telefonische bereikbaarheid",
         "Leefstijlverwijzing", "Mantelzorgspreekuur", "Herhaalrecepten online", "Inloopspreekuur", "Folder ouderenzorg"]
ACTIONS_PER_UNIT = 200


def plan(count: int, seed: int, today: dt.date) -> list[dict]:
    """The actions as plain dicts, identical for spiegel and taskwarrior."""
    rng = random.Random(seed)
    items = []
    for n in range(count):
        is_open = rng.random() < 0.6
        overdue = is_open and rng.random() < 0.25
        offset = -rng.randint(1, 120) if overdue else rng.randint(1, 240)  # never today: task counts due-today as overdue
        status = (Status.PLANNED if rng.random() < 0.5 else Status.IN_PROGRESS) if is_open else (
            Status.DONE if rng.random() < 0.8 else Status.STOPPED)
        if not is_open:
            offset = -rng.randint(1, 300)
        items.append({
            "unit": n // ACTIONS_PER_UNIT, "title": f"{rng.choice(VERBS)} {n}", "owner": rng.choice(OWNERS),
            "deadline": today + dt.timedelta(days=offset), "status": status,
            "phase": rng.randint(1, 4), "route": rng.randint(1, 4),
        })
    return items


def build_spiegel(data_dir: Path, items: list[dict], today: dt.date) -> None:
    store = Store(data_dir, user="bench", today=today)
    units = sorted({i["unit"] for i in items})
    for u in units:
        slug = store.create_unit(Unit(name=f"Praktijk {u:03d}")).id
        with store.transaction(slug) as txn:
            for item in (i for i in items if i["unit"] == u):
                txn.add(Action(title=item["title"], owner=item["owner"], deadline=item["deadline"],
                               status=item["status"], phase=item["phase"], route=item["route"]))


def taskwarrior_env(work: Path) -> dict[str, str]:
    rc = work / "taskrc"
    data = work / "taskdata"
    data.mkdir(parents=True, exist_ok=True)
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\ngc=on\nhooks=off\n"
                  "recurrence=off\nnews.version=2.6.2\n")
    return {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}


def build_taskwarrior(work: Path, items: list[dict], today: dt.date) -> dict[str, str]:
    env = taskwarrior_env(work)
    tw_status = {Status.PLANNED: "pending", Status.IN_PROGRESS: "pending", Status.DONE: "completed",
                 Status.STOPPED: "deleted"}
    entry = (today - dt.timedelta(days=400)).strftime("%Y%m%dT000000Z")
    tasks = []
    for n, item in enumerate(items):
        task = {"uuid": str(uuid.UUID(int=n + 1)), "description": item["title"], "entry": entry,
                "status": tw_status[item["status"]], "project": f"praktijk{item['unit']:03d}",
                "due": item["deadline"].strftime("%Y%m%dT000000Z"), "tags": [f"fase{item['phase']}"]}
        if task["status"] != "pending":
            task["end"] = task["due"]
        tasks.append(task)
    source = work / "import.json"
    source.write_text(json.dumps(tasks))
    subprocess.run(["task", "import", str(source)], env=env, check=True, capture_output=True)
    return env
