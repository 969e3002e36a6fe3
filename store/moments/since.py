"""What changed in a unit since a date (the last visit): read from the records'
dates and change logs. Pure over records, except `since_last_visit`, which reads
one unit.

"Since" means after the visit's day: what happened on the day of the visit was
seen there. Without any earlier visit (`since` None) everything counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from store.model import rules
from store.model.advice import created_date
from store.moments.dashboard import FeedbackDuty, created_on, feedback_duties
from store.model.kpis import analyse_kpi
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Unit, Visit
from store.persistence.repository import Store
from store.model.runchart import Signal
from store.model.vocab import FindingKind, Status


@dataclass(frozen=True)
class PhaseMove:
    """A phase that changed: of an action (`action` set) or of the unit's route."""

    route: int
    old: int
    new: int
    on: dt.date
    action: Action | None = None


@dataclass(frozen=True)
class KpiNews:
    """A KPI's measurements after the date, and the run-chart signals whose points
    include one of them (new signals)."""

    kpi: Kpi
    measurements: list[Measurement]
    signals: list[Signal]
    analysis: object = None  # store.model.runchart.Analysis


@dataclass
class Since:
    since: dt.date | None
    today: dt.date
    done: list[Action] = field(default_factory=list)
    new_actions: list[Action] = field(default_factory=list)
    moved: list[PhaseMove] = field(default_factory=list)  # actions that moved a phase
    overdue: list[Action] = field(default_factory=list)  # open, deadline passed since
    unit_moves: list[PhaseMove] = field(default_factory=list)  # the unit's routes
    meetings: list[Meeting] = field(default_factory=list)
    leerpunten: list[Finding] = field(default_factory=list)
    kpis: list[KpiNews] = field(default_factory=list)
    feedback: list[FeedbackDuty] = field(default_factory=list)  # due soon or late now

    @property
    def is_empty(self) -> bool:
        return not any((self.done, self.new_actions, self.moved, self.overdue, self.unit_moves, self.meetings,
                        self.leerpunten, self.kpis, self.feedback))


def changes_since(since: dt.date | None, unit: Unit, meetings: list[Meeting], findings: list[Finding],
                  actions: list[Action], kpis: list[Kpi], today: dt.date) -> Since:
    def after(day: dt.date | None) -> bool:  # after the visit's day, up to today
        return day is not None and (since is None or day > since) and day <= today

    found = Since(since, today)
    for action in sorted(actions, key=lambda a: _number(a.id)):
        if action.status == Status.DONE and after(action.done_on):
            found.done.append(action)
        if after(created_on(action, today)):  # imported and demo actions carry older dates than their stamp
            found.new_actions.append(action)
        found.moved.extend(PhaseMove(action.route, old, new, on, action)
                           for old, new, on in _changes(action.log, "phase", after))
        if rules.is_overdue(action, today) and (since is None or action.deadline >= since):
            found.overdue.append(action)
    for old, new, on in _changes(unit.log, "phases", after):
        found.unit_moves.extend(PhaseMove(int(r), (old or {}).get(r, 1), p, on)
                                for r, p in sorted((new or {}).items()) if (old or {}).get(r, 1) != p)
    found.meetings = sorted((m for m in meetings if after(m.date) and m.date <= today),  # held since (not planned)
                            key=lambda m: m.date)
    held = {m.id: m.date for m in meetings}
    found.leerpunten = [f for f in sorted(findings, key=lambda f: _number(f.id))  # new: from a meeting since
                        if f.kind == FindingKind.LEERPUNT and after(held.get(f.meeting) or created_date(f.created_at))]
    started = {a.id: a.started_on for a in actions}
    for kpi in sorted(kpis, key=lambda k: _number(k.id)):
        news = kpi_news(kpi, started.get(kpi.action), after)
        if news is not None:
            found.kpis.append(news)
    found.feedback = feedback_duties(meetings, today)
    return found


def kpi_news(kpi: Kpi, started_on: dt.date | None, after) -> KpiNews | None:
    """The KPI's new measurements and new signals (a signal is new when one of its
    points was measured after the date); None when nothing is new."""
    fresh = [m for m in kpi.measurements if after(m.date)]
    if not fresh:
        return None
    analysis = analyse_kpi(kpi, started_on)
    signals = [s for s in analysis.signals if any(after(analysis.dates[i]) for i in _points(s))]
    return KpiNews(kpi, fresh, signals, analysis)


def _points(signal: Signal) -> range | tuple[int, ...]:
    """The points a signal rests on: its own, or its whole period (runs, crossings)."""
    return signal.indices or range(*signal.period)


def _changes(log: list[dict], name: str, after) -> list[tuple]:
    """(old, new, day) of every logged change of field `name` made after the date."""
    found = []
    for entry in log:
        pair = (entry.get("changes") or {}).get(name)
        day = created_date(entry.get("at"))
        if pair and after(day):
            found.append((pair[0], pair[1], day))
    return found


def _number(record_id: str) -> int:
    tail = record_id.partition("-")[2]
    return int(tail) if tail.isdigit() else 0


def since_last_visit(store: Store, slug: str, before: Visit | None = None) -> tuple[Visit | None, Since]:
    """The previous visit (before `before`, or the newest for a new visit) and what
    changed in the unit since it: up to today, or for a saved visit of an earlier
    day, up to that day (as it was told there)."""
    from store.moments.visits import previous_visit

    unit = store.unit(slug)
    previous = previous_visit(unit, store.records(Visit, slug), before)
    until = min(store.today(), before.date) if before is not None and before.date else store.today()
    found = changes_since(previous.date if previous else None, unit, store.records(Meeting, slug),
                          store.records(Finding, slug), store.records(Action, slug), store.records(Kpi, slug),
                          until)
    return previous, found
