"""The visit summary for the practice's development plan (*praktijkontwikkelplan*):
phase per route and what changed, the agreements, open and overdue actions by
owner, and each KPI with its run chart and its signals in words.

`visit_document` is pure (the golden files test it); `visit_report` reads the unit.
Charts are drawn only when asked (`charts=True`): matplotlib costs half a second.
"""

from __future__ import annotations

import datetime as dt

from store import rules
from store.i18n import language, t
from store.kpis import analyse_kpi
from store.records import Action, Kpi, Unit, Visit
from store.reports import Document
from store.repository import Store
from store.runchart import describe_all, number, rules_line, summary
from store.since import Since, since_last_visit
from store.text import visible_line
from store.vocab import phase_label, route_label


def visit_document(unit: Unit, visit: Visit, since: Since, actions: list[Action], kpis: list[Kpi],
                   today: dt.date, *, charts: bool = True) -> Document:
    started = {a.id: a.started_on for a in actions}
    doc = Document(t("vreport.title", unit=unit.name),
                   subtitle=t("vreport.subtitle", date=_long_day(visit.date, today)), made_on=today, lang=language())
    doc.heading(t("vreport.present")).paragraph(", ".join(visit.present) or t("vreport.nobody"))
    if visit.notes.strip():
        doc.heading(t("vreport.notes")).paragraph(visit.notes)
    _phases(doc, unit, visit)
    _changes(doc, since, today)
    _agreements(doc, visit, {a.id: a for a in actions}, today)
    _open_actions(doc, actions, today)
    doc.heading(t("vreport.kpis"))
    measured = [k for k in kpis if k.measurements]
    if not measured:
        doc.paragraph(t("vreport.no_kpis"))
    for kpi in measured:
        analysis = analyse_kpi(kpi, started.get(kpi.action))
        doc.heading(f"{kpi.id} {kpi.name}", level=3)
        if kpi.target is not None:
            doc.paragraph(t("vreport.target", target=number(kpi.target) + (f" {kpi.measure_unit}" if kpi.measure_unit else "")))
        caption = t("vreport.chart_caption", name=kpi.name, n=len(analysis.values), summary=summary(analysis))
        if charts:
            from store.reports.charts import run_chart_svg  # matplotlib: only when a chart is drawn

            doc.chart(run_chart_svg(kpi, analysis), caption)
        else:
            doc.paragraph(caption)
        doc.bullets(describe_all(analysis))
        doc.paragraph(rules_line(analysis), quiet=True)
    return doc  # the base adds "made with spiegel on …" from `made_on`


def visit_report(store: Store, visit_id: str, *, charts: bool = True) -> Document:
    """The summary of a saved visit (B-3): changes since the visit before it."""
    from store.visits import locate_visit

    visit_id, slug = locate_visit(store, visit_id)
    visit = store.get(visit_id, slug)
    _previous, since = since_last_visit(store, slug, visit)
    return visit_document(store.unit(slug), visit, since, store.records(Action, slug), store.records(Kpi, slug),
                          store.today(), charts=charts)


def since_lines(since: Since, today: dt.date, *, short: bool = False, most: int | None = None) -> list[tuple[str, list[str]]]:
    """What changed, as (section title, lines): the visit screen and the summary share
    it. `short`: dates as a screen shows them ('12 dec'); `most`: lines per section,
    the rest counted ('… en nog 4')."""
    from store.dates import describe_date

    def day_text(day: dt.date | None, today: dt.date) -> str:
        if day is None:
            return ""
        return describe_date(day, today, weekday=False) if short else _long_day(day, today)

    def action_line(a: Action) -> str:
        return t("since.action_line", id=a.id, title=visible_line(a.title), owner=visible_line(a.owner) or t("vreport.no_owner"),
                 deadline=day_text(a.deadline, today) if a.deadline else t("vreport.no_deadline"))

    sections = [
        ("since.unit_moves", [t("since.unit_move", route=m.route, route_label=route_label(m.route), old=m.old, new=m.new,
                                on=day_text(m.on, today)) for m in since.unit_moves]),
        ("since.done", [action_line(a) for a in since.done]),
        ("since.new_actions", [action_line(a) for a in since.new_actions]),
        ("since.moved", [t("since.moved_line", id=m.action.id, title=visible_line(m.action.title), old=m.old, new=m.new)
                         for m in since.moved]),
        ("since.overdue", [action_line(a) for a in since.overdue]),
        ("since.meetings", [f"{m.id} {day_text(m.date, today) if m.date else ''} {m.format.label} {visible_line(m.theme)}".strip()
                            for m in since.meetings]),
        ("since.leerpunten", [f"{f.id} {visible_line(f.text)}" for f in since.leerpunten]),
        ("since.kpis", [line for news in since.kpis for line in _kpi_lines(news)]),
        ("since.feedback", [t("since.feedback_late" if d.overdue else "since.feedback_soon",
                              meeting=f"{d.meeting.id} {visible_line(d.meeting.theme)}".strip(),
                              due=day_text(d.meeting.feedback_due, today)) for d in since.feedback]),
    ]
    if most is not None:
        sections = [(key, lines if len(lines) <= most else [*lines[:most - 1], t("since.more", n=len(lines) - most + 1)])
                    for key, lines in sections]
    return [(t(key), lines) for key, lines in sections if lines]


