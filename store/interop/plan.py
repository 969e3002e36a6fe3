"""What an import would do, row by row, decided against the unit's records as they
are: create, update, nothing (the same), a conflict, or an error naming the row.

The same function plans the dry run (over records read without a lock) and the
import itself (over the records read under the unit's lock, in the transaction
that writes), so what is written is what the plan says at that moment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from store import rules
from store.errors import InvalidValue, SpiegelError
from store.i18n import t
from store.interop import cells, merge
from store.interop.read_table import Sheet
from store.records import Action, Finding, Record
from store.vocab import FindingKind, FindingState

ACTION_DATES = ("deadline", "review_date", "started_on", "done_on", "evaluated_on")
DATE_FIELDS = (*ACTION_DATES, "date", "feedback_due", "feedback_sent")  # a meeting's too
IDS = re.compile(r"\s*L-\d+(\s*[,;]?\s*L-\d+)*\s*", re.IGNORECASE)
KINDS = ("actions", "findings", "meetings", "measurements")


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
        self.finding_texts = {(f.meeting, _key(f.text)) for f in findings}
        self.kpis = {(k.action, k.name.casefold()) for k in kpis}
        self.finding_by_text = {_key(f.text): f.id for f in findings}
        self.action_by_key = {(_key(a.title), tuple(sorted(a.findings))): a.id for a in actions}


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def file_year(sheet: Sheet, today: dt.date) -> int | None:
    """The year most full dates in the file's date columns fall in (None: no such dates)."""
    years: Counter = Counter()
    for _number, row in sheet.rows:
        for name, value in sheet.values(row).items():
            if name in DATE_FIELDS and value not in (None, "") and not cells.is_yearless(value):
                try:
                    found = cells.date(value, name, today)
                except SpiegelError:
                    continue
                if found:
                    years[found.year] += 1
    return years.most_common(1)[0][0] if years else None


def plan_rows(sheet: Sheet, kind: str, existing: Existing, today: dt.date, meeting: str,
              progress=None, seen: dict | None = None) -> tuple[list[RowPlan], list[str]]:
    """Every row's plan, and notes for the dry run (dates read without a year).
    `seen` carries the rows planned on earlier sheets of the same file."""
    year = file_year(sheet, today)
    notes: list[str] = []
    plans: list[RowPlan] = []
    seen = {} if seen is None else seen
    for index, (number, row) in enumerate(sheet.rows):
        values = sheet.values(row)
        try:
            plan = _row_planner(kind)(number, values, existing, today, year, meeting, notes)
        except SpiegelError as problem:
            plan = RowPlan(number, "error", cells.line(values.get("title") or values.get("leerpunt")),
                           message=_said(problem))
        if plan.op == "create":
            key = (_key(plan.title), plan.leerpunt and _key(plan.leerpunt),
                   tuple(sorted(getattr(plan.record, "findings", ()))))
            if key in seen:
                plan = RowPlan(number, "error", plan.title, message=t("interop.duplicate_row", row=seen[key]))
            else:
                seen[key] = number
        plan.tab = sheet.tab
        plans.append(plan)
        if progress is not None and index % 200 == 0:
            progress(index, len(sheet.rows))
    return plans, notes


def _row_planner(kind: str):
    if kind == "meetings":
        from store.interop.plan_meetings import meeting_row

        return meeting_row
    return _action_row if kind == "actions" else _finding_row


def _said(problem: SpiegelError) -> str:
    """'fase: '7' is geen getal …': the column as the export names it, then what is wrong."""
    if isinstance(problem, InvalidValue):
        column = {"state": "status", "findings": "leerpunt"}.get(problem.field, problem.field)
        label = t(f"interop.col.{column}")
        return f"{column if label.startswith('interop.') else label}: {problem.message}"
    return str(problem)


def _date(values: dict, name: str, today: dt.date, year: int | None, number: int, notes: list[str]) -> dt.date | None:
    value = values.get(name)
    found = cells.date(value, name, today, year)
    if found is not None and cells.is_yearless(value):
        key = "interop.note.year_from_file" if year is not None else "interop.note.year_by_rule"
        notes.append(t(key, row=number, text=cells.line(value), date=found.isoformat()))
    return found


def _target(values: dict, cls: type[Record], existing_ids: dict, number: int) -> Record | None:
    """The record a row's id names (None: no id); an id of another unit is an error."""
    typed = cells.line(values.get("id")).upper()
    if not typed:
        return None
    if not typed.startswith(cls.PREFIX + "-") or typed not in existing_ids:
        raise InvalidValue("id", t("interop.unknown_id", id=typed))
    return existing_ids[typed]


def _rev(values: dict) -> int | None:
    typed = cells.line(values.get("rev"))
    if not typed:
        return None
    if not typed.isdigit():
        raise InvalidValue("rev", t("interop.not_in_range", value=typed, low=1, high="…"))
    return int(typed)


def _stale(number: int, current: Record | None, edited: Record, values: dict, title: str,
           today: dt.date) -> Record | RowPlan | None:
    """A row from an older revision: the record merged field by field with what
    changed in spiegel since (store/interop/merge.py), or a conflict row naming
    the fields changed on both sides. None: the row's revision is current (or none)."""
    rev = _rev(values)
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


