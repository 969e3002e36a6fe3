"""Teams that own actions (seed 004): one core team (*kernteam*) that coordinates, and
project teams (*projectteams*) of six to eight members, two patients or partners to
every care provider, that implement improvements.

An action is owned by a team when its owner is the team's name (compared without
case or surrounding spaces): no new field on actions, so an owner typed in any
version, an import or the CLI's `--eigenaar` reads the same, and the actions list's
filter (`/Projectteam bereikbaarheid`) finds a team's actions by the owner text.

The rules of thumb are advice (store/model/advice.py's `Advice`), never a refusal.
"""

from __future__ import annotations

from store.model.advice import Advice, make_advice
from store.model.records import Action, Team
from store.model.vocab import TeamKind

PROJECT_SIZE = (6, 8)  # members of a project team
PER_PROVIDER = 2  # patients or partners per care provider


def member_count(team: Team) -> int:
    """Everyone in the team: named providers, the coordinator, counted patients and partners."""
    coordinator = 1 if team.coordinator.strip() else 0
    return len(team.providers) + coordinator + team.patients + team.partners


def team_advice(team: Team) -> list[Advice]:
    """Rules of thumb for a team; empty when it follows them."""
    found: list[Advice] = []
    people = team.patients + team.partners
    providers = len(team.providers)
    if team.kind == TeamKind.PROJECT:
        low, high = PROJECT_SIZE
        size = member_count(team)
        if not low <= size <= high:
            found.append(make_advice("team_size", "providers", n=size, low=low, high=high))
        if providers and people < PER_PROVIDER * providers:
            found.append(make_advice("team_ratio", "patients", points=people, providers=providers,
                                 wanted=PER_PROVIDER * providers))
    else:
        if not team.coordinator.strip():
            found.append(make_advice("team_no_coordinator", "coordinator"))
        if people == 0:
            found.append(make_advice("team_no_patients", "patients"))
        if providers == 0:
            found.append(make_advice("team_no_providers", "providers"))
    return found


def same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold() != ""


def team_of(action: Action, teams: list[Team]) -> Team | None:
    """The team that owns `action`, if its owner names one."""
    return next((team for team in teams if same_name(team.name, action.owner)), None)


def team_actions(team: Team, actions: list[Action]) -> list[Action]:
    return [a for a in actions if same_name(team.name, a.owner)]


def owner_suggestions(actions: list[Action], teams: list[Team], *extra: str) -> list[str]:
    """What an owner box completes: the unit's owners so far, its teams, and `extra`
    (the relatiemanager)."""
    names = {a.owner for a in actions} | {t.name for t in teams} | set(extra)
    return sorted(name for name in names if name.strip())


def name_taken(name: str, teams: list[Team], own_id: str = "") -> bool:
    """Another team of the unit already has this name (owners would be ambiguous)."""
    return any(same_name(name, team.name) and team.id != own_id for team in teams)


def parse_team_kind(text: object) -> TeamKind:
    """'kern', 'kernteam', 'core', 'project', 'projectteam' (what people type)."""
    short = {"kern": TeamKind.CORE, "project": TeamKind.PROJECT}
    return short.get(str(text).strip().casefold()) or TeamKind.parse(text, "kind")


# workflows: one transaction each; a team's name is unique in its unit, checked under the lock
def save_team(store, team: Team, unit: str) -> Team:
    """Add a new team to `unit`, or save an edited one (its `rev` checked)."""
    with store.transaction(team.unit or unit) as txn:
        _check_name(team, _teams(txn))
        return txn.save(team) if team.id else txn.add(team)


def change_team(store, team_id: str, values: dict, *, rev: int | None = None) -> Team:
    """Set fields of a team as it is now (or as it was at `rev`: else Conflict)."""
    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.records import record_type

    if record_type(team_id) is not Team:
        raise InvalidValue("id", t("team.not_team", id=team_id))
    located = store.get(team_id)
    with store.transaction(located.unit) as txn:
        team = txn.get(Team, located.id, rev)
        for name, value in values.items():
            setattr(team, name, value)
        _check_name(team, _teams(txn))
        return txn.save(team)


def _teams(txn) -> list[Team]:
    """The unit's live teams that load (a hand-damaged one is `spiegel check`'s to report)."""
    return txn.all(Team, skip_bad=True)


def _check_name(team: Team, teams: list[Team]) -> None:
    from store.errors import InvalidValue
    from store.i18n import t

    if name_taken(team.name, teams, team.id):
        raise InvalidValue("name", t("team.name_taken", name=team.name.strip()))
