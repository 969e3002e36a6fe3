"""What a relatiemanager discusses at a visit (seeds 000 and 002), beside what
changed since the last one (store/moments/since.py): the previous visit's agreements and
what became of each, pilots past or near their year, every action still overdue
(older ones too), every open leerpunt (as the portfolio counts them), and each
KPI's latest value against its baseline and target, with the leerpunt it serves.

Pure over records (`visit_agenda`); `agenda_lines` turns it into words for the
visit screen and the summary alike.

Credit where the whole series is baseline: a KPI whose action has no start (and
no chosen baseline end) has every point in its baseline period, so the run-chart
rules can only call a signal "in the baseline" (store/model/runchart). The KPI's own
stated baseline (its nulmeting, `Kpi.baseline`) still says whether the practice
improved: the latest value is compared with it in the KPI's direction, and the
words say that the chart has no later period yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from store.model import advice, rules
from store.i18n import t
from store.model.kpis import analyse_kpi
from store.model.records import Action, Finding, Kpi, Measurement, Visit
from store.text import clean_line
from store.model.vocab import Direction, FindingKind, FindingState, Status

# What became of an agreement (catalog `agenda.state.<code>`).
DONE, STOPPED, OVERDUE, OPEN, GONE, NO_ACTION = "done", "stopped", "overdue", "open", "gone", "no_action"
BETTER, WORSE, SAME = "better", "worse", "same"


@dataclass(frozen=True)
class AgreementOutcome:
    text: str
    action: Action | None
    finding: str  # the leerpunt it answers ("" none)
    state: str


@dataclass(frozen=True)
class KpiStatus:
    kpi: Kpi
    latest: Measurement | None
    baseline: float | None  # the KPI's nulmeting, else the median of its baseline period
    change: str | None  # BETTER / WORSE / SAME against the baseline, by the KPI's direction
    reached: bool  # the latest value meets the target
    leerpunten: list[Finding]
    whole_series_baseline: bool  # no later period: the rules cannot call anything an improvement
    analysis: object = None


@dataclass
class Agenda:
    previous: Visit | None
    today: dt.date
    agreements: list[AgreementOutcome] = field(default_factory=list)
    pilots_past: list[Action] = field(default_factory=list)
    pilots_near: list[Action] = field(default_factory=list)
    overdue: list[Action] = field(default_factory=list)
    leerpunten: list[Finding] = field(default_factory=list)
    kpis: list[KpiStatus] = field(default_factory=list)


def visit_agenda(previous: Visit | None, actions: list[Action], findings: list[Finding], kpis: list[Kpi],
                 today: dt.date) -> Agenda:
    by_id = {a.id: a for a in actions}
    ordered = sorted(actions, key=lambda a: _number(a.id))
    agenda = Agenda(previous, today)
    agenda.agreements = [_outcome(item, by_id, today) for item in (previous.agreements if previous else [])]
    agenda.pilots_past = [a for a in ordered if advice.pilot_overdue(a, today)]
    agenda.pilots_near = [a for a in ordered if advice.pilot_ending_soon(a, today)]
    agenda.overdue = sorted((a for a in actions if rules.is_overdue(a, today)), key=lambda a: (a.deadline, _number(a.id)))
    agenda.leerpunten = [f for f in sorted(findings, key=lambda f: _number(f.id))
                         if f.kind == FindingKind.LEERPUNT and f.state == FindingState.OPEN]
    texts = {f.id: f for f in findings}
    agenda.kpis = [kpi_status(k, by_id.get(k.action), texts) for k in sorted(kpis, key=lambda k: _number(k.id))]
    return agenda


def _outcome(item: dict, actions: dict[str, Action], today: dt.date) -> AgreementOutcome:
    action_id = item.get("action", "")
    action = actions.get(action_id)
    if not action_id:
        state = NO_ACTION
    elif action is None:
        state = GONE
    elif action.status == Status.DONE:
        state = DONE
    elif action.status == Status.STOPPED:
        state = STOPPED
    else:
        state = OVERDUE if rules.is_overdue(action, today) else OPEN
    return AgreementOutcome(str(item.get("text", "")), action, str(item.get("finding", "")), state)


def kpi_status(kpi: Kpi, action: Action | None, findings: dict[str, Finding]) -> KpiStatus:
    analysis = analyse_kpi(kpi, action.started_on if action else None)
    latest = max(kpi.measurements, key=lambda m: m.date) if kpi.measurements else None
    baseline = kpi.baseline if kpi.baseline is not None else analysis.median
    change = _change(latest.value, baseline, kpi.direction) if latest is not None and baseline is not None else None
    reached = latest is not None and kpi.target is not None and (
        latest.value >= kpi.target if kpi.direction == Direction.HIGHER else latest.value <= kpi.target)
    served = [findings[i] for i in (action.findings if action else []) if i in findings]
    whole = bool(analysis.values) and analysis.baseline >= len(analysis.values)  # no point after the baseline
    return KpiStatus(kpi, latest, baseline, change, reached, served, whole, analysis)


def _change(value: float, baseline: float, direction: Direction) -> str:
    if abs(value - baseline) <= 1e-9 * max(1.0, abs(baseline)):
        return SAME
    return BETTER if (value > baseline) == (direction == Direction.HIGHER) else WORSE


def kpi_line(status: KpiStatus, day_text) -> str:
    """'K-1 Gemiddelde wachttijd telefoon: 7,7 min (12 okt 2026); nulmeting 14 min, doel 5 min: beter dan
    de nulmeting'."""
    from store.model.runchart import quantity

    kpi = status.kpi
    unit = kpi.measure_unit
    if status.latest is None:
        return t("agenda.kpi_unmeasured", id=kpi.id, name=clean_line(kpi.name), target=quantity(kpi.target, unit))
    verdict = t(f"agenda.change.{status.change}") if status.change else ""
    if status.reached:
        verdict = t("agenda.reached")
    return t("agenda.kpi_line", id=kpi.id, name=clean_line(kpi.name), value=quantity(status.latest.value, unit),
             date=day_text(status.latest.date), baseline=quantity(status.baseline, unit),
             target=quantity(kpi.target, unit), verdict=verdict).rstrip(": ")


