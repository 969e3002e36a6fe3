"""`spiegel teams`: the core team and project teams of a unit (seed 004), which can
own actions (an action's owner is the team's name).

    spiegel teams add "Projectteam bereikbaarheid" --unit hoek --soort project \\
        --zorgverlener "Dr. Jansen" --zorgverlener "Petra (POH)" --patienten 3 --partners 1
    spiegel teams list [--unit hoek]
    spiegel teams edit T-2 --patienten 4

Care providers and the coordinator are named; patients and partners are counted,
never named. The rules of thumb (6-8 members, two patients or partners per care
provider) are printed as advice on stderr, never a refusal.
"""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


def team_options(func):
    for flag, dest, metavar, extra in reversed((
        (("--soort", "--kind"), "kind", "kern|project", {}),
        (("--coordinator", "--coördinator"), "coordinator", "NAAM", {}),
        (("--zorgverlener", "--provider"), "providers", "NAAM", {"multiple": True}),
        (("--patienten", "--patients"), "patients", "N", {"type": click.IntRange(0, 100_000)}),
        (("--partners",), "partners", "N", {"type": click.IntRange(0, 100_000)}),
        (("--opdracht", "--assignment"), "assignment", "TEKST", {}),
    )):
        func = click.option(*flag, dest, metavar=metavar, **extra)(func)
    return func


@click.group()
def teams():
    """Kernteam en projectteams van een eenheid: toevoegen, tonen, wijzigen."""


@teams.command("add")
@click.argument("name", metavar="NAAM")
@click.option("--unit", "unit", required=True, metavar="EENHEID")
@team_options
@data_dir_option
@click.pass_context
def add_team(ctx, name, unit, data_dir, **typed):
    """Nieuw team; drukt het id af (bv. T-1) en het advies over de samenstelling."""
    from store.model.records import Team
    from store.moments.teams import save_team

    store = make_store(settings(ctx.parent, data_dir))
    team = Team(name=name, **_values(typed, fresh=True))
    saved = save_team(store, team, store.resolve_unit(unit))
    click.echo(saved.id)
    _advise(saved)


@teams.command("edit")
@click.argument("team_id", metavar="TEAM")
@click.option("--naam", "--name", "name", metavar="NAAM")
@click.option("--rev", type=int, metavar="N")
@team_options
@data_dir_option
@click.pass_context
def edit_team(ctx, team_id, name, rev, data_dir, **typed):
    """Velden van een team wijzigen; --zorgverlener vervangt de hele lijst."""
    from store.moments.teams import change_team

    store = make_store(settings(ctx.parent, data_dir))
    values = _values(typed, fresh=False)
    if name is not None:
        values["name"] = name
    saved = change_team(store, team_id, values, rev=rev)
    click.echo(f"{saved.id} rev {saved.rev}")
    _advise(saved)


@teams.command("list")
@click.option("--unit", "unit", default="", metavar="EENHEID")
@click.option("--json", "as_json", is_flag=True)
@data_dir_option
@click.pass_context
def list_teams(ctx, unit, as_json, data_dir):
    """Teams met soort, leden, patiënten en partners (geteld) en hun open acties."""
    from cli.output import echo, print_json, table
    from store.i18n import t
    from store.model.records import Action, Team
    from store.model.rules import is_open
    from store.moments.teams import member_count, team_actions, team_advice

    store = make_store(settings(ctx.parent, data_dir))
    slug = store.resolve_unit(unit) if unit.strip() else None
    found = store.records(Team, slug)
    if as_json:
        print_json([{**team.to_doc(), "unit": team.unit, "members": member_count(team),
                     "advice": [a.code for a in team_advice(team)]} for team in found])
        return
    if not found:
        echo(t("cli.teams.none"))
        return
    actions: dict[str, list] = {}
    rows = []
    for team in sorted(found, key=lambda x: (x.unit, x.kind.value != "core", x.name.casefold())):
        if team.unit not in actions:
            actions[team.unit] = store.records(Action, team.unit)
        open_actions = [a for a in team_actions(team, actions[team.unit]) if is_open(a)]
        rows.append([team.id, team.unit, team.kind.label, team.name, str(member_count(team)),
                     f"{team.patients}/{team.partners}", str(len(open_actions)),
                     "! " + "; ".join(a.message for a in team_advice(team)) if team_advice(team) else ""])
    headers = [t(f"cli.teams.col.{c}") for c in ("id", "unit", "kind", "name", "members", "people", "actions", "advice")]
    table(headers, rows, shrink=(7, 3, 1))


def _values(typed: dict, fresh: bool) -> dict:
    """The options given, as field values (a new team takes defaults for the rest)."""
    from store.moments.teams import parse_team_kind

    values = {}
    for name, value in typed.items():
        if name == "providers":
            if value or fresh:
                values[name] = [v.strip() for v in value if v.strip()]
        elif value is not None:
            values[name] = parse_team_kind(value) if name == "kind" else value
    return values


def _advise(team) -> None:
    """Advice on stderr, one line each: the team is saved whatever it says."""
    import sys

    from store.i18n import t
    from store.moments.teams import team_advice
    from store.text import clean_line

    for advice in team_advice(team):
        sys.stderr.write(clean_line(t("cli.teams.advice", message=advice.message)) + "\n")
