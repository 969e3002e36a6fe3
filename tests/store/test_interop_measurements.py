"""KPI measurements imported as practices keep them: a wide sheet (one row per
indicator, one column per period) and a long one (as the export writes it), KPIs
matched by id or name, new KPIs only with an action, each period on one day shown
in the dry run, a second value for one KPI and day reported."""

from __future__ import annotations

import datetime as dt

import pytest

import store.exchange.interop  # noqa: F401  (its words)
from store.errors import InvalidValue
from store.exchange.interop import exporter, importer
from store.exchange.interop.periods import period
from store.moments.measurements import existing_on_day
from store.model.records import Action, Kpi, Measurement
from tests.conftest import stored
from tests.store.interop_helpers import csv_bytes

TODAY = dt.date(2026, 5, 12)


@pytest.mark.parametrize("header, day", [
    ("jan 2026", dt.date(2026, 1, 31)), ("2026-02", dt.date(2026, 2, 28)), ("02-2026", dt.date(2026, 2, 28)),
    ("feb", dt.date(2026, 2, 28)), ("Q1 2026", dt.date(2026, 3, 31)), ("K1", dt.date(2026, 3, 31)),
    ("mei 2026", TODAY),  # still running: today, as the w pass would date it
    ("juni", dt.date(2025, 6, 30)),  # no year: the last June that has begun (the past rule)
    ("Q4", dt.date(2025, 12, 31)), (dt.datetime(2026, 3, 1), dt.date(2026, 3, 31)),  # Excel's 'mrt 2026' cell
    ("2025-Q3", dt.date(2025, 9, 30)), ("dec '25", dt.date(2025, 12, 31)),
])
def test_a_period_is_stored_on_its_last_day(header, day):
    assert period(header).day(TODAY) == day


def test_a_period_not_begun_is_refused_and_other_words_are_no_period():
    with pytest.raises(InvalidValue, match="nog niet begonnen"):
        period("juli 2026").day(TODAY)
    assert period("Indicator") is None and period("Opmerking") is None and period("13-2026") is None


@pytest.fixture
def kpis(store, unit):
    action = store.add(Action(title="Terugbelservice"), unit.id)
    calls = store.add(Kpi(action=action.id, name="% binnen een dag teruggebeld", measure_unit="%"), unit.id)
    return action, calls


