"""Schema 3: a unit's relatiemanager login, Hagro and municipality; and editing a
unit through store/moments/units.py (the slug stays, phase changes are logged)."""

from __future__ import annotations

import copy
import json
import threading

import pytest

from store.model import schema
from store.errors import Conflict, CorruptFile, InvalidRecord, InvalidValue
from store.persistence.repository import Store
from store.moments.units import change_unit, parse_route_phases, phase_changes
from tests.conftest import TODAY, write_unit_file

SCHEMA_2_FILE = {
    "_meta": {"1": {"schema": 2, "app": "spiegel", "writes": 4}},
    "unit": {"1": {"id": "de-linde", "name": "Huisartsenpraktijk De Linde", "relatiemanager": "Inge",
                   "phases": {"1": 2, "2": 1, "3": 1, "4": 3}, "rev": 3}},
    "meetings": {}, "findings": {}, "actions": {"1": {"id": "A-1", "title": "Terugbellen", "rev": 1}}, "kpis": {},
}


@pytest.mark.files_only
def test_a_file_at_schema_2_loads_with_no_login_hagro_or_municipality(store):
    migrated = schema.MIGRATIONS[2](copy.deepcopy(SCHEMA_2_FILE), "de-linde")
    assert migrated == SCHEMA_2_FILE  # this step changes nothing in the data (later steps may add tables)
    assert schema.version_of(schema.migrate(copy.deepcopy(SCHEMA_2_FILE), "de-linde")) == schema.SCHEMA_VERSION
    path = write_unit_file(store.data_dir, "de-linde", json.dumps(SCHEMA_2_FILE).encode())
    unit = store.unit("de-linde")
    assert (unit.name, unit.relatiemanager, unit.rev) == ("Huisartsenpraktijk De Linde", "Inge", 3)
    assert (unit.relatiemanager_login, unit.hagro, unit.municipality) == ("", "", "")
    change_unit(store, "de-linde", 3, relatiemanager_login="inge")  # and saves at the current schema
    saved = json.loads(path.read_bytes())
    assert schema.version_of(saved) == schema.SCHEMA_VERSION
    assert saved["unit"]["1"]["relatiemanager_login"] == "inge"


@pytest.mark.files_only
@pytest.mark.parametrize("field, value, words", [
    ("relatiemanager_login", "inge; rm -rf /", "inlognaam"),
    ("relatiemanager_login", 7, "tekst"),
    ("relatiemanager_login", "-rf", "inlognaam"),
    ("hagro", ["noord"], "tekst"),
    ("municipality", None, "tekst"),
])
def test_a_hand_edited_unit_field_is_named_on_load(store, field, value, words):
    data = copy.deepcopy(SCHEMA_2_FILE)
    data["_meta"]["1"]["schema"] = schema.SCHEMA_VERSION
    data["unit"]["1"][field] = value
    write_unit_file(store.data_dir, "de-linde", json.dumps(data).encode())
    with pytest.raises(CorruptFile) as caught:
        store.unit("de-linde")
    assert field in str(caught.value) and words in str(caught.value)


@pytest.mark.files_only
def test_control_characters_in_a_stored_hagro_are_cleaned_not_refused(store):
    data = copy.deepcopy(SCHEMA_2_FILE)
    data["unit"]["1"]["hagro"] = "Hagro\x1b]0;x\x07 Noord"
    write_unit_file(store.data_dir, "de-linde", json.dumps(data).encode())
    assert "\x1b" not in store.unit("de-linde").hagro


def test_change_unit_keeps_the_slug_and_logs_each_phase_change(store, unit):
    change_unit(store, unit.id, name="HAP De Hoek", hagro="hagro-noord", municipality="Best",
                relatiemanager="Inge", relatiemanager_login="inge.devries")
    change_unit(store, unit.id, route_phases={2: 3})
    saved = change_unit(store, unit.id, phases={"1": 2, "2": 3, "3": 1, "4": 1})
    assert saved.id == unit.id and store.slugs() == [unit.id]
    again = Store(store.location, user="tester", today=TODAY).unit(unit.id)
    assert (again.name, again.hagro, again.municipality, again.relatiemanager_login) == (
        "HAP De Hoek", "hagro-noord", "Best", "inge.devries")
    assert [(r, old, new, by) for _, by, r, old, new in phase_changes(again)] == [
        (2, 1, 3, "tester"), (1, 1, 2, "tester")]
    assert store.resolve_unit("HAP De Hoek") == unit.id


def test_a_stale_revision_is_a_conflict_and_nothing_is_written(store, unit):
    change_unit(store, unit.id, 1, hagro="x")
    with pytest.raises(Conflict):
        change_unit(store, unit.id, 1, hagro="y")
    assert store.unit(unit.id).hagro == "x"


def test_two_colleagues_moving_different_routes_both_count(store, unit):
    threads = [threading.Thread(target=change_unit, args=(store.__class__(store.location, user=who, today=TODAY),
                                                         unit.id), kwargs={"route_phases": {route: 4}})
               for who, route in (("anna", 1), ("piet", 3))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.__class__(store.location, today=TODAY).unit(unit.id).phases == {"1": 4, "2": 1, "3": 4, "4": 1}


@pytest.mark.parametrize("kwargs, error", [
    ({}, InvalidValue),
    ({"kind": "hagro"}, InvalidValue),  # what a unit is, is no edit
    ({"route_phases": {5: 1}}, InvalidValue),
    ({"route_phases": {1: 0}}, InvalidValue),
    ({"phases": {"1": 2}, "route_phases": {1: 3}}, InvalidValue),
    ({"phases": {"1": 9, "2": 1, "3": 1, "4": 1}}, InvalidRecord),
    ({"relatiemanager_login": "met spatie"}, InvalidRecord),
    ({"name": ""}, InvalidRecord),
    ({"hagro": "x" * 301}, InvalidRecord),
])
def test_bad_edits_are_refused_with_the_field_named(store, unit, kwargs, error):
    before = store.unit(unit.id)
    with pytest.raises(error):
        change_unit(store, unit.id, **kwargs)
    assert store.unit(unit.id).rev == before.rev


def test_route_phases_from_words():
    assert parse_route_phases(["2=3", " 4 = 1 "]) == {2: 3, 4: 1}
    for bad in (["2"], ["5=1"], ["2=x"], ["2=3", "2=4"], ["=3"]):
        with pytest.raises(InvalidValue):
            parse_route_phases(bad)


def test_the_demo_fills_login_hagro_and_municipality(tmp_path):
    from store.moments.demo import build_demo

    demo = Store(tmp_path / "demo", user="inge", today=TODAY)
    build_demo(demo)
    units = {u.unit.name: u.unit for u in demo.units()}
    linde = units["Huisartsenpraktijk De Linde"]
    assert (linde.relatiemanager_login, linde.hagro, linde.municipality) == ("marloes", "hagro-eindhoven-noord",
                                                                              "Eindhoven")
    assert linde.hagro in {u.id for u in units.values()}  # the Hagro by its unit's slug
    assert [u.name for u in units.values() if u.relatiemanager_login == "inge"]  # the demo user's own units
