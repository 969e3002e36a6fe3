"""PostgreSQL that holds against a person's own psql (issue 27; store/persistence/pg/sql/006_hardening.sql).

Two real login roles, anna and bram, each a member of their own unit's role, attack
with plain SQL what spiegel keeps: the unit roles, the search path, the locks and the
id register; `db copy` and the CLI's edges. Each test failed on the schema before
version 6."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from store.errors import Busy, NoAccess, SpiegelError
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def _roles(pg_cluster, *people: str) -> None:
    with pg_cluster.admin() as conn:
        for person in people:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (person,)).fetchone() is None:
                conn.execute(f"CREATE ROLE {person} LOGIN IN ROLE spiegel_users")


def _database(url: str) -> str:
    return url.partition("@/")[2].partition("?")[0]


@pytest.fixture
def people(pg_cluster, pg_url):
    """Login roles anna and bram (members of spiegel_users); anna has a unit with a secret action."""
    _roles(pg_cluster, "anna", "bram")
    database = _database(pg_url)
    urls = {person: pg_cluster.url(database, user=person) for person in ("anna", "bram")}
    anna = Store(urls["anna"], today=TODAY)
    hoek = anna.create_unit(Unit(name="Huisartsenpraktijk De Hoek")).id
    anna.add(Action(title="geheim van de hoek"), hoek)
    yield {"anna": anna, "urls": urls, "hoek": hoek, "database": database, "superuser": pg_url}
    anna.close()


def _spiegel(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO), "SPIEGEL_TODAY": "2026-11-23", **env})


def _one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


# 1. Unit roles ------------------------------------------------------------------------

def _old_role(database: str, slug: str) -> str:
    """The role name before version 6: 8 hex digits of md5 and the slug's first 45 characters."""
    return f"spiegel_{hashlib.md5(f'{database}:{slug}'.encode()).hexdigest()[:8]}_{slug[:45]}"


def _colliding_slugs(database: str) -> tuple[str, str]:
    """Two slugs of 45+ characters whose old role names are the same (a birthday search
    over 32 bits of md5: what bram did "in minutes of CPU", here in about a second)."""
    stem = "huisartsenpraktijk-de-lange-naam-aan-de-hoek-"[:45]
    seen: dict[str, str] = {}
    number = 0
    while True:
        slug = f"{stem}{number:x}"
        name = _old_role(database, slug)
        if name in seen:
            return seen[name], slug
        seen[name] = slug
        number += 1


def test_a_slug_chosen_to_collide_never_makes_its_maker_a_member_of_another_units_role(people):
    first, second = _colliding_slugs(people["database"])
    anna = people["anna"]
    anna.create_unit(Unit(name="Lange naam"), slug=first)
    anna.add(Action(title="alleen voor de lange naam"), first)
    bram = Store(people["urls"]["bram"], today=TODAY)
    try:
        bram.create_unit(Unit(name="Botsing"), slug=second)
    except SpiegelError:
        pass  # refusing is as good as a role of its own
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as conn:
        roles = dict(conn.execute("SELECT slug, role FROM spiegel.units WHERE slug IN (%s, %s)", (first, second)).fetchall())
        member = conn.execute("SELECT pg_has_role('bram', %s, 'MEMBER')", (roles[first],)).fetchone()[0]
        seen = conn.execute("SELECT count(*) FROM spiegel.records WHERE unit = %s", (first,)).fetchone()[0]
    assert roles.get(second) != roles[first] and not member and seen == 0
    with pytest.raises(NoAccess):
        bram.records(Action, first)
    bram.close()


def test_create_unit_refuses_a_role_that_exists_and_grants_nothing(people, pg_cluster):
    """Whoever could make roles made the one the next unit would get: create_unit fails
    and grants it to no one."""
    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("SELECT setval('spiegel.unit_roles', 41)")
        planted = conn.execute("SELECT 'spiegel_' || substr(md5(current_database()), 1, 8) || '_42_nieuwe-praktijk'"
                               ).fetchone()[0]
        conn.execute(f'CREATE ROLE "{planted}" NOLOGIN')
        conn.execute("SELECT setval('spiegel.unit_roles', 41)")
    bram = Store(people["urls"]["bram"], today=TODAY)
    with pytest.raises(SpiegelError, match="already exists"):
        bram.create_unit(Unit(name="Nieuwe Praktijk"))
    with pg_cluster.admin(people["database"]) as conn:
        member = conn.execute("SELECT pg_has_role('bram', %s, 'MEMBER')", (planted,)).fetchone()[0]
        made = conn.execute("SELECT count(*) FROM spiegel.units WHERE slug = 'nieuwe-praktijk'").fetchone()[0]
    assert not member and made == 0
    assert bram.create_unit(Unit(name="Nieuwe Praktijk")).id == "nieuwe-praktijk"  # the next number is free
    bram.close()


