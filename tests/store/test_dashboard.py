"""store.moments.dashboard and store.moments.portfolio: a unit's summary and the portfolio's order."""

from __future__ import annotations

from datetime import date, timedelta

from store import i18n
from store.model.advice import feedback_due_soon, pilot_overdue
from store.moments.dashboard import BurnPoint, burnup, created_on, feedback_duties, summarize, unit_summary
from store.dates import month_name, short_date
from store.moments.portfolio import UnitFacts, attention_key, facts
from store.model.records import Action, Finding, Meeting, Unit
from store.persistence.repository import Store
from store.model.vocab import FindingKind, FindingState, Status

TODAY = date(2026, 11, 23)
DAY = timedelta(days=1)


def action(n: int, **values) -> Action:
    values.setdefault("title", f"Actie {n}")
    return Action(id=f"A-{n}", **values)


def test_summary_counts_lists_and_grid():
    findings = [
        Finding(text="a"), Finding(text="b", state=FindingState.PARKED, reason="later"),
        Finding(text="c", kind=FindingKind.POSITIVE),  # not a leerpunt: not counted
    ]
    actions = [
        action(1, deadline=TODAY - DAY, phase=2, route=3),  # overdue
        action(2, deadline=TODAY, status=Status.IN_PROGRESS),  # due today: upcoming, not overdue
        action(3, deadline=TODAY - 5 * DAY, status=Status.DONE, done_on=TODAY - 9 * DAY),  # done: neither
        action(4, deadline=TODAY + 40 * DAY, phase=4, route=4),
    ]
    s = summarize(Unit(name="X"), [], findings, actions, TODAY)
    assert s.leerpunten[FindingState.OPEN] == 1 and s.leerpunten[FindingState.PARKED] == 1
    assert sum(s.leerpunten.values()) == 2
    assert s.actions == {Status.PLANNED: 2, Status.IN_PROGRESS: 1, Status.DONE: 1, Status.STOPPED: 0}
    assert [a.id for a in s.overdue] == ["A-1"]
    assert [a.id for a in s.upcoming] == ["A-2", "A-4"]
    assert s.grid[(2, 3)] == 1 and s.grid[(4, 4)] == 1 and s.grid[(1, 1)] == 1  # open actions only
    assert sum(s.grid.values()) == 3
    assert not s.is_empty


def test_empty_unit_is_empty():
    s = summarize(Unit(name="Leeg"), [], [], [], TODAY)
    assert s.is_empty and s.burnup == [] and s.overdue == [] and s.last_meeting is None


def test_feedback_duties_overdue_and_soon_but_not_sent_or_far():
    meetings = [
        Meeting(id="M-1", date=TODAY - 30 * DAY, feedback_due=TODAY - DAY),  # overdue
        Meeting(id="M-2", date=TODAY - 10 * DAY, feedback_due=TODAY + 7 * DAY),  # within a week
        Meeting(id="M-3", date=TODAY - 10 * DAY, feedback_due=TODAY + 8 * DAY),  # later
        Meeting(id="M-4", date=TODAY - 30 * DAY, feedback_due=TODAY - DAY, feedback_sent=TODAY - 2 * DAY),
    ]
    duties = feedback_duties(meetings, TODAY)
    assert [(d.meeting.id, d.overdue) for d in duties] == [("M-1", True), ("M-2", False)]
    assert feedback_due_soon(meetings[1], TODAY) and not feedback_due_soon(meetings[0], TODAY)


def test_pilot_overdue_rule_boundary():
    started = TODAY - 365 * DAY
    assert not pilot_overdue(action(1, phase=2, started_on=started, status=Status.IN_PROGRESS), TODAY)
    assert pilot_overdue(action(1, phase=2, started_on=started - DAY, status=Status.IN_PROGRESS), TODAY)
    assert not pilot_overdue(action(1, phase=3, started_on=started - DAY), TODAY)
    assert not pilot_overdue(action(1, phase=2, started_on=started - DAY, evaluated_on=TODAY), TODAY)
    s = summarize(Unit(name="X"), [], [], [action(7, phase=2, started_on=started - DAY)], TODAY)
    assert [a.id for a in s.pilots] == ["A-7"]


