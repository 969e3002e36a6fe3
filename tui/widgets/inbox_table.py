"""The leerpunten inbox: open learning points with the meeting they came from.

Row builders run in a worker thread and touch no widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.i18n import t
from store.moments.portfolio import column_name
from store.model.records import Finding, Meeting, id_number
from store.text import visible_line
from store.model.vocab import FindingKind, FindingState
from tui.widgets.meeting_table import meeting_label
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


@dataclass(frozen=True)
class InboxItem:
    finding: Finding
    meeting: str  # 'di 10 nov · Bereikbaarheid'
    unit_name: str


def inbox_columns(all_units: bool) -> list[Column]:
    columns = [
        Column(t("tui.col.id"), max_width=6),
        Column(t("tui.col.quick_win"), max_width=9, hide_empty=True),
        Column(t("tui.col.meeting"), max_width=16 if all_units else 20, drop_order=2),  # all: the unit gets room
        Column(t("tui.col.leerpunt"), min_width=20),
    ]
    if all_units:
        # the portfolio's column names, the kind's opening kept (store.moments.portfolio.column_name)
        columns.insert(1, Column(t("tui.col.unit"), max_width=22, drop_order=1))
    return columns


class InboxTable(RowTable):
    SELECTABLE = False  # the keys a, k, p and x act on the row; Enter has nothing to open

    def __init__(self, all_units: bool, **kwargs) -> None:
        self.all_units = all_units
        super().__init__(inbox_columns(all_units), **kwargs)


def is_untreated(finding: Finding) -> bool:
    return finding.kind == FindingKind.LEERPUNT and finding.state == FindingState.OPEN


def inbox_rows(findings: list[Finding], meetings: list[Meeting], unit_names: dict[str, str],
               today: dt.date, all_units: bool) -> list[Row]:
    """Quick wins first, then newest meeting first, then in the order they were captured."""
    by_id = {(m.unit, m.id): m for m in meetings}
    rows = []
    for finding in findings:
        if not is_untreated(finding):
            continue
        meeting = by_id.get((finding.unit, finding.meeting))
        source = meeting_label(meeting, today) if meeting else finding.meeting or t("tui.inbox.no_meeting")
        item = InboxItem(finding, source, unit_names.get(finding.unit, finding.unit))
        held = meeting.date.toordinal() if meeting and meeting.date else 0
        rows.append(((not finding.quick_win, -held, id_number(finding.id)), _row(item, all_units)))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def _row(item: InboxItem, all_units: bool) -> Row:
    f = item.finding
    cells = [f.id, t("tui.quick_win") if f.quick_win else "", item.meeting, visible_line(f.text)]
    if all_units:
        # the kind's opening stays ('Praktijk Meerhoven', 'GC Meerhoven'): four units of one
        # place are not one; the detail line has the name whole
        cells.insert(1, visible_line(column_name(item.unit_name)))
    search = f"{f.id} {f.text} {item.meeting} {item.unit_name} {f.theme}".casefold()
    return Row(f.id, tuple(cells), item=item, search=search)
