"""Teams as owners (seed 004): advice on a project team's size and make-up, never a
refusal; names unique per unit; an action is a team's when its owner is the name."""

from __future__ import annotations

import pytest

from store.errors import Conflict, InvalidRecord, InvalidValue
from store.model.records import Action, Team
from store.moments.teams import (change_team, member_count, owner_suggestions, parse_team_kind, save_team,
                         team_actions, team_advice, team_of)
from store.model.vocab import TeamKind


def codes(team: Team) -> list[str]:
    return [a.code for a in team_advice(team)]


def project(providers: int, patients: int, partners: int = 0, coordinator: str = "") -> Team:
    return Team(name="P", providers=[f"zorgverlener {i}" for i in range(providers)], patients=patients,
                partners=partners, coordinator=coordinator)


def test_a_project_team_of_six_to_eight_with_two_patients_per_provider_gets_no_advice():
    assert codes(project(2, 3, 1)) == []  # 6 members, 4 patients/partners for 2 providers
    assert codes(project(2, 4, 2)) == []  # 8
    assert member_count(project(2, 3, 1, coordinator="Marieke")) == 7


@pytest.mark.parametrize("team, expected", [
    (project(1, 3, 1), ["team_size"]),  # 5 members
    (project(3, 4, 2), ["team_size"]),  # 9 members, ratio 6 for 3: fine
    (project(3, 3, 0), ["team_ratio"]),  # 6 members, 3 patients for 3 providers
    (project(4, 1, 0), ["team_size", "team_ratio"]),
    (project(0, 0, 0), ["team_size"]),  # empty: no ratio to judge
])
def test_advice_when_a_project_team_is_off_the_rules(team, expected):
    assert codes(team) == expected
    assert all(a.message and not a.message.startswith("advice.") for a in team_advice(team))


def test_a_core_team_wants_a_coordinator_patients_and_providers():
    assert codes(Team(name="K", kind=TeamKind.CORE)) == ["team_no_coordinator", "team_no_patients", "team_no_providers"]
    full = Team(name="K", kind=TeamKind.CORE, coordinator="Marieke", providers=["dr. Jansen"], partners=1)
    assert codes(full) == []


def test_owner_text_makes_an_action_the_teams():
    team = Team(name="Projectteam bereikbaarheid")
    mine = Action(title="Keuzemenu", owner="  projectteam Bereikbaarheid ")
    other = Action(title="Iets", owner="Projectteam")
    assert team_of(mine, [team]) is team and team_of(other, [team]) is None
    assert team_actions(team, [mine, other]) == [mine]
    assert owner_suggestions([mine, Action(title="x", owner="")], [team], "Els") == [
        "  projectteam Bereikbaarheid ", "Els", "Projectteam bereikbaarheid"]


def test_kind_as_people_type_it():
    assert parse_team_kind("kern") == TeamKind.CORE and parse_team_kind("Projectteam") == TeamKind.PROJECT
    with pytest.raises(InvalidValue):
        parse_team_kind("stuurgroep")


def test_teams_are_saved_with_advice_never_refused_and_names_unique(store, unit):
    small = save_team(store, project(1, 0), unit.id)  # far off the rules: saved anyway
    assert small.id.startswith("T-") and store.get(small.id).providers == ["zorgverlener 0"]
    with pytest.raises(InvalidValue, match="al een team"):
        save_team(store, Team(name=" p "), unit.id)
    changed = change_team(store, small.id, {"patients": 2, "name": "Projectteam telefoon"}, rev=1)
    assert (changed.rev, changed.patients, changed.name) == (2, 2, "Projectteam telefoon")
    assert changed.log[-1]["changes"]["patients"] == [0, 2]
    with pytest.raises(Conflict):
        change_team(store, small.id, {"patients": 3}, rev=1)
    with pytest.raises(InvalidValue):
        change_team(store, "A-1", {"patients": 3})
    with pytest.raises(InvalidRecord):  # counted people are never negative
        change_team(store, small.id, {"partners": -1})
    assert store.undo(small.id).patients == 0


def test_a_copied_team_keeps_its_id_and_no_new_id_repeats_it(tmp_path, pg_url):
    """`spiegel db copy` registers T- ids like the others (store/persistence/copy.py, files' layout)."""
    from store.persistence.copy import copy_units
    from store.model.records import Unit
    from store.persistence.repository import Store
    from tests.conftest import TODAY

    source = Store(tmp_path / "data", user="tester", today=TODAY)
    source.create_unit(Unit(name="De Hoek"))
    team = save_team(source, Team(name="Kernteam", kind=TeamKind.CORE), "de-hoek")
    target = Store(pg_url, user="tester", today=TODAY)
    copy_units(source, target)
    assert target.get(team.id).name == "Kernteam"
    assert save_team(target, Team(name="Projectteam"), "de-hoek").id != team.id
    back = Store(tmp_path / "terug", user="tester", today=TODAY)
    copy_units(target, back, make_groups=True)  # as root the units need their groups (issue 26: made only when told)
    assert save_team(back, Team(name="Nog een"), "de-hoek").id not in {team.id, "T-2"}


def test_a_deleted_teams_name_is_free_again(store, unit):
    """A deleted team is a tombstone: its name no longer counts as taken."""
    first = save_team(store, Team(name="Kernteam", kind=TeamKind.CORE), unit.id)
    with pytest.raises(InvalidValue, match="al een team"):
        save_team(store, Team(name="kernteam"), unit.id)
    store.delete(first.id)
    again = save_team(store, Team(name="Kernteam", kind=TeamKind.CORE), unit.id)
    assert again.id != first.id
