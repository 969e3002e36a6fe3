"""Deleting leaves a logged tombstone: lists, counts and figures leave it out, undo
restores it, its id is never handed out again, and a link to a deleted finding
still shows it (as deleted). On both backends."""

from __future__ import annotations

import pytest

from store.model import schema
from store.moments.dashboard import unit_summary
from store.errors import Conflict, InvalidRecord, NotFound
from store.model.records import Action, Finding, Meeting
from store.moments.portfolio import portfolio_facts
from tests.conftest import TODAY


@pytest.fixture
def finding(store, unit) -> Finding:
    meeting = store.add(Meeting(date=TODAY), unit.id)
    return store.add(Finding(meeting=meeting.id, text="Wachttijd telefoon"), unit.id)


def test_a_deleted_finding_is_a_logged_tombstone_left_out_of_lists(store, unit, finding):
    gone = store.delete(finding.id, rev=finding.rev)
    assert gone.deleted and gone.log[-1]["op"] == "delete" and gone.log[-1]["by"] == "tester"
    assert store.records(Finding, unit.id) == []
    assert [f.id for f in store.records(Finding, unit.id, deleted=True)] == [finding.id]
    assert store.get(finding.id).deleted  # `show` still finds it, marked
    assert unit_summary(store, unit.id).leerpunten[finding.state] == 0


def test_undo_restores_a_deleted_record(store, unit, finding):
    gone = store.delete(finding.id)
    back = store.undo(finding.id, rev=gone.rev)
    assert not back.deleted and back.log[-1]["op"] == "undo"
    assert [f.id for f in store.records(Finding, unit.id)] == [finding.id]


def test_ids_of_deleted_records_are_never_reused(store, unit, finding):
    store.delete(finding.id)
    again = store.add(Finding(meeting=finding.meeting, text="nieuw"), unit.id)
    assert again.id != finding.id


def test_delete_checks_the_revision_seen(store, unit, finding):
    store.change(finding.id, {"theme": "bereikbaarheid"})
    with pytest.raises(Conflict):
        store.delete(finding.id, rev=finding.rev)
    assert store.records(Finding, unit.id)


def test_a_tombstone_is_neither_edited_nor_deleted_again(store, unit, finding):
    store.delete(finding.id)
    with pytest.raises(NotFound):
        store.change(finding.id, {"theme": "x"})
    with pytest.raises(NotFound):
        store.delete(finding.id)


def test_a_deleted_action_leaves_lists_counts_and_the_portfolio(store, unit):
    keep = store.add(Action(title="Blijft"), unit.id)
    gone = store.add(Action(title="Weg"), unit.id)
    assert len(store.listed_actions(unit.id)) == 2  # the list index / listed column is built now
    store.delete(gone.id)
    assert [a.id for a in store.listed_actions(unit.id)] == [keep.id]
    assert [a.id for a in store.listed_actions()] == [keep.id]
    assert [a.id for a in store.records(Action, unit.id)] == [keep.id]
    assert sum(unit_summary(store, unit.id).actions.values()) == 1
    assert portfolio_facts(store, store.units()[0], TODAY).open_actions == 1
    store.undo(gone.id)
    assert len(store.listed_actions(unit.id)) == 2


def test_an_action_cannot_newly_link_a_deleted_finding_but_keeps_its_link(store, unit, finding):
    linked = store.add(Action(title="Terugbellen", findings=[finding.id]), unit.id)
    store.delete(finding.id)
    assert store.change(linked.id, {"owner": "Sanne"}).findings == [finding.id]
    with pytest.raises(InvalidRecord):
        store.add(Action(title="Nieuw", findings=[finding.id]), unit.id)


def test_a_schema_2_file_with_records_loads_as_live_records():
    """Step 2 -> 3 adds `deleted` and `review_cycle`: a version-2 record meant neither."""
    data = schema.new_file()
    data[schema.META]["1"]["schema"] = 2
    data["unit"]["1"] = {"id": "oud", "name": "Oud", "rev": 1}
    data["actions"]["1"] = {"id": "A-1", "title": "Oud", "rev": 1, "review_date": "2026-11-01"}
    migrated = schema.migrate(data, "oud")
    assert schema.version_of(migrated) == schema.SCHEMA_VERSION
    action = Action.from_doc(migrated["actions"]["1"], "oud")
    assert action.deleted == "" and action.review_cycle == ""
    assert migrated["actions"]["1"] == {"id": "A-1", "title": "Oud", "rev": 1, "review_date": "2026-11-01"}
