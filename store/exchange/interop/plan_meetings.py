"""What an import of meetings would do, row by row: a meeting (date, format, theme,
participants counted, never named …) with the leerpunten it brought, one per line
of a leerpunten cell. Matched by id (merged with spiegel's changes since the row's
revision, as actions are: store/exchange/interop/merge.py), else by date and theme."""

from __future__ import annotations

import re

from store.errors import InvalidValue
from store.i18n import t
from store.exchange.interop import cells
from store.exchange.interop.row_plan import RowPlan, copy_record, date_cell, finish, row_key, merged_if_stale, target
from store.model.records import Meeting
from store.model.vocab import MeetingFormat

COUNTS = ("participants", "listeners", "duration_min")
# Parsed as the form and `meetings edit` parse them (store/model/fields.py), schema 7's fields among them.
PARSED = (*COUNTS, "organiser", "afspiegeling", "working_target", "start_time")
LINES = ("theme", "facilitator", "minute_taker")
_SPLIT = re.compile(r"\s*(?:\n|;|•)\s*")


def meeting_row(number, values, existing, today, year, _meeting, notes) -> RowPlan:
    current = target(values, Meeting, existing.meeting_by_id, number)
    day = date_cell(values, "date", today, year, number, notes)
    if day is None and current is None:
        raise InvalidValue("date", t("interop.no_meeting_date"))
    theme = cells.line(values.get("theme"))
    if current is None and not cells.line(values.get("id")):
        current = next((m for m in existing.meeting_by_id.values()
                        if m.date == day and row_key(m.theme) == row_key(theme)), None)
    edited = copy_record(current) if current else Meeting()
    if day is not None:
        edited.date = day
    for name in ("feedback_due", "feedback_sent"):
        if name in values and values[name] not in (None, ""):
            setattr(edited, name, date_cell(values, name, today, year, number, notes))
    if cells.line(values.get("format")):
        edited.format = MeetingFormat.parse(cells.line(values["format"]), "format")
    for name in LINES:
        if cells.line(values.get(name)):
            setattr(edited, name, cells.line(values[name]))
    if cells.text(values.get("notes")).strip():
        edited.notes = cells.text(values["notes"])
    if cells.line(values.get("questions")):
        edited.questions = [q for q in _SPLIT.split(cells.text(values["questions"])) if q]
    for name in PARSED:
        if cells.line(values.get(name)):
            from store.model.fields import parse_value

            setattr(edited, name, parse_value(Meeting, name, cells.line(values[name])))
    title = theme or (current.theme if current else "") or (day or edited.date).isoformat()
    stale = merged_if_stale(number, current, edited, values, title, today)
    if isinstance(stale, RowPlan):
        return stale
    plan = finish(number, current, stale or edited, values, title, merged=stale is not None)
    if plan.op in ("create", "update", "same"):
        plan.new_findings = _new_findings(values, current, existing)
        if plan.new_findings and plan.op == "same":
            plan.op, plan.changes = "update", ("leerpunten",)
        if plan.new_findings:
            plan.message = t("interop.meeting_findings", count=len(plan.new_findings))
    return plan


def _new_findings(values: dict, current: Meeting | None, existing) -> list[str]:
    """The leerpunten in the row that the meeting does not have yet, in order."""
    texts = [text for text in _SPLIT.split(cells.text(values.get("leerpunt"))) if text.strip()]
    had = {key for (meeting, key) in existing.finding_texts if current is not None and meeting == current.id}
    return list(dict.fromkeys(text for text in texts if row_key(text) not in had))
