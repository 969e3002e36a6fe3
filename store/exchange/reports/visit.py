"""The visit summary for the practice's development plan (*praktijkontwikkelplan*):
the next visit, phase per route, this visit's agreements (owner, deadline, the
leerpunt each answers), what there was to discuss (store/moments/visit_agenda.py: the
previous visit's agreements and what became of them, pilots, every overdue action,
open leerpunten), what changed, open actions by owner, and the KPIs: one table of
latest value against baseline and target with the leerpunt each serves, then per
KPI a compact run chart with its legend and its signals in words. How a run chart
is read (the rules) comes once, in an appendix, not under every chart: 11 KPIs
print on about 5 A4 pages.

`visit_document` is pure (the golden files test it); `visit_report` reads the unit.
Charts are drawn only when asked (`charts=True`): matplotlib costs half a second.
"""

from __future__ import annotations

import datetime as dt

from store.model import rules
from store.i18n import language, t
from store.model.records import Action, Kpi, Unit, Visit
from store.exchange.reports import Document
from store.persistence.repository import Store
from store.model.runchart import describe_all, rules_line, summary
from store.moments.since import Since, since_last_visit
from store.text import visible_line
from store.moments.visit_agenda import Agenda, agenda_lines, kpi_credit
from store.model.vocab import phase_label, route_label

CHART_HEIGHT_MM = 32  # with the legend beside it: four or five KPIs to an A4 page


def visit_document(unit: Unit, visit: Visit, since: Since, actions: list[Action], kpis: list[Kpi],
                   today: dt.date, *, charts: bool = True, agenda: Agenda | None = None) -> Document:
    doc = Document(t("vreport.title", unit=unit.name),
                   subtitle=t("vreport.subtitle", date=_long_day(visit.date, today)), made_on=today, lang=language())
    doc.heading(t("vreport.present")).paragraph(", ".join(visit.present) or t("vreport.nobody"))
    doc.paragraph(t("vreport.next_visit", date=_long_day(visit.next_visit, today)) if visit.next_visit
                  else t("vreport.next_visit_none"))
    if visit.notes.strip():
        doc.heading(t("vreport.notes")).paragraph(visit.notes)
    _phases(doc, unit, visit)
    _agreements(doc, visit, {a.id: a for a in actions}, today)
    if agenda is not None:
        _agenda(doc, agenda, today)
    _changes(doc, since, today)
    _open_actions(doc, actions, today)
    rules = _kpis(doc, agenda, kpis, actions, today, charts)
    if rules:
        doc.heading(t("vreport.appendix")).paragraph(t("vreport.appendix_intro"))
        doc.bullets(rules)
    return doc  # the base adds "made with spiegel on …" from `made_on`


def _kpis(doc: Document, agenda: Agenda | None, kpis: list[Kpi], actions: list[Action], today: dt.date,
          charts: bool) -> list[str]:
    """The KPI overview table and a compact page part per measured KPI; returns the
    rules texts used (for the appendix, each once)."""
    from store.moments.visit_agenda import kpi_status

    doc.heading(t("vreport.kpis"))
    by_id = {a.id: a for a in actions}
    statuses = agenda.kpis if agenda is not None else [kpi_status(k, by_id.get(k.action), {}) for k in kpis]
    measured = [s for s in statuses if s.kpi.measurements]
    if not measured:
        doc.paragraph(t("vreport.no_kpis"))
        return []
    doc.table([t("vreport.kpi"), t("vreport.latest"), t("vreport.baseline"), t("vreport.target_col"), t("vreport.verdict"),
               t("vreport.leerpunt")], [_kpi_row(s, today) for s in measured])
    rules: list[str] = []
    for status in measured:
        kpi, analysis = status.kpi, status.analysis
        doc.heading(f"{kpi.id} {kpi.name}", level=3)
        caption = t("vreport.chart_caption", name=kpi.name, n=len(analysis.values), summary=summary(analysis))
        if charts:
            from store.exchange.reports.charts import run_chart_svg  # matplotlib: only when a chart is drawn

            doc.chart(run_chart_svg(kpi, analysis, height_mm=CHART_HEIGHT_MM), caption)
        else:
            doc.paragraph(caption)
        doc.bullets([*describe_all(analysis), *filter(None, [kpi_credit(status)])])
        if rules_line(analysis) not in rules:
            rules.append(rules_line(analysis))
    return rules


