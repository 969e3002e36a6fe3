"""Records, validation, field parsing, rules and the transaction's bookkeeping."""

import datetime as dt


import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.model import rules
from store.errors import Conflict, IdTaken, InvalidRecord, InvalidValue, NotFound
from store.model.fields import field_name, parse_value
from store.i18n import CATALOGS, set_language
from store.model.queries import ActionFilter, select
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Unit, record_type
from store.model.vocab import FindingState, Status
from store.moments.workflows import actions_from_finding
from tests.conftest import TODAY, stored


def test_catalogs_have_the_same_keys():
    assert set(CATALOGS["nl"]) == set(CATALOGS["en"])


def test_ids_are_short_typable_and_unique_across_units(store, unit):
    other = store.create_unit(Unit(name="Gemeente Best"))
    first = store.add(Action(title="a"), unit.id)
    second = store.add(Action(title="b"), other.id)
    finding = store.add(Finding(text="x"), unit.id)
    assert (first.id, second.id, finding.id) == ("A-1", "A-2", "L-1")
    assert store.get("a-2").unit == other.id


@pytest.mark.files_only  # hand edits or the files themselves
def test_a_registry_without_a_stored_id_never_overwrites_a_record(store, unit):
    first = store.add(Action(title="eerste"), unit.id)
    (store.data_dir / ".ids" / "A-1").unlink()  # as after restoring data from before the registry
    second = store.add(Action(title="tweede"), unit.id)
    assert second.id == "A-2"  # A-1 is in the unit: the next free id is taken instead
    assert store.get(first.id).title == "eerste"
    assert (store.data_dir / ".ids" / "A-1").exists()  # and the stored one is marked taken


def test_an_id_given_by_the_caller_that_exists_is_refused(store, unit):
    first = store.add(Action(title="eerste"), unit.id)
    before = stored(store, unit.id)
    with pytest.raises(IdTaken, match="A-1"):
        store.add(Action(id=first.id, title="tweede"), unit.id)
    assert stored(store, unit.id) == before


def test_records_added_and_edited_in_one_transaction(store, unit):
    with store.transaction(unit.id) as txn:
        added = txn.add(Action(title="nieuw"))
        fetched = txn.get(Action, added.id)
        fetched.owner = "Sanne"
        txn.save(fetched)
        assert [a.title for a in txn.all(Action)] == ["nieuw"]
    stored = store.get(added.id)
    assert (stored.owner, stored.rev, [e["op"] for e in stored.log]) == ("Sanne", 2, ["create", "update"])


def test_every_change_is_stamped_with_user_time_and_log(store, unit):
    action = store.add(Action(title="Terugbellen"), unit.id)
    assert (action.rev, action.created_by, action.log[0]["op"]) == (1, "tester", "create")
    changed = store.change(action.id, {"owner": "Sanne"})
    assert changed.rev == 2 and changed.updated_by == "tester"
    assert changed.log[-1]["changes"] == {"owner": ["", "Sanne"]}


def test_saving_without_changes_does_not_bump_the_revision(store, unit):
    action = store.add(Action(title="x"), unit.id)
    assert store.save(store.get(action.id)).rev == 1


def test_stale_revision_raises_conflict_with_both_versions(store, unit):
    action = store.add(Action(title="x"), unit.id)
    mine, theirs = store.get(action.id), store.get(action.id)
    theirs.owner = "Anna"
    store.save(theirs)
    mine.owner = "Piet"
    with pytest.raises(Conflict) as caught:
        store.save(mine)
    assert caught.value.mine.owner == "Piet" and caught.value.theirs.owner == "Anna"
    assert store.get(action.id).owner == "Anna"


def test_edits_to_different_records_of_one_file_both_succeed(store, unit):
    a, b = store.add(Action(title="a"), unit.id), store.add(Action(title="b"), unit.id)
    a_copy, b_copy = store.get(a.id), store.get(b.id)
    a_copy.owner, b_copy.owner = "A", "B"
    store.save(a_copy)
    store.save(b_copy)
    assert (store.get(a.id).owner, store.get(b.id).owner) == ("A", "B")


