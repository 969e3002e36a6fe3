"""Practice visits: the record, the old `last_visit` field carried over, the
workflows (agreement -> action, phase change during a visit) and what changed
since the last visit. Store behaviour runs on both backends."""

import datetime as dt
import json

import pytest

from store.model import schema
from store.errors import Conflict, InvalidRecord, InvalidValue
from store.moments.portfolio import portfolio_facts
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Unit, Visit
from store.persistence.repository import Store
from store.moments.since import changes_since, since_last_visit
from store.moments.visits import (ActionDraft, agreement_to_action, change_phase, history, last_visit, new_action,
                          record_visit, unit_visits, update_visit)
from store.model.vocab import FindingKind, Status
from tests.conftest import TODAY, write_unit_file

OLD_VISIT = dt.date(2026, 9, 14)


def schema2_file(last_visit: str | None = "2026-09-14") -> bytes:
    unit = {"id": "oud", "name": "Praktijk Oud", "rev": 1, "phases": {"1": 2, "2": 1, "3": 1, "4": 1}}
    if last_visit:
        unit["last_visit"] = last_visit
    data = {"_meta": {"1": {"schema": 2, "app": "spiegel"}}, "unit": {"1": unit}, "meetings": {},
            "findings": {}, "actions": {"1": {"id": "A-1", "rev": 1, "title": "Oud"}}, "kpis": {}}
    return json.dumps(data).encode()


# the schema step ----------------------------------------------------------------------

def test_a_schema_2_file_with_a_last_visit_loads_with_that_visit_first(tmp_path):
    write_unit_file(tmp_path, "oud", schema2_file())
    store = Store(tmp_path, user="tester", today=TODAY)
    data = store.backend.read("oud")
    assert schema.version_of(data) == schema.SCHEMA_VERSION and data["visits"] == {}
    visits = unit_visits(store, "oud")
    assert [(v.id, v.date) for v in visits] == [("", OLD_VISIT)]
    assert "oude veld" in visits[0].notes
    assert store.unit("oud").last_visit == OLD_VISIT  # still readable
    entry = next(e for e in store.units() if e.slug == "oud")
    assert portfolio_facts(store, entry, TODAY).last_visit == OLD_VISIT  # the portfolio shows it
    # "since the last visit" works from day one
    previous, since = since_last_visit(store, "oud")
    assert previous.date == OLD_VISIT and since.since == OLD_VISIT


def test_a_schema_2_file_without_a_visit_has_none(tmp_path):
    write_unit_file(tmp_path, "oud", schema2_file(None))
    store = Store(tmp_path, user="tester", today=TODAY)
    assert unit_visits(store, "oud") == []
    assert since_last_visit(store, "oud")[1].since is None


def test_the_first_visit_written_makes_the_old_one_a_record_with_a_registry_id(tmp_path):
    write_unit_file(tmp_path, "oud", schema2_file())
    store = Store(tmp_path, user="tester", today=TODAY)
    made = record_visit(store, "oud", Visit(date=TODAY, notes="tweede"))
    visits = unit_visits(store, "oud")
    assert [v.date for v in visits] == [TODAY, OLD_VISIT]
    assert all(v.id.startswith("B-") for v in visits) and len({v.id for v in visits}) == 2
    assert made.id == visits[0].id and int(visits[1].id[2:]) < int(made.id[2:])
    unit = store.unit("oud")
    assert unit.last_visit is None and unit.log[-1]["changes"]["last_visit"] == ["2026-09-14", None]
    assert (tmp_path / ".ids" / visits[1].id).exists()  # the registry handed it out
    record_visit(store, "oud", Visit(date=TODAY))
    assert len(unit_visits(store, "oud")) == 3  # carried over once only