def test_burnup_is_cumulative_per_month_and_ends_this_month():
    actions = [
        action(1, created_at="2025-01-05T10:00:00+00:00"),  # before the window: counted from the start
        action(2, created_at="2026-11-20T10:00:00+00:00", started_on=date(2026, 9, 2),
               status=Status.DONE, done_on=date(2026, 10, 31)),
        action(3, created_at="2026-11-20T10:00:00+00:00", status=Status.STOPPED),
    ]
    points = burnup(actions, TODAY, months=4)
    assert points == [
        BurnPoint(date(2026, 8, 1), 1, 0),
        BurnPoint(date(2026, 9, 1), 2, 0),  # A-2 began when it started, before its stamp
        BurnPoint(date(2026, 10, 1), 2, 1),
        BurnPoint(date(2026, 11, 1), 3, 1),  # stopped: created, never done
    ]


def test_created_on_never_after_today():
    assert created_on(action(1, created_at="2030-01-01T00:00:00+00:00"), TODAY) == TODAY
    assert created_on(action(1, created_at=""), TODAY) == TODAY


def test_unit_summary_reads_the_store(tmp_path):
    store = Store(tmp_path, user="t", today=TODAY)
    store.create_unit(Unit(name="Hoek"), "hoek")
    store.add(Meeting(date=TODAY - 3 * DAY), "hoek")
    store.add(Meeting(date=TODAY + 3 * DAY), "hoek")  # planned: not the last meeting held
    store.add(Action(title="x", deadline=TODAY - DAY), "hoek")
    s = unit_summary(store, "hoek")
    assert s.last_meeting == TODAY - 3 * DAY and len(s.overdue) == 1 and s.burnup[-1].created == 1


def test_attention_order():
    def unit(name, visit=None, **counts):
        return UnitFacts(name, Unit(name=name), last_visit=visit, **counts)  # the newest Visit (store/moments/visits.py)

    units = [
        unit("Rustig", TODAY - 10 * DAY),
        UnitFacts("kapot", None),
        unit("Nooit bezocht"),
        unit("Lang niet bezocht", TODAY - 200 * DAY),
        unit("Leerpunten", TODAY, open_leerpunten=4),
        unit("Plichten", TODAY, duties=1),
        unit("Te laat", TODAY, overdue=2, open_leerpunten=0),
    ]
    ordered = [u.slug for u in sorted(units, key=attention_key)]
    assert ordered == ["Te laat", "Plichten", "Leerpunten", "Nooit bezocht", "Lang niet bezocht", "Rustig", "kapot"]


def test_facts_count_what_the_portfolio_shows():
    meetings = [Meeting(date=TODAY - 40 * DAY, feedback_due=TODAY - 2 * DAY)]
    findings = [Finding(text="a"), Finding(text="b", state=FindingState.ACTIONS)]
    actions = [action(1, deadline=TODAY - DAY), action(2, status=Status.DONE)]
    f = facts("x", Unit(name="X"), meetings, findings, actions, TODAY)
    assert (f.open_leerpunten, f.open_actions, f.overdue, f.duties) == (1, 1, 1, 1)
    assert f.last_meeting == TODAY - 40 * DAY


def test_short_dates_follow_the_language():
    assert short_date(date(2026, 3, 9), TODAY) == "9 mrt"
    assert short_date(date(2025, 3, 9), TODAY) == "mrt 2025"
    i18n.set_language("en")
    try:
        assert month_name(3) == "Mar" and short_date(date(2026, 5, 1), TODAY) == "1 May"
    finally:
        i18n.set_language("nl")
