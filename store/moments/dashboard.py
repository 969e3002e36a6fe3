"""What a unit's dashboard and the portfolio show, computed from one read of the
unit's records: counts, overdue and upcoming actions, feedback duties, pilots due
for evaluation, the burn-up series and actions per phase and route.

Pure functions over records (`summarize`, `portfolio_facts`) plus thin readers that
fetch the records from the `Store`. Each rule is asked of the module that decides
it: overdue and due soon in `store.model.rules`, feedback and pilots in `store.model.advice`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from store.model import advice, rules
from store.dates import add_months
from store.errors import BadRecord
from store.model.progress import created_on, status_history  # created_on: importable from here too
from store.model.queries import sort_key
from store.model.records import Action, Finding, Meeting, Unit
from store.persistence.repository import Store
from store.model.vocab import PHASES, ROUTES, FindingKind, FindingState, Status

UPCOMING = 5  # next deadlines shown on the dashboard
BURNUP_MONTHS = 12  # the chart's window, ending with the current month


@dataclass(frozen=True)
class FeedbackDuty:
    meeting: Meeting
    overdue: bool  # False: due within the coming week
    due: dt.date | None = None  # planned, or the default (store.model.feedback_duty)


@dataclass(frozen=True)
class BurnPoint:
    month: dt.date  # first day of the month
    created: int  # actions created up to the end of this month (cumulative)
    done: int  # of which done by then


@dataclass
class UnitSummary:
    unit: Unit
    leerpunten: dict[FindingState, int]
    actions: dict[Status, int]
    overdue: list[Action]
    upcoming: list[Action]
    feedback: list[FeedbackDuty]
    pilots: list[Action]  # phase-2 pilots past their year, unevaluated
    burnup: list[BurnPoint]
    grid: dict[tuple[int, int], int] = field(default_factory=dict)  # (phase, route) -> open actions
    last_meeting: dt.date | None = None
    bad_records: list[BadRecord] = field(default_factory=list)  # left out of everything above
    statuses: list = field(default_factory=list)  # store.model.progress.StatusPoint per month
    pilots_ending: list[Action] = field(default_factory=list)  # pilots whose year ends within a month

    @property
    def is_empty(self) -> bool:
        """Nothing recorded yet: the screen shows how to begin instead of zeros."""
        return not any(self.actions.values()) and not any(self.leerpunten.values()) and self.last_meeting is None


def unit_summary(store: Store, slug: str) -> UnitSummary:
    """Read the unit's records once and summarise them (runs in a worker thread)."""
    summary = summarize(
        store.unit(slug), store.records(Meeting, slug), store.records(Finding, slug),
        store.records(Action, slug), store.today(),
    )
    summary.bad_records = store.bad_records(slug)
    return summary


def summarize(unit: Unit, meetings: list[Meeting], findings: list[Finding], actions: list[Action],
              today: dt.date) -> UnitSummary:
    ordered = sorted(actions, key=sort_key)
    open_actions = [a for a in ordered if rules.is_open(a)]
    return UnitSummary(
        unit=unit,
        leerpunten=_count((f.state for f in findings if f.kind == FindingKind.LEERPUNT), FindingState),
        actions=_count((a.status for a in actions), Status),
        overdue=[a for a in open_actions if rules.is_overdue(a, today)],
        upcoming=[a for a in open_actions if a.deadline is not None and a.deadline >= today][:UPCOMING],
        feedback=feedback_duties(meetings, today),
        pilots=[a for a in ordered if advice.pilot_overdue(a, today)],
        burnup=burnup(actions, today),
        grid=_grid(open_actions),
        last_meeting=last_meeting(meetings, today),
        statuses=status_history(actions, today),
        pilots_ending=[a for a in ordered if advice.pilot_ending_soon(a, today)],
    )


def _count(values, vocabulary) -> dict:
    counts = dict.fromkeys(vocabulary, 0)
    for value in values:
        counts[value] += 1
    return counts


def _grid(actions: list[Action]) -> dict[tuple[int, int], int]:
    grid = {(phase, route): 0 for phase in PHASES for route in ROUTES}
    for action in actions:
        grid[(action.phase, action.route)] = grid.get((action.phase, action.route), 0) + 1
    return grid


def feedback_duties(meetings: list[Meeting], today: dt.date) -> list[FeedbackDuty]:
    """Meetings whose feedback to participants is overdue or due within a week, oldest first."""
    from store.model.feedback_duty import duty

    duties = [
        FeedbackDuty(m, advice.feedback_overdue(m, today), duty(m, today).due)
        for m in meetings if advice.feedback_overdue(m, today) or advice.feedback_due_soon(m, today)
    ]
    return sorted(duties, key=lambda d: d.due or dt.date.min)


def last_meeting(meetings: list[Meeting], today: dt.date) -> dt.date | None:
    """The latest meeting held (today or before); planned ones do not count."""
    return max((m.date for m in meetings if m.date is not None and m.date <= today), default=None)


def burnup(actions: list[Action], today: dt.date, months: int = BURNUP_MONTHS) -> list[BurnPoint]:
    """Cumulative created vs. done at the end of each of the last `months` months.
    Stopped actions count as created, never as done. Empty without actions."""
    if not actions:
        return []
    first = add_months(today.replace(day=1), -(months - 1))
    created = sorted(created_on(a, today) for a in actions)
    done = sorted(min(a.done_on, today) for a in actions if a.status == Status.DONE and a.done_on)
    points = []
    for n in range(months):
        start = add_months(first, n)
        end = add_months(start, 1)  # exclusive
        points.append(BurnPoint(start, sum(d < end for d in created), sum(d < end for d in done)))
    return points