def test_migrate_makes_every_old_last_visit_a_record_once(tmp_path):
    from store.moments.visits import carry_over_visits

    write_unit_file(tmp_path, "oud", schema2_file())
    write_unit_file(tmp_path, "nooit", schema2_file(None).replace(b'"oud"', b'"nooit"'))
    store = Store(tmp_path, user="tester", today=TODAY)
    made = carry_over_visits(store)
    assert [(slug, v.date) for slug, v in made] == [("oud", OLD_VISIT)] and made[0][1].id.startswith("B-")
    assert [v.id for v in unit_visits(store, "oud")] == [made[0][1].id]
    assert store.unit("oud").last_visit is None and unit_visits(store, "nooit") == []
    assert carry_over_visits(store) == []  # twice changes nothing


# the record ---------------------------------------------------------------------------

def test_visit_has_an_id_a_log_and_undo(store, unit):
    visit = record_visit(store, unit.id, Visit(date=TODAY, present=["Els", "dr. Jansen"], notes="Goed gesprek"))
    assert visit.id.startswith("B-") and visit.rev == 1
    store.change(visit.id, {"notes": "Heel goed gesprek"})
    assert store.get(visit.id).notes == "Heel goed gesprek"
    store.undo(visit.id)
    assert store.get(visit.id).notes == "Goed gesprek"
    assert history(store.unit(unit.id), store.records(Visit, unit.id))[0].present == ["Els", "dr. Jansen"]


def test_a_visit_needs_a_date(store, unit):
    with pytest.raises(InvalidRecord):
        record_visit(store, unit.id, Visit())


def test_hostile_agreements_in_a_file_are_a_bad_record(tmp_path):
    raw = json.loads(schema2_file())
    raw["_meta"]["1"]["schema"] = schema.SCHEMA_VERSION
    raw["visits"] = {"1": {"id": "B-1", "rev": 1, "date": "2026-10-01", "agreements": [{"text": 3}]},
                     "2": {"id": "B-2", "rev": 1, "date": "2026-10-02", "phase_moves": [{"route": 9, "from": 1, "to": 2}]},
                     "3": {"id": "B-3", "rev": 1, "date": "2026-10-03", "agreements": [{"text": "a\x1b[31m", "action": ""}]}}
    write_unit_file(tmp_path, "oud", json.dumps(raw).encode())
    store = Store(tmp_path, user="tester", today=TODAY)
    skipped = []
    visits = store.records(Visit, "oud", skipped=skipped)
    assert [v.id for v in visits] == ["B-3"] and "\x1b" not in visits[0].agreements[0]["text"]
    assert sorted(b.record_id for b in skipped) == ["B-1", "B-2"]


# workflows ----------------------------------------------------------------------------

def test_visit_with_agreements_and_a_phase_change_is_one_write(store, unit):
    drafts = [ActionDraft("Telefoon: terugbelservice", owner="Sanne", deadline=dt.date(2027, 1, 15), route=4, phase=2)]
    visit = record_visit(store, unit.id, Visit(date=TODAY), drafts, {1: 2, 2: 1}, unit_rev=unit.rev)
    action = store.get(visit.agreements[0]["action"])
    assert isinstance(action, Action) and (action.owner, action.deadline, action.route, action.phase) == (
        "Sanne", dt.date(2027, 1, 15), 4, 2)
    assert visit.phase_moves == [{"route": 1, "from": 1, "to": 2}]  # route 2 was already 1
    now = store.unit(unit.id)
    assert now.phase(1) == 2 and now.log[-1]["changes"]["phases"][1]["1"] == 2


def test_a_stale_unit_revision_writes_nothing(store, unit):
    with store.transaction(unit.id) as txn:
        u = txn.get(Unit, unit.id)
        u.relatiemanager = "Karim"
        txn.save(u)
    with pytest.raises(Conflict):
        record_visit(store, unit.id, Visit(date=TODAY), [ActionDraft("x")], {1: 3}, unit_rev=unit.rev)
    assert store.records(Visit, unit.id) == [] and store.records(Action, unit.id) == []


def test_agreement_becomes_an_action_in_one_call(store, unit):
    visit = record_visit(store, unit.id, Visit(date=TODAY))
    visit, action = agreement_to_action(store, visit.id, ActionDraft("Uitslagen sneller", "Piet", dt.date(2027, 2, 1)),
                                        rev=visit.rev)
    assert visit.agreements == [{"text": "Uitslagen sneller", "action": action.id}]
    assert store.get(action.id).owner == "Piet" and store.get(visit.id).rev == 2
    with pytest.raises(Conflict):
        agreement_to_action(store, visit.id, ActionDraft("nog een"), rev=1)
    with pytest.raises(InvalidValue):
        agreement_to_action(store, action.id, ActionDraft("geen bezoek"))


