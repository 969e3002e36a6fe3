"""The meetings table of one unit: date, format, theme, counts, feedback status.

Row builders are plain functions over records, so they run in a worker thread."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from store.model.advice import feedback_overdue
from store.model.feedback_duty import GIVEN, OPEN, SENT, UNPLANNED, duty
from store.model.fields import show_date
from store.i18n import t
from store.model.records import Finding, Meeting, id_number
from store.text import visible_line
from store.model.vocab import FindingKind, FindingState
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def meeting_columns() -> list[Column]:
    return [
        Column(t("tui.col.date"), max_width=14),
        Column(t("tui.col.format"), max_width=14, drop_order=1),
        Column(t("tui.col.participants"), max_width=6, align="right"),
        Column(t("tui.col.findings"), max_width=5, align="right"),
        Column(t("tui.col.feedback"), max_width=16),
        Column(t("tui.col.theme"), min_width=14),
    ]


class MeetingTable(RowTable):
    def __init__(self, **kwargs) -> None:
        super().__init__(meeting_columns(), **kwargs)


def feedback_status(meeting: Meeting, today: dt.date) -> str:
    """Where the feedback to participants stands, in words (never colour alone); the
    duty itself is store.model.feedback_duty's (a default due date four weeks after a
    recent meeting)."""
    found = duty(meeting, today)
    if found.state == SENT:
        return t("tui.feedback.sent")
    if found.state == GIVEN:
        return t("tui.feedback.given")
    if found.late:
        return t("tui.feedback.overdue")
    if found.state == OPEN and found.due is not None:
        return t("tui.feedback.due", date=show_date("feedback_due", found.due, today, weekday=False))
    if found.state == UNPLANNED:
        return t("tui.feedback.none")
    return ""


def meeting_rows(meetings: list[Meeting], findings: list[Finding], today: dt.date) -> list[Row]:
    """Newest meeting first; counts of findings and open leerpunten per meeting."""
    counts = Counter(f.meeting for f in findings)
    open_points = Counter(
        f.meeting for f in findings if f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN
    )
    ordered = sorted(meetings, key=lambda m: (m.date or dt.date.min, id_number(m.id)), reverse=True)
    return [meeting_row(m, counts[m.id], open_points[m.id], today) for m in ordered]


def meeting_row(meeting: Meeting, findings: int, open_points: int, today: dt.date) -> Row:
    cells = (
        show_date("date", meeting.date, today) if meeting.date else "",
        meeting.format.label,
        "" if meeting.participants is None else str(meeting.participants),
        str(findings),
        feedback_status(meeting, today),
        visible_line(meeting.theme),
    )
    item = MeetingItem(meeting, findings, open_points)
    # The filter looks in the id, the cells and the people.
    search = " ".join((meeting.id, *cells, meeting.facilitator, meeting.minute_taker)).casefold()
    return Row(meeting.id, cells, item=item, alert=feedback_overdue(meeting, today), search=search)


class MeetingItem:
    """What a meetings row carries: the record and its counts."""

    __slots__ = ("meeting", "findings", "open_points")

    def __init__(self, meeting: Meeting, findings: int, open_points: int) -> None:
        self.meeting, self.findings, self.open_points = meeting, findings, open_points


def meeting_label(meeting: Meeting | None, today: dt.date) -> str:
    """'di 10 nov · Bereikbaarheid' — how other screens name a meeting."""
    if meeting is None:
        return t("tui.inbox.no_meeting")
    when = show_date("date", meeting.date, today) if meeting.date else meeting.id
    theme = visible_line(meeting.theme)
    return f"{when} · {theme}" if theme else when
