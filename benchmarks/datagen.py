"""Seeded benchmark data: the same actions in a spiegel data directory and in a
private taskwarrior database (TASKRC/TASKDATA under the work directory).

About 60 % of actions are open and a quarter of those are overdue, spread over
units of ~200 actions each, as in a care group with many practices. One action in
twenty has a KPI with a year of monthly measurements (spiegel only: taskwarrior
has nothing to hold them).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import uuid
from pathlib import Path

from store.model.records import Action, Kpi, Measurement, Unit
from store.persistence.repository import Store
from store.model.vocab import Status

OWNERS = ["dr. Jansen", "POH Sanne", "praktijkmanager Ruud", "Team balie", "doktersassistent Fatima", "dr. de Vries"]
VERBS = ["Terugbelservice", "Wachtkamerinformatie", "Patiëntportaal", "Samen beslissen", "Telefonische bereikbaarheid",
         "Leefstijlverwijzing", "Mantelzorgspreekuur", "Herhaalrecepten online", "Inloopspreekuur", "Folder ouderenzorg"]
ACTIONS_PER_UNIT = 200
KPI_EVERY = 20


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


def build_spiegel(data_dir: Path, items: list[dict], today: dt.date, one_unit: bool = False) -> None:
    """Item n becomes action A-(n+1). `one_unit`: all of them in one unit (the
    TUI benchmark's 10k-action list) instead of units of ACTIONS_PER_UNIT."""
    store = Store(data_dir, user="bench", today=today)
    rng = random.Random(len(items))
    for u in sorted({0 if one_unit else i["unit"] for i in items}):
        slug = store.create_unit(Unit(name=f"Praktijk {u:03d}")).id
        mine = items if one_unit else [i for i in items if i["unit"] == u]
        with store.transaction(slug) as txn:
            actions = txn.add_many([
                Action(title=i["title"], owner=i["owner"], deadline=i["deadline"], status=i["status"],
                       phase=i["phase"], route=i["route"]) for i in mine])
            txn.add_many([_kpi(rng, action, today) for action in actions[::KPI_EVERY]])


def demo_items(store: Store) -> list[dict]:
    """The actions of a data directory (the demo's) as `plan` gives them, for the
    same actions in taskwarrior: the demo's unit files are the size a practice's
    grow to (~280 KB for 200 actions, with meetings, leerpunten, KPIs and logs)."""
    items = []
    for number, slug in enumerate(sorted(store.slugs())):
        for action in store.records(Action, slug):
            items.append({"unit": number, "title": action.title, "owner": action.owner, "deadline": action.deadline,
                          "status": action.status, "phase": action.phase, "route": action.route})
    return items


def _kpi(rng: random.Random, action: Action, today: dt.date) -> Kpi:
    baseline = rng.randint(40, 70)
    months = [(today.year * 12 + today.month - 1 - back) for back in range(12, 0, -1)]
    measurements = [Measurement(dt.date(m // 12, m % 12 + 1, 1), float(baseline + rng.randint(-5, 15)))
                    for m in months]
    return Kpi(action=action.id, name=f"Tevredenheid {action.id}", measure_unit="%", baseline=float(baseline),
               target=float(baseline + 15), measurements=measurements)


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
                "tags": [f"fase{item['phase']}"]}
        if item["deadline"] is not None:  # the demo's actions may have none
            task["due"] = item["deadline"].strftime("%Y%m%dT000000Z")
        if task["status"] != "pending":
            task["end"] = task.get("due", entry)
        tasks.append(task)
    source = work / "import.json"
    source.write_text(json.dumps(tasks))
    subprocess.run(["task", "import", str(source)], env=env, check=True, capture_output=True)
    return env
