"""Meetings imported with the leerpunten they brought (one per line of a cell),
matched by id or by date and theme; an export of meetings imports back unchanged."""

from __future__ import annotations

import datetime as dt

import store.exchange.interop  # noqa: F401  (its words)
from store.exchange.interop import exporter, importer
from store.model.records import Finding, Meeting
from tests.conftest import stored
from tests.store.interop_helpers import csv_bytes


def test_meetings_with_their_leerpunten(store, unit, tmp_path):
    path = tmp_path / "bijeenkomsten.csv"
    path.write_bytes(csv_bytes([
        ["Overzicht spiegelbijeenkomsten 2026", "", "", "", ""],
        ["Datum", "Thema", "Aantal deelnemers", "Gespreksleider", "Leerpunten"],
        ["3-10-2026", "Bereikbaarheid", "12", "Els", "Telefoon slecht bereikbaar\nBalie te druk"],
        ["14-11-2026", "Medicatie", "9", "Piet", "Herhaalrecepten te laat"],
        ["geen datum", "Fout", "", "", ""],
    ]))
    dry = importer.preview(store, unit.id, str(path), kind="meetings")
    assert [r.op for r in dry.rows] == ["create", "create", "error"], dry.lines()
    assert "kolom C 'Aantal deelnemers' → deelnemers" in dry.lines()
    assert "rij 3: nieuw  Bereikbaarheid: met 2 nieuwe leerpunten" in dry.lines()
    importer.run(store, unit.id, str(path), kind="meetings")
    meetings = {m.theme: m for m in store.records(Meeting, unit.id)}
    assert meetings["Bereikbaarheid"].date == dt.date(2026, 10, 3) and meetings["Bereikbaarheid"].participants == 12
    texts = {f.text: f.meeting for f in store.records(Finding, unit.id)}
    assert texts == {"Telefoon slecht bereikbaar": meetings["Bereikbaarheid"].id,
                     "Balie te druk": meetings["Bereikbaarheid"].id,
                     "Herhaalrecepten te laat": meetings["Medicatie"].id}
    again = importer.run(store, unit.id, str(path), kind="meetings")
    assert again.count("same") == 2 and again.count("create") == 0  # matched by date and theme


def test_exported_meetings_import_back_unchanged(store, unit, tmp_path):
    store.add(Meeting(date=dt.date(2026, 10, 1), theme="-Bereikbaarheid", participants=8, questions=["Wat?", "Hoe?"],
                      feedback_due=dt.date(2026, 10, 29), notes="=regel 1\nregel 2"), unit.id)
    store.add(Meeting(date=dt.date(2026, 11, 2)), unit.id)
    for fmt in ("csv", "xlsx"):
        data, count = exporter.export_bytes("meetings", fmt, exporter.gather(store, "meetings", unit.id))
        path = tmp_path / f"bijeenkomsten.{fmt}"
        path.write_bytes(data)
        before = stored(store, unit.id)
        result = importer.run(store, unit.id, str(path), kind="meetings")
        assert result.count("same") == count == 2 and not result.problems(), result.lines()
        assert stored(store, unit.id) == before


def test_schema_7_meeting_fields_import_from_a_sheet(store, unit, tmp_path):
    from store.model.vocab import Organiser

    path = tmp_path / "bijeenkomsten-7.csv"
    path.write_bytes(csv_bytes([
        ["Datum", "Thema", "Organisator", "Afspiegeling", "Werkenden in doelgroep", "Begintijd"],
        ["3-10-2026", "Bereikbaarheid", "gemeente", "jong en oud", "ja", "19.30"],
    ]))
    importer.run(store, unit.id, str(path), kind="meetings")
    meeting, = store.records(Meeting, unit.id)
    assert (meeting.organiser, meeting.afspiegeling, meeting.working_target, meeting.start_time) == (
        Organiser.MUNICIPALITY, "jong en oud", True, "19:30")