def _kpi_row(status, today: dt.date) -> list[str]:
    from store.model.runchart import quantity

    kpi = status.kpi
    latest = f"{quantity(status.latest.value, kpi.measure_unit)} ({_short_day(status.latest.date)})" if status.latest else "-"
    verdict = t("agenda.reached") if status.reached else t(f"agenda.change.{status.change}") if status.change else "-"
    if kpi_credit(status):
        verdict = t("vreport.improved_in_baseline")
    serves = ", ".join(f.id for f in status.leerpunten) or "-"
    return [f"{kpi.id} {kpi.name}", latest, quantity(status.baseline, kpi.measure_unit),
            quantity(kpi.target, kpi.measure_unit), verdict, serves]


def _agenda(doc: Document, agenda: Agenda, today: dt.date) -> None:
    """What there was to discuss, the KPIs left to their own section."""
    sections = agenda_lines(agenda, lambda d: _long_day(d, today), with_kpis=False)
    doc.heading(t("agenda.title"))
    if not sections:
        doc.paragraph(t("agenda.nothing"))
    for name, lines in sections:
        doc.heading(name, level=3).bullets(lines)


def visit_report(store: Store, visit_id: str, *, charts: bool = True) -> Document:
    """The summary of a saved visit (B-3): changes since the visit before it, and
    what there was to discuss as of the visit's day."""
    from store.model.records import Finding
    from store.moments.visit_agenda import visit_agenda
    from store.moments.visits import locate_visit

    visit_id, slug = locate_visit(store, visit_id)
    visit = store.get(visit_id, slug)
    previous, since = since_last_visit(store, slug, visit)
    actions, kpis = store.records(Action, slug), store.records(Kpi, slug)
    day = min(store.today(), visit.date) if visit.date else store.today()
    agenda = visit_agenda(previous, actions, store.records(Finding, slug), kpis, day)
    return visit_document(store.unit(slug), visit, since, actions, kpis, store.today(), charts=charts, agenda=agenda)


def since_lines(since: Since, today: dt.date, *, short: bool = False, most: int | None = None,
                kpis: bool = True) -> list[tuple[str, list[str]]]:
    """What changed, as (section title, lines): the visit screen and the summary share
    it. `short`: dates as a screen shows them ('12 dec'); `most`: lines per section,
    the rest counted ('… en nog 4'); `kpis`: with the new measurements and signals."""
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
        ("since.kpis", [line for news in since.kpis for line in _kpi_lines(news)] if kpis else []),
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
    from store.model.runchart import describe

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
    sections = since_lines(since, today, kpis=False)  # the KPIs have their own section below
    if not sections:
        doc.paragraph(t("since.nothing"))
    for name, lines in sections:
        doc.heading(name, level=3).bullets(lines)


def _agreements(doc: Document, visit: Visit, actions: dict[str, Action], today: dt.date) -> None:
    doc.heading(t("vreport.agreements"))
    lines = []
    for agreement in visit.agreements:
        action = actions.get(agreement.get("action", ""))
        finding = t("vreport.for_leerpunt", id=agreement["finding"]) if agreement.get("finding") else ""
        if action is None:
            lines.append(agreement["text"] + finding)
            continue
        lines.append(t("vreport.agreement_action", text=agreement["text"], id=action.id,
                       owner=action.owner or t("vreport.no_owner"),
                       deadline=_long_day(action.deadline, today) if action.deadline else t("vreport.no_deadline"))
                     + finding)
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


def _short_day(day: dt.date) -> str:
    from store.dates import month_name

    return f"{day.day} {month_name(day.month, short=True)} {day.year}"


def _long_day(day: dt.date | None, today: dt.date) -> str:
    """A date with its year, always: a report is read later."""
    if day is None:
        return ""
    from store.dates import month_name

    return f"{day.day} {month_name(day.month, short=False)} {day.year}"
