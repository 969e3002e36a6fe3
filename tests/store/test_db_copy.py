"""`spiegel db copy`: a data directory into a database and back, verified record by
record, idempotent, ids registered so no new id repeats a copied one."""

import os
import subprocess
import sys
from pathlib import Path


from store.persistence.copy import copy_units
from store.model.records import Action, Finding, Kpi, Measurement, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def _drop_groups(database: Store) -> None:
    """A copy back to files made as root makes a Unix group per unit role (cut to 32
    characters): remove those of this test's database (its hash keeps them its own).
    Not root: none were made."""
    if os.geteuid() != 0:
        return
    for (role,) in database.backend.conn.execute("SELECT role FROM spiegel.units").fetchall():
        subprocess.run(["groupdel", role[:32]], capture_output=True)


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
    try:
        assert copy_units(database, back, make_groups=True)[1]  # as root: the units' groups made (issue 26)
        assert _everything(back) == _everything(files)
        # New ids in either copy never repeat one that was copied.
        assert database.add(Action(title="nieuw"), "gemeente-best").id == "A-3"
        assert back.add(Action(title="nieuw"), "gemeente-best").id == "A-3"
    finally:
        _drop_groups(database)
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


def test_back_to_files_as_root_makes_each_units_group_from_its_role_with_its_members(tmp_path, pg_url):
    """A unit's group role becomes a Unix group of that name (made if missing), its
    login roles members where a Unix user of that name exists; directories 2770 in it.
    Running the copy again changes nothing."""
    import grp
    import stat

    from tests import unix_users as users

    users.ensure_users()  # root only (tests/needs.py)
    database = Store(pg_url, user="tester", today=TODAY)
    _filled(database)
    conn = database.backend.conn
    role = conn.execute("SELECT role FROM spiegel.units WHERE slug = 'gemeente-best'").fetchone()[0]
    for person in (users.USER_A, "iemand-zonder-account"):  # roles belong to the whole (session's) cluster
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (person,)).fetchone() is None:
            conn.execute(f'CREATE ROLE "{person}" LOGIN')
    conn.execute(f'GRANT "{role}" TO "{users.USER_A}", "iemand-zonder-account"')
    group = role[:32]
    try:
        back = tmp_path / "back"
        outcomes, complete = copy_units(database, Store(back, user="root", today=TODAY), make_groups=True)
        assert complete
        assert f"in Unix-groep {group}" in dict(outcomes)["gemeente-best"]
        assert f"{users.USER_A} toegevoegd aan {group}" in dict(outcomes)["gemeente-best"]
        assert grp.getgrnam(group).gr_mem == [users.USER_A]  # the role without a Unix user: left out
        st = os.stat(back / "gemeente-best")
        assert (grp.getgrgid(st.st_gid).gr_name, stat.S_IMODE(st.st_mode)) == (group, 0o2770)
        assert _everything(Store(back)) == _everything(database)
        before = {p.name: p.read_bytes() for p in back.glob("*/unit.json")}
        outcomes, complete = copy_units(database, Store(back, user="root", today=TODAY), make_groups=True)
        assert complete and {o for _, o in outcomes} == {"staat er al, gelijk"}
        assert {p.name: p.read_bytes() for p in back.glob("*/unit.json")} == before
    finally:
        _drop_groups(database)
        database.close()
