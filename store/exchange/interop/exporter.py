"""`spiegel export` and the app's export of a list: records to rows, written as
CSV (for Dutch Excel: `;`, UTF-8 with BOM), XLSX (openpyxl, every text cell a
string, never a formula) or JSON (codes and ISO dates, for scripts).

Column headers come from the catalog in the UI language; import reads them back
in either language (store/exchange/interop/columns.py), so an exported file can be edited
and imported again.
"""

from __future__ import annotations

import datetime as dt
import io

from store.errors import InvalidValue
from store.i18n import t
from store.exchange.interop.guard import guard
from store.model.records import Action, Finding, Kpi, Meeting
from store.text import clean_text
from store.model.vocab import Code

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.errors import SpiegelError
    from store.persistence.repository import Store

FORMATS = ("csv", "xlsx", "json")
COLUMNS = {
    "actions": ("id", "rev", "unit", "title", "description", "owner", "deadline", "status", "phase", "route",
                "progress", "review_date", "leerpunt", "started_on", "done_on", "evaluated_on"),
    "findings": ("id", "rev", "unit", "meeting", "kind", "text", "theme", "quick_win", "status", "reason"),
    "meetings": ("id", "rev", "unit", "date", "format", "theme", "participants", "listeners", "facilitator",
                 "minute_taker", "duration_min", "feedback_due", "feedback_sent", "questions", "notes", "organiser",
                 "afspiegeling", "working_target", "start_time"),
    "measurements": ("kpi", "kpi_name", "action", "unit", "date", "value", "measure_unit", "note"),
}
WHATS = tuple(COLUMNS)
RECORDS = {"actions": Action, "findings": Finding, "meetings": Meeting, "measurements": Kpi}
# Record fields under another column name (the name import reads them back by).
RENAMED = {"leerpunt": "findings", "kpi": "id", "kpi_name": "name"}


def check(what: str, fmt: str) -> None:
    if what not in COLUMNS:
        raise InvalidValue("what", t("interop.bad_what", what=what, allowed=", ".join(WHATS)))
    if fmt not in FORMATS:
        raise InvalidValue("format", t("interop.bad_format", format=fmt, allowed=", ".join(FORMATS)))


def gather(store: Store, what: str, unit: str | None = None, skipped: list[SpiegelError] | None = None) -> list:
    """The records of one unit, or of every unit the user may read (the others in `skipped`)."""
    records = store.records(RECORDS[what], unit, skipped=skipped)
    return sorted(records, key=lambda r: (r.unit, r.PREFIX, int(r.id.partition("-")[2] or 0)))


def rows(what: str, records: list) -> list[dict]:
    """One dict per row, field -> value (str, int, float, bool, date, Code or None)."""
    found = []
    for record in records:
        if what == "measurements":
            for point in record.measurements:
                found.append({"kpi": record.id, "kpi_name": record.name, "action": record.action,
                              "unit": record.unit, "date": point.date, "value": point.value,
                              "measure_unit": record.measure_unit, "note": point.note})
            continue
        row = {}
        for column in COLUMNS[what]:
            name = "state" if what == "findings" and column == "status" else RENAMED.get(column, column)
            value = record.unit if column == "unit" else getattr(record, name)
            row[column] = ", ".join(value) if column == "leerpunt" else "; ".join(value) if column == "questions" else value
        found.append(row)
    return found


def export_bytes(what: str, fmt: str, records: list) -> tuple[bytes, int]:
    """The file's bytes and its number of rows."""
    check(what, fmt)
    table = rows(what, records)
    writer = {"csv": _csv, "xlsx": _xlsx, "json": _json}[fmt]
    return writer(what, table), len(table)


def _headers(what: str) -> list[str]:
    return [t(f"interop.col.{c}") for c in COLUMNS[what]]


def _shown(value: object) -> object:
    """A value as a spreadsheet cell: labels for codes, ja/nee, text cleaned; dates kept."""
    if value is None:
        return ""
    if isinstance(value, Code):
        return value.label
    if isinstance(value, bool):
        return t("value.yes") if value else t("value.no")
    if isinstance(value, str):
        return clean_text(value)
    return value


def _csv(what: str, table: list[dict]) -> bytes:
    import csv

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(_headers(what))
    for row in table:
        cells = []
        for value in map(_shown, row.values()):
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, float):
                value = f"{value:g}".replace(".", ",")  # Dutch Excel reads a decimal comma
            cells.append(guard(str(value)))
        writer.writerow(cells)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _xlsx(what: str, table: list[dict]) -> bytes:
    import openpyxl  # heavy: only an XLSX export pays for it

    book = openpyxl.Workbook(write_only=False)
    sheet = book.active
    sheet.title = t(f"interop.sheet.{what}")
    sheet.append(_headers(what))
    for number, row in enumerate(table, start=2):
        for column, value in enumerate(map(_shown, row.values()), start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, str):
                # Assigning a str that starts with '=' makes openpyxl write a formula;
                # the type set after it makes it a plain string cell, never run.
                cell.value = guard(value) if value.startswith("'") else value
                cell.data_type = "s"
            else:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = "DD-MM-YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _json(what: str, table: list[dict]) -> bytes:
    import json

    def plain(value: object) -> object:
        if isinstance(value, Code):
            return value.value
        if isinstance(value, dt.date):
            return value.isoformat()
        return clean_text(value) if isinstance(value, str) else value

    items = [{k: plain(v) for k, v in row.items()} for row in table]
    return json.dumps(items, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