def since_title(since: Since, today: dt.date) -> str:
    return t("since.title", date=_long_day(since.since, today)) if since.since else t("since.title_first")


def _kpi_lines(news) -> list[str]:
    from store.runchart import describe

    head = t("since.kpi_line", id=news.kpi.id, name=visible_line(news.kpi.name), n=len(news.measurements))
    return [head, *(f"{news.kpi.id} {t('since.new_signal', text=describe(s, news.analysis))}" for s in news.signals)]


def _phases(doc: Document, unit: Unit, visit: Visit) -> None:
    moved = {m["route"]: m for m in visit.phase_moves}
    rows = []
    for route in (1, 2, 3, 4):
        move = moved.get(route)
        change = t("vreport.moved", old=move["from"], new=move["to"]) if move else ""
        rows.append([f"{route}. {route_label(route)}", f"{unit.phase(route)}. {phase_label(unit.phase(route))}", change])
    doc.heading(t("vreport.phases")).table([t("vreport.route"), t("vreport.phase"), t("vreport.phase_change")], rows)


def _changes(doc: Document, since: Since, today: dt.date) -> None:
    title = t("vreport.changes", date=_long_day(since.since, today)) if since.since else t("vreport.changes_first")
    doc.heading(title)
    sections = since_lines(since, today)
    if not sections:
        doc.paragraph(t("since.nothing"))
    for name, lines in sections:
        doc.heading(name, level=3).bullets(lines)


def _agreements(doc: Document, visit: Visit, actions: dict[str, Action], today: dt.date) -> None:
    doc.heading(t("vreport.agreements"))
    lines = []
    for agreement in visit.agreements:
        action = actions.get(agreement.get("action", ""))
        if action is None:
            lines.append(agreement["text"])
            continue
        lines.append(t("vreport.agreement_action", text=agreement["text"], id=action.id,
                       owner=action.owner or t("vreport.no_owner"),
                       deadline=_long_day(action.deadline, today) if action.deadline else t("vreport.no_deadline")))
    doc.bullets(lines) if lines else doc.paragraph(t("vreport.no_agreements"))


def _open_actions(doc: Document, actions: list[Action], today: dt.date) -> None:
    """Open actions grouped by owner (owners A-Z, no owner last), overdue first."""
    doc.heading(t("vreport.open_actions"))
    open_ones = [a for a in actions if rules.is_open(a)]
    if not open_ones:
        doc.paragraph(t("vreport.no_open"))
        return
    ordered = sorted(open_ones, key=lambda a: (not a.owner, a.owner.casefold(), not rules.is_overdue(a, today),
                                               a.deadline or dt.date.max, a.id))
    rows = []
    for action in ordered:
        deadline = _long_day(action.deadline, today) if action.deadline else t("vreport.no_deadline")
        if rules.is_overdue(action, today):
            deadline = t("vreport.overdue_mark", date=deadline)
        rows.append([action.owner or t("vreport.no_owner"), f"{action.id} {action.title}", deadline, action.status.label])
    doc.table([t("vreport.owner"), t("vreport.action"), t("vreport.deadline"), t("vreport.status")], rows)


def _long_day(day: dt.date | None, today: dt.date) -> str:
    """A date with its year, always: a report is read later."""
    if day is None:
        return ""
    from store.dates import month_name

    return f"{day.day} {month_name(day.month, short=False)} {day.year}"
