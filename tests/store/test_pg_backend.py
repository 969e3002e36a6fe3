"""What only the PostgreSQL backend has: its schema and upgrades, its id sequences,
a client killed inside a transaction, and the CLI's --db / SPIEGEL_DB. (Store's
behaviour on it is tested by every test that uses the `store` fixture.)"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store.errors import CorruptFile, NoAccess
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def test_a_database_without_the_schema_says_to_upgrade_and_upgrade_is_idempotent(pg_cluster):
    from store.persistence.pg.admin import upgrade_schema

    url = pg_cluster.url(pg_cluster.new_database(schema=False))
    with pytest.raises(CorruptFile, match="spiegel db upgrade"):
        Store(url)
    from store.persistence.pg import migrations

    assert upgrade_schema(url) == (list(range(1, migrations.LATEST + 1)), migrations.LATEST)
    assert upgrade_schema(url) == ([], migrations.LATEST)
    Store(url, user="tester").create_unit(Unit(name="De Hoek"))


def test_an_unreachable_database_is_one_clear_problem_without_the_password():
    with pytest.raises(NoAccess) as caught:
        Store("postgresql://anna:geheim@/spiegel?host=/nonexistent-socket-dir")
    assert "geheim" not in str(caught.value) and "anna@" in str(caught.value)


def test_ids_come_from_one_sequence_per_prefix_across_units_and_stores(pg_url):
    first, second = Store(pg_url, user="a", today=TODAY), Store(pg_url, user="b", today=TODAY)
    hoek = first.create_unit(Unit(name="De Hoek")).id
    best = second.create_unit(Unit(name="Gemeente Best")).id
    ids = [first.add(Action(title="x"), hoek).id, second.add(Action(title="y"), best).id,
           first.add(Action(title="z"), best).id]
    assert ids == ["A-1", "A-2", "A-3"]
    assert second.get("A-3").unit == best and first.backend.holders("A-2") == [best]


def test_a_failed_transaction_writes_nothing_and_never_hands_its_id_out_again(pg_url):
    store = Store(pg_url, user="tester", today=TODAY)
    unit = store.create_unit(Unit(name="De Hoek"))
    with pytest.raises(RuntimeError):
        with store.transaction(unit.id) as txn:
            txn.add(Action(title="half"))
            raise RuntimeError("stop")
    assert store.records(Action, unit.id) == []
    assert store.add(Action(title="heel"), unit.id).id == "A-2"


KILLED = """
import os, sys
from store.persistence.repository import Store
from store.model.records import Action
store = Store(sys.argv[1], user="killed")
with store.transaction(sys.argv[2]) as txn:
    txn.add(Action(title="half af"))
    print("inside", flush=True)
    sys.stdin.readline()  # killed here, before the commit
