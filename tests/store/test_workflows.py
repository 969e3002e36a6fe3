"""The inbox's multi-record workflows (store/moments/workflows.py): each one transaction,
the finding's revision as the user saw it checked inside it. A stale revision is a
Conflict and nothing at all is written."""

from __future__ import annotations


import pytest

from tests.conftest import stored

from store.errors import Conflict, InvalidRecord, InvalidValue, NotFound
from store.model.records import Action, Finding, Unit
from store.persistence.repository import Store
from store.model.vocab import FindingState
from store.moments.workflows import actions_from_finding, decline_finding, link_finding, park_finding


@pytest.fixture
def leerpunt(store, unit) -> Finding:
    return store.add(Finding(text="Slecht bereikbaar"), unit.id)


@pytest.fixture
def colleague(store) -> Store:
    """A second user on the same data directory."""
    return Store(store.location, user="karim", today=store.today())


def file_bytes(store: Store, slug: str) -> bytes:
    return stored(store, slug)


def test_actions_from_a_leerpunt_at_the_revision_seen(store, leerpunt):
    created = actions_from_finding(store, leerpunt.id, [Action(title="Terugbelservice"), Action(title="Extra lijn")],
                                   rev=leerpunt.rev)
    assert [a.findings for a in created] == [[leerpunt.id], [leerpunt.id]]
    assert [store.get(a.id).title for a in created] == ["Terugbelservice", "Extra lijn"]
    answered = store.get(leerpunt.id)
    assert (answered.state, answered.rev) == (FindingState.ACTIONS, leerpunt.rev + 1)


def test_actions_from_a_stale_leerpunt_write_nothing(store, unit, leerpunt, colleague):
    colleague.change(leerpunt.id, {"state": FindingState.PARKED, "reason": "na de verbouwing"})
    before = file_bytes(store, unit.id)
    with pytest.raises(Conflict) as caught:
        actions_from_finding(store, leerpunt.id, [Action(title="Terugbelservice")], rev=leerpunt.rev)
    assert caught.value.theirs.updated_by == "karim" and caught.value.theirs.rev == leerpunt.rev + 1
    assert "karim" in str(caught.value)
    assert file_bytes(store, unit.id) == before
    assert store.records(Action, unit.id) == []
    assert store.get(leerpunt.id).state == FindingState.PARKED


def test_actions_from_something_else_than_a_finding_is_refused(store, unit):
    action = store.add(Action(title="x"), unit.id)
    with pytest.raises(InvalidValue, match="geen bevinding"):
        actions_from_finding(store, action.id, [Action(title="y")])


def test_link_a_leerpunt_to_an_existing_action(store, unit, leerpunt):
    other = store.add(Finding(text="Al gekoppeld"), unit.id)
    action = store.add(Action(title="Terugbelservice", findings=[other.id]), unit.id)
    linked = link_finding(store, leerpunt.id.lower(), action.id, rev=leerpunt.rev)
    assert linked.findings == sorted([other.id, leerpunt.id]) == store.get(action.id).findings
    assert store.get(leerpunt.id).state == FindingState.ACTIONS
    again = link_finding(store, leerpunt.id, action.id)  # already linked: nothing to change
    assert again.rev == linked.rev and store.get(leerpunt.id).rev == leerpunt.rev + 1


def test_link_with_a_stale_revision_writes_nothing(store, unit, leerpunt, colleague):
    action = store.add(Action(title="Terugbelservice"), unit.id)
    colleague.change(leerpunt.id, {"text": "Telefoon slecht bereikbaar"})
    before = file_bytes(store, unit.id)
    with pytest.raises(Conflict):
        link_finding(store, leerpunt.id, action.id, rev=leerpunt.rev)
    assert file_bytes(store, unit.id) == before
    assert store.get(action.id).findings == [] and store.get(leerpunt.id).state == FindingState.OPEN


def test_link_needs_an_action_of_the_same_unit(store, unit, leerpunt):
    other = store.create_unit(Unit(name="Gemeente Best"))
    elsewhere = store.add(Action(title="Elders"), other.id)
    with pytest.raises(InvalidValue, match="geen actie"):
        link_finding(store, leerpunt.id, "M-1", rev=leerpunt.rev)
    before = file_bytes(store, unit.id)
    with pytest.raises(NotFound, match=f"{elsewhere.id} bestaat niet in {unit.id}"):
        link_finding(store, leerpunt.id, elsewhere.id, rev=leerpunt.rev)
    assert file_bytes(store, unit.id) == before


@pytest.mark.parametrize("close,state", [(park_finding, FindingState.PARKED), (decline_finding, FindingState.DECLINED)])
def test_park_and_decline_with_a_reason(store, leerpunt, close, state):
    closed = close(store, leerpunt.id, "valt buiten de praktijk", rev=leerpunt.rev)
    assert (closed.state, closed.reason, closed.rev) == (state, "valt buiten de praktijk", leerpunt.rev + 1)
    assert store.get(leerpunt.id).state == state


@pytest.mark.parametrize("close", [park_finding, decline_finding])
def test_park_and_decline_need_a_reason(store, unit, leerpunt, close):
    before = file_bytes(store, unit.id)
    with pytest.raises(InvalidRecord, match="reden"):
        close(store, leerpunt.id, "  ", rev=leerpunt.rev)
    assert file_bytes(store, unit.id) == before


@pytest.mark.parametrize("close", [park_finding, decline_finding])
def test_park_and_decline_at_a_stale_revision_write_nothing(store, unit, leerpunt, colleague, close):
    colleague.change(leerpunt.id, {"state": FindingState.PARKED, "reason": "al besproken"})
    before = file_bytes(store, unit.id)
    with pytest.raises(Conflict) as caught:
        close(store, leerpunt.id, "dubbel", rev=leerpunt.rev)
    assert (caught.value.mine.rev, caught.value.theirs.rev) == (leerpunt.rev, leerpunt.rev + 1)
    assert file_bytes(store, unit.id) == before
    assert store.get(leerpunt.id).reason == "al besproken"


def test_a_batch_of_actions_from_a_leerpunt_gets_one_route_and_the_units_phase_for_it(store, unit):
    from store.model.records import Finding
    from store.moments.units import change_unit
    from store.moments.workflows import actions_from_finding, parse_action_line

    change_unit(store, unit.id, route_phases={4: 2})
    finding = store.add(Finding(text="Telefonisch slecht bereikbaar"), unit.id)
    drafts = [parse_action_line(line, store.today()) for line in ("Terugbelservice; Anouk; 15 jan", "Keuzemenu")]
    made = actions_from_finding(store, finding.id, [d.action() for d in drafts], owner="Karim", route=4)
    assert [(a.title, a.owner, a.route, a.phase) for a in made] == [
        ("Terugbelservice", "Anouk", 4, 2), ("Keuzemenu", "Karim", 4, 2)]
    assert made[0].deadline is not None and made[1].deadline is None