def test_done_sets_progress_and_date_and_undo_walks_back(store, unit):
    action = store.add(Action(title="x"), unit.id)
    store.change(action.id, {"owner": "Sanne"})
    done = store.change(action.id, {"status": Status.DONE})
    assert (done.progress, done.done_on) == (100, TODAY)
    assert store.undo(action.id).status == Status.PLANNED
    assert store.undo(action.id).owner == ""
    with pytest.raises(NotFound):
        store.undo(action.id)


def test_forbidden_transition_names_the_allowed_ones(store, unit):
    action = store.add(Action(title="x", status=Status.STOPPED), unit.id)
    with pytest.raises(InvalidValue, match="gepland"):
        store.change(action.id, {"status": Status.DONE})


def test_invalid_record_names_each_field(store, unit):
    with pytest.raises(InvalidRecord) as caught:
        store.add(Action(title="", progress=120, phase=7), unit.id)
    assert {p.field for p in caught.value.problems} == {"title", "progress", "phase"}


def test_parking_a_finding_needs_a_reason(store, unit):
    finding = store.add(Finding(text="wachttijd"), unit.id)
    with pytest.raises(InvalidRecord, match="reden"):
        store.change(finding.id, {"state": FindingState.PARKED})
    parked = store.change(finding.id, {"state": FindingState.PARKED, "reason": "na de verbouwing"})
    assert parked.state == FindingState.PARKED


def test_turning_a_leerpunt_into_actions_links_both_ways(store, unit):
    finding = store.add(Finding(text="Slecht bereikbaar"), unit.id)
    created = actions_from_finding(store, finding.id, [Action(title="Terugbelservice"), Action(title="Extra lijn")])
    assert [a.findings for a in created] == [[finding.id], [finding.id]]
    assert store.get(finding.id).state == FindingState.ACTIONS


def test_kpi_measurements_round_trip(store, unit):
    action = store.add(Action(title="x"), unit.id)
    kpi = store.add(Kpi(action=action.id, name="Bereikbaarheid", baseline=60.0, target=90.0,
                        measurements=[Measurement(dt.date(2026, 1, 1), 61.5, "jan")]), unit.id)
    loaded = store.get(kpi.id)
    assert loaded.measurements == [Measurement(dt.date(2026, 1, 1), 61.5, "jan")]


def test_meeting_rules_of_thumb_never_block_saving(store, unit):
    meeting = store.add(Meeting(date=TODAY, participants=2, listeners=40, duration_min=300), unit.id)
    assert store.get(meeting.id).participants == 2


@pytest.mark.parametrize("typed,field,value", [
    ("eigenaar", Action, "owner"), ("--due", Action, "deadline"), ("fase", Action, "phase"),
    ("deelnemers", Meeting, "participants"), ("nulmeting", Kpi, "baseline"),
])
def test_field_aliases(typed, field, value):
    assert field_name(field, typed) == value


@pytest.mark.parametrize("name,text,expected", [
    ("status", "in uitvoering", Status.IN_PROGRESS), ("status", "done", Status.DONE),
    ("progress", "40%", 40), ("deadline", "vr", dt.date(2026, 11, 27)), ("deadline", "-", None),
    ("findings", "l-1, L-2", ["L-1", "L-2"]),
])
def test_parse_value_for_actions(name, text, expected):
    assert parse_value(Action, name, text, TODAY) == expected


def test_parse_value_errors_name_the_field():
    with pytest.raises(InvalidValue, match="Status.*kies uit"):
        parse_value(Action, "status", "misschien", TODAY)
    with pytest.raises(InvalidValue, match="Voortgang"):
        parse_value(Action, "progress", "veel", TODAY)
    assert parse_value(Kpi, "target", "12,5", TODAY) == 12.5


