"""Issue 26: `db copy` back to files as root treats groups as restore does: no group
made without --make-groups, no member added to a group that existed, every id
registered with its unit (visits and teams too)."""

from __future__ import annotations

import grp
import os
import subprocess

import pytest

from store.persistence.copy import copy_units
from store.model.records import Action, Team, Unit, Visit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.conftest import TODAY
from tests.store.test_db_copy import _drop_groups

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="makes Unix groups: runs as root (CI does)")


@pytest.fixture
def database(pg_url):
    users.ensure_users()
    store = Store(pg_url, user="tester", today=TODAY)
    slug = store.create_unit(Unit(name="Gemeente Best")).id
    store.add(Action(title="Folder"), slug)
    store.add(Visit(date=TODAY), slug)
    store.add(Team(name="Kernteam"), slug)
    conn = store.backend.conn
    role = conn.execute("SELECT role FROM spiegel.units WHERE slug = %s", (slug,)).fetchone()[0]
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (users.USER_B,)).fetchone() is None:
        conn.execute(f'CREATE ROLE "{users.USER_B}" LOGIN')
    conn.execute(f'GRANT "{role}" TO "{users.USER_B}"')
    yield store, role[:32]
    _drop_groups(store)
    store.close()


def test_without_make_groups_no_group_is_made_and_the_unit_is_left_out(database, tmp_path):
    store, group = database
    _drop_groups(store)
    outcomes, complete = copy_units(store, Store(tmp_path / "back", user="root", today=TODAY))
    assert not complete and "--make-groups" in dict(outcomes)["gemeente-best"]
    with pytest.raises(KeyError):
        grp.getgrnam(group)


def test_an_existing_group_gets_no_member_and_ids_keep_their_unit(database, tmp_path):
    store, group = database
    _drop_groups(store)
    subprocess.run(["groupadd", group], check=True)  # there already: the copy may use it, not change it
    back = tmp_path / "back"
    outcomes, complete = copy_units(store, Store(back, user="root", today=TODAY), make_groups=True)
    assert complete, outcomes
    assert grp.getgrnam(group).gr_mem == []  # the role's member was not added to a group it did not make
    copied = Store(back, today=TODAY)
    for record_id in (r.id for cls in (Visit, Team) for r in store.records(cls, "gemeente-best")):
        assert copied.files.ids.holder(record_id) == "gemeente-best"
