"""store.moments.demo: the demo data covers every vocabulary, is valid, reproducible and scales."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from store.moments import demo_phrases
from store.model.advice import action_advice, meeting_advice
from store.moments.demo import build_demo
from store.model.records import Action, Finding, Kpi, Meeting, Unit
from store.persistence.repository import Store
from store.model.rules import is_due_soon, is_overdue
from store.model.vocab import FindingKind, FindingState, MeetingFormat, Status, UnitKind

TODAY = date(2026, 11, 23)  # as in conftest

# Common Dutch first names (and the staff names the demo uses as owners): none may
# appear in what patients said.
FIRST_NAMES = {
    "jan", "piet", "kees", "henk", "gerrit", "willem", "johan", "peter", "bas", "ruud", "karim", "joost", "thijs",
    "maria", "anna", "johanna", "els", "ans", "ria", "truus", "sanne", "fleur", "ilse", "mirjam", "marloes",
    "inge", "lotte", "marieke", "yvonne", "emma", "sophie", "julia", "daan", "sem", "lucas", "mohammed", "fatima",
    "jansen", "vries", "amrani",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("demo") / "data", user="tester", today=TODAY)
    calls: list[tuple[int, int]] = []
    slugs = build_demo(store, progress=lambda done, total: calls.append((done, total)))
    return store, slugs, calls


def test_default_units(demo):
    from store.moments.visits import unit_visits

    store, slugs, _ = demo
    assert len(slugs) >= 4 and sorted(slugs) == store.slugs()
    units = [store.unit(slug) for slug in slugs]
    assert {u.kind for u in units} == set(UnitKind)
    names = {u.name for u in units}
    assert {"Huisartsenpraktijk De Linde", "Hagro Eindhoven-Noord", "Gemeente Best"} <= names
    for unit in units:
        visits = unit_visits(store, unit.id)  # two, a quarter apart; the old field is not used
        assert unit.relatiemanager and unit.last_visit is None and len(visits) == 2
        assert visits[0].date < TODAY and (visits[0].date - visits[1].date).days == 91 and visits[0].id.startswith("B-")
        assert set(unit.phases) == {"1", "2", "3", "4"}


def test_every_vocabulary_is_present(demo):
    store = demo[0]
    actions, findings, meetings = store.records(Action), store.records(Finding), store.records(Meeting)
    assert {a.status for a in actions} == set(Status)
    assert {a.phase for a in actions} == {1, 2, 3, 4}
    assert {a.route for a in actions} == {1, 2, 3, 4}
    assert {f.kind for f in findings} == set(FindingKind)
    assert {f.state for f in findings} == set(FindingState)
    assert {m.format for m in meetings} == set(MeetingFormat)
    assert any(f.quick_win for f in findings)


def test_deadlines_and_follow_up(demo):
    store = demo[0]
    actions = store.records(Action)
    assert sum(is_overdue(a, TODAY) for a in actions) >= 3
    assert any(is_due_soon(a, TODAY) for a in actions)
    assert any(a.review_date for a in actions) and any(a.pdsa for a in actions)
    assert len({a.owner for a in actions}) >= 6
    for action in actions:
        if action.status == Status.DONE:
            assert action.progress == 100 and action.done_on and action.done_on <= TODAY
        if action.status == Status.IN_PROGRESS:
            assert action.started_on and action.started_on <= TODAY


def test_links_point_at_real_records(demo):
    store = demo[0]
    findings = {f.id: f for f in store.records(Finding)}
    meetings = {m.id: m for m in store.records(Meeting)}
    actions = {a.id: a for a in store.records(Action)}
    assert all(f.meeting in meetings and meetings[f.meeting].unit == f.unit for f in findings.values())
    linked = {fid for a in actions.values() for fid in a.findings}
    assert linked and all(findings[fid].unit == a.unit for a in actions.values() for fid in a.findings)
    assert all(findings[fid].state == FindingState.ACTIONS for fid in linked)
    assert all(f.id in linked for f in findings.values() if f.state == FindingState.ACTIONS)
    assert all(f.reason for f in findings.values() if f.state in (FindingState.PARKED, FindingState.DECLINED))
    kpis = store.records(Kpi)
    assert all(k.action in actions and actions[k.action].unit == k.unit for k in kpis)


def test_kpis_have_series(demo):
    kpis = demo[0].records(Kpi)
    assert kpis and all(8 <= len(k.measurements) <= 24 for k in kpis)
    assert any(len(k.measurements) >= 10 for k in kpis)
    for kpi in kpis:
        dates = [m.date for m in kpi.measurements]
        assert dates == sorted(dates) and len(set(dates)) == len(dates) and dates[-1] <= TODAY
        assert kpi.baseline is not None and kpi.target is not None and kpi.measure_unit


def test_rules_of_thumb_are_sometimes_broken(demo):
    store = demo[0]
    advice = {a.code for m in store.records(Meeting) for a in meeting_advice(m, TODAY)}
    assert {"feedback_overdue", "participants_not_ideal"} <= advice
    assert any(m.date > TODAY for m in store.records(Meeting))  # one planned ahead
    assert any(action_advice(a, TODAY) for a in store.records(Action))


def test_every_record_is_valid(demo):
    store = demo[0]
    for cls in (Unit, Meeting, Finding, Action, Kpi):
        for record in store.records(cls) if cls is not Unit else [store.unit(s) for s in store.slugs()]:
            assert record.problems() == [], (record.id, record.problems())


def test_no_patient_names(demo):
    store = demo[0]
    allowed = {text for theme in demo_phrases.THEMES.values()
               for kind in ("positive", "leerpunt", "tip", "recommendation") for text in theme[kind]}
    for finding in store.records(Finding):
        assert finding.text in allowed
        words = set(re.findall(r"[a-zà-ÿ]+", finding.text.lower()))
        assert not words & FIRST_NAMES, finding.text
    for meeting in store.records(Meeting):
        assert not hasattr(meeting, "names")  # participants are counted, not listed
        assert meeting.participants is None or isinstance(meeting.participants, int)


def test_progress_reports(demo):
    store, _, calls = demo
    total = len(store.records(Action))
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def fingerprint(store: Store) -> list[tuple]:
    rows = [(a.id, a.unit, a.title, a.status, a.deadline, tuple(a.findings)) for a in store.records(Action)]
    rows += [(f.id, f.unit, f.text, f.state) for f in store.records(Finding)]
    rows += [(k.id, k.action, tuple(m.value for m in k.measurements)) for k in store.records(Kpi)]
    return sorted(rows, key=repr)


def test_same_seed_same_data(tmp_path, demo):
    again = Store(tmp_path / "again", user="tester", today=TODAY)
    assert build_demo(again) == demo[1]
    assert fingerprint(again) == fingerprint(demo[0])
    other = Store(tmp_path / "other", user="tester", today=TODAY)
    build_demo(other, seed=8)
    assert fingerprint(other) != fingerprint(demo[0])


def test_scales_to_exact_count(tmp_path):
    store = Store(tmp_path / "big", user="tester", today=TODAY)
    slugs = build_demo(store, actions=2000)
    actions = store.records(Action)
    assert len(actions) == 2000
    assert len(slugs) == 10 and len(set(slugs)) == 10
    per_unit = Counter(a.unit for a in actions)
    assert max(per_unit.values()) - min(per_unit.values()) <= 1
    assert len({a.id for a in actions}) == 2000


@pytest.mark.parametrize("count", [0, 1, 7])
def test_small_counts(tmp_path, count):
    store = Store(tmp_path / "small", user="tester", today=TODAY)
    build_demo(store, actions=count)
    assert len(store.records(Action)) == count
    findings = store.records(Finding)
    assert sum(f.state == FindingState.ACTIONS for f in findings) <= count


def test_existing_units_are_left_alone(store, unit):
    before = store.unit(unit.unit)
    slugs = build_demo(store, actions=12)
    assert unit.unit not in slugs and store.unit(unit.unit).to_doc() == before.to_doc()
    build_demo(store, actions=6)  # a second demo gets fresh slugs instead of failing
    assert len(store.slugs()) == 1 + 2 * len(slugs)


def test_negative_count_is_refused(store):
    with pytest.raises(ValueError):
        build_demo(store, actions=-1)