# 2. The search path ---------------------------------------------------------------------

def test_a_function_bram_puts_first_on_his_own_search_path_reads_nothing_of_anna(people):
    """The old policy called spiegel.may_use(), which resolved pg_has_role by the
    caller's search path: bram's own function said yes to every unit."""
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        conn.execute("CREATE SCHEMA bram AUTHORIZATION bram")
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as conn:
        conn.execute("CREATE FUNCTION bram.pg_has_role(name, name, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'")
        conn.execute("SET search_path = bram, pg_catalog")
        rows = conn.execute("SELECT doc::text FROM spiegel.records").fetchall()
        allowed = conn.execute("SELECT spiegel.may_use(%s)", (people["hoek"],)).fetchone()[0]
    assert rows == [] and allowed is False


def test_a_function_planted_in_a_writable_public_never_runs_in_anna_s_add(people):
    """Where everyone may create in `public` (PostgreSQL 14 and older), bram's
    public.nextval(text) was a better match than pg_catalog's for anna's
    nextval('spiegel.ids_a'), and ran as anna."""
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as conn:
        conn.execute("CREATE TABLE public.caught (who name)")
        conn.execute("GRANT INSERT ON public.caught TO PUBLIC")
        conn.execute("CREATE FUNCTION public.nextval(text) RETURNS bigint LANGUAGE sql AS"
                     " 'INSERT INTO public.caught VALUES (current_user); SELECT pg_catalog.nextval($1::regclass)'")
        conn.execute("CREATE FUNCTION public.json_object_agg(text, json) RETURNS json LANGUAGE sql AS"
                     " 'INSERT INTO public.caught VALUES (current_user) RETURNING NULL::json'")
    anna = Store(people["urls"]["anna"], today=TODAY)
    added = anna.add(Action(title="gewoon werk"), people["hoek"])
    assert [a.id for a in anna.listed_actions(people["hoek"])] == ["A-1", added.id]
    anna.close()
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        assert conn.execute("SELECT who FROM public.caught").fetchall() == []


def test_every_function_of_spiegel_has_a_pinned_search_path(people):
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        loose = conn.execute(
            "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'spiegel'::regnamespace"
            " AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false) ORDER BY 1").fetchall()
    assert loose == []


def test_db_upgrade_refuses_a_database_where_everyone_may_create_and_says_how_to_close_it(pg_cluster):
    url = pg_cluster.url(pg_cluster.new_database(schema=False))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    line = _one_line(_spiegel("db", "upgrade", "--db", url))
    assert "REVOKE CREATE ON SCHEMA public FROM PUBLIC;" in line
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('spiegel.units')").fetchone()[0] is None  # nothing made
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    done = _spiegel("db", "upgrade", "--db", url)
    assert done.returncode == 0, done.stderr


# 3. Writes no member can block ------------------------------------------------------------

def test_a_member_can_neither_lock_shared_tables_nor_plant_ids(people):
    with psycopg.connect(people["urls"]["bram"], autocommit=True) as conn:
        for statement in ("LOCK TABLE spiegel.records IN ACCESS EXCLUSIVE MODE",
                          "LOCK TABLE spiegel.units IN SHARE ROW EXCLUSIVE MODE",
                          "LOCK TABLE spiegel.ids IN ROW EXCLUSIVE MODE",
                          "SELECT 1 FROM spiegel.units FOR UPDATE",
                          "INSERT INTO spiegel.ids (prefix, number, unit) VALUES ('A', 2, 'x')",
                          "UPDATE spiegel.units SET version = version",
                          "SELECT nextval('spiegel.ids_a')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with conn.transaction():
                    conn.execute(statement)


def test_members_hold_no_write_grant_on_any_table_or_sequence_of_spiegel(people):
    """Whatever a later version adds: a write grant would let a member lock it."""
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        writable = conn.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'spiegel'::regnamespace AND c.relkind IN ('r', 'p')"
            " AND (has_table_privilege('spiegel_users', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"
            "      OR has_table_privilege('public', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"
            "      OR has_any_column_privilege('spiegel_users', c.oid, 'INSERT, UPDATE'))").fetchall()
        sequences = conn.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'spiegel'"
            " AND has_sequence_privilege('spiegel_users', format('%I.%I', schemaname, sequencename), 'USAGE, UPDATE')"
        ).fetchall()
    assert writable == [] and sequences == []