"""


def test_a_client_killed_mid_transaction_leaves_nothing_half_written(pg_url):
    store = Store(pg_url, user="tester", today=TODAY)
    slug = store.create_unit(Unit(name="De Hoek")).id
    store.add(Action(title="heel"), slug)
    before = store.fingerprint(slug)
    child = subprocess.Popen([sys.executable, "-c", KILLED, pg_url, slug], cwd=REPO, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout.readline().strip() == "inside"
    child.send_signal(signal.SIGKILL)
    child.wait()
    # The server rolled the dead client's transaction back and released its lock.
    assert [a.title for a in store.records(Action, slug)] == ["heel"]
    assert store.fingerprint(slug) == before
    assert store.add(Action(title="daarna"), slug).rev == 1


def test_the_cli_works_on_a_database_given_by_option_or_environment(pg_url):
    def spiegel(*args, **env):
        return subprocess.run([sys.executable, "-m", "cli", *args], cwd=REPO, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO), "SPIEGEL_TODAY": "2026-11-23", **env})

    assert spiegel("--db", pg_url, "units", "add", "De Hoek").returncode == 0
    added = spiegel("add", "bellen", "--unit", "hoek", SPIEGEL_DB=pg_url)
    assert (added.returncode, added.stdout.strip()) == (0, "A-1")
    listed = spiegel("--db", pg_url, "list", "--json")
    assert '"bellen"' in listed.stdout and listed.returncode == 0
    refused = spiegel("--db", pg_url, "migrate")
    assert refused.returncode == 1 and "database" in refused.stderr and "Traceback" not in refused.stderr


def test_the_list_trigger_picks_the_fields_a_list_shows():
    from store.persistence.files.listing import FIELDS
    from store.persistence.pg.migrations import SQL_DIR

    for name in ("001_initial.sql", "006_hardening.sql"):  # the first trigger, and the one in force
        sql = Path(SQL_DIR, name).read_text()
        picked = sql.partition("key IN (")[2].partition(")")[0]
        assert tuple(name.strip(" '") for name in picked.split(",")) == FIELDS


def test_lists_trust_the_listed_fields_only_while_the_unit_is_checked(pg_url):
    """The first list after a change reads and checks the whole unit and marks it;
    later lists use the `listed` column alone; any change to a record (spiegel's, or
    SQL by hand that leaves the write counter alone) clears the mark."""
    store = Store(pg_url, user="tester", today=TODAY)
    slug = store.create_unit(Unit(name="De Hoek")).id
    action = store.add(Action(title="Terugbellen"), slug)
    mark = lambda: store.backend.conn.execute(  # noqa: E731
        "SELECT checked IS NOT DISTINCT FROM version FROM spiegel.units WHERE slug = %s", (slug,)).fetchone()[0]
    assert not mark()
    assert [a.id for a in Store(pg_url).listed_actions(slug)] == [action.id]
    assert mark()
    store.backend.conn.execute("UPDATE spiegel.records SET doc = json_build_object('id', 'A-1', 'rev', 'x')"
                               " WHERE unit = %s AND kind = 'actions'", (slug,))
    assert not mark()
    skipped: list = []
    assert Store(pg_url).listed_actions(skipped=skipped) == [] and len(skipped) == 1
    assert not mark()  # a bad action: never marked


def test_the_settings_file_can_name_a_database_below_option_and_environment(pg_url, tmp_path):
    """Order: --data-dir, --db, $SPIEGEL_DB, $SPIEGEL_DATA, the file's `db`, its `data_dir`."""
    config = tmp_path / "config"
    (config / "spiegel").mkdir(parents=True)
    files = tmp_path / "data"
    (config / "spiegel" / "settings.toml").write_text(f'db = "{pg_url}"\ndata_dir = "{files}"\n')
    base = {k: v for k, v in os.environ.items() if k not in ("SPIEGEL_DB", "SPIEGEL_DATA")}

    def spiegel(*args, **env):
        return subprocess.run([sys.executable, "-m", "cli", *args], cwd=REPO, capture_output=True, text=True,
                              env={**base, "PYTHONPATH": str(REPO), "SPIEGEL_TODAY": "2026-11-23",
                                   "XDG_CONFIG_HOME": str(config), **env})

    assert spiegel("units", "add", "In De Database").returncode == 0  # the file's db, not its data_dir
    assert "in-de-database" in spiegel("--db", pg_url, "units").stdout
    assert not files.exists()
    assert spiegel("--data-dir", str(files), "units", "add", "In Bestanden").returncode == 0
    assert "in-bestanden" in spiegel("units", SPIEGEL_DATA=str(files)).stdout  # the environment beats the file
    assert "in-de-database" in spiegel("units", SPIEGEL_DB=pg_url, SPIEGEL_DATA=str(files)).stdout
    listed = spiegel("units")
    assert "in-de-database" in listed.stdout and "in-bestanden" not in listed.stdout


def test_backup_on_a_database_says_it_runs_pg_dump_into_a_private_file(pg_url, tmp_path):
    from store.persistence.pg.dump import pg_dump_path

    if pg_dump_path() is None:
        pytest.skip("pg_dump is not installed")
    Store(pg_url, user="tester").create_unit(Unit(name="De Hoek"))
    target = tmp_path / "spiegel.dump"
    done = subprocess.run([sys.executable, "-m", "cli", "--db", pg_url, "backup", "-o", str(target)], cwd=REPO,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "pg_dump --schema=spiegel" in done.stdout and "pg_restore" in done.stdout
    assert oct(target.stat().st_mode & 0o777) == "0o600" and target.read_bytes().startswith(b"PGDMP")
    again = subprocess.run([sys.executable, "-m", "cli", "--db", pg_url, "backup", "-o", str(target)], cwd=REPO,
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert again.returncode == 1 and "bestaat al" in again.stderr and "Traceback" not in again.stderr
    refused = subprocess.run([sys.executable, "-m", "cli", "--db", pg_url, "restore", str(target)], cwd=REPO,
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert refused.returncode == 1 and "pg_restore" in refused.stderr
