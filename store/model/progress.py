"""Progress over time, as seed 002 asks: a unit's actions by status per month, and
the portfolio's units in each implementation phase per route.

Pure functions over records; the dashboard and the portfolio draw them (and show
the same numbers as a table).

An action's status on a past day is read from its dates, the way the burn-up
reads them: planned from when it came into being (`created_on`, also the burn-up's rule), in
progress from `started_on`, done from `done_on`; stopped from the day its change
log set it to stopped (its last change if the log does not say). An action that
is planned now counts as planned since it came into being.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from store.model.advice import created_date
from store.dates import add_months
from store.model.records import Action, Unit
from store.model.vocab import PHASES, ROUTES, Status

MONTHS = 12


@dataclass(frozen=True)
class StatusPoint:
    month: dt.date  # first day of the month; counted at its end
    counts: dict  # Status -> actions in that status at the end of the month

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def created_on(action: Action, today: dt.date) -> dt.date:
    """When an action came into being: the earliest date it carries. Imported and
    demo actions bring older start and done dates than their `created_at` stamp, and
    a stamp after `today` (a fixed test date) counts as today."""
    dates = [d for d in (created_date(action.created_at), action.started_on, action.done_on) if d]
    return min([*dates, today])


def status_on(action: Action, day: dt.date, today: dt.date) -> Status | None:
    """The action's status at the end of `day`, or None if it did not exist yet."""
    if action.status == Status.DONE and action.done_on and action.done_on <= day:
        return Status.DONE
    if action.status == Status.STOPPED and stopped_on(action, today) <= day:
        return Status.STOPPED
    if action.started_on and action.started_on <= day and action.status != Status.PLANNED:
        return Status.IN_PROGRESS
    return Status.PLANNED if created_on(action, today) <= day else None


def stopped_on(action: Action, today: dt.date) -> dt.date:
    """When the action was stopped: the log entry that set it, else its last change."""
    for entry in reversed(action.log):
        status = entry.get("changes", {}).get("status")
        if status and status[1] == Status.STOPPED.value:
            return created_date(entry.get("at")) or today
    return min(created_date(action.updated_at) or today, today)


def status_history(actions: list[Action], today: dt.date, months: int = MONTHS) -> list[StatusPoint]:
    """Actions per status at the end of each of the last `months` months (the
    current month up to today). Empty without actions."""
    if not actions:
        return []
    first = add_months(today.replace(day=1), -(months - 1))
    points = []
    for n in range(months):
        start = add_months(first, n)
        end = min(add_months(start, 1) - dt.timedelta(days=1), today)
        counts = dict.fromkeys(Status, 0)
        for action in actions:
            status = status_on(action, end, today)
            if status is not None:
                counts[status] += 1
        points.append(StatusPoint(start, counts))
    return points


def phases_per_route(units: list[Unit]) -> dict[int, dict[int, int]]:
    """Route -> phase -> how many units are in that phase on that route."""
    grid = {route: dict.fromkeys(PHASES, 0) for route in ROUTES}
    for unit in units:
        for route in ROUTES:
            phase = unit.phase(route)
            if phase in PHASES:
                grid[route][phase] += 1
    return grid
