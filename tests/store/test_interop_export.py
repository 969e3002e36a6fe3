"""Exports a spreadsheet never runs and a terminal never obeys: formula injection
over CSV and XLSX, hostile text (markup, escape sequences, <script>) over every
export format and the iCal file, and output files born 0600 without following a
planted link."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile

import pytest

import store.exchange.interop  # noqa: F401
from store.errors import WriteFailed
from store.exchange.interop import exporter, ical
from store.exchange.interop.guard import DANGEROUS, guard, unguard
from store.exchange.interop.outfile import write_file
from store.model.records import Action, Finding, Kpi, Measurement, Meeting
from tests.store.interop_helpers import HOSTILE, csv_rows, fill

ESCAPES = "\x1b]0;titel\x07\x1b[2J\x9b31m"
NASTY = f"[b]vet[/b] [@click=app.quit]x [/] <script>alert(1)</script> {ESCAPES}"


def every_export(store, slug):
    for what in exporter.WHATS:
        for fmt in exporter.FORMATS:
            data, _n = exporter.export_bytes(what, fmt, exporter.gather(store, what, slug))
            yield what, fmt, data


def test_csv_cells_that_start_a_formula_get_a_quote(store, unit):
    fill(store, unit.id)
    data, _n = exporter.export_bytes("actions", "csv", exporter.gather(store, "actions", unit.id))
    assert data.startswith(b"\xef\xbb\xbf")
    cells = [cell for row in csv_rows(data)[1:] for cell in row]
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    for title in HOSTILE:
        assert guard(title) in cells and unguard(guard(title)) == title
    assert "'=1+1" in cells and "'-begint met min" in cells and "''=al een apostrof" in cells


def test_xlsx_cells_are_strings_never_formulas(store, unit):
    import openpyxl

    fill(store, unit.id)
    data, _n = exporter.export_bytes("actions", "xlsx", exporter.gather(store, "actions", unit.id))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = {c.value: c.data_type for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert values["=1+1"] == "s" and values["@SUM(A1)"] == "s" and values["-begint met min"] == "s"
    dates = [c.value for c in next(sheet.iter_cols(min_col=7, max_col=7, min_row=2))]
    assert all(isinstance(d, dt.datetime) for d in dates)  # real date cells, shown as DD-MM-YYYY


def test_hostile_text_stays_literal_and_no_escape_reaches_a_file(store, unit):
    meeting = store.add(Meeting(date=dt.date(2026, 10, 1), theme=NASTY, notes=NASTY,
                                feedback_due=dt.date(2026, 12, 1)), unit.id)
    finding = store.add(Finding(meeting=meeting.id, text=NASTY, reason=""), unit.id)
    action = store.add(Action(title=NASTY, owner=NASTY, description=NASTY, deadline=dt.date(2026, 12, 5),
                              review_date=dt.date(2027, 1, 5), findings=[finding.id]), unit.id)
    store.add(Kpi(action=action.id, name=NASTY, measurements=[Measurement(dt.date(2026, 11, 1), -3.5, NASTY)]),
              unit.id)
    for what, fmt, data in every_export(store, unit.id):
        if fmt == "xlsx":
            book = zipfile.ZipFile(io.BytesIO(data))
            data = b"".join(book.read(name) for name in book.namelist())
        text = data.decode("utf-8")
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text, (what, fmt)
        if what != "measurements" or fmt != "json":
            literal = "&lt;script&gt;" if fmt == "xlsx" else "<script>alert(1)</script>"
            assert literal in text and "[@click=app.quit]x [/]" in text, (what, fmt)
        if fmt == "json":
            json.loads(text)
    calendar = ical.calendar_bytes(ical.events(store, unit.id)).decode().replace("\r\n ", "")  # unfolded
    assert "\x1b" not in calendar and "\x9b" not in calendar and "\x07" not in calendar
    assert "<script>alert(1)</script>" in calendar and "[b]vet[/b]" in calendar
    assert calendar.count("BEGIN:VEVENT") == 3  # deadline, review, feedback


def test_a_title_cannot_add_calendar_properties(store, unit):
    store.add(Action(title="x\r\nATTENDEE:mailto:boos@example.com\nDESCRIPTION:geheim", deadline=dt.date(2027, 1, 1)),
              unit.id)
    calendar = ical.calendar_bytes(ical.events(store, unit.id)).decode()
    lines = calendar.replace("\r\n ", "").splitlines()  # unfolded
    assert not [line for line in lines if line.startswith(("ATTENDEE", "DESCRIPTION"))]


def test_json_uses_codes_and_iso_dates(store, unit):
    fill(store, unit.id)
    data, count = exporter.export_bytes("actions", "json", exporter.gather(store, "actions", unit.id))
    items = json.loads(data)
    assert len(items) == count and items[0]["status"] in ("planned", "in_progress")
    assert items[0]["deadline"] == "2027-01-01" and items[0]["title"] == "-begint met min"


def test_all_units_the_user_may_read(store, unit):
    from store.model.records import Unit

    other = store.create_unit(Unit(name="Tweede praktijk"))
    store.add(Action(title="hier"), unit.id)
    store.add(Action(title="daar"), other.id)
    titles = {a.title for a in exporter.gather(store, "actions")}
    assert titles == {"hier", "daar"}


@pytest.mark.files_only
def test_output_is_born_0600_and_never_follows_a_link(tmp_path):
    target = tmp_path / "export.csv"
    write_file(str(target), b"a;b\r\n")
    assert target.read_bytes() == b"a;b\r\n" and os.stat(target).st_mode & 0o777 == 0o600
    os.chmod(target, 0o644)
    write_file(str(target), b"opnieuw")  # the user's own file: replaced, and made private again
    assert target.read_bytes() == b"opnieuw" and os.stat(target).st_mode & 0o777 == 0o600
    victim = tmp_path / "slachtoffer"
    victim.write_bytes(b"blijft")
    (tmp_path / "link.csv").symlink_to(victim)
    with pytest.raises(WriteFailed):
        write_file(str(tmp_path / "link.csv"), b"overschreven")
    assert victim.read_bytes() == b"blijft"
    os.mkfifo(tmp_path / "fifo.csv")
    with pytest.raises(WriteFailed):
        write_file(str(tmp_path / "fifo.csv"), b"x")


def test_interop_imports_no_ui_library():
    import subprocess
    import sys

    code = ("import pkgutil, sys, importlib, store.exchange.interop as p; "
            "[importlib.import_module('store.exchange.interop.' + m.name) for m in pkgutil.iter_modules(p.__path__)]; "
            "print([m for m in ('textual', 'rich', 'openpyxl', 'icalendar') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"  # the UI never; the heavy libraries only when a function needs them
