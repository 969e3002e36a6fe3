"""Re-import by id of a row exported at an older revision: the revision first, then
field by field with the record's log: spiegel's own change kept, the file's
change applied, a change on both sides a conflict naming the field and both
values, and nothing of a conflicting row written."""

from __future__ import annotations

import datetime as dt

import store.exchange.interop  # noqa: F401  (its words)
from store.exchange.interop import exporter, importer
from store.model.records import Action, Finding, Meeting
from tests.store.interop_helpers import csv_bytes, csv_rows


def _export(store, unit, what="actions"):
    data, _n = exporter.export_bytes(what, "csv", exporter.gather(store, what, unit.id))
    return csv_rows(data)


def _write(tmp_path, rows):
    path = tmp_path / "terug.csv"
    path.write_bytes(csv_bytes(rows))
    return str(path)


def test_done_in_spiegel_after_the_export_is_kept_not_blamed_on_the_file(store, unit, tmp_path):
    action = store.add(Action(title="Terugbelservice", owner="Sanne", deadline=dt.date(2027, 3, 1)), unit.id)
    rows = _export(store, unit)
    store.change(action.id, {"status": "done"})  # marked done in spiegel after the export
    owner = rows[0].index("eigenaar")
    rows[1][owner] = "Piet"  # the file changes only the owner
    result = importer.run(store, unit.id, _write(tmp_path, rows))
    (row,) = result.rows
    assert row.op == "update" and row.changes == ("owner",), result.lines()
    assert "afgerond naar gepland" not in "\n".join(result.lines())
    now = store.get(action.id)
    assert now.status.value == "done" and now.owner == "Piet" and now.done_on is not None


def test_unchanged_row_of_an_older_revision_is_the_same(store, unit, tmp_path):
    action = store.add(Action(title="Folder"), unit.id)
    rows = _export(store, unit)
    store.change(action.id, {"status": "done"})
    result = importer.run(store, unit.id, _write(tmp_path, rows))
    assert [r.op for r in result.rows] == ["same"] and store.get(action.id).rev == 2


def test_a_field_changed_on_both_sides_is_a_conflict_and_nothing_of_the_row_is_written(store, unit, tmp_path):
    action = store.add(Action(title="Website", owner="Sanne", progress=10), unit.id)
    rows = _export(store, unit)
    store.change(action.id, {"owner": "Els"})
    head = rows[0]
    rows[1][head.index("eigenaar")] = "Piet"
    rows[1][head.index("voortgang")] = "50"  # changed only in the file, but the row conflicts
    result = importer.run(store, unit.id, _write(tmp_path, rows))
    (row,) = result.rows
    assert row.op == "conflict"
    assert "Eigenaar in spiegel 'Els', in het bestand 'Piet'" in row.message and "Voortgang" not in row.message
    now = store.get(action.id)
    assert (now.owner, now.progress, now.rev) == ("Els", 10, 2)


def test_the_same_change_on_both_sides_is_no_conflict(store, unit, tmp_path):
    action = store.add(Action(title="Website", owner="Sanne"), unit.id)
    rows = _export(store, unit)
    store.change(action.id, {"owner": "Els", "title": "Nieuwe website"})
    head = rows[0]
    rows[1][head.index("eigenaar")] = "Els"
    rows[1][head.index("fase")] = "2"
    result = importer.run(store, unit.id, _write(tmp_path, rows))
    assert [r.op for r in result.rows] == ["update"] and result.rows[0].changes == ("phase",)
    now = store.get(action.id)
    assert (now.title, now.owner, now.phase) == ("Nieuwe website", "Els", 2)


def test_findings_merge_the_same_way(store, unit, tmp_path):
    meeting = store.add(Meeting(date=dt.date(2026, 10, 1)), unit.id)
    finding = store.add(Finding(meeting=meeting.id, text="Balie te druk", theme="Balie"), unit.id)
    rows = _export(store, unit, "findings")
    store.change(finding.id, {"text": "Balie is te druk"})
    rows[1][rows[0].index("thema")] = "Bereikbaarheid"
    result = importer.run(store, unit.id, _write(tmp_path, rows), kind="findings")
    assert [r.op for r in result.rows] == ["update"], result.lines()
    now = store.get(finding.id)
    assert (now.text, now.theme) == ("Balie is te druk", "Bereikbaarheid")
