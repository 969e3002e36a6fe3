"""The storage seam: Store's domain over a backend (store/persistence/backend.py), its clock,
and waiting for a unit to change."""

import datetime as dt
import threading

import pytest

from store.persistence.backend import Backend
from store.errors import BadRecord
from store.persistence.files.backend import FileBackend
from store.model.records import Action, Unit
from store.persistence.repository import Store
from tests.conftest import TODAY

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def test_changes_are_stamped_with_the_clock_store_was_given(tmp_path):
    ticks = iter([NOON, NOON + dt.timedelta(minutes=5), NOON + dt.timedelta(minutes=9)])
    store = Store(tmp_path / "data", user="tester", today=TODAY, clock=lambda: next(ticks))
    slug = store.create_unit(Unit(name="De Hoek")).id
    added = store.add(Action(title="bellen"), slug)
    edited = store.change(added.id, {"owner": "Sanne"})
    assert (edited.created_at, edited.updated_at) == ("2026-11-23T12:05:00+00:00", "2026-11-23T12:09:00+00:00")
    assert [entry["at"] for entry in edited.log] == ["2026-11-23T12:05:00+00:00", "2026-11-23T12:09:00+00:00"]


def test_store_takes_a_backend_and_a_location_alike(tmp_path):
    by_path = Store(tmp_path / "data", user="tester", today=TODAY)
    slug = by_path.create_unit(Unit(name="De Hoek")).id
    by_backend = Store(FileBackend(tmp_path / "data"), user="tester", today=TODAY)
    added = by_backend.add(Action(title="bellen"), slug)
    assert by_path.get(added.id).title == "bellen"
    assert by_backend.files is by_backend.backend and by_backend.location == by_path.location


def test_the_backend_interface_names_what_a_new_backend_must_do():
    with pytest.raises(NotImplementedError):
        Backend().read("de-hoek")
    with pytest.raises(NotImplementedError):
        Backend().transaction("de-hoek")


def test_waiting_for_a_change_times_out_when_nothing_changes(store, unit):
    assert store.wait_for_change(unit.id, 0.3) is False


def test_waiting_for_a_change_sees_another_writer(store, unit, tmp_path):
    seen = store.fingerprint(unit.id)
    colleague = Store(store.location, user="collega", today=TODAY)
    writer = threading.Thread(target=colleague.add, args=(Action(title="van een collega"), unit.id))
    writer.start()
    try:
        assert store.wait_for_change(unit.id, 30, seen) is True
    finally:
        writer.join()
    assert [a.title for a in store.records(Action, unit.id)] == ["van een collega"]


def test_waiting_for_any_unit_sees_a_new_unit(store, unit):
    seen = store.fingerprint()
    Store(store.location, user="collega", today=TODAY).create_unit(Unit(name="Gemeente Best"))
    assert store.wait_for_change(None, 30, seen) is True


def test_a_bad_record_says_how_to_repair_it_where_it_is_stored(store, unit, backend):
    problem = BadRecord(unit.id, "A-1", [], store.unit_path(unit.id), store.backend.repair_hint(unit.id))
    assert store.unit_path(unit.id) in str(problem)
    assert ("teksteditor" if backend == "files" else "SQL") in str(problem)
