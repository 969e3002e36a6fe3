"""The evaluation meeting's rules (issue 28): a second value for a KPI on one day
is asked about, an empty next review keeps the planned date, the decisions the
seeds name (continue / adjust / done / stop, a new owner and deadline), the reason
an action is in the queue in words, and review cycles that land on a working day."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from store.model.cycles import next_review, working_day
from store.errors import InvalidValue
from store.model.kpis import add_measurement
from store.moments.measurements import SameDayValue, enter_period, existing_on_day, with_measurement
from store.model.records import Action, Kpi, Measurement
from store.persistence.repository import Store
from store.moments.reviews import Decision, decide, planned_next, queue, why
from store.model.vocab import Status
from tests.conftest import TODAY

D = dt.date


@pytest.fixture
def kpi(store, unit) -> Kpi:
    action = store.add(Action(title="Terugbellen", review_date=D(2026, 11, 20)), unit.id)
    return store.add(Kpi(action=action.id, name="Binnen een dag", measure_unit="%",
                         measurements=[Measurement(D(2026, 11, 1), 55.0, "na scholing")]), unit.id)


# a second value on one day ----------------------------------------------------------------
def test_existing_on_day_finds_the_value_of_that_day_or_none(kpi):
    assert existing_on_day(kpi, D(2026, 11, 1)) == Measurement(D(2026, 11, 1), 55.0, "na scholing")
    assert existing_on_day(kpi, D(2026, 11, 2)) is None


def test_a_second_value_on_a_day_is_asked_about_then_replaced_or_kept_beside(store, kpi):
    with pytest.raises(SameDayValue, match="al een meting op") as asked:
        add_measurement(store, kpi.id, Measurement(D(2026, 11, 1), 60.0))
    assert asked.value.existing.value == 55.0 and store.get(kpi.id).rev == kpi.rev  # nothing written
    replaced = add_measurement(store, kpi.id, Measurement(D(2026, 11, 1), 60.0), same_day="replace")
    assert replaced.measurements == [Measurement(D(2026, 11, 1), 60.0, "na scholing")]
    both = add_measurement(store, kpi.id, Measurement(D(2026, 11, 1), 61.0), same_day="keep")
    assert [m.value for m in both.measurements] == [60.0, 61.0]


def test_the_one_pass_lists_a_day_that_has_a_value_and_saves_it_once_chosen(store, kpi):
    first = enter_period(store, kpi.unit, "1 nov", {kpi.id: "70"})
    assert first.saved == [] and first.same_day == {kpi.id: Measurement(D(2026, 11, 1), 55.0, "na scholing")}
    again = enter_period(store, kpi.unit, "1 nov", {kpi.id: "70"}, same_day={kpi.id: "replace"})
    assert [k.id for k in again.saved] == [kpi.id] and store.get(kpi.id).measurements[0].value == 70.0


def test_two_people_entering_the_same_day_at_once_both_keep_theirs_when_they_say_so(store, kpi, location):
    other = Store(location, user="collega", today=TODAY)
    threads = [threading.Thread(target=add_measurement, args=(s, kpi.id, Measurement(TODAY, v)),
                                kwargs={"same_day": "keep"}) for s, v in ((store, 50.0), (other, 60.0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m.value for m in store.get(kpi.id).measurements if m.date == TODAY) == [50.0, 60.0]


def test_an_unknown_same_day_choice_is_a_programming_error(kpi):
    with pytest.raises(ValueError):
        with_measurement(kpi, Measurement(TODAY, 1.0), "maybe")


# the next review -----------------------------------------------------------------------------
def test_an_empty_next_review_keeps_the_planned_date_ahead(store, unit):
    action = store.add(Action(title="Folder", deadline=D(2026, 11, 25), review_date=D(2027, 1, 15)), unit.id)
    assert planned_next(action, TODAY) == (D(2027, 1, 15), "planned")
    assert decide(store, action.id, action.rev, Decision(progress=30)).review_date == D(2027, 1, 15)


def test_a_passed_review_date_gives_way_to_the_cycle_or_to_none(store, unit):
    cycled = Action(title="a", review_date=D(2026, 11, 1), review_cycle="kwartaal")
    assert planned_next(cycled, TODAY) == (D(2027, 2, 23), "cycle")
    assert planned_next(Action(title="b", review_date=D(2026, 11, 1)), TODAY) == (None, "")


@pytest.mark.parametrize("after, expected", [
    (D(2026, 11, 22), D(2027, 2, 22)),   # 22 feb 2027 is a Monday
    (D(2026, 11, 28), D(2027, 3, 1)),    # 28 feb 2027 is a Sunday: the Monday after
    (D(2026, 11, 27), D(2027, 3, 1)),    # 27 feb 2027 is a Saturday
])
def test_a_quarterly_cycle_lands_on_a_working_day(after, expected):
    assert next_review("kwartaal", after) == expected and expected.weekday() < 5


def test_working_day_moves_a_weekend_to_monday():
    assert [working_day(D(2026, 11, d)).day for d in (20, 21, 22, 23)] == [20, 23, 23, 23]


# the decisions the seeds name ---------------------------------------------------------------
def test_the_meeting_moves_deadline_and_owner_so_a_replanned_action_is_no_longer_late(store, unit):
    action = store.add(Action(title="Folder", owner="Els", deadline=D(2026, 11, 10), status=Status.IN_PROGRESS), unit.id)
    saved = decide(store, action.id, action.rev, Decision(verdict="continue", owner="Karim", deadline=D(2027, 1, 31)))
    assert (saved.owner, saved.deadline, saved.status) == ("Karim", D(2027, 1, 31), Status.IN_PROGRESS)
    assert queue(store, unit.id) == []


def test_adjust_keeps_it_going_with_the_act_note_and_done_finishes_it(store, unit):
    a = store.add(Action(title="a", status=Status.PLANNED, review_date=D(2026, 11, 1)), unit.id)
    adjusted = decide(store, a.id, a.rev, Decision(verdict="adjust", progress=20, act="kleiner beginnen"))
    assert adjusted.status == Status.IN_PROGRESS and adjusted.pdsa["act"] == "kleiner beginnen"
    b = store.add(Action(title="b", review_date=D(2026, 11, 1)), unit.id)
    assert decide(store, b.id, b.rev, Decision(verdict="done")).status == Status.DONE


def test_stop_takes_its_reason_from_the_act_note_and_refuses_none(store, unit):
    a = store.add(Action(title="a", review_date=D(2026, 11, 1)), unit.id)
    with pytest.raises(InvalidValue, match="reden"):
        decide(store, a.id, a.rev, Decision(verdict="stop"))
    stopped = decide(store, a.id, a.rev, Decision(verdict="stop", act="geen budget"))
    assert stopped.status == Status.STOPPED and stopped.pdsa["act"] == "geen budget"
    with pytest.raises(InvalidValue, match="besluit"):
        Decision(verdict="misschien")


def test_why_an_action_is_in_the_queue_is_said_in_words():
    late = Action(title="a", deadline=D(2026, 11, 10), review_date=D(2026, 11, 20))
    assert why(late, TODAY) == "evaluatiedatum vr 20 nov 2026 is bereikt en deadline di 10 nov 2026 is verstreken"
    assert why(Action(title="b", deadline=D(2026, 11, 27)), TODAY) == "deadline vr 27 nov valt binnen een week"
