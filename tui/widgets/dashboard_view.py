"""The unit dashboard's text blocks, built from a `UnitSummary` as rich `Text`
(user text is never parsed as markup). Pure functions, so they are easy to test
and the screen only places them."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from store.moments.dashboard import UnitSummary
from store.model.fields import show_date
from store.i18n import t
from store.model.owner_names import short_owner
from store.model.records import Action, Meeting
from store.text import visible_line
from store.model.vocab import PHASES, ROUTES, FindingState, Status, phase_label, route_label
from tui.widgets.table_model import fit

HEADING = "bold underline"
ALERT = "bold"


def phases_block(summary: UnitSummary) -> Text:
    """The unit's phase per route: 'R1 Het andere gesprek    F2 Experimenteren …'."""
    unit = summary.unit
    text = Text(t("tui.dash.phases"), style=HEADING)
    for route in ROUTES:
        phase = unit.phase(route)
        text.append(f"\nR{route} {route_label(route):<36} F{phase} {phase_label(phase)}")
    return text


def counts_block(summary: UnitSummary) -> Text:
    states = " · ".join(f"{summary.leerpunten[s]} {s.label}" for s in FindingState)
    statuses = " · ".join(f"{summary.actions[s]} {s.label}" for s in Status)
    labels = t("tui.dash.leerpunten"), t("tui.dash.actions")
    width = max(map(len, labels)) + 1  # a space after the longer label, in every language
    text = Text()
    text.append(labels[0].ljust(width), style="bold")
    text.append(states + "\n")
    text.append(labels[1].ljust(width), style="bold")
    text.append(statuses)
    if summary.bad_records:  # in words: the counts above leave these out
        ids = ", ".join(visible_line(bad.record_id) for bad in summary.bad_records[:5])
        more = "…" if len(summary.bad_records) > 5 else ""
        text.append("\n" + t("tui.dash.bad_records", n=len(summary.bad_records), ids=ids + more), style=ALERT)
    return text


def _action_line(action: Action, today: dt.date) -> Text:
    deadline = show_date("deadline", action.deadline, today) if action.deadline else t("tui.no_deadline")
    owner = visible_line(short_owner(action.owner)) or t("tui.no_owner")  # its role abbreviated: the title keeps room
    return Text(f"  {action.id:<6} {deadline:<14} {fit(owner, 10, 'left')} {visible_line(action.title)}",
                no_wrap=True, overflow="ellipsis")


def list_lines(summary: UnitSummary, today: dt.date) -> list[tuple[Text, Action | Meeting | None]]:
    """Overdue actions, next deadlines, feedback duties and pilots to evaluate, each
    line with the record it is about (None: a heading or 'none'). A heading that
    signals trouble starts with '!' and says it in words."""
    lines: list[tuple[Text, Action | Meeting | None]] = []

    def heading(key: str, n: int, alert: bool) -> None:
        lines.append((Text(("! " if alert and n else "") + t(key, n=n), style=HEADING), None))

    def actions(found: list[Action], none_key: str | None) -> None:
        lines.extend((_action_line(a, today), a) for a in found)
        if not found and none_key:
            lines.append((Text("  " + t(none_key)), None))

    heading("tui.dash.overdue", len(summary.overdue), True)
    actions(summary.overdue, "tui.dash.none_overdue")
    heading("tui.dash.upcoming", len(summary.upcoming), False)
    actions(summary.upcoming, "tui.dash.none_upcoming")
    heading("tui.dash.feedback", len(summary.feedback), any(d.overdue for d in summary.feedback))
    for duty in summary.feedback:
        m = duty.meeting
        state = t("tui.dash.feedback_late") if duty.overdue else t("tui.dash.feedback_soon")
        due = show_date("feedback_due", duty.due, today) if duty.due else ""
        held = show_date("date", m.date, today) if m.date else ""
        text = Text(f"  {m.id:<6} {state} {due} · {t('tui.dash.held', date=held)} · {visible_line(m.theme)}",
                    no_wrap=True, overflow="ellipsis")
        lines.append((text, m))
    if not summary.feedback:
        lines.append((Text("  " + t("tui.dash.none_feedback")), None))
    if summary.pilots:
        heading("tui.dash.pilots", len(summary.pilots), True)
        actions(summary.pilots, None)
    if summary.pilots_ending:
        heading("tui.dash.pilots_ending", len(summary.pilots_ending), True)
        actions(summary.pilots_ending, None)
    return lines


def grid_table(summary: UnitSummary) -> Table:
    """Open actions per phase (rows) and route (columns), with totals."""
    table = Table(box=None, pad_edge=False, show_edge=False, title_justify="left")
    table.add_column(Text(t("tui.dash.grid_corner")), no_wrap=True, max_width=36, overflow="ellipsis")
    for route in ROUTES:
        table.add_column(Text(f"R{route}"), justify="right")
    table.add_column(Text(t("tui.dash.total")), justify="right")
    for phase in PHASES:
        counts = [summary.grid.get((phase, route), 0) for route in ROUTES]
        table.add_row(Text(f"F{phase} {phase_label(phase)}"), *(Text(str(n)) for n in counts), Text(str(sum(counts))))
    return table
