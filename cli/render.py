"""Human-readable output of the read commands (plain text, in the UI language)."""

from __future__ import annotations

import datetime as dt

from cli.output import echo, print_json, table
from store.model import rules
from store.errors import FileProblem
from store.i18n import t
from store.model.records import Action, Finding, Kpi, Meeting, Record
from store.model.vocab import Status


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


def record_details(record: Record, today: dt.date, deleted_links: list[str] = ()) -> None:
    """Every field with its label in the UI language and its value as a user reads
    it (ja/nee, 'L-1, L-4', '-' for nothing), then the change log in the same words."""
    from store.model.changes import field_label, value_text, when_text

    cls = type(record)
    echo(f"{record.id}  ({record.unit})")
    for name, value in record.fields_doc().items():
        if name == "deleted":  # a tombstone says so below; a live record has no such line
            continue
        echo(f"  {field_label(name)}: {value_text(cls, name, value, today, limit=10_000, empty='-')}")
    if record.deleted:
        echo(f"  ! {t('record.deleted_mark')} {when_text(record.deleted, today)}")
    for finding_id in deleted_links:
        echo(f"  ! {t('record.deleted_link', id=finding_id)}")
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


def unit_summaries(store, as_json: bool, mine: bool = False) -> None:
    """The portfolio's facts of every unit (store/moments/portfolio.py, from the cached
    figures where they are current); `mine`: only the units whose relatiemanager
    logs in as the user (units that cannot be read say nobody's they are)."""
    from store.moments.portfolio import all_facts, is_mine
    from store.persistence.unit_names import unit_access

    today = store.today()
    summaries = []
    for facts in all_facts(store, today):
        unit = facts.unit
        if unit is None:
            if not mine:
                summaries.append({"slug": facts.slug, "problem": str(facts.problem)})
            continue
        if mine and not is_mine(unit, store.user):
            continue
        group, open_to_all = unit_access(store, facts.slug)  # a name is no identity: who can read it is
        summaries.append({
            "slug": facts.slug, "name": unit.name, "group": group, "open_to_all": open_to_all, "kind": unit.kind.value,
            "relatiemanager": unit.relatiemanager, "relatiemanager_login": unit.relatiemanager_login,
            "hagro": unit.hagro, "municipality": unit.municipality, "phases": unit.phases,
            "open_leerpunten": facts.open_leerpunten,
            "open_actions": facts.open_actions,
            "overdue_actions": facts.overdue,
            "last_meeting": facts.last_meeting.isoformat() if facts.last_meeting else None,
            "last_visit": facts.last_visit.isoformat() if facts.last_visit else None,
            "bad_records": facts.bad_records,  # left out of the counts: see `spiegel check`
        })
    if as_json:
        print_json(summaries)
        return
    headers = [t("col.unit"), t("col.phases"), t("col.leerpunten"), t("col.open"), t("col.overdue"), t("col.name")]
    grouped = any(s.get("group") for s in summaries)
    if grouped:
        headers.append(t("col.group"))
    rows = []
    for s in summaries:
        if "problem" in s:
            rows.append([s["slug"], "-", "-", "-", "-", s["problem"]] + (["-"] if grouped else []))
        else:
            phases = " ".join(str(p) for _, p in sorted(s["phases"].items()))
            name = f"{s['name']} (! {t('check.bad_records', count=s['bad_records'])})" if s["bad_records"] else s["name"]
            row = [s["slug"], phases, s["open_leerpunten"], s["open_actions"], s["overdue_actions"], name]
            if grouped:
                row.append(f"{s['group'] or '-'}{' ' + t('units.open_mark') if s['open_to_all'] else ''}")
            rows.append(row)
    table(headers, rows, shrink=(0, 5))
    if any(s.get("open_to_all") for s in summaries):
        echo(t("units.open_mark_explained", mark=t("units.open_mark")))


def server_report(store, as_json: bool) -> bool:
    """`check --server`: one line per finding (store/persistence/files/server_check.py); True if
    there is no problem (advice alone is fine)."""
    from store.errors import SpiegelError
    from store.persistence.files.server_check import ADVICE, PROBLEM, server_findings

    if store.files is None:
        raise SpiegelError(t("db.file_only"))
    found = server_findings(store.files)
    if as_json:
        print_json([{"level": level, "text": text} for level, text in found])
    else:
        for level, text in found:
            echo(f"{t('server.level.' + level)}: {text}")
        echo(t("server.summary", problems=sum(lv == PROBLEM for lv, _ in found),
               advice=sum(lv == ADVICE for lv, _ in found)))
    return not any(level == PROBLEM for level, _ in found)


def check_report(store, as_json: bool) -> bool:
    """One line per file: ok with record counts, or what is wrong; then one line per
    field of every bad record (`unit, record id, field: reason`). True if all ok."""
    report = [_checked(store, entry) for entry in store.units()]
    if as_json:
        print_json(report)
    else:
        for item in report:
            status = t("check.ok") if item["ok"] else t("check.bad")
            detail = item.get("problem") or t("check.counts", **{k: v for k, v in item.items() if k in _COUNT_KEYS})
            if item.get("bad_records"):
                detail += f"; {t('check.bad_records', count=len({b['id'] for b in item['bad_records']}))}"
            echo(f"{status}  {item['file']}  {detail}")
            if item.get("open_to"):
                echo("  " + t("units.shared_warning", unit=item["unit"], group=item["open_to"]))
            for bad in item.get("bad_records", []):
                words = t("check.bad_record", unit=item["unit"], id=bad["id"], field=bad["field"], reason=bad["reason"])
                echo("  " + words)
        if not report:
            echo(t("check.none", path=store.location))
    return all(item["ok"] for item in report)


def _checked(store, entry) -> dict:
    """What `check` says of one unit: its file's problem, or its good records per
    table, each field of its bad records, and every stored KPI value a chart cannot use."""
    try:
        if entry.problem is not None:
            raise entry.problem
        records = {cls: store.records(cls, entry.slug) for cls in _COUNTED}
        bad = [{"id": b.record_id, "field": p.field, "reason": p.message}
               for b in store.bad_records(entry.slug) for p in b.problems]
    except FileProblem as problem:
        return {"file": str(entry.path), "unit": entry.slug, "ok": False, "problem": problem.problem}
    unusable = _unusable_measurements(records[Kpi])
    item = {"file": str(entry.path), "unit": entry.slug, "ok": not bad and not unusable,
            **{cls.TABLE: len(found) for cls, found in records.items()}, "bad_records": bad,
            "open_to": store.files.open_to_everyone(entry.slug) if store.files else None}
    if unusable:
        item["problem"] = "; ".join(unusable)
    return item


def _unusable_measurements(kpis: list[Kpi]) -> list[str]:
    """'K-3: meting van 2026-02-01 onbruikbaar: …' for every stored value a chart
    cannot use (measurements, baseline value, target)."""
    from store.model.kpis import describe_problem, kpi_problems, measurement_problems

    found = []
    for kpi in kpis:
        found += [f"{kpi.id}: {problem}" for problem in kpi_problems(kpi)]
        found += [f"{kpi.id}: {describe_problem(m, why)}" for m, why in measurement_problems(kpi)]
    return found


_COUNTED = (Meeting, Finding, Action, Kpi)
_COUNT_KEYS = tuple(cls.TABLE for cls in _COUNTED)