def test_english_catalog():
    set_language("en")
    try:
        with pytest.raises(InvalidValue, match="choose from"):
            parse_value(Action, "status", "maybe", TODAY)
    finally:
        set_language("nl")


def test_record_type_rejects_unknown_ids():
    with pytest.raises(InvalidValue):
        record_type("X-1")
    assert record_type("k-3") is Kpi


def test_overdue_and_due_soon_rules():
    late = Action(title="x", deadline=TODAY - dt.timedelta(days=1))
    soon = Action(title="x", deadline=TODAY + dt.timedelta(days=7))
    done_late = Action(title="x", deadline=TODAY - dt.timedelta(days=1), status=Status.DONE)
    assert rules.is_overdue(late, TODAY) and not rules.is_overdue(done_late, TODAY)
    assert rules.is_due_soon(soon, TODAY) and not rules.is_due_soon(late, TODAY)
    assert rules.overdue_doc(late.to_doc(), TODAY.isoformat())
    assert not rules.overdue_doc(done_late.to_doc(), TODAY.isoformat())


def test_filter_and_sort():
    actions = [
        Action(id="A-2", title="Website", owner="Ruud", deadline=TODAY),
        Action(id="A-1", title="Terugbellen", owner="Sanne", deadline=TODAY - dt.timedelta(days=3)),
        Action(id="A-3", title="Folder", owner="Sanne"),
    ]
    assert [a.id for a in select(actions, ActionFilter(owner="sanne"), TODAY)] == ["A-1", "A-3"]
    assert [a.id for a in select(actions, ActionFilter(overdue=True), TODAY)] == ["A-1"]
    assert [a.id for a in select(actions, ActionFilter(text="web ruud"), TODAY)] == ["A-2"]


@given(st.text(), st.text(), st.integers(0, 100), st.sampled_from(list(Status)))
def test_any_action_round_trips_through_its_document(title, owner, progress, status):
    action = Action(id="A-1", rev=1, title=title, owner=owner, progress=progress, status=status).cleaned()
    assert Action.from_doc(action.to_doc()).to_doc() == action.to_doc()


@pytest.mark.files_only  # hand edits or the files themselves
def test_a_record_with_impossible_values_is_a_bad_record_not_a_bad_file(store, unit):
    import orjson

    from store.errors import BadRecord

    good = store.create_unit(Unit(name="Gemeente Best"))
    store.add(Action(title="goed"), good.id)
    store.add(Action(title="ook goed"), unit.id)
    path = store.unit_path(unit.id)
    with open(path, "rb") as f:
        data = orjson.loads(f.read())
    data["actions"]["7"] = {"id": "A-7", "rev": 1, "title": "x", "deadline": 5, "status": "misschien"}
    with open(path, "wb") as f:
        f.write(orjson.dumps(data))
    skipped: list = []
    assert [a.title for a in store.records(Action, unit.id, skipped=skipped)] == ["ook goed"]
    assert [(p.record_id, [i.field for i in p.problems]) for p in skipped] == [("A-7", ["deadline", "status"])]
    assert sorted(a.title for a in store.records(Action)) == ["goed", "ook goed"]
    with pytest.raises(BadRecord, match="A-7"):
        store.get("A-7")
    with open(path, "wb") as f:
        f.write(orjson.dumps({**data, "actions": {"1": "rommel"}}))
    assert [e.slug for e in store.units() if e.problem] == [unit.id]  # not a spiegel file at all


@pytest.mark.files_only  # hand edits or the files themselves
def test_read_cache_sees_every_write_even_when_size_and_inode_repeat(store, unit):
    from store.persistence.repository import Store

    other = Store(store.location, user="ander", today=TODAY)
    action = store.add(Action(title="aaaa"), unit.id)
    assert other.get(action.id).title == "aaaa"  # now cached in `other`
    store.change(action.id, {"title": "bbbb"})
    assert other.get(action.id).title == "bbbb"