def test_phase_change_is_logged_on_the_unit_recorded_on_the_visit_and_undone(store, unit):
    visit = record_visit(store, unit.id, Visit(date=TODAY))
    visit = change_phase(store, visit.id, 3, 2)
    assert visit.phase_moves == [{"route": 3, "from": 1, "to": 2}]
    assert store.unit(unit.id).phase(3) == 2
    with store.transaction(unit.id) as txn:  # units go by name: undo through their transaction
        txn.undo(Unit, unit.id)
    assert store.unit(unit.id).phase(3) == 1
    assert change_phase(store, visit.id, 3, 1).rev == visit.rev  # already there: nothing written
    with pytest.raises(InvalidValue):
        change_phase(store, visit.id, 5, 2)


def test_update_visit_adds_decisions_in_one_write(store, unit):
    visit = record_visit(store, unit.id, Visit(date=TODAY, notes="eerst"))
    visit = update_visit(store, visit.id, {"notes": "later", "present": ["Els"]}, [ActionDraft("Nog een", "Piet")],
                         {4: 2}, rev=visit.rev)
    assert (visit.rev, visit.notes, visit.present) == (2, "later", ["Els"])
    assert visit.phase_moves == [{"route": 4, "from": 1, "to": 2}] and store.get(visit.agreements[0]["action"]).owner == "Piet"
    with pytest.raises(Conflict):
        update_visit(store, visit.id, {"notes": "oud"}, rev=1)


def test_new_action_with_owner_and_deadline(store, unit):
    action = new_action(store, unit.id, ActionDraft("Folder", "Anouk", dt.date(2026, 12, 24), route=2, phase=1))
    assert (action.owner, action.deadline, action.route) == ("Anouk", dt.date(2026, 12, 24), 2)


def test_portfolio_last_visit_is_the_newest_visit(store, unit):
    record_visit(store, unit.id, Visit(date=dt.date(2026, 6, 1)))
    record_visit(store, unit.id, Visit(date=dt.date(2026, 10, 2)))
    entry = next(e for e in store.units() if e.slug == unit.id)
    assert portfolio_facts(store, entry, TODAY).last_visit == dt.date(2026, 10, 2)
    assert last_visit(store.unit(unit.id), []) is None


# since the last visit -----------------------------------------------------------------

def stamped(record, at: str):
    record.created_at = at
    record.log = [{"at": at, "by": "x", "op": "create"}]
    return record