def kpi_credit(status: KpiStatus) -> str:
    """The improvement in words when the run chart cannot give it (module doc): the
    whole series is its baseline period, the latest value beats the nulmeting, and
    the rules found a shift or trend that way (so not one lucky point)."""
    if not status.whole_series_baseline or status.change != BETTER or status.latest is None:
        return ""
    from store.model.runchart import SHIFT, TREND, quantity

    better_side = ("above", "up") if status.kpi.direction == Direction.HIGHER else ("below", "down")
    if not any(s.kind in (SHIFT, TREND) and s.side in better_side for s in status.analysis.signals):
        return ""
    unit = status.kpi.measure_unit
    return t("agenda.credit", first=quantity(status.analysis.values[0], unit), baseline=quantity(status.baseline, unit),
             value=quantity(status.latest.value, unit))


def kpi_serves(status: KpiStatus) -> str:
    """'voor leerpunt L-3 Ik sta 's ochtends …' (the first; the others counted)."""
    if not status.leerpunten:
        return ""
    first = status.leerpunten[0]
    text = clean_line(first.text)
    text = text if len(text) <= 70 else text[:69] + "…"
    more = len(status.leerpunten) - 1
    return t("agenda.serves", id=first.id, text=text) + (t("agenda.serves_more", n=more) if more else "")


def agenda_lines(agenda: Agenda, day_text, *, with_kpis: bool = True) -> list[tuple[str, list[str]]]:
    """(section title, lines) of the agenda: the visit screen and the summary share
    it; `day_text(date)` writes a date the way the page needs it. `with_kpis`: the
    summary gives the KPIs a section of their own."""

    def action_line(a: Action) -> str:
        return t("since.action_line", id=a.id, title=clean_line(a.title), owner=clean_line(a.owner) or t("vreport.no_owner"),
                 deadline=day_text(a.deadline) if a.deadline else t("vreport.no_deadline"))

    def pilot_line(a: Action, key: str) -> str:
        days = advice.pilot_days_left(a, agenda.today)
        return t(key, id=a.id, title=clean_line(a.title), owner=clean_line(a.owner) or t("vreport.no_owner"),
                 n=abs(days) if days is not None else 0)

    agreements = []
    for outcome in agenda.agreements:
        state = t(f"agenda.state.{outcome.state}")
        if outcome.action is not None:
            state = t("agenda.state_with_action", id=outcome.action.id, state=state,
                      owner=clean_line(outcome.action.owner) or t("vreport.no_owner"))
        finding = f" ({outcome.finding})" if outcome.finding else ""
        agreements.append(f"{clean_line(outcome.text)}{finding}: {state}")
    sections = [
        (t("agenda.previous", date=day_text(agenda.previous.date)) if agenda.previous and agenda.previous.date
         else t("agenda.previous_none"), agreements),
        (t("agenda.pilots"), [pilot_line(a, "agenda.pilot_past") for a in agenda.pilots_past]
         + [pilot_line(a, "agenda.pilot_near") for a in agenda.pilots_near]),
        (t("agenda.overdue"), [action_line(a) for a in agenda.overdue]),
        (t("agenda.leerpunten"), [f"{f.id} {clean_line(f.text)}" for f in agenda.leerpunten]),
        (t("agenda.kpis"), [line for s in agenda.kpis for line in _kpi_block(s, day_text)] if with_kpis else []),
    ]
    return [(title, lines) for title, lines in sections if lines]


def _kpi_block(status: KpiStatus, day_text) -> list[str]:
    extra = [x for x in (kpi_serves(status), kpi_credit(status)) if x]
    return [kpi_line(status, day_text), *(f"  {x}" for x in extra)]


def _number(record_id: str) -> int:
    tail = record_id.partition("-")[2]
    return int(tail) if tail.isdigit() else 0
