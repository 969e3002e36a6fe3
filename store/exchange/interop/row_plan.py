"""One imported row's plan and the steps every kind of row shares (store/exchange/interop/
plan.py for actions and leerpunten, plan_meetings.py, plan_measurements.py): the
record a row's id names, its dates by the field's rule, a stale revision merged
with spiegel's changes or a conflict, and the create/update/same outcome."""

from __future__ import annotations

import datetime as dt

from store.errors import InvalidValue, SpiegelError
from store.i18n import t
from store.exchange.interop import cells, merge
from store.model.records import Record


class RowPlan:
    """One row's outcome. op: create, update, same, conflict or error."""

    def __init__(self, number: int, op: str, title: str = "", record: Record | None = None,
                 message: str = "", changes: tuple[str, ...] = ()) -> None:
        self.number, self.op, self.title, self.record = number, op, title, record
        self.message, self.changes = message, changes
        self.leerpunt = ""  # a new leerpunt's text this action answers (created with it)
        self.kpi = ""  # a KPI's name to add to the action
        self.tab = ""  # the XLSX sheet the row is on, when the file has more than one
        self.column = ""  # a wide KPI sheet's period column ("C")
        self.point = None  # a measurement to add to `record` (a KPI)
        self.new_findings: list[str] = []  # texts of leerpunten a meeting row brings


class Existing:
    """The unit's records an import is matched against."""

    def __init__(self, actions: list, findings: list, meetings: list, kpis: list) -> None:
        self.action_list, self.kpi_list = actions, kpis
        self.actions = {a.id: a for a in actions}
        self.findings = {f.id: f for f in findings}
        self.meetings = {m.id for m in meetings}
        self.meeting_by_id = {m.id: m for m in meetings}
        self.finding_texts = {(f.meeting, row_key(f.text)) for f in findings}
        self.kpis = {(k.action, k.name.casefold()) for k in kpis}
        self.finding_by_text = {row_key(f.text): f.id for f in findings}
        self.action_by_key = {(row_key(a.title), tuple(sorted(a.findings))): a.id for a in actions}


def row_key(text: str) -> str:
    return " ".join(text.casefold().split())


def said(problem: SpiegelError) -> str:
    """'fase: '7' is geen getal …': the column as the export names it, then what is wrong."""
    if isinstance(problem, InvalidValue):
        column = {"state": "status", "findings": "leerpunt"}.get(problem.field, problem.field)
        label = t(f"interop.col.{column}")
        return f"{column if label.startswith('interop.') else label}: {problem.message}"
    return str(problem)


def date_cell(values: dict, name: str, today: dt.date, year: int | None, number: int, notes: list[str]) -> dt.date | None:
    value = values.get(name)
    found = cells.date(value, name, today, year)
    if found is not None and cells.is_yearless(value):
        key = "interop.note.year_from_file" if year is not None else "interop.note.year_by_rule"
        notes.append(t(key, row=number, text=cells.line(value), date=found.isoformat()))
    return found


def target(values: dict, cls: type[Record], existing_ids: dict, number: int) -> Record | None:
    """The record a row's id names (None: no id); an id of another unit is an error."""
    typed = cells.line(values.get("id")).upper()
    if not typed:
        return None
    if not typed.startswith(cls.PREFIX + "-") or typed not in existing_ids:
        raise InvalidValue("id", t("interop.unknown_id", id=typed))
    return existing_ids[typed]


def row_rev(values: dict) -> int | None:
    typed = cells.line(values.get("rev"))
    if not typed:
        return None
    if not typed.isdigit():
        raise InvalidValue("rev", t("interop.not_in_range", value=typed, low=1, high="…"))
    return int(typed)


def merged_if_stale(number: int, current: Record | None, edited: Record, values: dict, title: str,
           today: dt.date) -> Record | RowPlan | None:
    """A row from an older revision: the record merged field by field with what
    changed in spiegel since (store/exchange/interop/merge.py), or a conflict row naming
    the fields changed on both sides. None: the row's revision is current (or none)."""
    rev = row_rev(values)
    if current is None or rev is None or rev == current.rev:
        return None
    edited.cleaned()
    if edited.fields_doc() == current.fields_doc():
        return None  # the row says what spiegel holds now: nothing to merge
    merged, both = merge.merge(current, edited, rev)
    if merged is not None:
        return merged
    if both:
        message = merge.conflict_text(current, edited, rev, both, today)
    else:
        message = t("interop.conflict", id=current.id, rev=rev, now=current.rev, who=current.updated_by)
    return RowPlan(number, "conflict", title, current, message)


def finish(number: int, current: Record | None, edited: Record, values: dict, title: str,
            merged: bool = False) -> RowPlan:
    """Create, update or same; a stale rev is a conflict, never an overwrite
    (`merged`: the row was already merged with spiegel's changes since its rev)."""
    edited.cleaned()
    problems = edited.problems()
    if problems:
        return RowPlan(number, "error", title, message="; ".join(said(p) for p in problems))
    if current is None:
        return RowPlan(number, "create", title, edited)
    before, after = current.fields_doc(), edited.fields_doc()
    changes = tuple(k for k in after if before.get(k) != after[k])
    if not changes:  # the row says what spiegel holds now, whatever revision it came from
        return RowPlan(number, "same", title, current)
    rev = row_rev(values)
    if rev is not None and rev != current.rev and not merged:
        return RowPlan(number, "conflict", title, current, t("interop.conflict", id=current.id, rev=rev,
                                                               now=current.rev, who=current.updated_by))
    return RowPlan(number, "update", title, edited, changes=changes)


def copy_record(record: Record) -> Record:
    return type(record).from_doc(record.to_doc(), record.unit)
