"""`--json` on every read command: the test lists every command of `spiegel`; each
one that only reads must have `--json` and print JSON with it. A new command has
to be placed in one list or the other, so a read command without `--json` fails."""

from __future__ import annotations

import datetime as dt
import importlib
import json

import click

# Commands that write, or that do something other than print what is stored.
WRITES = {
    "units add", "units edit", "units group", "migrate", "db copy", "db upgrade", "import", "export", "ical",
    "kpi add", "kpi correct", "kpi delete", "kpi edit", "kpi measure", "add", "edit", "done", "undo",
    "meetings add", "meetings edit", "findings act", "findings capture", "findings decline", "findings link",
    "findings park", "serve", "visit add", "visit report", "feedback document", "feedback sent", "teams add",
    "teams edit", "delete", "backup", "restore", "demo",
}
# Each read command as the test runs it (ids made by the fixture below).
READS = {
    "list": ["list"], "show": ["show", "A-1"], "units": ["units"], "check": ["check"],
    "kpi show": ["kpi", "show", "K-1"], "meetings list": ["meetings", "list"], "meetings show": ["meetings", "show", "M-1"],
    "findings list": ["findings", "list"], "visit list": ["visit", "list"], "visit show": ["visit", "show", "B-1"],
    "compare": ["compare", "M-1", "M-2"], "feedback list": ["feedback", "list"], "teams list": ["teams", "list"],
    "review": ["review", "hoek"],
}
MODULES = ("admin_commands db_commands io_commands kpi_commands read_commands write_commands unit_commands "
           "meeting_commands finding_commands serve_command visit_commands compare_commands feedback_commands "
           "team_commands eval_commands backup_commands demo_command").split()


def leaf_commands() -> dict[str, click.Command]:
    from cli.group import cli

    for name in MODULES:
        try:
            importlib.import_module(f"cli.{name}")
        except ModuleNotFoundError:
            continue  # moved by a reorganisation: the group still lists what is registered
    found: dict[str, click.Command] = {}

    def walk(command: click.Command, path: list[str]) -> None:
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            if path and any("--json" in getattr(p, "opts", ()) for p in command.params):
                found[" ".join(path)] = command  # a group that lists when called alone (units)
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name])
        else:
            found[" ".join(path)] = command

    walk(cli, [])
    return found


def test_every_command_is_a_read_with_json_or_a_write():
    commands = leaf_commands()
    unknown = sorted(set(commands) - WRITES - set(READS))
    assert not unknown, f"place these in WRITES or READS: {unknown}"
    for name in READS:
        assert name in commands, name
        options = {o for p in commands[name].params for o in getattr(p, "opts", ())}
        assert "--json" in options, f"spiegel {name} has no --json"


def test_each_read_command_prints_json(run, two_units):
    from store.model.records import Action, Kpi, Meeting, Measurement, Visit

    store = two_units
    slug = "praktijk-de-hoek"
    action = store.add(Action(title="Terugbelservice", owner="Sanne"), slug)
    store.add(Kpi(action=action.id, name="Teruggebeld", measurements=[Measurement(dt.date(2026, 10, 1), 5)]), slug)
    store.add(Meeting(date=dt.date(2026, 10, 1), theme="Bereikbaarheid"), slug)
    store.add(Meeting(date=dt.date(2026, 11, 1), theme="Balie"), slug)
    store.add(Visit(date=dt.date(2026, 11, 20), present=["Els"]), slug)
    for name, args in READS.items():
        done = run(*args, "--json", ok=False)
        assert done.returncode in (0, 1), (name, done.stderr)  # check/list may exit 1 for what they found
        json.loads(done.stdout)  # raises if it is not JSON
    visit = json.loads(run("visit", "show", "B-1", "--json").stdout)
    assert visit["id"] == "B-1" and visit["present"] == ["Els"] and isinstance(visit["changes"], list)
    listed = json.loads(run("visit", "list", "--json").stdout)
    assert [v["id"] for v in listed] == ["B-1"] and listed[0]["unit"] == slug
