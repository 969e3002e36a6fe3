"""Plain-text output of `spiegel meetings` and `spiegel findings`, in the UI language.
Every cell passes cli.output's cleaning: user text never reaches the terminal raw."""

from __future__ import annotations

import datetime as dt

from cli.output import echo, table
from store.i18n import t
from store.model.records import Finding, Meeting
from store.text import clean_line


def meeting_rows(meetings: list[Meeting], counts: dict[str, int], today: dt.date, show_unit: bool) -> None:
    if not meetings:
        echo(t("cli.work.meetings_empty"))
        return
    headers = [t("col.id"), t("cli.work.col.date"), t("cli.work.col.format"), t("cli.work.col.findings"),
               t("cli.work.col.feedback"), t("cli.work.col.theme")]
    rows = []
    for m in meetings:
        row = [m.id, m.date.isoformat() if m.date else "-", m.format.label, str(counts.get(m.id, 0)),
               _feedback_cell(m, today), m.theme or "-"]
        if show_unit:
            row.insert(1, m.unit)
        rows.append(row)
    if show_unit:
        headers.insert(1, t("col.unit"))
    # 80 columns: unit, format and theme give way; ids, dates and 'te laat' never do
    table(headers, rows, shrink=(1, 3, 6) if show_unit else (2, 5))


def _feedback_cell(meeting: Meeting, today: dt.date) -> str:
    """The date it was sent, or '≤ due date' with 'te laat' when that has passed."""
    from store.model.advice import feedback_overdue

    if meeting.feedback_sent:
        return meeting.feedback_sent.isoformat()
    if meeting.feedback_due is None:
        return "-"
    late = f" {t('mark.overdue')}" if feedback_overdue(meeting, today) else ""
    return t("cli.work.feedback_due", date=meeting.feedback_due.isoformat()) + late


def meeting_details(meeting: Meeting, findings: list[Finding], advice: list, today: dt.date) -> None:
    """The record as `spiegel show` prints it, then the advice and its findings."""
    from cli.render import record_details

    record_details(meeting, today)
    if advice:
        echo(t("cli.work.advice_heading"))
        for item in advice:
            echo(f"  - {item.message}")
    echo(t("cli.work.findings_heading", n=len(findings)))
    for finding in findings:
        echo(f"  {_finding_line(finding)}")


def finding_rows(findings: list[Finding], show_unit: bool) -> None:
    if not findings:
        echo(t("cli.work.findings_empty"))
        return
    headers = [t("col.id"), t("cli.work.col.meeting"), t("cli.work.col.kind"), t("col.status"), t("cli.work.col.text")]
    rows = []
    for f in findings:
        kind = f.kind.label + (" !" if f.quick_win else "")
        row = [f.id, f.meeting or "-", kind, f.state.label, f.text]
        if show_unit:
            row.insert(1, f.unit)
        rows.append(row)
    if show_unit:
        headers.insert(1, t("col.unit"))
    table(headers, rows, shrink=(1, 5) if show_unit else (4,))


def _finding_line(finding: Finding) -> str:
    quick = f" ({t('cli.work.quick_win')})" if finding.quick_win else ""
    reason = f" — {clean_line(finding.reason)}" if finding.reason else ""
    return f"{finding.id}  {finding.kind.label}{quick}  [{finding.state.label}]  {clean_line(finding.text)}{reason}"
