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

from store.model import rules
from store.errors import InvalidValue, SpiegelError
from store.i18n import t
from store.exchange.interop import cells
from store.exchange.interop.read_table import Sheet
from store.exchange.interop.row_plan import (Existing, RowPlan, copy_record, date_cell, finish, row_key, said,  # noqa: F401
                                     merged_if_stale, target)
from store.model.records import Action, Finding
from store.model.vocab import FindingKind, FindingState

ACTION_DATES = ("deadline", "review_date", "started_on", "done_on", "evaluated_on")
DATE_FIELDS = (*ACTION_DATES, "date", "feedback_due", "feedback_sent")  # a meeting's too
IDS = re.compile(r"\s*L-\d+(\s*[,;]?\s*L-\d+)*\s*", re.IGNORECASE)
KINDS = ("actions", "findings", "meetings", "measurements")


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
                           message=said(problem))
        if plan.op == "create":
            key = (row_key(plan.title), plan.leerpunt and row_key(plan.leerpunt),
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
        from store.exchange.interop.plan_meetings import meeting_row

        return meeting_row
    return _action_row if kind == "actions" else _finding_row


def _action_row(number, values, existing: Existing, today, year, meeting, notes) -> RowPlan:
    title = cells.line(values.get("title"))
    current = target(values, Action, existing.actions, number)
    if not title and current is None:
        raise InvalidValue("title", t("interop.no_title"))
    findings, new_leerpunt = _leerpunt(values, existing)
    if current is None and not cells.line(values.get("id")):
        match = existing.action_by_key.get((row_key(title), tuple(sorted(findings))))
        current = existing.actions.get(match) if match else None
    edited = copy_record(current) if current else Action()
    if title:
        edited.title = title
    if "leerpunt" in values and (values["leerpunt"] not in (None, "") or current is None):
        edited.findings = findings
    for name in ("description", "owner"):
        if name in values:
            setattr(edited, name, (cells.text if name == "description" else cells.line)(values[name]))
    for name in ACTION_DATES:
        if name in values:
            setattr(edited, name, date_cell(values, name, today, year, number, notes))
    new_status = cells.status(values.get("status"))
    if new_status is not None:
        edited.status = new_status
    for name, low, high in (("phase", 1, 4), ("route", 1, 4), ("progress", 0, 100)):
        found = cells.integer(values.get(name), name, low, high)
        if found is not None:
            setattr(edited, name, found)
    # The revision first: a status marked done in spiegel since the export is
    # spiegel's change, not a transition the file asks for.
    stale = merged_if_stale(number, current, edited, values, title or (current.title if current else ""), today)
    if isinstance(stale, RowPlan):
        return stale
    edited = stale or edited
    if current is not None and current.status != edited.status:
        rules.check_transition(current.status, edited.status)
    if current is None or current.status != edited.status:
        rules.apply_status_effects(current, edited, today)  # as the save will: no false "update"
    plan = finish(number, current, edited, values, title or current.title, merged=stale is not None)
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
    found = existing.finding_by_text.get(row_key(typed))
    return ([found], "") if found else ([], typed)


def _finding_row(number, values, existing: Existing, today, year, meeting, notes) -> RowPlan:
    text = cells.text(values.get("leerpunt") if "leerpunt" in values else values.get("title")).strip()
    current = target(values, Finding, existing.findings, number)
    if not text and current is None:
        raise InvalidValue("leerpunt", t("interop.no_text"))
    if current is None and not cells.line(values.get("id")):
        match = existing.finding_by_text.get(row_key(text))
        current = existing.findings.get(match) if match else None
    edited = copy_record(current) if current else Finding(meeting=meeting)
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
        from store.model.fields import parse_value

        edited.quick_win = parse_value(Finding, "quick_win", cells.line(values["quick_win"]))
    title = cells.line(text or current.text)
    stale = merged_if_stale(number, current, edited, values, title, today)
    if isinstance(stale, RowPlan):
        return stale
    return finish(number, current, stale or edited, values, title, merged=stale is not None)
