"""A PostgreSQL command's round trips (issue 27): past psycopg's import, what a
command costs is its statements, so opening a store and writing a unit each ask
the database no more than they need (benchmarks/backends.py measures the time)."""

import psycopg
import pytest

from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY


@pytest.fixture
def statements(monkeypatch):
    """Every statement spiegel sends (each `Connection.execute` is one round trip)."""
    sent = []
    execute = psycopg.Connection.execute

    def counted(self, query, *args, **kwargs):
        sent.append(" ".join(str(query).split()))
        return execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Connection, "execute", counted)
    return sent


def test_opening_a_store_asks_who_and_the_schema_version_in_one_statement(pg_url, statements):
    store = Store(pg_url, today=TODAY)  # no user given: the database names the login role
    assert store.user == "spiegel"
    assert len(statements) == 1, statements


def test_a_database_without_the_schema_still_says_to_upgrade(pg_cluster, statements):
    from store.errors import CorruptFile

    with pytest.raises(CorruptFile, match="spiegel db upgrade"):
        Store(pg_cluster.url(pg_cluster.new_database(schema=False)))


def test_a_write_reads_the_unit_once_after_its_lock(pg_url, statements):
    store = Store(pg_url, user="tester", today=TODAY)
    unit = store.create_unit(Unit(name="De Hoek")).id
    first = store.add(Action(title="eerste"), unit)
    statements.clear()
    with store.transaction(unit) as txn:
        action = txn.get(Action, first.id)
        action.owner = "Anna"
        txn.save(action)
    # the access check, the unit's lock, one read of the unit, the save
    assert len(statements) == 4, statements
    assert sum("json_object_agg" in s for s in statements) == 1
    assert Store(pg_url, user="tester", today=TODAY).get(first.id).owner == "Anna"


def test_a_first_read_of_a_unit_is_one_statement_and_a_changed_one_is_read_again(pg_url, statements):
    writer = Store(pg_url, user="tester", today=TODAY)
    unit = writer.create_unit(Unit(name="De Hoek")).id
    writer.add(Action(title="eerste"), unit)
    reader = Store(pg_url, user="tester", today=TODAY)
    statements.clear()
    assert [a.title for a in reader.records(Action, unit)] == ["eerste"]
    assert len(statements) == 1, statements  # the write counter, the access check and the data together
    writer.add(Action(title="tweede"), unit)
    assert [a.title for a in reader.records(Action, unit)] == ["eerste", "tweede"]


def test_a_first_read_of_a_unit_one_may_not_use_says_no_access(pg_cluster, pg_url):
    from store.errors import NoAccess

    unit = Store(pg_url, user="tester", today=TODAY).create_unit(Unit(name="De Hoek")).id
    with psycopg.connect(pg_url, autocommit=True) as conn:
        database = conn.info.dbname
        conn.execute(f"CREATE ROLE buiten_{database} LOGIN IN ROLE spiegel_users")  # roles are the cluster's
    outsider = Store(pg_cluster.url(database, user=f"buiten_{database}"), today=TODAY)
    with pytest.raises(NoAccess):
        outsider.records(Action, unit)


def test_one_units_list_is_one_statement_once_the_unit_is_checked(pg_url, statements):
    writer = Store(pg_url, user="tester", today=TODAY)
    unit = writer.create_unit(Unit(name="De Hoek")).id
    writer.add(Action(title="eerste"), unit)
    assert [a.title for a in writer.listed_actions(unit)] == ["eerste"]  # read whole, checked, marked
    reader = Store(pg_url, user="tester", today=TODAY)
    statements.clear()
    assert [a.title for a in reader.listed_actions(unit)] == ["eerste"]
    assert len(statements) == 1, statements  # the write counter, the access check and the rows together
