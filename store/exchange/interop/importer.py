"""`spiegel import` and the app's import screen: a spreadsheet of actions or
findings into one unit.

`preview` is the dry run. `run` plans again under the unit's lock, inside the one
transaction that writes every valid row (rows with errors or conflicts are
skipped and reported), so a colleague's change made after the preview is never
overwritten: its row becomes a conflict.
"""

from __future__ import annotations

import os

from store.errors import InvalidValue, NotFound
from store.i18n import t
from store.exchange.interop.plan import KINDS, Existing, RowPlan, plan_rows
from store.exchange.interop.read_table import Sheet, read_sheets
from store.model.records import Action, Finding, Kpi, Meeting
from store.model.vocab import FindingState

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from store.persistence.repository import Store

NEW_MEETING = "__new__"  # findings of a meeting the import makes


class ImportResult:
    """The plan of every row, what was (or would be) created, and notes."""

    def __init__(self, file: str, kind: str, rows: list[RowPlan], notes: list[str], meeting: str,
                 written: bool, head: list[str] | None = None) -> None:
        self.file, self.kind, self.rows, self.notes = file, kind, rows, notes
        self.head = head or []  # the sheets and their columns: what is read, what is ignored
        self.meeting = meeting  # the meeting new findings belong to ("" if none; NEW_MEETING: made by the import)
        self.written = written
        self.made_meeting = ""  # the meeting the import made for its new findings

    def count(self, op: str) -> int:
        return sum(1 for row in self.rows if row.op == op)

    def problems(self) -> list[RowPlan]:
        return [row for row in self.rows if row.op in ("error", "conflict")]

    def summary(self) -> str:
        key = "interop.summary.done" if self.written else "interop.summary.dry"
        return t(key, create=self.count("create"), update=self.count("update"), same=self.count("same"),
                 problems=len(self.problems()))

    def lines(self) -> list[str]:
        """What a user reads: the columns first, every row that does something, every
        problem, the notes."""
        shown = list(self.head)
        for row in self.rows:
            if row.op == "same":
                continue
            detail = row.message or ", ".join(row.changes)
            rid = row.record.id if row.record is not None and row.record.id else ""
            number = t("interop.row_at_column", row=row.number, col=row.column) if row.column else row.number
            number = t("interop.row_on_sheet", row=number, sheet=row.tab) if row.tab else number
            shown.append(t("interop.row", row=number, op=t(f"interop.op.{row.op}"), id=rid,
                           title=row.title, detail=detail).rstrip(" :"))
        if self.made_meeting or (self.meeting == NEW_MEETING and self._needs_meeting()):
            note = t("interop.note.meeting", name=meeting_name(self.file), id=self.made_meeting)
            shown.append(" ".join(note.split()))  # no id yet in a dry run
        return shown + self.notes

    def _needs_meeting(self) -> bool:
        return any(r.op == "create" and (self.kind == "findings" or r.leerpunt) for r in self.rows)


def meeting_name(file: str) -> str:
    return t("interop.meeting_theme", file=os.path.basename(file))


def _check(store: Store, slug: str, kind: str, meeting: str | None) -> str:
    if kind not in KINDS:
        raise InvalidValue("kind", t("interop.bad_kind", kind=kind, allowed=", ".join(KINDS)))
    if not meeting:
        return NEW_MEETING
    found = store.get(meeting)
    if not isinstance(found, Meeting) or found.unit != slug:
        raise NotFound(t("interop.meeting_not_in_unit", id=meeting.upper(), unit=slug))
    return found.id


class Source:
    """The tables of a file as an import reads them: the sheets with a table and
    the lines that say what was read (sheets, columns, ignored columns)."""

    def __init__(self, path: str, kind: str, columns: dict[str, str] | None = None, tab: str | None = None,
                 today=None) -> None:
        from store.exchange.interop import column_report

        found = read_sheets(path, kind=kind, by_hand=columns, tab=tab)
        self.sheets = [sheet for _title, sheet in found if sheet is not None and _readable(sheet, kind)]
        column_report.check_headers(columns or {}, [s for _t, s in found if s is not None])
        many = len(found) > 1
        self.head: list[str] = []
        for title, sheet in found:
            if many:
                self.head.append(_sheet_line(title, sheet, kind))
            if sheet is not None:
                self.head.extend(column_report.lines(sheet, today))
        if not self.sheets:
            raise InvalidValue(os.path.basename(path), t(f"interop.no_title_column.{_main(kind)}"))
        if not many:
            for sheet in self.sheets:
                sheet.tab = ""  # one sheet: its rows need no sheet's name


def _main(kind: str) -> str:
    """The column without which a row is nothing: an action's title, a finding's
    text, a measurement's KPI."""
    return {"findings": "leerpunt", "measurements": "kpi", "meetings": "date"}.get(kind, "title")


def _readable(sheet: Sheet, kind: str) -> bool:
    found = set(sheet.columns.values())
    return _main(kind) in found or (kind == "measurements" and "kpi_name" in found)


def _sheet_line(title: str, sheet: Sheet | None, kind: str) -> str:
    if sheet is None:
        return t("interop.sheet.no_table", sheet=title)
    if not _readable(sheet, kind):
        return t(f"interop.sheet.no_title.{_main(kind)}", sheet=title)
    return t("interop.sheet.rows", sheet=title, count=len(sheet.rows))


def _plan(source: Source, kind: str, existing: Existing, today, meeting_id: str, progress,
          action: str = "") -> tuple[list, list]:
    rows: list[RowPlan] = []
    notes: list[str] = []
    seen: dict = {}
    if kind == "measurements":
        from store.exchange.interop.plan_measurements import Known, plan_measurements

        known = Known(existing.kpi_list, existing.action_list, action)
        return [row for sheet in source.sheets for row in plan_measurements(sheet, known, today)], notes
    for sheet in source.sheets:
        planned, said = plan_rows(sheet, kind, existing, today, meeting_id, progress, seen)
        rows += planned
        notes += said
    return rows, notes


