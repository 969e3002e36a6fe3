"""Export -> import gives the same records, on both backends, in every spreadsheet
format: cells starting with -, =, +, @ included (the formula guard is undone)."""

from __future__ import annotations

import pytest

import store.exchange.interop  # noqa: F401  (its words)
from store.exchange.interop import exporter, importer
from store.model.records import Action, Finding, Unit
from tests.store.interop_helpers import HOSTILE, csv_bytes, csv_rows, fill, same_fields


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(store, unit, tmp_path, fmt):
    fill(store, unit.id)
    for what in ("actions", "findings"):
        data, count = exporter.export_bytes(what, fmt, exporter.gather(store, what, unit.id))
        path = tmp_path / f"export.{fmt}"
        path.write_bytes(data)
        before = {r.id: r.rev for r in store.records(Action if what == "actions" else Finding, unit.id)}
        result = importer.run(store, unit.id, str(path), kind=what)
        assert result.count("same") == count and not result.problems(), result.lines()
        after = {r.id: r.rev for r in store.records(Action if what == "actions" else Finding, unit.id)}
        assert after == before  # not one revision more


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_imported_into_another_unit_gives_the_same_actions(store, unit, tmp_path, fmt):
    _m, _f, made = fill(store, unit.id)
    other = store.create_unit(Unit(name="Praktijk Elders"))
    data, _count = exporter.export_bytes("actions", fmt, exporter.gather(store, "actions", unit.id))
    path = tmp_path / f"plan.{fmt}"
    if fmt == "csv":  # without spiegel's own columns: a plan as a practice keeps it
        rows = csv_rows(data)
        keep = [i for i, h in enumerate(rows[0]) if h not in ("id", "rev", "leerpunten")]
        path.write_bytes(csv_bytes([[row[i] for i in keep] for row in rows]))
    else:
        import io

        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book.active
        for header in ("leerpunten", "rev", "id"):
            column = [c.value for c in sheet[1]].index(header) + 1
            sheet.delete_cols(column)
        book.save(path)
    result = importer.run(store, other.id, str(path))
    assert result.count("create") == len(made) and not result.problems(), result.lines()
    copies = {a.title: a for a in store.records(Action, other.id)}
    assert set(copies) == set(HOSTILE)
    for original in made:
        assert same_fields(store.get(original.id), copies[original.title])


def test_importing_the_same_plan_twice_creates_nothing_new(store, unit, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(csv_bytes([
        ["Leerpunt", "Verbeteractie", "Wie", "Wanneer", "Status"],
        ["Telefoon slecht bereikbaar", "Terugbelservice", "Sanne", "2027-02-01", "loopt"],
        ["Telefoon slecht bereikbaar", "Extra lijn", "Piet", "2027-03-01", "nog niet gestart"],
        ["", "Wachtkamer opknappen", "Els", "2027-04-01", "klaar"],
    ]))
    first = importer.run(store, unit.id, str(path))
    assert first.count("create") == 3 and not first.problems(), first.lines()
    again = importer.run(store, unit.id, str(path))
    assert again.count("create") == 0 and again.count("same") == 3, again.lines()
    actions = store.records(Action, unit.id)
    assert len(actions) == 3
    findings = store.records(Finding, unit.id)
    assert [f.text for f in findings] == ["Telefoon slecht bereikbaar"]  # one leerpunt, both actions answer it
    assert sorted(a.findings for a in actions) == [[], [findings[0].id], [findings[0].id]]
    by_title = {a.title: a for a in actions}
    assert by_title["Terugbelservice"].status.value == "in_progress"
    assert by_title["Extra lijn"].status.value == "planned"
    assert by_title["Wachtkamer opknappen"].status.value == "done"
    meeting = store.get(findings[0].meeting)
    assert meeting.theme == "geïmporteerd uit plan.csv" and meeting.date == store.today()