def wide_sheet(path, action_id):
    """One row per indicator, one column per period, as a practice's Excel has it:
    a title row, a 'jan 2026' Excel turned into a date, a quarter, a note column."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Indicatoren 2026"
    sheet.append(["Indicatoren praktijk De Linde"])
    sheet.append(["Indicator", "Actie", dt.datetime(2026, 1, 1), "2026-02", "mrt", "Q1 2026", "Opmerking"])
    sheet.append(["% binnen een dag teruggebeld", None, 62, "71,5", 80, None, "nieuwe lijn in feb"])
    sheet.append(["Wachttijd telefoon (min)", action_id, 9, 7, None, 6, ""])
    sheet.append(["Onbekende indicator", None, 1, 2, 3, None, ""])
    sheet.append(["% binnen een dag teruggebeld", None, None, None, "veel", None, ""])
    book.save(path)


def test_a_wide_kpi_sheet_imports_each_period_on_its_day(store, unit, kpis, tmp_path):
    action, calls = kpis
    store.today = lambda: TODAY
    path = tmp_path / "indicatoren.xlsx"
    wide_sheet(path, action.id)
    before = stored(store, unit.id)
    dry = importer.preview(store, unit.id, str(path), kind="measurements")
    lines = dry.lines()
    assert "kolom C '2026-01' → meting op 2026-01-31" in lines and "kolom F 'Q1 2026' → meting op 2026-03-31" in lines
    assert "kolom E 'mrt' → meting op 2026-03-31" in lines
    assert any(line.startswith("een periode (maand, kwartaal) wordt opgeslagen op haar laatste dag") for line in lines)
    errors = {(r.number, r.column): r.message for r in dry.rows if r.op == "error"}
    assert "geen KPI 'Onbekende indicator'" in errors[(5, "C")] and "--actie" in errors[(5, "C")]
    assert "'veel'" in errors[(6, "E")]
    assert any("nieuwe KPI bij A-1; 2026-03-31: 6" in line for line in lines), lines
    assert stored(store, unit.id) == before  # the dry run wrote nothing

    done = importer.run(store, unit.id, str(path), kind="measurements")
    assert done.count("create") == 6
    series = {k.name: [(m.date, m.value) for m in k.measurements] for k in store.records(Kpi, unit.id)}
    assert series["% binnen een dag teruggebeld"] == [(dt.date(2026, 1, 31), 62), (dt.date(2026, 2, 28), 71.5),
                                                     (dt.date(2026, 3, 31), 80)]
    assert series["Wachttijd telefoon (min)"] == [(dt.date(2026, 1, 31), 9), (dt.date(2026, 2, 28), 7),
                                                  (dt.date(2026, 3, 31), 6)]
    assert "Onbekende indicator" not in series
    again = importer.run(store, unit.id, str(path), kind="measurements", action=action.id)
    assert again.count("same") == 6 and again.count("create") == 3  # --actie: the unknown one is made now
    assert existing_on_day(store.get(calls.id), dt.date(2026, 2, 28)).value == 71.5


def test_a_second_value_on_a_day_is_reported_not_added(store, unit, kpis, tmp_path):
    _action, calls = kpis
    store.today = lambda: TODAY
    store.change(calls.id, {"measurements": [Measurement(dt.date(2026, 1, 31), 50)]})
    path = tmp_path / "lang.csv"
    path.write_bytes(csv_bytes([["KPI", "Datum", "Waarde"], [calls.id, "31-1-2026", "62"],
                                ["% binnen een dag teruggebeld", "feb 2026", "70"],
                                [calls.id.lower(), "28-2-2026", "71"]]))
    result = importer.run(store, unit.id, str(path), kind="measurements")
    by_row = {r.number: r for r in result.rows}
    assert by_row[2].op == "error" and "K-1 heeft op 2026-01-31 al een meting (50" in by_row[2].message
    assert by_row[3].op == "create" and by_row[4].op == "error" and "dezelfde KPI en datum als rij 3" in by_row[4].message
    assert [(m.date, m.value) for m in store.get(calls.id).measurements] == [(dt.date(2026, 1, 31), 50),
                                                                            (dt.date(2026, 2, 28), 70)]


def test_exported_measurements_import_back_unchanged(store, unit, kpis, tmp_path):
    _action, calls = kpis
    store.change(calls.id, {"measurements": [Measurement(dt.date(2026, 1, 31), 62.5, "start"),
                                              Measurement(dt.date(2026, 2, 28), 70)]})
    for fmt in ("csv", "xlsx"):
        data, count = exporter.export_bytes("measurements", fmt, exporter.gather(store, "measurements", unit.id))
        path = tmp_path / f"metingen.{fmt}"
        path.write_bytes(data)
        before = stored(store, unit.id)
        result = importer.run(store, unit.id, str(path), kind="measurements")
        assert result.count("same") == count == 2 and not result.problems(), result.lines()
        assert stored(store, unit.id) == before


def test_a_new_kpi_needs_an_existing_action(store, unit, kpis, tmp_path):
    store.today = lambda: TODAY
    path = tmp_path / "nieuw.csv"
    path.write_bytes(csv_bytes([["Indicator", "jan 2026"], ["Nieuwe indicator", "5"]]))
    (row,) = importer.preview(store, unit.id, str(path), kind="measurements", action="A-99").rows
    assert row.op == "error" and "A-99 bestaat niet" in row.message
    (row,) = importer.preview(store, unit.id, str(path), kind="measurements", action="a-1").rows
    assert row.op == "create" and "nieuwe KPI bij A-1" in row.message
