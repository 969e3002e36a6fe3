"""`spiegel db copy`: a data directory into a database and back, verified record by
record, idempotent, ids registered so no new id repeats a copied one."""

import os
import subprocess
import sys
from pathlib import Path

from store.copy import copy_units
from store.records import Action, Finding, Kpi, Measurement, Unit
from store.repository import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def _filled(store: Store) -> None:
    hoek = store.create_unit(Unit(name="Huisartsenpraktijk De Hoek")).id
    best = store.create_unit(Unit(name="Gemeente Best")).id
    finding = store.add(Finding(text="Wachttijd telefoon \u202e te lang"), hoek)
    action = store.add(Action(title="Terugbelverzoek", findings=[finding.id]), hoek)
    store.change(action.id, {"owner": "Sanne", "status": "in uitvoering"})
    store.add(Kpi(action=action.id, name="Tevredenheid", measurements=[Measurement(TODAY, 61.5)]), hoek)
    store.add(Action(title="Folder"), best)


def _everything(store: Store) -> dict:
    return {slug: {table: docs for table, docs in store.backend.read(slug).items() if table != "_meta"}
            for slug in store.slugs()}


def test_a_data_directory_into_a_database_and_back_is_the_same_record_for_record(tmp_path, pg_url):
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    _filled(files)
    database = Store(pg_url, user="tester", today=TODAY)
    outcomes, complete = copy_units(files, database)
    assert complete and [slug for slug, _ in outcomes] == ["gemeente-best", "huisartsenpraktijk-de-hoek"]
    assert _everything(database) == _everything(files)
    changed = database.get("A-1")
    assert (changed.owner, changed.rev, [e["op"] for e in changed.log]) == ("Sanne", 2, ["create", "update"])

    back = Store(tmp_path / "back", user="tester", today=TODAY)
    assert copy_units(database, back)[1]
    assert _everything(back) == _everything(files)
    # New ids in either copy never repeat one that was copied.
    assert database.add(Action(title="nieuw"), "gemeente-best").id == "A-3"
    assert back.add(Action(title="nieuw"), "gemeente-best").id == "A-3"
    database.close()


def test_copying_twice_changes_nothing_and_a_unit_that_differs_is_left_alone(tmp_path, pg_url):
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    _filled(files)
    database = Store(pg_url, user="tester", today=TODAY)
    copy_units(files, database)
    before = database.fingerprint()
    outcomes, complete = copy_units(files, database)
    assert complete and database.fingerprint() == before
    assert {outcome for _, outcome in outcomes} == {"staat er al, gelijk"}

    database.change("A-1", {"owner": "Karim"})  # edited in the database since
    outcomes, complete = copy_units(files, database)
    assert not complete and dict(outcomes)["huisartsenpraktijk-de-hoek"].startswith("staat er al maar verschilt")
    assert database.get("A-1").owner == "Karim"
    database.close()


def test_the_cli_copies_and_says_so(tmp_path, pg_url):
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    _filled(files)
    done = subprocess.run([sys.executable, "-m", "cli", "db", "copy", str(tmp_path / "data"), pg_url], cwd=REPO,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "huisartsenpraktijk-de-hoek: gekopieerd (3 records)" in done.stdout
    assert "2 eenheden; alles staat gelijk" in done.stdout