def test_what_a_member_can_hold_open_never_stops_another_units_add(people):
    """bram holds every lock he can get in an open transaction (reading every table,
    his own unit locked for writing, ids handed out and not committed): anna's add
    and list go on at once."""
    bram = Store(people["urls"]["bram"], today=TODAY)
    best = bram.create_unit(Unit(name="Gemeente Best")).id
    bram.close()
    with psycopg.connect(people["urls"]["bram"]) as conn:  # one open transaction
        for statement in ("LOCK TABLE spiegel.records IN ACCESS SHARE MODE", "SELECT slug, version FROM spiegel.units",
                          "LOCK TABLE spiegel.ids IN ACCESS SHARE MODE", f"SELECT spiegel.lock_unit('{best}')",
                          f"SELECT spiegel.next_ids('A', 5, '{best}')"):
            conn.execute(statement)
        started = time.monotonic()
        anna = Store(people["urls"]["anna"], today=TODAY)
        added = anna.add(Action(title="gewoon door"), people["hoek"])
        assert added.id in [a.id for a in anna.listed_actions(people["hoek"])]
        anna.close()
        assert time.monotonic() - started < 8  # the lock timeout is 10 s: waiting on bram would take that
        conn.rollback()


def test_ids_come_in_bounded_time_whatever_was_planted_in_the_register(people, pg_cluster):
    """100 000 numbers planted right after the sequence (as a member could before
    version 6): the next add skips them in one step, not one round trip each."""
    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("INSERT INTO spiegel.ids (prefix, number, unit) SELECT 'A', n, 'geplant' FROM generate_series(2, 100001) n")
    started = time.monotonic()
    added = people["anna"].add(Action(title="na het planten"), people["hoek"])
    assert time.monotonic() - started < 8  # one round trip per planted number took 15 s
    assert added.id == "A-100002"


def test_a_huge_planted_id_and_the_admins_copy_leave_everyone_able_to_add(people, pg_cluster, tmp_path):
    """The copy moves each sequence past the highest registered number: never past the
    highest an id may have (a planted 2^63-1 left the sequence with nothing to give)."""
    from store.persistence.copy import copy_units
    from store.model.records import Finding

    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("INSERT INTO spiegel.ids (prefix, number, unit) VALUES ('A', 9223372036854775807, 'geplant')")
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    files.add(Finding(text="uit de bestanden"), files.create_unit(Unit(name="Elders")).id)
    admin = Store(people["superuser"], user="beheer", today=TODAY)
    assert copy_units(files, admin)[1]
    admin.close()
    assert people["anna"].add(Action(title="daarna"), people["hoek"]).id == "A-2"


def test_a_timed_out_wait_says_in_one_line_who_holds_the_unit(people, monkeypatch):
    import store.persistence.pg.session as pg_session

    monkeypatch.setattr(pg_session, "SESSION_OPTIONS", pg_session.SESSION_OPTIONS.replace("=10s", "=1s"))
    with psycopg.connect(people["urls"]["anna"]) as other_session:
        other_session.execute("SELECT spiegel.lock_unit(%s)", (people["hoek"],))
        pid = other_session.info.backend_pid
        anna = Store(people["urls"]["anna"], today=TODAY)
        with pytest.raises(Busy) as caught:
            anna.add(Action(title="moet wachten"), people["hoek"])
        anna.close()
        other_session.rollback()
    assert f"anna (proces {pid}" in str(caught.value) and "\n" not in str(caught.value)


def test_a_member_holding_the_old_upgrade_lock_does_not_stop_db_upgrade(people):
    with psycopg.connect(people["urls"]["bram"]) as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext('spiegel schema upgrade'))")
        done = _spiegel("db", "upgrade", "--db", people["superuser"])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


