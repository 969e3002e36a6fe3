"""store.model.kpis: which values a measurement may have, the baseline period a KPI
chooses, adding a measurement in one transaction, and schema 2."""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading

import pytest

from store.model import schema
from store.errors import Conflict, InvalidDate, InvalidRecord, InvalidValue
from store.model.kpis import (
    add_measurement, analyse_kpi, baseline_end, checked_value, measurement_date, measurement_problems, rule_set,
    value_problem,
)
from store.model.records import Action, Kpi, Measurement, Unit
from store.persistence.repository import Store
from store.model.runchart import ANHOEJ, GOOD, IHI, SHIFT
from store.model.vocab import Status

TODAY = dt.date(2026, 11, 23)
OLD = [10, 12, 11, 9, 10, 11, 10, 12, 11, 10, 9, 11]
IMPROVED = [20, 21, 19, 22, 20, 21, 22, 20, 21, 19, 22, 21]


def monthly(values, start=dt.date(2024, 11, 1)):
    out = []
    for n, value in enumerate(values):
        y, m = divmod(start.year * 12 + start.month - 1 + n, 12)
        out.append(Measurement(dt.date(y, m + 1, 1), value))
    return out


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "data", user="tester", today=TODAY)
    store.create_unit(Unit(name="De Hoek"), "de-hoek")
    with store.transaction("de-hoek") as txn:
        txn.add(Action(title="Terugbellen", status=Status.IN_PROGRESS, started_on=dt.date(2025, 11, 1)))
        txn.add(Kpi(action="A-1", name="Binnen een dag", measure_unit="%", measurements=monthly(OLD + IMPROVED)))
    return store


# values -------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, "12", float("nan"), float("inf"), -float("inf"), 1e308, 1e9 + 1, -2e9, True])
def test_unusable_values_are_refused(value):
    assert value_problem(value) is not None
    with pytest.raises(InvalidValue):
        checked_value("value", value)


@pytest.mark.parametrize("value", [0, -5, 12.5, 1e9, -1e9])
def test_ordinary_values_pass(value):
    assert value_problem(value) is None and checked_value("value", value) == value


def test_a_percentage_lies_between_0_and_100():
    assert value_problem(100, "%") is None and value_problem(0, " % ") is None
    assert "0 tot 100" in value_problem(100.5, "%") and "0 tot 100" in value_problem(-1, "%")
    assert value_problem(150, "min") is None


def test_a_kpi_with_an_impossible_target_or_rules_cannot_be_saved(store):
    kpi = store.get("K-1")
    for field, value in (("target", float("inf")), ("baseline", 120.0), ("rules", "shewhart"), ("baseline_points", 0)):
        edited = Kpi.from_doc(kpi.to_doc(), kpi.unit)
        setattr(edited, field, value)
        with pytest.raises(InvalidRecord) as problem:
            store.save(edited)
        assert field in {p.field for p in problem.value.problems}


def test_stored_bad_values_are_reported_and_left_out_of_the_chart(store):
    path = store.unit_path("de-hoek")
    data = json.loads(open(path).read())
    kpi_doc = data["kpis"]["1"]
    kpi_doc["measurements"][3]["value"] = None
    kpi_doc["measurements"][5]["value"] = "veel"
    kpi_doc["measurements"][7]["value"] = 1e308
    open(path, "w").write(json.dumps(data))
    kpi = Store(store.dir, today=TODAY).get("K-1")
    problems = measurement_problems(kpi)
    assert [m.date for m, _ in problems] == [dt.date(2025, 2, 1), dt.date(2025, 4, 1), dt.date(2025, 6, 1)]
    analysis = analyse_kpi(kpi, dt.date(2025, 11, 1))
    assert len(analysis.values) == 21 and analysis.enough


# the baseline period ---------------------------------------------------------------------
def test_the_baseline_ends_the_day_before_the_action_started(store):
    kpi = store.get("K-1")
    assert baseline_end(kpi, dt.date(2025, 11, 1)) == dt.date(2025, 10, 31)
    analysis = analyse_kpi(kpi, dt.date(2025, 11, 1))
    assert analysis.split == 12 and analysis.median == 10.5
    assert [(s.kind, s.verdict) for s in analysis.signals if s.kind == SHIFT] == [(SHIFT, GOOD)]
    assert analyse_kpi(kpi, None).split is None  # not started: every point is baseline


def test_rebaselining_is_a_logged_change_and_first_n_points_wins(store):
    store.change("K-1", {"baseline_points": 12})
    store.change("K-1", {"baseline_end": dt.date(2025, 4, 30)})
    kpi = store.get("K-1")
    assert [entry["changes"] for entry in kpi.log[1:]] == [
        {"baseline_points": [None, 12]}, {"baseline_end": [None, "2025-04-30"]}]
    assert analyse_kpi(kpi, None).split == 12
    store.change("K-1", {"baseline_points": None})
    assert analyse_kpi(store.get("K-1"), None).baseline == 6  # Nov 2024 .. Apr 2025