def _finish(number: int, current: Record | None, edited: Record, values: dict, title: str,
            merged: bool = False) -> RowPlan:
    """Create, update or same; a stale rev is a conflict, never an overwrite
    (`merged`: the row was already merged with spiegel's changes since its rev)."""
    edited.cleaned()
    problems = edited.problems()
    if problems:
        return RowPlan(number, "error", title, message="; ".join(_said(p) for p in problems))
    if current is None:
        return RowPlan(number, "create", title, edited)
    before, after = current.fields_doc(), edited.fields_doc()
    changes = tuple(k for k in after if before.get(k) != after[k])
    if not changes:  # the row says what spiegel holds now, whatever revision it came from
        return RowPlan(number, "same", title, current)
    rev = _rev(values)
    if rev is not None and rev != current.rev and not merged:
        return RowPlan(number, "conflict", title, current, t("interop.conflict", id=current.id, rev=rev,
                                                               now=current.rev, who=current.updated_by))
    return RowPlan(number, "update", title, edited, changes=changes)


def _copy(record: Record) -> Record:
    return type(record).from_doc(record.to_doc(), record.unit)


def _action_row(number, values, existing: Existing, today, year, meeting, notes) -> RowPlan:
    title = cells.line(values.get("title"))
    current = _target(values, Action, existing.actions, number)
    if not title and current is None:
        raise InvalidValue("title", t("interop.no_title"))
    findings, new_leerpunt = _leerpunt(values, existing)
    if current is None and not cells.line(values.get("id")):
        match = existing.action_by_key.get((_key(title), tuple(sorted(findings))))
        current = existing.actions.get(match) if match else None
    edited = _copy(current) if current else Action()
    if title:
        edited.title = title
    if "leerpunt" in values and (values["leerpunt"] not in (None, "") or current is None):
        edited.findings = findings
    for name in ("description", "owner"):
        if name in values:
            setattr(edited, name, (cells.text if name == "description" else cells.line)(values[name]))
    for name in ACTION_DATES:
        if name in values:
            setattr(edited, name, _date(values, name, today, year, number, notes))
    new_status = cells.status(values.get("status"))
    if new_status is not None:
        edited.status = new_status
    for name, low, high in (("phase", 1, 4), ("route", 1, 4), ("progress", 0, 100)):
        found = cells.integer(values.get(name), name, low, high)
        if found is not None:
            setattr(edited, name, found)
    # The revision first: a status marked done in spiegel since the export is
    # spiegel's change, not a transition the file asks for.
    stale = _stale(number, current, edited, values, title or (current.title if current else ""), today)
    if isinstance(stale, RowPlan):
        return stale
    edited = stale or edited
    if current is not None and current.status != edited.status:
        rules.check_transition(current.status, edited.status)
    if current is None or current.status != edited.status:
        rules.apply_status_effects(current, edited, today)  # as the save will: no false "update"
    plan = _finish(number, current, edited, values, title or current.title, merged=stale is not None)
    if plan.op in ("create", "update", "same"):
        plan.leerpunt = new_leerpunt
    if new_leerpunt and plan.op == "same":  # only a new leerpunt to answer: that is the update
        plan.op, plan.record, plan.changes = "update", edited, ("leerpunt",)
    kpi = cells.line(values.get("kpi"))
    if kpi and plan.op != "error" and (current is None or (current.id, kpi.casefold()) not in existing.kpis):
        plan.kpi = kpi
        if plan.op == "same":
            plan.op, plan.record, plan.changes = "update", edited, ("kpi",)
    return plan


def _leerpunt(values: dict, existing: Existing) -> tuple[list[str], str]:
    """(ids of the leerpunten an action answers, the text of one to create)."""
    typed = cells.line(values.get("leerpunt"))
    if not typed:
        return [], ""
    if IDS.fullmatch(typed):
        ids = [i.upper() for i in re.findall(r"L-\d+", typed, re.IGNORECASE)]
        unknown = [i for i in ids if i not in existing.findings]
        if unknown:
            raise InvalidValue("leerpunt", t("interop.unknown_id", id=unknown[0]))
        return list(dict.fromkeys(ids)), ""
    found = existing.finding_by_text.get(_key(typed))
    return ([found], "") if found else ([], typed)


def _finding_row(number, values, existing: Existing, today, year, meeting, notes) -> RowPlan:
    text = cells.text(values.get("leerpunt") if "leerpunt" in values else values.get("title")).strip()
    current = _target(values, Finding, existing.findings, number)
    if not text and current is None:
        raise InvalidValue("leerpunt", t("interop.no_text"))
    if current is None and not cells.line(values.get("id")):
        match = existing.finding_by_text.get(_key(text))
        current = existing.findings.get(match) if match else None
    edited = _copy(current) if current else Finding(meeting=meeting)
    if text:
        edited.text = text
    typed_meeting = cells.line(values.get("meeting")).upper()
    if typed_meeting and typed_meeting in existing.meetings:
        edited.meeting = typed_meeting
    if cells.line(values.get("kind")):
        edited.kind = FindingKind.parse(cells.line(values["kind"]), "kind")
    if cells.line(values.get("status")):
        edited.state = FindingState.parse(cells.line(values["status"]), "state")
    for name in ("theme", "reason"):
        if name in values:
            setattr(edited, name, (cells.line if name == "theme" else cells.text)(values[name]))
    if "quick_win" in values:
        from store.fields import parse_value

        edited.quick_win = parse_value(Finding, "quick_win", cells.line(values["quick_win"]))
    title = cells.line(text or current.text)
    stale = _stale(number, current, edited, values, title, today)
    if isinstance(stale, RowPlan):
        return stale
    return _finish(number, current, stale or edited, values, title, merged=stale is not None)
