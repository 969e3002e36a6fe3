"""Schema 6 -> 7: a meeting's organiser, afspiegeling, working people in the target
group and start time; a visit's next-visit date; an agreement's leerpunt; a unit's
contact line. Older records meant the defaults and load unchanged; new values are
kept, checked on load, and shown by `show --json`."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from store.model import schema
from store.errors import BadRecord, InvalidRecord
from store.model.records import Meeting, Unit, Visit
from store.model.vocab import Organiser


def _schema_6_file() -> dict:
    data = schema.new_file()
    data[schema.META]["1"]["schema"] = 6
    data["unit"]["1"] = {"id": "oud", "name": "Oud", "rev": 1, "hagro": "Meerhoven"}
    data["meetings"]["1"] = {"id": "M-1", "rev": 1, "date": "2026-03-01", "theme": "Bereikbaarheid", "duration_min": 90}
    data["visits"]["1"] = {"id": "B-1", "rev": 1, "date": "2026-05-01",
                           "agreements": [{"text": "Terugbelservice", "action": "A-3"}]}
    return data


def test_a_schema_6_file_loads_with_the_defaults_and_nothing_stored_changes():
    old = _schema_6_file()
    migrated = schema.migrate(copy.deepcopy(old), "oud")
    assert schema.version_of(migrated) == schema.SCHEMA_VERSION
    assert {k: v for k, v in migrated.items() if k != schema.META} == {k: v for k, v in old.items() if k != schema.META}
    meeting = Meeting.from_doc(migrated["meetings"]["1"], "oud")
    assert (meeting.organiser, meeting.afspiegeling, meeting.working_target, meeting.start_time) == (
        Organiser.UNKNOWN, "", False, "")
    visit = Visit.from_doc(migrated["visits"]["1"], "oud")
    assert visit.next_visit is None and visit.agreements == [{"text": "Terugbelservice", "action": "A-3"}]
    assert Unit.from_doc(migrated["unit"]["1"], "oud").contact == ""
    # written back, an old record stays as it was (defaults are left out)
    assert meeting.to_compact_doc() == old["meetings"]["1"]
    assert visit.to_compact_doc() == old["visits"]["1"]


def test_a_file_of_schema_7_is_refused_by_a_spiegel_that_knows_6(monkeypatch):
    data = schema.MIGRATIONS[6](_schema_6_file(), "oud")  # the step 6 -> 7 alone
    data[schema.META]["1"]["schema"] = 7
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 6)
    raw = schema.dump(data)
    with pytest.raises(Exception) as refused:
        schema.parse("oud.json", raw, "oud")
    assert "7" in str(refused.value)


def test_the_new_fields_are_kept_through_a_save_and_a_load(store, unit):
    meeting = store.add(Meeting(date=dt.date(2026, 3, 1), organiser=Organiser.HAGRO, afspiegeling="jong en oud, geen werkenden",
                                working_target=True, start_time="19:30"), unit.id)
    again = store.get(meeting.id, unit.id)
    assert (again.organiser, again.afspiegeling, again.working_target, again.start_time) == (
        Organiser.HAGRO, "jong en oud, geen werkenden", True, "19:30")
    visit = store.add(Visit(date=dt.date(2026, 5, 1), next_visit=dt.date(2026, 9, 1),
                            agreements=[{"text": "Folder", "action": "", "finding": "L-4"}]), unit.id)
    again = store.get(visit.id, unit.id)
    assert again.next_visit == dt.date(2026, 9, 1) and again.agreements[0]["finding"] == "L-4"
    from store.moments.units import change_unit

    change_unit(store, unit.id, contact="Vragen? Bel Anja Smit, 040-123 45 67")
    assert store.unit(unit.id).contact == "Vragen? Bel Anja Smit, 040-123 45 67"


def test_a_start_time_that_is_no_time_is_refused_with_its_words(store, unit):
    with pytest.raises(InvalidRecord) as refused:
        store.add(Meeting(date=dt.date(2026, 3, 1), start_time="halfacht"), unit.id)
    assert "19:30" in str(refused.value) and "halfacht" in str(refused.value)


@pytest.mark.parametrize("field, value", [
    ("organiser", "de buurman"), ("working_target", "ja"), ("start_time", 1930), ("afspiegeling", ["x"]),
])
def test_a_hand_written_meeting_field_of_the_wrong_kind_is_a_bad_record(field, value):
    with pytest.raises(BadRecord):
        Meeting.from_doc({"id": "M-1", "date": "2026-03-01", field: value}, "oud")


@pytest.mark.parametrize("agreement", [
    {"text": "x", "action": "", "finding": "A-1"}, {"text": "x", "action": "", "finding": 3},
    {"text": "x", "action": "", "leerpunt": "L-1"},
])
def test_an_agreement_naming_no_leerpunt_id_is_a_bad_record(agreement):
    with pytest.raises(BadRecord):
        Visit.from_doc({"id": "B-1", "date": "2026-03-01", "agreements": [agreement]}, "oud")


def test_typed_start_times_are_read_as_a_person_means_them():
    from store.model.fields import parse_value

    assert [parse_value(Meeting, "start_time", s) for s in ("19.30", "1930", "19u30", "19", "19:30 uur", "-")] == [
        "19:30", "19:30", "19:30", "19:00", "19:30", ""]
    assert parse_value(Meeting, "organiser", "gemeente") == Organiser.MUNICIPALITY


def test_a_meetings_export_carries_the_new_fields_under_headers_import_reads_back():
    from store.exchange.interop.columns import field_for
    from store.exchange.interop.exporter import export_bytes
    from store.i18n import t

    meeting = Meeting(id="M-1", unit="oud", date=dt.date(2026, 3, 1), organiser=Organiser.PRACTICES,
                      afspiegeling="jong en oud", working_target=True, start_time="19:30")
    data, count = export_bytes("meetings", "csv", [meeting])
    header, row = data.decode("utf-8-sig").splitlines()[:2]
    names = header.split(";")
    assert {"organisator", "afspiegeling", "werkenden in doelgroep", "begintijd"} <= set(names)
    assert [field_for(n, "meetings") for n in ("organisator", "afspiegeling", "werkenden in doelgroep", "begintijd")] == [
        "organiser", "afspiegeling", "working_target", "start_time"]
    cells = dict(zip(names, row.split(";")))
    assert (cells["organisator"], cells["afspiegeling"], cells["begintijd"]) == (
        Organiser.PRACTICES.label, "jong en oud", "19:30")
    assert cells["werkenden in doelgroep"] == t("value.yes")
