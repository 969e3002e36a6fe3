"""Privacy on PostgreSQL, enforced by the database (store/persistence/pg/sql/002_privacy.sql):
two login roles, each the member of their own unit's group role. Neither can read
or write the other's unit, through spiegel or with plain SQL; each works with the
rest and sees "geen toegang" for the other's; NOTIFY carries no data."""

import psycopg
import pytest

from store.errors import NoAccess, NotFound
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY


@pytest.fixture
def people(pg_cluster, pg_url):
    """Login roles anna and bram (members of spiegel_users), each with a unit of their own."""
    database = pg_url.partition("@/")[2].partition("?")[0]
    with pg_cluster.admin() as conn:
        for person in ("anna", "bram"):
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (person,)).fetchone() is None:
                conn.execute(f"CREATE ROLE {person} LOGIN IN ROLE spiegel_users")
    urls = {person: pg_cluster.url(database, user=person) for person in ("anna", "bram")}
    anna, bram = Store(urls["anna"], today=TODAY), Store(urls["bram"], today=TODAY)
    hoek = anna.create_unit(Unit(name="Huisartsenpraktijk De Hoek")).id
    best = bram.create_unit(Unit(name="Gemeente Best")).id
    anna.add(Action(title="geheim van de hoek"), hoek)
    bram.add(Action(title="van best"), best)
    yield {"anna": anna, "bram": bram, "urls": urls, "hoek": hoek, "best": best}
    anna.close()
    bram.close()


def test_each_person_works_with_their_own_unit_and_sees_geen_toegang_for_the_other(people):
    bram = people["bram"]
    assert bram.user == "bram"
    entries = {entry.slug: entry for entry in bram.units()}
    assert set(entries) == {people["hoek"], people["best"]}  # which units exist, as with files
    assert entries[people["best"]].problem is None
    assert isinstance(entries[people["hoek"]].problem, NoAccess)
    assert "geen toegang" in str(entries[people["hoek"]].problem)
    skipped = []
    assert [a.title for a in bram.listed_actions(skipped=skipped)] == ["van best"]
    assert [a.title for a in bram.records(Action)] == ["van best"]
    assert [type(p) for p in skipped] == [NoAccess]
    with pytest.raises(NoAccess, match="geen toegang"):
        bram.records(Action, people["hoek"])
    with pytest.raises(NotFound):
        bram.get("A-1")  # anna's action: not found for bram, never shown
    with pytest.raises(NoAccess, match="geen toegang"):
        bram.add(Action(title="ingebroken"), people["hoek"])
    assert [a.title for a in people["anna"].records(Action, people["hoek"])] == ["geheim van de hoek"]


def test_plain_sql_as_another_person_reads_and_changes_nothing_of_a_unit(people):
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as conn:
        rows = conn.execute("SELECT unit, doc::text FROM spiegel.records").fetchall()
        assert {unit for unit, _ in rows} == {people["best"]}
        assert not any("geheim" in doc for _, doc in rows)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # members write through spiegel's functions only
            conn.execute("UPDATE spiegel.records SET doc = '{}' WHERE unit = %s", (people["hoek"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO spiegel.records (unit, kind, number, doc) VALUES (%s, 'actions', 99, '{}')",
                         (people["hoek"],))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            role = conn.execute("SELECT role FROM spiegel.units WHERE slug = %s", (people["hoek"],)).fetchone()[0]
            conn.execute(f'SET ROLE "{role}"')
    assert people["anna"].get("A-1").title == "geheim van de hoek"


def test_a_colleague_given_the_units_role_reads_it(people, pg_cluster):
    with psycopg.connect(people["urls"]["anna"], autocommit=True) as conn:  # anna may add colleagues
        role = conn.execute("SELECT role FROM spiegel.units WHERE slug = %s", (people["hoek"],)).fetchone()[0]
        conn.execute(f'GRANT "{role}" TO bram')
    bram = Store(people["urls"]["bram"], today=TODAY)
    assert bram.get("A-1").title == "geheim van de hoek"
    bram.close()


def test_a_notification_carries_no_data(people):
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as listener:
        listener.execute("LISTEN spiegel")
        people["anna"].add(Action(title="nieuw geheim"), people["hoek"])
        payloads = [note.payload for note in listener.notifies(timeout=10, stop_after=1)]
    assert payloads == [""]


def test_a_person_records_a_visit_in_their_own_unit(people):
    """Visits' ids (B-n) come from their own sequence, usable by every person."""
    import datetime as dt

    from store.model.records import Visit
    from store.moments.visits import ActionDraft, record_visit

    visit = record_visit(people["bram"], people["best"], Visit(date=dt.date(2026, 11, 20)), [ActionDraft("Afspraak", "Bram")],
                         {1: 2})
    assert visit.id.startswith("B-") and people["bram"].get(visit.id).agreements[0]["action"].startswith("A-")
    with pytest.raises(NotFound):
        people["anna"].get(visit.id)
