"""Undo that knows what it reverts, and partial container updates merged under the
unit's lock (Store.change(merge=…))."""

from __future__ import annotations


import pytest

from store import i18n
from store.model.changes import change_facts, undo_message, undone_entry, when_text
from store.errors import Conflict, NotFound, StaleUndo
from store.model.records import Action
from store.persistence.repository import Store
from tests.conftest import TODAY, stored


@pytest.fixture
def colleague(store) -> Store:
    return Store(store.location, user="karim", today=store.today())


@pytest.fixture
def action(store, unit) -> Action:
    return store.add(Action(title="Terugbelservice", pdsa={"plan": "bellen"}), unit.id)


# merging partial updates -------------------------------------------------------------
def test_merge_keeps_the_pdsa_notes_written_since_the_caller_read(store, action, colleague):
    colleague.change(action.id, {}, merge={"pdsa": {"study": "minder klachten"}})
    merged = store.change(action.id, {"owner": "Sanne"}, merge={"pdsa": {"do": "folder gemaakt"}})
    assert merged.pdsa == {"plan": "bellen", "do": "folder gemaakt", "study": "minder klachten"}
    assert merged.owner == "Sanne"
    assert merged.log[-1]["changes"]["pdsa"] == [
        {"plan": "bellen", "study": "minder klachten"},
        {"plan": "bellen", "study": "minder klachten", "do": "folder gemaakt"},
    ]


def test_merge_adds_missing_list_items_once_in_order(store, unit, action):
    from store.model.records import Finding

    l1, l2, l3 = (store.add(Finding(text=f"leerpunt {n}"), unit.id).id for n in (1, 2, 3))
    store.change(action.id, {}, merge={"findings": [l2]})
    merged = store.change(action.id, {}, merge={"findings": [l1, l2, l1, l3]})
    assert merged.findings == [l2, l1, l3]


def test_merge_with_a_stale_revision_is_a_conflict(store, unit, action, colleague):
    colleague.change(action.id, {"owner": "Karim"})
    before = stored(store, unit.id)
    with pytest.raises(Conflict):
        store.change(action.id, {}, rev=action.rev, merge={"pdsa": {"do": "x"}})
    assert stored(store, unit.id) == before


# undo ---------------------------------------------------------------------------------
def test_undo_at_the_revision_seen_says_whose_change_it_reverted(store, action, colleague):
    changed = colleague.change(action.id, {"owner": "Karim", "progress": 20})
    undone = store.undo(action.id, rev=changed.rev)
    assert (undone.owner, undone.progress, undone.rev) == ("", 0, changed.rev + 1)
    assert undone_entry(undone) == changed.log[-1]
    when = when_text(changed.log[-1]["at"], TODAY)
    assert undo_message(undone, TODAY) == (
        f"{action.id}: wijziging van karim ({when}) teruggedraaid: Eigenaar, Voortgang; nu revisie {undone.rev}"
    )
    i18n.set_language("en")
    when = when_text(changed.log[-1]["at"], TODAY)  # English day and month
    assert undo_message(undone, TODAY) == (
        f"{action.id}: undid the change by karim ({when}): Owner, Progress; now revision {undone.rev}"
    )


def test_undo_at_a_stale_revision_refuses_and_names_the_newer_change(store, unit, action, colleague):
    mine = store.change(action.id, {"owner": "Sanne"})
    theirs = colleague.change(action.id, {"deadline": TODAY}, merge={"pdsa": {"do": "gebeld"}})
    before = stored(store, unit.id)
    with pytest.raises(StaleUndo) as caught:
        store.undo(action.id, rev=mine.rev)
    when = when_text(theirs.log[-1]["at"], TODAY)
    assert str(caught.value) == (
        f"{action.id} staat niet meer op revisie {mine.rev} maar op {theirs.rev}: karim wijzigde "
        f"Deadline, PDSA ({when}); er is niets teruggedraaid — bekijk eerst de nieuwe versie"
    )
    assert caught.value.current.rev == theirs.rev
    assert stored(store, unit.id) == before


def test_undo_without_a_revision_still_undoes_the_latest_change(store, action, colleague):
    colleague.change(action.id, {"owner": "Karim"})
    undone = store.undo(action.id)
    assert undone.owner == "" and undone_entry(undone)["by"] == "karim"


def test_an_undo_is_itself_a_revision_to_undo_from(store, action):
    first = store.change(action.id, {"owner": "Sanne"})
    second = store.change(action.id, {"progress": 50})
    undone = store.undo(action.id, rev=second.rev)
    assert undone.progress == 0 and undone.owner == "Sanne"
    with pytest.raises(StaleUndo):
        store.undo(action.id, rev=second.rev)  # the screen still showed rev 3
    again = store.undo(action.id, rev=undone.rev)
    assert again.owner == "" and undone_entry(again) == first.log[-1]
    with pytest.raises(NotFound):
        store.undo(action.id, rev=again.rev)


def test_change_facts_clean_what_a_hand_edited_file_holds():
    entry = {"by": "\x1b]0;evil\x07karim", "at": "gisteren", "changes": {"owner": ["", "x"], "\x1bpdsa": [{}, {}], "\x9bgeheim": [1, 2]}}
    facts = change_facts(entry, TODAY)
    assert facts["who"] == "]0;evilkarim" and facts["when"] == "gisteren"
    assert facts["fields"] == "Eigenaar, PDSA, geheim"  # cleaned, then named
    assert change_facts({}, TODAY) == {"who": "?", "when": "", "fields": "-"}