# 4. db copy --------------------------------------------------------------------------------

def test_a_copy_that_would_make_an_id_name_two_records_writes_nothing(people, tmp_path):
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    elders = files.create_unit(Unit(name="Elders")).id
    files.add(Action(title="ook A-1"), elders)
    done = _spiegel("db", "copy", str(tmp_path / "data"), people["superuser"])
    line = _one_line(done)
    assert "A-1" in line and people["hoek"] in line
    assert done.stdout == ""
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        assert conn.execute("SELECT slug FROM spiegel.units").fetchall() == [(people["hoek"],)]
    assert people["anna"].get("A-1").title == "geheim van de hoek"


def test_only_the_admin_copies_and_a_member_is_told_in_one_line(people, tmp_path):
    files = Store(tmp_path / "data", user="tester", today=TODAY)
    files.create_unit(Unit(name="Elders"))
    for _ in range(3):
        files.add(Action(title="x"), "elders")
    line = _one_line(_spiegel("db", "copy", str(tmp_path / "data"), people["urls"]["bram"]))
    assert "beheerder" in line and "bram" in line
    with psycopg.connect(people["superuser"], autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM spiegel.units WHERE slug = 'elders'").fetchone()[0] == 0
    assert people["anna"].add(Action(title="volgende"), people["hoek"]).id == "A-2"
    back = _one_line(_spiegel("db", "copy", people["urls"]["bram"], str(tmp_path / "terug")))
    assert "beheerder" in back


# 5. Load problems stay with their record -------------------------------------------------------

def test_a_document_with_an_escaped_nul_breaks_no_one_s_list(people, pg_cluster):
    anna = people["anna"]
    second = anna.add(Action(title="tweede"), people["hoek"])
    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("UPDATE spiegel.records SET doc = replace(doc::text, '\"tweede\"', '\"twee\\u0000de\"')::json"
                     " WHERE kind = 'actions' AND number = 2")
        conn.execute("UPDATE spiegel.records SET doc = replace(doc::text, 'De Hoek\"', 'De\\u0000Hoek\"')::json"
                     " WHERE kind = 'unit'")
    reader = Store(people["urls"]["anna"], today=TODAY)
    assert [a.id for a in reader.listed_actions()] == ["A-1", second.id]
    assert reader.get(second.id).title.startswith("twee")
    assert [entry.slug for entry in reader.units()] == [people["hoek"]]
    listed = _spiegel("--db", people["urls"]["anna"], "list")
    assert listed.returncode == 0 and second.id in listed.stdout, listed.stderr
    reader.close()


# 6. The CLI's edges ------------------------------------------------------------------------

def test_db_upgrade_says_one_line_for_a_role_that_may_not_and_for_a_newer_schema(people, pg_cluster):
    bare = pg_cluster.url(pg_cluster.new_database(schema=False), user="bram")
    assert "bram" in _one_line(_spiegel("db", "upgrade", "--db", bare))
    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("INSERT INTO spiegel.schema_version (version) VALUES (99)")
    line = _one_line(_spiegel("db", "upgrade", "--db", people["superuser"]))
    assert "99" in line and "al bij" not in line


def test_a_read_that_fails_never_says_nothing_was_saved(people, pg_cluster):
    with pg_cluster.admin(people["database"]) as conn:
        conn.execute("ALTER TABLE spiegel.records RENAME COLUMN listed TO listed_gone")
    line = _one_line(_spiegel("--db", people["urls"]["anna"], "list"))
    assert "niets opgeslagen" not in line and "listed" in line


def test_a_password_with_a_slash_is_never_shown(pg_cluster):
    done = _spiegel("--db", "postgresql://anna:ge/heim@/spiegel?host=/nonexistent-socket-dir", "list")
    line = _one_line(done)
    assert "ge/heim" not in line and "heim" not in line and "anna@" in line
    with pytest.raises(NoAccess) as caught:
        Store("postgresql://anna:ge/he@im@/spiegel?host=/nonexistent-socket-dir")
    assert "ge/he" not in str(caught.value) and "im@" not in str(caught.value)
    with pytest.raises(NoAccess) as caught:  # a URL libpq cannot parse: its message quotes the bad part
        Store("postgresql://anna:ge%zzheim@/spiegel?host=/nonexistent-socket-dir")
    assert "zzheim" not in str(caught.value)
