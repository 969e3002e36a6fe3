"""Schema step 6 (store/persistence/pg/sql/006_hardening.sql) upgrading a database of version 5
that people worked in, and load problems on PostgreSQL kept with their record exactly
as the files keep them."""

import psycopg
import pytest

from store.errors import NoAccess
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

PEOPLE = ("anna", "bram")


def _roles(pg_cluster) -> None:
    with pg_cluster.admin() as conn:
        for person in PEOPLE:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (person,)).fetchone() is None:
                conn.execute(f"CREATE ROLE {person} LOGIN IN ROLE spiegel_users")


def test_a_version_5_database_people_worked_in_upgrades_and_works_on(pg_cluster, monkeypatch):
    from store.persistence.pg import migrations
    from store.persistence.pg.admin import upgrade_schema

    _roles(pg_cluster)
    name = pg_cluster.new_database(schema=False)
    with pg_cluster.admin(name) as conn:
        shipped = migrations.available()
        monkeypatch.setattr(migrations, "available", lambda: [m for m in shipped if m[0] <= 5])
        migrations.upgrade(conn)
        monkeypatch.undo()
        assert migrations.current(conn) == 5
    anna_url = pg_cluster.url(name, user="anna")
    # What anna's spiegel of version 5 did, in SQL: her unit, an action, its id.
    with psycopg.connect(anna_url, autocommit=True) as conn:
        assert conn.execute("SELECT spiegel.create_unit('de-hoek', '{\"schema\": 6}')").fetchone()[0]
        conn.execute("""INSERT INTO spiegel.records (unit, kind, number, doc) VALUES
            ('de-hoek', 'unit', 1, '{"id": "de-hoek", "rev": 1, "name": "De Hoek", "created_at": "2026-11-01T09:00:00+00:00",
              "created_by": "anna", "updated_at": "2026-11-01T09:00:00+00:00", "updated_by": "anna", "log": []}'),
            ('de-hoek', 'actions', 1, '{"id": "A-1", "rev": 1, "title": "van voor de upgrade",
              "created_at": "2026-11-01T09:00:00+00:00", "created_by": "anna", "updated_at": "2026-11-01T09:00:00+00:00",
              "updated_by": "anna", "log": []}')""")
        conn.execute("INSERT INTO spiegel.ids (prefix, number, unit) VALUES ('A', nextval('spiegel.ids_a'), 'de-hoek')")
        old_role = conn.execute("SELECT role FROM spiegel.units").fetchone()[0]
    url = pg_cluster.url(name)
    assert upgrade_schema(url) == ([6], 6)
    anna = Store(anna_url, today=TODAY)
    assert [(a.id, a.title) for a in anna.listed_actions()] == [("A-1", "van voor de upgrade")]
    assert anna.add(Action(title="na de upgrade"), "de-hoek").id == "A-2"
    assert [a.id for a in Store(anna_url, today=TODAY).listed_actions()] == ["A-1", "A-2"]  # from `listed`, marked
    assert [u.unit.name for u in anna.units()] == ["De Hoek"]
    new = anna.create_unit(Unit(name="Nieuw"))
    with psycopg.connect(url, autocommit=True) as conn:
        roles = dict(conn.execute("SELECT slug, role FROM spiegel.units").fetchall())
        grants = conn.execute("SELECT has_table_privilege('anna', 'spiegel.records', 'INSERT'),"
                              " has_table_privilege('anna', 'spiegel.ids', 'INSERT')").fetchone()
    assert roles["de-hoek"] == old_role and roles[new.id] != old_role and grants == (False, False)
    bram = Store(pg_cluster.url(name, user="bram"), today=TODAY)
    with pytest.raises(NoAccess):
        bram.records(Action, "de-hoek")
    anna.close()
    bram.close()
    pg_cluster.drop_database(name)


def test_an_upgrade_waiting_for_a_reader_says_in_one_line_who_holds_what(pg_cluster, monkeypatch):
    """A member's open transaction that read a table holds back the upgrade's
    ALTER TABLE: after the lock timeout the upgrade names that member and changes nothing."""
    import store.persistence.pg.session as pg_session
    from store.errors import SpiegelError
    from store.persistence.pg import migrations
    from store.persistence.pg.admin import upgrade_schema

    _roles(pg_cluster)
    name = pg_cluster.new_database(schema=False)
    shipped = migrations.available()
    with pg_cluster.admin(name) as conn:
        monkeypatch.setattr(migrations, "available", lambda: [m for m in shipped if m[0] <= 5])
        migrations.upgrade(conn)
        monkeypatch.undo()
    monkeypatch.setattr(pg_session, "SESSION_OPTIONS", pg_session.SESSION_OPTIONS.replace("=10s", "=1s"))
    with psycopg.connect(pg_cluster.url(name, user="bram")) as reader:
        reader.execute("SELECT count(*) FROM spiegel.records")
        with pytest.raises(SpiegelError) as caught:
            upgrade_schema(pg_cluster.url(name))
        pid = reader.info.backend_pid
        reader.rollback()
    assert f"bram (proces {pid}: AccessShareLock op spiegel.records)" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pg_cluster.admin(name) as conn:
        assert migrations.current(conn) == 5
    assert upgrade_schema(pg_cluster.url(name)) == ([6], 6)
    pg_cluster.drop_database(name)


# Load problems ------------------------------------------------------------------------------

BAD = {
    "an escaped NUL": ('"title":"tweede"', '"title":"twee\\u0000de"'),
    "a lone surrogate": ('"title":"tweede"', '"title":"twee\\ud800de"'),
    "a title that is a number": ('"title":"tweede"', '"title":5'),
    "deleted that is no text": ('"title":"tweede"', '"title":"tweede","deleted":5'),
    "a unit name with an escaped NUL": ('"name":"De Hoek"', '"name":"De\\u0000Hoek"'),
}


def _outcome(store: Store) -> tuple:
    skipped: list = []
    listed = [a.id for a in store.listed_actions(skipped=skipped)]
    skipped_records: list = []
    records = [a.id for a in store.records(Action, skipped=skipped_records)]
    names = [(entry.slug, entry.problem is None) for entry in store.units()]
    return listed, len(skipped), records, len(skipped_records), names


@pytest.mark.parametrize("bad", list(BAD))
def test_a_bad_document_is_the_same_problem_on_postgresql_as_in_a_file(bad, tmp_path, pg_cluster, pg_url):
    old, new = BAD[bad]
    stores = {}
    for kind, location in (("files", str(tmp_path / "data")), ("postgresql", pg_url)):
        store = Store(location, user="tester", today=TODAY)
        slug = store.create_unit(Unit(name="De Hoek")).id
        store.add(Action(title="eerste"), slug)
        store.add(Action(title="tweede"), slug)
        stores[kind] = (store, slug)
    files, slug = stores["files"]
    path = files.unit_path(slug)
    raw = open(path, encoding="utf-8").read()
    assert old in raw
    with open(path, "w", encoding="utf-8") as out:
        out.write(raw.replace(old, new))
    with psycopg.connect(pg_url, autocommit=True) as conn:
        changed = conn.execute("UPDATE spiegel.records SET doc = replace(doc::text, %s, %s)::json"
                               " WHERE strpos(doc::text, %s) > 0", (old, new, old)).rowcount
    assert changed == 1
    outcomes = {kind: _outcome(Store(location, user="tester", today=TODAY))
                for kind, location in (("files", str(tmp_path / "data")), ("postgresql", pg_url))}
    assert outcomes["postgresql"] == outcomes["files"]
    for store, _ in stores.values():
        store.close()
