"""Headers as people write them, matched by words and shown before anything is
written: a practice's own plan (title row, merged cells, a known word plus more
words) imports its deadline; an ignored column with dates is named; a column can
be mapped by hand; no title column imports nothing."""

from __future__ import annotations

import datetime as dt

import pytest

import store.exchange.interop  # noqa: F401  (its words)
from store.errors import InvalidValue
from store.exchange.interop import importer
from store.exchange.interop.column_report import by_hand, letter
from store.exchange.interop.columns import field_for
from store.model.records import Action
from tests.conftest import stored
from tests.store.interop_helpers import csv_bytes


@pytest.mark.parametrize("header, field", [
    ("Datum afgerond", "done_on"), ("% gereed", "progress"), ("%gereed", "progress"), ("Gereed per", "deadline"),
    ("Gereed per (datum)", "deadline"), ("Wanneer klaar?", "deadline"), ("Actiehouder / wie", "owner"),
    ("Verbeteractie (wat gaan we doen?)", "title"), ("Leerpunt uit spiegelgesprek", "leerpunt"),
    ("Startdatum", "started_on"), ("Datum evaluatie", "review_date"), ("Status (open/bezig/klaar)", "status"),
    ("Geëvalueerd op:", "evaluated_on"), ("EIGENAAR", "owner"), ("Datum", "deadline"), ("Wie", "owner"),
    ("Wat", "title"), ("Start", "started_on"),
    # a generic word inside a longer header says nothing
    ("Datum binnenkomst", None), ("Wie belt de patiënt", None), ("Wat kost het", None), ("Start budget", None),
    ("Opmerkingen", None),
])
def test_a_header_is_matched_by_its_longest_known_phrase(header, field):
    assert field_for(header, "actions") == field


def test_the_export_headers_win_in_both_languages():
    assert field_for("afgerond op") == "done_on" and field_for("done on") == "done_on"
    assert field_for("leerpunt", "findings") == "leerpunt" and field_for("finding", "findings") == "leerpunt"
    assert field_for("actie-id", "measurements") == "action" and field_for("kpi-naam", "measurements") == "kpi_name"
    assert field_for("datum", "measurements") == "date"  # the same word, another kind: another field


