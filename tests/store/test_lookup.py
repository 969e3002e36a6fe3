"""Finding a record by id alone parses only the file that holds it, so editing one
action costs the same with 250 units as with 5."""

from __future__ import annotations

import json

import pytest

from store.errors import Ambiguous, NotFound
from store.model.records import Action, Unit
from store.persistence.repository import Store
from store.persistence.files.unitfile import UnitFile
from tests.conftest import TODAY


@pytest.fixture
def many_units(tmp_path):
    store = Store(tmp_path, user="t", today=TODAY)
    for n in range(12):
        slug = store.create_unit(Unit(name=f"Praktijk {n}")).id
        with store.transaction(slug) as txn:
            txn.add_many([Action(title=f"Actie {n}.{i}") for i in range(5)])
    return tmp_path


def count_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    original = UnitFile._parse

    def parse(self, raw):
        parsed.append(self.slug)
        return original(self, raw)

    monkeypatch.setattr(UnitFile, "_parse", parse)
    return parsed


def test_get_by_id_parses_only_the_file_that_holds_it(many_units, monkeypatch):
    store = Store(many_units, user="t", today=TODAY)  # a fresh process: nothing cached
    parsed = count_parses(monkeypatch)
    action = store.get("a-33")
    assert action.title == "Actie 6.2" and action.unit == "praktijk-6"
    assert parsed == ["praktijk-6"]


def test_edit_by_id_touches_one_file(many_units, monkeypatch):
    store = Store(many_units, user="t", today=TODAY)
    parsed = count_parses(monkeypatch)
    store.change("A-58", {"owner": "Sanne"})
    assert set(parsed) == {"praktijk-11"}
    assert Store(many_units, today=TODAY).get("A-58").owner == "Sanne"


def test_an_id_written_differently_is_still_found(many_units):
    # A hand-edited file may escape characters; the byte search misses it, the scan does not.
    path = many_units / "praktijk-3" / "unit.json"
    path.write_bytes(path.read_bytes().replace(b'"A-16"', b'"A\\u002d16"'))
    assert Store(many_units, today=TODAY).get("A-16").title == "Actie 3.0"


def test_unknown_id_is_not_found(many_units):
    with pytest.raises(NotFound):
        Store(many_units, today=TODAY).get("A-999")


def test_a_unit_named_in_part_is_found_without_parsing_unit_files(many_units, monkeypatch):
    Store(many_units, today=TODAY).listed_actions()  # the indexes are built once
    store = Store(many_units, user="t", today=TODAY)
    parsed = count_parses(monkeypatch)
    assert store.resolve_unit("tijk 7") == "praktijk-7"
    assert store.resolve_unit("PRAKTIJK 11") == "praktijk-11"
    with pytest.raises(Ambiguous, match="praktijk-1"):
        store.resolve_unit("tijk 1")
    assert parsed == []


def test_a_renamed_unit_is_found_by_its_new_name(many_units):
    store = Store(many_units, user="t", today=TODAY)
    assert store.resolve_unit("praktijk 4") == "praktijk-4"
    unit = store.unit("praktijk-4")
    unit.name = "Huisartsen De Hoek"
    store.save(unit)
    assert Store(many_units, today=TODAY).resolve_unit("hoek") == "praktijk-4"
    with pytest.raises(NotFound):
        store.resolve_unit("praktijk 4")


def test_a_unit_with_a_bad_action_is_still_found_by_name(many_units):
    path = many_units / "praktijk-5" / "unit.json"
    data = json.loads(path.read_bytes())
    data["actions"]["26"]["done_on"] = "gisteren"
    path.write_text(json.dumps(data))
    store = Store(many_units, today=TODAY)
    assert store.resolve_unit("praktijk 5") == "praktijk-5"
    skipped: list = []
    listed = store.listed_actions("praktijk-5", skipped=skipped)
    assert "A-26" not in [a.id for a in listed] and len(listed) == len(data["actions"]) - 1
    assert [p.record_id for p in skipped] == ["A-26"]


def test_matching_a_unit_by_name_builds_the_indexes_lists_use(many_units, monkeypatch):
    Store(many_units, today=TODAY).resolve_unit("tijk 7")  # no list ran before
    parsed = count_parses(monkeypatch)
    Store(many_units, today=TODAY).listed_actions()
    assert parsed == []
