"""Import of spreadsheets as practices keep them: title rows, merged cells, empty
rows, Excel and typed Dutch dates, status words, wrong values (row errors, nothing
written for those rows), and re-import of an edited export (updates, conflicts)."""

from __future__ import annotations

import datetime as dt

import pytest

import store.exchange.interop  # noqa: F401
from store.errors import InvalidValue
from store.exchange.interop import exporter, importer
from store.exchange.interop.read_table import read_sheet
from store.model.records import Action, Finding, Meeting
from tests.conftest import stored
from tests.store.interop_helpers import csv_bytes, csv_rows, fill


def messy_xlsx(path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Verbeterplan Praktijk De Hoek 2027"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "na het spiegelgesprek van oktober"
    # row 3 empty, header on row 4
    sheet.append([])
    sheet.append(["Leerpunt", "Verbeteractie", "Wie", "Wanneer", "Status", "Fase"])
    sheet.append(["Lang wachten aan de telefoon", "Terugbelservice", "Sanne", dt.datetime(2027, 2, 1), "loopt", 2])
    sheet.append([None, "Extra telefoonlijn", "Piet", 46447, "gepland", "3"])  # serial: 2027-03-01
    sheet.merge_cells("A5:A6")  # the leerpunt is merged over both of its actions
    sheet.append([])  # row 7 empty
    sheet.append(["Wachtkamer te vol", "Looproute", "Els", "15 april 2027", "nog niet gestart", 1])  # row 8
    sheet.append(["Wachtkamer te vol", "Tweede wachtkamer", "Els", "15-3", "klaar", 1])  # row 9: no year
    sheet.append(["Website onduidelijk", "Nieuwe website", "Bram", "2027-05-01", "misschien", 1])  # row 10: status
    sheet.append(["Website onduidelijk", "Folder", "Bram", "32 mei", "gepland", 1])  # row 11: date
    sheet.append(["Website onduidelijk", "Filmpje", "Bram", "2027-06-01", "gepland", 7])  # row 12: phase
    sheet.append(["Website onduidelijk", "", "Bram", "2027-06-01", "gepland", 1])  # row 13: no action
    book.save(path)


def test_messy_xlsx_gives_row_errors_and_imports_the_rest(store, unit, tmp_path):
    path = tmp_path / "verbeterplan.xlsx"
    messy_xlsx(path)
    dry = importer.preview(store, unit.id, str(path))
    errors = {row.number: row.message for row in dry.rows if row.op == "error"}
    assert set(errors) == {10, 11, 12, 13}, dry.lines()
    assert "misschien" in errors[10] and "32 mei" in errors[11] and "'7'" in errors[12]
    lines = "\n".join(dry.lines())
    assert "rij 10: FOUT" in lines and "rij 9: '15-3' gelezen als 2027-03-15 (het jaar van de andere datums" in lines
    assert not store.records(Action, unit.id)  # the dry run wrote nothing

    result = importer.run(store, unit.id, str(path))
    assert result.count("create") == 4 and len(result.problems()) == 4
    actions = {a.title: a for a in store.records(Action, unit.id)}
    assert set(actions) == {"Terugbelservice", "Extra telefoonlijn", "Looproute", "Tweede wachtkamer"}
    assert actions["Terugbelservice"].deadline == dt.date(2027, 2, 1)
    assert actions["Extra telefoonlijn"].deadline == dt.date(2027, 3, 1) and actions["Extra telefoonlijn"].phase == 3
    assert actions["Looproute"].deadline == dt.date(2027, 4, 15)
    assert actions["Tweede wachtkamer"].deadline == dt.date(2027, 3, 15)
    assert actions["Tweede wachtkamer"].status.value == "done"
    phone = actions["Terugbelservice"].findings
    assert phone and actions["Extra telefoonlijn"].findings == phone  # merged cell: the same leerpunt
    texts = sorted(f.text for f in store.records(Finding, unit.id))
    assert texts == ["Lang wachten aan de telefoon", "Wachtkamer te vol"]  # the failed rows' leerpunt is not made


def test_a_file_that_only_has_errors_writes_nothing(store, unit, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(csv_bytes([["actie", "deadline"], ["Iets", "morgen of zo"]]))
    before = stored(store, unit.id)
    result = importer.run(store, unit.id, str(path))
    assert [r.op for r in result.rows] == ["error"] and result.rows[0].number == 2
    assert stored(store, unit.id) == before


def test_export_edit_import_updates_and_reports_a_conflict(store, unit, tmp_path):
    _m, _f, made = fill(store, unit.id)
    data, _n = exporter.export_bytes("actions", "csv", exporter.gather(store, "actions", unit.id))
    rows = csv_rows(data)
    head = rows[0]
    owner, ident = head.index("eigenaar"), head.index("id")
    edited = {made[1].id: "Sanne", made[2].id: "Piet"}
    for row in rows[1:]:
        if row[ident] in edited:
            row[owner] = edited[row[ident]]
    path = tmp_path / "bewerkt.csv"
    path.write_bytes(csv_bytes(rows))
    store.change(made[2].id, {"title": "Intussen in spiegel gewijzigd", "owner": "Els"})  # after the export

    result = importer.run(store, unit.id, str(path))
    by_id = {row.record.id: row for row in result.rows}
    assert by_id[made[1].id].op == "update" and by_id[made[1].id].changes == ("owner",)
    conflict = by_id[made[2].id]
    assert conflict.op == "conflict" and "revisie 1 in het bestand, nu 2" in conflict.message
    assert "Eigenaar in spiegel 'Els', in het bestand 'Piet'" in conflict.message  # the field, both values
    assert "titel" not in conflict.message.casefold()  # changed only in spiegel: no conflict about it
    assert store.get(made[1].id).owner == "Sanne"
    kept = store.get(made[2].id)
    assert kept.owner == "Els" and kept.title == "Intussen in spiegel gewijzigd" and kept.rev == 2  # never overwritten
    assert result.count("same") == len(made) - 2


def test_an_id_of_another_unit_or_kind_is_a_row_error(store, unit, tmp_path):
    from store.model.records import Unit

    other = store.create_unit(Unit(name="Andere praktijk"))
    theirs = store.add(Action(title="Van een ander"), other.id)
    path = tmp_path / "ids.csv"
    path.write_bytes(csv_bytes([["id", "actie"], [theirs.id, "Overgenomen?"], ["L-999", "Fout soort"]]))
    result = importer.run(store, unit.id, str(path))
    assert [r.op for r in result.rows] == ["error", "error"]
    assert store.get(theirs.id).title == "Van een ander"


def test_findings_go_to_the_named_meeting_or_a_new_one(store, unit, tmp_path):
    path = tmp_path / "leerpunten.csv"
    path.write_bytes(csv_bytes([["Leerpunt", "Soort", "Thema", "Quick win"],
                                ["Balie te druk", "leerpunt", "Bereikbaarheid", "ja"],
                                ["Vriendelijke assistentes", "positief punt", "", "nee"]]))
    meeting = store.add(Meeting(date=dt.date(2026, 10, 1)), unit.id)
    named = importer.run(store, unit.id, str(path), kind="findings", meeting=meeting.id)
    assert named.count("create") == 2
    found = {f.text: f for f in store.records(Finding, unit.id)}
    assert {f.meeting for f in found.values()} == {meeting.id}
    assert found["Balie te druk"].quick_win and found["Vriendelijke assistentes"].kind.value == "positive"
    assert importer.run(store, unit.id, str(path), kind="findings").count("create") == 0  # matched on text
    with pytest.raises(Exception):
        importer.preview(store, unit.id, str(path), kind="findings", meeting="M-999")


@pytest.mark.parametrize("encoding, bom, sep", [
    ("cp1252", b"", ";"), ("utf-8", b"\xef\xbb\xbf", ";"), ("utf-8", b"", ";"), ("utf-16-le", b"\xff\xfe", "\t"),
    ("utf-8", b"\xef\xbb\xbf", ","),
])
def test_csv_as_excel_writes_it(tmp_path, encoding, bom, sep):
    text = sep.join(["Verbeterplan 2027"]) + "\r\n" + "\r\n" + sep.join(["Actie", "Eigenaar", "Geëvalueerd op"]) + \
        "\r\n" + sep.join(["Café-avond organiseren", "José", "1-2-2027"]) + "\r\n"
    path = tmp_path / "excel.csv"
    path.write_bytes(bom + text.encode(encoding))
    sheet = read_sheet(str(path))
    assert sheet.columns == {0: "title", 1: "owner", 2: "evaluated_on"}
    assert sheet.rows == [(4, ["Café-avond organiseren", "José", "1-2-2027"])]


def test_a_file_without_a_header_says_what_it_looked_for(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"alleen;wat;woorden\r\n1;2;3\r\n")
    with pytest.raises(InvalidValue, match="geen kopregel gevonden"):
        read_sheet(str(path))
    (tmp_path / "nep.xlsx").write_bytes(b"geen zip")
    with pytest.raises(InvalidValue, match="geen leesbaar Excel-bestand"):
        read_sheet(str(tmp_path / "nep.xlsx"))


def test_a_kpi_column_adds_the_kpi_once(store, unit, tmp_path):
    from store.model.records import Kpi

    path = tmp_path / "kpi.csv"
    path.write_bytes(csv_bytes([["Actie", "KPI"], ["Terugbelservice", "% binnen een dag teruggebeld"]]))
    assert importer.run(store, unit.id, str(path)).count("create") == 1
    again = importer.run(store, unit.id, str(path))
    assert again.count("create") == 0 and again.count("update") == 0
    (kpi,) = store.records(Kpi, unit.id)
    (action,) = store.records(Action, unit.id)
    assert kpi.name == "% binnen een dag teruggebeld" and kpi.action == action.id


def test_a_row_that_matches_spiegel_now_is_no_conflict(store, unit, tmp_path):
    action = store.add(Action(title="Oud"), unit.id)
    path = tmp_path / "oud.csv"
    path.write_bytes(csv_bytes([["id", "rev", "actie"], [action.id, "1", "Nieuw"]]))
    store.change(action.id, {"title": "Nieuw"})  # a colleague made the same change
    result = importer.run(store, unit.id, str(path))
    assert [r.op for r in result.rows] == ["same"]


@pytest.mark.files_only
def test_a_fifo_is_refused_not_waited_for(tmp_path):
    import os

    os.mkfifo(tmp_path / "plan.csv")
    with pytest.raises(InvalidValue, match="kan dit bestand niet lezen"):
        read_sheet(str(tmp_path / "plan.csv"))


def test_an_update_may_name_a_new_leerpunt(store, unit, tmp_path):
    action = store.add(Action(title="Terugbelservice"), unit.id)
    path = tmp_path / "nieuw-leerpunt.csv"
    path.write_bytes(csv_bytes([["id", "rev", "actie", "leerpunt"], [action.id, "1", "Terugbelservice", "Telefoon"]]))
    result = importer.run(store, unit.id, str(path))
    assert [r.op for r in result.rows] == ["update"]
    (finding,) = store.records(Finding, unit.id)
    assert finding.text == "Telefoon" and store.get(action.id).findings == [finding.id]