def test_rules_per_kpi_or_from_the_setting(store, monkeypatch):
    kpi = store.get("K-1")
    assert rule_set(kpi) == IHI
    monkeypatch.setenv("SPIEGEL_RUN_RULES", "anhoej")
    assert rule_set(kpi) == ANHOEJ and analyse_kpi(kpi).rules == ANHOEJ
    kpi.rules = IHI
    assert rule_set(kpi) == IHI
    monkeypatch.setenv("SPIEGEL_BASELINE_MIN", "14")
    assert analyse_kpi(store.get("K-1"), dt.date(2025, 11, 1)).baseline_short


# dates ---------------------------------------------------------------------------------------
def test_a_measurement_date_without_a_year_is_the_most_recent_one():
    assert measurement_date("1 dec", TODAY) == dt.date(2025, 12, 1)
    assert measurement_date("15-11", TODAY) == dt.date(2026, 11, 15)
    assert measurement_date("23 nov", TODAY) == TODAY
    assert measurement_date("vandaag", TODAY) == TODAY and measurement_date("gisteren", TODAY) == dt.date(2026, 11, 22)
    assert measurement_date("vr", TODAY) == dt.date(2026, 11, 20)  # a weekday: the last one (issue 29)
    assert measurement_date("ma", TODAY) == TODAY
    for text in ("2026-12-01", "morgen", "volgende vr", "1 dec 2026", "+2d"):
        with pytest.raises(InvalidValue):
            measurement_date(text, TODAY)
    with pytest.raises(InvalidDate):
        measurement_date("ooit", TODAY)
    assert measurement_date("29 feb", dt.date(2028, 2, 28)) == dt.date(2024, 2, 29)


# adding a measurement -------------------------------------------------------------------------
def test_add_measurement_appends_in_date_order_and_checks_the_value(store):
    saved = add_measurement(store, "K-1", Measurement(dt.date(2024, 10, 1), 9.5, "eerste"))
    assert saved.measurements[0] == Measurement(dt.date(2024, 10, 1), 9.5, "eerste") and saved.rev == 2
    with pytest.raises(InvalidValue):
        add_measurement(store, "K-1", Measurement(TODAY, 101.0))
    with pytest.raises(InvalidValue):
        add_measurement(store, "A-1", Measurement(TODAY, 1.0))
    with pytest.raises(Conflict):
        add_measurement(store, "K-1", Measurement(TODAY, 1.0), rev=1)
    assert len(store.get("K-1").measurements) == 25


def test_two_people_adding_at_once_both_keep_theirs(store):
    other = Store(store.dir, user="collega", today=TODAY)
    threads = [threading.Thread(target=add_measurement, args=(s, "K-1", Measurement(TODAY, v)),
                                kwargs={"same_day": "keep"})  # both said so; without it the second is asked
               for s, v in ((store, 50.0), (other, 60.0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(m.value for m in store.get("K-1").measurements if m.date == TODAY) == [50.0, 60.0]


# schema 2 ----------------------------------------------------------------------------------------
def test_a_version_1_file_loads_unchanged_but_for_its_version(store):
    path = store.unit_path("de-hoek")
    data = json.loads(open(path).read())
    data["_meta"]["1"]["schema"] = 1
    open(path, "w").write(json.dumps(data))
    migrated = schema.migrate(copy.deepcopy(data), "de-hoek")
    assert schema.version_of(migrated) == schema.SCHEMA_VERSION
    migrated["_meta"]["1"]["schema"] = 1
    assert migrated == data
    kpi = Store(store.dir, today=TODAY).get("K-1")
    assert (kpi.baseline_points, kpi.baseline_end, kpi.rules) == (None, None, "")
    assert [m.value for m in kpi.measurements] == OLD + IMPROVED


def test_a_file_from_a_newer_spiegel_is_refused(store):
    path = store.unit_path("de-hoek")
    data = json.loads(open(path).read())
    data["_meta"]["1"]["schema"] = schema.SCHEMA_VERSION + 1
    open(path, "w").write(json.dumps(data))
    assert Store(store.dir, today=TODAY).problems()


def test_the_start_of_a_missing_or_odd_action_is_unknown(store):
    from store.model.kpis import started_on

    kpi = store.get("K-1")
    assert started_on(store, kpi) == dt.date(2025, 11, 1)
    for action in ("A-99", "", "K-1"):
        kpi.action = action
        assert started_on(store, kpi) is None