def test_changes_since_reads_dates_and_logs():
    since = dt.date(2026, 10, 1)
    before, after = "2026-09-20T10:00:00+00:00", "2026-10-20T10:00:00+00:00"
    done = stamped(Action(id="A-1", title="klaar", status=Status.DONE, done_on=dt.date(2026, 10, 5)), before)
    old_done = stamped(Action(id="A-2", title="lang klaar", status=Status.DONE, done_on=dt.date(2026, 9, 5)), before)
    new = stamped(Action(id="A-3", title="nieuw", deadline=dt.date(2027, 1, 1)), after)
    moved = stamped(Action(id="A-4", title="verder", phase=2), before)
    moved.log.append({"at": after, "by": "x", "op": "update", "changes": {"phase": [1, 2]}})
    late = stamped(Action(id="A-5", title="te laat", deadline=dt.date(2026, 11, 1)), before)
    long_late = stamped(Action(id="A-6", title="al lang te laat", deadline=dt.date(2026, 8, 1)), before)
    unit = Unit(id="u", name="U", phases={"1": 2})
    unit.log = [{"at": after, "by": "x", "op": "update", "changes": {"phases": [{"1": 1}, {"1": 2}]}}]
    meeting = Meeting(id="M-1", date=dt.date(2026, 10, 10), feedback_due=dt.date(2026, 11, 1))
    old_meeting = Meeting(id="M-2", date=dt.date(2026, 9, 1))
    leerpunt = stamped(Finding(id="L-1", text="nieuw punt"), after)
    old_point = stamped(Finding(id="L-2", text="oud punt"), before)
    positive = stamped(Finding(id="L-3", text="goed", kind=FindingKind.POSITIVE), after)
    start = dt.date(2025, 3, 1)  # the last point: 22 Oct 2026, after the visit
    shifting = Kpi(id="K-1", action="A-4", name="Terugbellen", measurements=[
        Measurement(start + dt.timedelta(days=30 * i), 50 if i < 10 else 80) for i in range(21)])
    quiet = Kpi(id="K-2", action="A-4", name="Stil", measurements=[Measurement(dt.date(2026, 1, 1), 3)])
    found = changes_since(since, unit, [meeting, old_meeting], [leerpunt, old_point, positive],
                          [done, old_done, new, moved, late, long_late], [shifting, quiet], TODAY)
    assert [a.id for a in found.done] == ["A-1"] and [a.id for a in found.new_actions] == ["A-3"]
    assert [(m.action.id, m.old, m.new) for m in found.moved] == [("A-4", 1, 2)]
    assert [a.id for a in found.overdue] == ["A-5"]
    assert [(m.route, m.old, m.new) for m in found.unit_moves] == [(1, 1, 2)]
    assert [m.id for m in found.meetings] == ["M-1"] and [f.id for f in found.leerpunten] == ["L-1"]
    assert [k.kpi.id for k in found.kpis] == ["K-1"]
    assert found.kpis[0].signals and all(s.kind for s in found.kpis[0].signals)
    # M-2 planned nothing: its default due date (four weeks after it, store/model/feedback_duty.py) has passed
    assert [d.meeting.id for d in found.feedback] == ["M-2", "M-1"] and all(d.overdue for d in found.feedback)
    told_then = changes_since(since, unit, [], [], [done], [], dt.date(2026, 10, 3))  # a visit's own day bounds it
    assert told_then.done == [] and told_then.unit_moves == []
    first = changes_since(None, unit, [], [], [done, old_done], [], TODAY)
    assert [a.id for a in first.done] == ["A-1", "A-2"]
    assert changes_since(TODAY, Unit(id="u", name="U"), [], [], [], [], TODAY).is_empty


def test_since_last_visit_on_a_store(store, unit):
    record_visit(store, unit.id, Visit(date=dt.date(2026, 11, 1)))
    with store.transaction(unit.id) as txn:
        txn.add(Action(title="Na het bezoek", owner="Els"))
    previous, found = since_last_visit(store, unit.id)
    assert previous.date == dt.date(2026, 11, 1)
    # stamped by the real clock: created after the visit day
    assert [a.title for a in found.new_actions] == ["Na het bezoek"]


def test_an_agreement_may_name_its_leerpunt_which_is_then_answered(store, unit):
    from store.model.records import Finding
    from store.model.vocab import FindingState

    finding = store.add(Finding(text="Ik wist niet dat er een terugbelservice was."), unit.id)
    visit = record_visit(store, unit.id, Visit(date=dt.date(2026, 11, 20), next_visit=dt.date(2027, 2, 1)),
                         [ActionDraft("Terugbelservice bekendmaken", "Sanne", dt.date(2027, 1, 10), 4, 2, finding.id)])
    agreement = visit.agreements[0]
    assert agreement["finding"] == finding.id and visit.next_visit == dt.date(2027, 2, 1)
    action = store.get(agreement["action"], unit.id)
    assert (action.findings, action.route, action.phase, action.owner) == ([finding.id], 4, 2, "Sanne")
    assert store.get(finding.id, unit.id).state == FindingState.ACTIONS


def test_an_agreements_phase_defaults_to_the_units_phase_for_its_route(store, unit):
    from store.moments.units import change_unit
    from store.moments.visits import default_phase

    changed = change_unit(store, unit.id, route_phases={2: 3})
    assert [default_phase(changed, r) for r in (1, 2, 3, 4)] == [1, 3, 1, 1]