def preview(store: Store, slug: str, path: str, kind: str = "actions", meeting: str | None = None,
            source: Source | None = None, progress: Callable[[int, int], None] | None = None,
            columns: dict[str, str] | None = None, tab: str | None = None, action: str = "") -> ImportResult:
    """The dry run: what `run` would do now. Nothing is written. `action`: the
    action new KPIs of a measurements import belong to (`--actie`)."""
    meeting_id = _check(store, slug, kind, meeting)
    source = source or Source(path, kind, columns, tab, store.today())
    existing = Existing(*(store.records(cls, slug) for cls in (Action, Finding, Meeting, Kpi)))
    rows, notes = _plan(source, kind, existing, store.today(), meeting_id, progress, action)
    return ImportResult(path, kind, rows, notes, meeting_id, written=False, head=source.head)


def run(store: Store, slug: str, path: str, kind: str = "actions", meeting: str | None = None,
        source: Source | None = None, progress: Callable[[int, int], None] | None = None,
        columns: dict[str, str] | None = None, tab: str | None = None, action: str = "") -> ImportResult:
    """Import every valid row in one transaction; the rest is reported."""
    meeting_id = _check(store, slug, kind, meeting)
    source = source or Source(path, kind, columns, tab, store.today())
    try:
        with store.transaction(slug) as txn:
            existing = Existing(*(txn.all(cls) for cls in (Action, Finding, Meeting, Kpi)))
            rows, notes = _plan(source, kind, existing, store.today(), meeting_id, progress, action)
            result = ImportResult(path, kind, rows, notes, meeting_id, written=True, head=source.head)
            if not any(row.op in ("create", "update") for row in rows):
                raise _NothingToWrite  # leaves the unit's data untouched, not even rewritten
            if kind == "measurements":
                _write_measurements(store, txn, rows)
                return result
            if meeting_id == NEW_MEETING and result._needs_meeting():
                made = txn.add(Meeting(date=store.today(), theme=meeting_name(path)))
                meeting_id = result.meeting = result.made_meeting = made.id
            _write(store, txn, rows, meeting_id, existing)
    except _NothingToWrite:
        pass
    return result


class _NothingToWrite(Exception):
    """Ends a transaction that has nothing to write without writing."""


def _add_many(store: Store, txn, records: list) -> list:
    """New records with their ids reserved in one go: one id at a time costs a
    durable registry entry each (store/persistence/files/ids.py), 20 s for 5,000 rows."""
    if records:
        for record, new_id in zip(records, store.reserve_ids(records[0].PREFIX, len(records), txn.slug)):
            record.id = new_id
    return txn.add_many(records)


def _write(store: Store, txn, rows: list[RowPlan], meeting_id: str, existing: Existing) -> None:
    creating = [r for r in rows if r.op == "create"]
    writing = [r for r in rows if r.op in ("create", "update")]
    # New leerpunten the actions answer: one finding per distinct text, made first.
    texts = list(dict.fromkeys(r.leerpunt for r in writing if r.leerpunt))
    made = _add_many(store, txn, [Finding(meeting=meeting_id, text=text, state=FindingState.ACTIONS)
                                  for text in texts])
    new_ids = {text: finding.id for text, finding in zip(texts, made)}
    for row in writing:
        if isinstance(row.record, Finding) and row.record.meeting == NEW_MEETING:
            row.record.meeting = meeting_id
        if row.leerpunt:
            row.record.findings = [*row.record.findings, new_ids[row.leerpunt]]
    for prefix in ("A", "L", "M"):  # an import creates one kind of row: actions, findings or meetings
        _add_many(store, txn, [r.record for r in creating if r.record.PREFIX == prefix])
    for row in rows:
        if row.op == "update":
            row.record = txn.save(row.record)
    _add_many(store, txn, [Finding(meeting=r.record.id, text=text) for r in writing for text in r.new_findings])
    kpis = [Kpi(action=r.record.id, name=r.kpi) for r in rows if r.kpi and r.op in ("create", "update")]
    _add_many(store, txn, kpis)
    _mark_answered(txn, [r.record for r in rows if r.op in ("create", "update") and isinstance(r.record, Action)],
                   existing)


def _write_measurements(store: Store, txn, rows: list[RowPlan]) -> None:
    """New KPIs with their values (ids reserved in one go), then each known KPI's
    new values added to it as it is now, under the lock: one save per KPI."""
    points: dict[int, tuple] = {}
    for row in rows:
        if row.op == "create":
            points.setdefault(id(row.record), (row.record, []))[1].append(row.point)
    new = []
    for kpi, added in points.values():
        if not kpi.id:
            kpi.measurements = sorted(added, key=lambda m: m.date)
            new.append(kpi)
    _add_many(store, txn, new)
    for kpi, added in points.values():
        if kpi not in new:
            current = txn.get(Kpi, kpi.id)
            current.measurements = sorted([*current.measurements, *added], key=lambda m: m.date)
            txn.save(current)


def _mark_answered(txn, actions: list[Action], existing: Existing) -> None:
    """An open leerpunt that an imported action now answers is 'turned into actions',
    as when the app makes an action from it (store/moments/workflows.py)."""
    answered = {fid for action in actions for fid in action.findings}
    for fid in sorted(answered):
        finding = existing.findings.get(fid)
        if finding is not None and finding.state == FindingState.OPEN:
            current = txn.get(Finding, fid)
            current.state = FindingState.ACTIONS
            txn.save(current)