def practice_plan(path):
    """A plan as a practice keeps it: a title row merged over the table, a date
    line, headers with more words than spiegel's, a leerpunt merged over rows, a
    remark column and a 'checked by' column with names."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Verbeterplan"
    sheet["A1"] = "Verbeterplan huisartsenpraktijk De Linde 2027"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "Opgesteld na de spiegelbijeenkomst van 3 oktober"
    sheet.append([])
    sheet.append(["Leerpunt uit spiegelgesprek", "Verbeteractie (wat gaan we doen?)", "Actiehouder / wie",
                  "Gereed per", "Status (open/bezig/klaar)", "% gereed", "Opmerkingen", "Afgevinkt door"])
    sheet.append(["Telefoon slecht bereikbaar", "Terugbelservice", "Sanne", dt.datetime(2027, 2, 1), "bezig", 40,
                  "loopt goed", "Piet"])
    sheet.append([None, "Extra lijn", "Piet", "1-3-2027", "open", 0, "", "Els"])
    sheet.merge_cells("A5:A6")
    sheet.append(["Wachtkamer", "Looproute", "Els", "31-2-2027", "open", 0, "", "Piet"])  # impossible date
    book.save(path)


def test_a_practice_plan_imports_its_deadline_and_says_what_it_read(store, unit, tmp_path):
    path = tmp_path / "verbeterplan.xlsx"
    practice_plan(path)
    dry = importer.preview(store, unit.id, str(path))
    lines = dry.lines()
    assert lines[:8] == ["kolom A 'Leerpunt uit spiegelgesprek' → leerpunten",
                         "kolom B 'Verbeteractie (wat gaan we doen?)' → actie",
                         "kolom C 'Actiehouder / wie' → eigenaar", "kolom D 'Gereed per' → deadline",
                         "kolom E 'Status (open/bezig/klaar)' → status", "kolom F '% gereed' → voortgang",
                         "kolom G 'Opmerkingen' → genegeerd", "kolom H 'Afgevinkt door' → genegeerd"]
    assert any(line.startswith("let op: kolom H 'Afgevinkt door' wordt genegeerd maar bevat namen") for line in lines)
    assert not any("kolom G" in line and "bevat" in line for line in lines)  # free text: no warning
    errors = {row.number: row.message for row in dry.rows if row.op == "error"}
    assert set(errors) == {7} and "31-2-2027" in errors[7]  # the impossible date is read, so refused
    importer.run(store, unit.id, str(path))
    actions = {a.title: a for a in store.records(Action, unit.id)}
    assert actions["Terugbelservice"].deadline == dt.date(2027, 2, 1) and actions["Terugbelservice"].progress == 40
    assert actions["Extra lijn"].deadline == dt.date(2027, 3, 1) and actions["Extra lijn"].owner == "Piet"


def test_a_dutch_excel_csv_with_an_unknown_date_column_is_named_and_mapped_by_hand(store, unit, tmp_path):
    text = ("Actieplan 2027;;;\r\nVerbeteractie;Wie;Moet af zijn vóór;Afgevinkt\r\n"
            "Café-avond;José;15-3-2027;nee\r\nFolder;Anneke;1-4-2027;ja\r\n")
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("cp1252"))  # as Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)"
    dry = importer.preview(store, unit.id, str(path))
    lines = dry.lines()
    assert "kolom C 'Moet af zijn vóór' → genegeerd" in lines and "kolom A 'Verbeteractie' → actie" in lines
    assert any("kolom C 'Moet af zijn vóór' wordt genegeerd maar bevat datums" in line for line in lines)
    mapped = importer.run(store, unit.id, str(path), columns=by_hand(["Moet af zijn vóór=deadline"]))
    assert mapped.head[2] == "kolom C 'Moet af zijn vóór' → deadline" and mapped.count("create") == 2
    deadlines = {a.title: a.deadline for a in store.records(Action, unit.id)}
    assert deadlines == {"Café-avond": dt.date(2027, 3, 15), "Folder": dt.date(2027, 4, 1)}


def test_two_columns_for_one_field_are_reported(store, unit, tmp_path):
    path = tmp_path / "dubbel.csv"
    path.write_bytes(csv_bytes([["Actie", "Deadline", "Gereed per"], ["Folder", "2027-04-01", "2027-05-01"]]))
    lines = importer.preview(store, unit.id, str(path)).lines()
    assert "kolom B en kolom C 'Gereed per' vullen allebei deadline: kolom B wordt gelezen, kolom C genegeerd" in lines


def test_no_title_column_imports_nothing(store, unit, tmp_path):
    path = tmp_path / "geen-titel.csv"
    path.write_bytes(csv_bytes([["Omschrijving van de maatregelen", "Wie", "Wanneer"], ["Iets", "Sanne", "1-3"]]))
    before = stored(store, unit.id)
    with pytest.raises(InvalidValue, match="geen kolom met de actie herkend"):
        importer.run(store, unit.id, str(path))
    assert stored(store, unit.id) == before
    done = importer.run(store, unit.id, str(path), columns=by_hand(["Omschrijving van de maatregelen=actie"]))
    assert done.count("create") == 1


def test_a_mapping_by_hand_names_what_is_wrong(tmp_path):
    with pytest.raises(InvalidValue, match="KOP=VELD"):
        by_hand(["Gereed per"])
    with pytest.raises(InvalidValue, match="onbekend veld 'morgen'"):
        by_hand(["Gereed per=morgen"])
    assert by_hand(["Opmerkingen=genegeerd", "Klaar=afgerond op"]) == {"Opmerkingen": "-", "Klaar": "done_on"}
    assert [letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_every_sheet_is_read_with_a_line_per_sheet(store, unit, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Team A"
    first.append(["Actie", "Eigenaar"])
    first.append(["Folder", "Sanne"])
    notes = book.create_sheet("Toelichting")
    notes.append(["Dit blad is uitleg."])
    second = book.create_sheet("Team B")
    second.append(["Actie", "Eigenaar"])
    second.append(["Website", "Piet"])
    second.append(["", "Els"])
    path = tmp_path / "teams.xlsx"
    book.save(path)
    dry = importer.preview(store, unit.id, str(path))
    lines = dry.lines()
    assert lines[0] == "blad 'Team A': 1 rij" and "blad 'Toelichting': geen tabel gevonden, overgeslagen" in lines
    assert "blad 'Team B': 2 rijen" in lines
    assert any(line.startswith("rij 3 (blad 'Team B'): FOUT") for line in lines)
    assert dry.count("create") == 2
    only = importer.preview(store, unit.id, str(path), tab="team b")
    assert only.count("create") == 1 and not any(line.startswith("blad") for line in only.lines())
    with pytest.raises(InvalidValue, match="geen blad 'Team C'.*'Team A', 'Toelichting', 'Team B'"):
        importer.preview(store, unit.id, str(path), tab="Team C")


def test_a_column_mapped_by_hand_wins_its_field(store, unit, tmp_path):
    path = tmp_path / "verbeterplan.xlsx"
    practice_plan(path)
    dry = importer.preview(store, unit.id, str(path), columns=by_hand(["Afgevinkt door=eigenaar"]))
    lines = dry.lines()
    assert "kolom H 'Afgevinkt door' → eigenaar" in lines and "kolom C 'Actiehouder / wie' → genegeerd" in lines
    assert "kolom H en kolom C 'Actiehouder / wie' vullen allebei eigenaar: kolom H wordt gelezen, kolom C genegeerd" \
        in lines
    assert not any(line.startswith("let op: kolom C") for line in lines)  # said once, as a double
    importer.run(store, unit.id, str(path), columns=by_hand(["Afgevinkt door=eigenaar"]))
    assert {a.title: a.owner for a in store.records(Action, unit.id)} == {"Terugbelservice": "Piet", "Extra lijn": "Els"}


def test_a_header_is_shown_as_text_never_markup_or_control(store, unit, tmp_path):
    path = tmp_path / "boos.csv"
    path.write_bytes(csv_bytes([["Actie", "Eigenaar", "[b]Wie[/b] \x1b]0;gekaapt\x07[@click=app.quit]"],
                                ["Folder", "Sanne", "1-3-2027"]]))
    lines = importer.preview(store, unit.id, str(path)).lines()
    shown = "\n".join(lines)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "kolom C '[b]Wie[/b] " in shown and "[@click=app.quit]' → genegeerd" in shown
