"""Issue 26, part 1: a unit is chosen by what a colleague cannot forge.

Real Unix users (tests/unix_users.py) on a data directory set up as the README says:
B (shared group + practice B) makes units in the shared group, as any member may,
and names them after A's. A's commands never write into B's unit by that name:
text that fits more than one unit is refused with the candidates and their groups.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.model.records import Unit
from store.persistence.repository import Store
from tests import unix_users as users
from tests.unix_users import GROUP_A, GROUP_B, SHARED, USER_A, USER_B

pytestmark = pytest.mark.files_only


@pytest.fixture
def data(base) -> Path:
    path = users.shared_data_dir(base)
    admin = Store(path, user="root")
    admin.create_unit(Unit(name="Praktijk A"), "praktijk-a", group=users.gid(GROUP_A))
    admin.create_unit(Unit(name="De Linde"), "de-linde", group=users.gid(GROUP_A))
    admin.create_unit(Unit(name="Praktijk B"), "praktijk-b", group=users.gid(GROUP_B))
    return path


def spiegel(runner, user, data, *args, check=True):
    return runner.spiegel(user, "--data-dir", str(data), *args, check=check)


def b_makes(runner, data, slug: str, name: str) -> None:
    spiegel(runner, USER_B, data, "units", "add", slug)
    spiegel(runner, USER_B, data, "units", "edit", slug, "--naam", name)


def unit_json(data: Path, slug: str) -> dict:
    return json.loads((data / slug / "unit.json").read_bytes())


@pytest.mark.parametrize("command", [
    ["add", "Geheim plan", "--unit", "Praktijk A"],
    ["meetings", "add", "--unit", "Praktijk A", "--datum", "2026-11-20"],
    ["units", "edit", "Praktijk A", "--rm", "Inge"],
])
def test_a_name_copied_by_a_colleague_is_refused_with_both_candidates(runner, data, command):
    b_makes(runner, data, "aaa", "Praktijk A")
    before = unit_json(data, "aaa")
    done = spiegel(runner, USER_A, data, *command, check=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    line = done.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "aaa" in line and "praktijk-a" in line and GROUP_A in line and SHARED in line
    assert "plaats" in line  # adding the place tells two real practices apart
    after = unit_json(data, "aaa")
    assert after["actions"] == before["actions"] and after["meetings"] == before["meetings"]
    assert after["unit"]["1"].get("relatiemanager", "") == before["unit"]["1"].get("relatiemanager", "")


def test_a_slug_squatted_by_a_colleague_does_not_catch_the_practice_name(runner, data):
    b_makes(runner, data, "linde", "Linde")
    done = spiegel(runner, USER_A, data, "add", "Geheim plan", "--unit", "linde", check=False)
    assert done.returncode != 0 and "de-linde" in done.stderr and "linde (" in done.stderr
    assert unit_json(data, "linde")["actions"] == {}
    # A's own unit by its exact slug or name still works: B's unit cannot fit that text
    spiegel(runner, USER_A, data, "add", "Plan", "--unit", "de-linde")
    spiegel(runner, USER_A, data, "add", "Plan 2", "--unit", "De Linde")
    assert len(unit_json(data, "de-linde")["actions"]) == 2


def test_my_units_show_who_can_read_them_and_mark_the_open_ones(runner, data):
    b_makes(runner, data, "aaa", "Praktijk A")
    spiegel(runner, USER_B, data, "units", "edit", "aaa", "--rm-login", USER_A)
    spiegel(runner, USER_A, data, "units", "edit", "praktijk-a", "--rm-login", USER_A)
    listed = spiegel(runner, USER_A, data, "units", "--mine").stdout
    rows = {line.split()[0]: line for line in listed.splitlines() if line.split() and line.split()[0] in ("aaa", "praktijk-a")}
    assert SHARED in rows["aaa"] and "(alle)" in rows["aaa"]
    assert GROUP_A in rows["praktijk-a"] and "(alle)" not in rows["praktijk-a"]
    as_json = json.loads(spiegel(runner, USER_A, data, "units", "--mine", "--json").stdout)
    assert {u["slug"]: (u["group"], u["open_to_all"]) for u in as_json} == {
        "aaa": (SHARED, True), "praktijk-a": (GROUP_A, False)}


def test_the_portfolio_marks_the_unit_anyone_may_have_made(data):
    from store.moments.portfolio import all_facts

    Store(data, user="root").create_unit(Unit(name="Praktijk A"), "aaa")  # in the shared group
    facts = {f.slug: f for f in all_facts(Store(data, user="root"), Store(data).today())}
    assert (facts["aaa"].readers, facts["aaa"].open_to_all) == (SHARED, True)
    assert (facts["praktijk-a"].readers, facts["praktijk-a"].open_to_all) == (GROUP_A, False)
