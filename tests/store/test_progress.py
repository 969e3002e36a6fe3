"""store.model.progress: actions by status over time, units per phase per route."""

from __future__ import annotations

import datetime as dt

from store.model.progress import phases_per_route, status_history, status_on, stopped_on
from store.model.records import Action, Unit
from store.model.vocab import Status

TODAY = dt.date(2026, 11, 23)


def action(status, created="2026-01-10", started=None, done=None, log=()):
    return Action(title="x", status=status, created_at=f"{created}T09:00:00+00:00", updated_at="2026-10-02T09:00:00+00:00",
                  started_on=started, done_on=done, log=list(log))


def test_status_on_a_past_day_follows_the_dates():
    done = action(Status.DONE, started=dt.date(2026, 3, 1), done=dt.date(2026, 6, 15))
    assert [status_on(done, dt.date(2026, m, 28), TODAY) for m in (1, 2, 3, 6, 7)] == [
        Status.PLANNED, Status.PLANNED, Status.IN_PROGRESS, Status.DONE, Status.DONE]
    assert status_on(done, dt.date(2025, 12, 31), TODAY) is None  # did not exist yet
    planned = action(Status.PLANNED, started=dt.date(2026, 2, 1))  # a start date alone does not make it started
    assert status_on(planned, dt.date(2026, 5, 1), TODAY) == Status.PLANNED


def test_stopped_from_the_log_or_the_last_change():
    log = [{"at": "2026-04-03T10:00:00+00:00", "op": "update", "changes": {"status": ["in_progress", "stopped"]}}]
    assert stopped_on(action(Status.STOPPED, log=log), TODAY) == dt.date(2026, 4, 3)
    assert stopped_on(action(Status.STOPPED), TODAY) == dt.date(2026, 10, 2)


def test_status_history_counts_every_month_up_to_today():
    actions = [
        action(Status.DONE, created="2026-01-10", started=dt.date(2026, 3, 1), done=dt.date(2026, 6, 15)),
        action(Status.IN_PROGRESS, created="2026-05-02", started=dt.date(2026, 9, 1)),
        action(Status.PLANNED, created="2026-11-20"),
    ]
    points = status_history(actions, TODAY)
    assert len(points) == 12 and points[0].month == dt.date(2025, 12, 1) and points[-1].month == dt.date(2026, 11, 1)
    by_month = {p.month.month: (p.counts[Status.PLANNED], p.counts[Status.IN_PROGRESS], p.counts[Status.DONE]) for p in points}
    assert by_month[12] == (0, 0, 0) and by_month[1] == (1, 0, 0) and by_month[3] == (0, 1, 0)
    assert by_month[5] == (1, 1, 0) and by_month[6] == (1, 0, 1) and by_month[9] == (0, 1, 1)
    assert by_month[11] == (1, 1, 1) and points[-1].total == 3
    assert status_history([], TODAY) == []


def test_units_per_phase_per_route():
    units = [Unit(name="a", phases={"1": 2, "2": 1, "3": 1, "4": 3}), Unit(name="b", phases={"1": 2, "2": 4, "3": 1, "4": 1})]
    grid = phases_per_route(units)
    assert grid[1] == {1: 0, 2: 2, 3: 0, 4: 0} and grid[2] == {1: 1, 2: 0, 3: 0, 4: 1}
    assert sum(sum(per.values()) for per in grid.values()) == 8
