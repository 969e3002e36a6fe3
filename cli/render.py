"""Human-readable output of the read commands (plain text, in the UI language)."""

from __future__ import annotations

import datetime as dt

from cli.output import echo, print_json, table
from store import rules
from store.errors import FileProblem
from store.i18n import t
from store.records import Action, Finding, Kpi, Meeting, Record
from store.vocab import FindingKind, FindingState, Status


def deadline_cell(action: Action, today: dt.date, marks: dict[str, str]) -> str:
    """ISO date plus a word (from `marks`, see action_rows), so overdue never depends on colour."""
    if action.deadline is None:
        return "-"
    if rules.is_overdue(action, today):
        return f"{action.deadline.isoformat()} {marks['overdue']}"
    if rules.is_due_soon(action, today):
        return f"{action.deadline.isoformat()} {marks['due_soon']}"
    return action.deadline.isoformat()


def action_rows(actions: list[Action], today: dt.date, show_unit: bool) -> None:
    if not actions:
        echo(t("list.empty"))
        return
    headers = [t("col.id"), t("col.status"), t("col.phase_route"), t("col.deadline"), t("col.owner"), t("col.title")]
    if show_unit:
        headers.insert(1, t("col.unit"))
    # Words looked up once, not per row: a list can have thousands of rows.
    labels = {status: status.label for status in Status}
    marks = {"overdue": t("mark.overdue"), "due_soon": t("mark.due_soon")}
    rows = []
    for a in actions:
        row = [a.id, labels[a.status], f"F{a.phase}/R{a.route}", deadline_cell(a, today, marks), a.owner or "-", a.title]
        if show_unit:
            row.insert(1, a.unit)
        rows.append(row)
    shrink = (1, 5, 6) if show_unit else (4, 5)  # unit, owner, title
    table(headers, rows, shrink)


def record_details(record: Record, today: dt.date) -> None:
    """Every field with its label in the UI language and its value as a user reads
    it (ja/nee, 'L-1, L-4', '-' for nothing), then the change log in the same words."""
    from store.changes import field_label, value_text, when_text

    cls = type(record)
    echo(f"{record.id}  ({record.unit})")
    for name, value in record.fields_doc().items():
        echo(f"  {field_label(name)}: {value_text(cls, name, value, today, limit=10_000, empty='-')}")
    if isinstance(record, Action) and rules.is_overdue(record, today):
        echo(f"  ! {t('mark.overdue')}")
    echo(f"  {t('show.revision')}: {record.rev}  {t('show.created')}: "
         f"{when_text(record.created_at, today)} {record.created_by}")
    echo(t("show.log"))
    for entry in record.log:
        changes = "; ".join(
            f"{field_label(k)}: {value_text(cls, k, old, today, empty='-')} → {value_text(cls, k, new, today, empty='-')}"
            for k, (old, new) in entry.get("changes", {}).items())
        echo(f"  {when_text(entry.get('at', ''), today)}  {entry.get('by', '')}  {t('op.' + entry['op'])}  {changes}".rstrip())


def unit_summaries(store, as_json: bool) -> None:
    today = store.today()
    summaries = []
    for entry in store.units():
        try:
            if entry.problem is not None:
                raise entry.problem
            actions = store.records(Action, entry.slug)
            findings = store.records(Finding, entry.slug)
        except FileProblem as problem:
            summaries.append({"slug": entry.slug, "problem": str(problem)})
            continue
        summaries.append({
            "slug": entry.slug, "name": entry.unit.name, "kind": entry.unit.kind.value,
            "relatiemanager": entry.unit.relatiemanager, "phases": entry.unit.phases,
            "open_leerpunten": sum(f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN for f in findings),
            "open_actions": sum(rules.is_open(a) for a in actions),
            "overdue_actions": sum(rules.is_overdue(a, today) for a in actions),
        })
    if as_json:
        print_json(summaries)
        return
    headers = [t("col.unit"), t("col.phases"), t("col.leerpunten"), t("col.open"), t("col.overdue"), t("col.name")]
    rows = []
    for s in summaries:
        if "problem" in s:
            rows.append([s["slug"], "-", "-", "-", "-", s["problem"]])
        else:
            phases = " ".join(str(p) for _, p in sorted(s["phases"].items()))
            rows.append([s["slug"], phases, s["open_leerpunten"], s["open_actions"], s["overdue_actions"], s["name"]])
    table(headers, rows, shrink=(0, 5))


def check_report(store, as_json: bool) -> bool:
    """One line per file: ok with record counts, or what is wrong. True if all ok."""
    report = []
    for entry in store.units():
        try:
            if entry.problem is not None:
                raise entry.problem
            counts = {cls.TABLE: len(store.records(cls, entry.slug)) for cls in _COUNTED}
        except FileProblem as problem:
            report.append({"file": str(entry.path), "ok": False, "problem": problem.problem})
            continue
        report.append({"file": str(entry.path), "ok": True, **counts})
    if as_json:
        print_json(report)
    else:
        for item in report:
            status = t("check.ok") if item["ok"] else t("check.bad")
            detail = item.get("problem") or t("check.counts", **{k: v for k, v in item.items() if k in _COUNT_KEYS})
            echo(f"{status}  {item['file']}  {detail}")
        if not report:
            echo(t("check.none", path=store.data_dir))
    return all(item["ok"] for item in report)



_COUNTED = (Meeting, Finding, Action, Kpi)
_COUNT_KEYS = tuple(cls.TABLE for cls in _COUNTED)
