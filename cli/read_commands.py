"""Commands that only read: list, show, units, check. Each has --json."""

from __future__ import annotations

import click

from cli import spec
from cli.lazy import LazyGroup
from cli.params import data_dir_option, options, settings
from cli.settings import make_store

json_option = options((spec.JSON,))


@click.command("list")
@options(spec.LIST)
@click.pass_context
def list_actions(ctx, data_dir, **values):
    """`spiegel list` (help: cli.help.list in cli/words/)."""
    from cli.hot import run_list

    run_list(settings(ctx, data_dir), **values)


@click.command()
@click.argument("record_id", metavar="ID")
@data_dir_option
@json_option
@click.pass_context
def show(ctx, record_id, data_dir, as_json):
    """`spiegel show ID`: every field in the user's words, then the change log."""
    from store.model.records import record_type

    record_type(record_id)  # not an id: said before the store is opened
    store = make_store(settings(ctx, data_dir))
    record = store.get(record_id)
    if as_json:
        from cli.output import print_json

        print_json({**record.to_doc(), "unit": record.unit})
        return
    from cli.render import record_details

    record_details(record, store.today(), deleted_links(store, record))


# `units group` and `units edit` live with the commands like them (cli/lazy.py imports each when asked).
@click.group(cls=LazyGroup, lazy={"group": "cli.admin_commands:unit_group", "edit": "cli.unit_commands:edit_unit"},
             invoke_without_command=True)
@click.option("--mine", "--mijn", "mine", is_flag=True)
@data_dir_option
@json_option
@click.pass_context
def units(ctx, mine, data_dir, as_json):
    """`spiegel units`: one summary per unit; its subcommands add, edit and group."""
    if ctx.invoked_subcommand is not None:
        return
    from cli.render import unit_summaries

    store = make_store(settings(ctx, data_dir))
    unit_summaries(store, as_json, mine)


def _create_unit(store, unit, gid):
    """The unit made; a name that is taken says, to the admin, who took it and how
    to remove it if it is a member's squat (issue 26)."""
    from store.errors import AlreadyExists

    try:
        return store.create_unit(unit, group=gid)
    except AlreadyExists as taken:
        from store.persistence.files.admin import squat_line
        from store.persistence.unit_names import slugify

        line = squat_line(store.files, slugify(unit.name)) if store.files is not None else None
        if line is None:
            raise
        raise AlreadyExists(taken.path, f"{taken.problem}; {line}") from None


@units.command("add")
@click.argument("name", metavar="NAAM")
@click.option("--kind", default="practice", metavar="SOORT")
@click.option("--relatiemanager", "--rm", default="", metavar="NAAM")
@click.option("--rm-login", "relatiemanager_login", default="", metavar="LOGIN")
@click.option("--hagro", default="", metavar="HAGRO")
@click.option("--gemeente", "--municipality", "municipality", default="", metavar="GEMEENTE")
@click.option("--phases", "--fase", "phases", metavar="F,F,F,F")
@click.option("--group", metavar="GROEP")
@data_dir_option
@click.pass_context
def add_unit(ctx, name, kind, relatiemanager, relatiemanager_login, hagro, municipality, phases, group, data_dir):
    """`spiegel units add NAME`: a new unit (the one command besides demo that may
    create the data directory); prints its slug."""
    from store.model.fields import parse_value
    from store.persistence.files.layout import group_id
    from store.model.records import Unit

    store = make_store(settings(ctx.parent, data_dir), create=True)  # the first unit makes the directory
    unit = Unit(name=name, kind=parse_value(Unit, "kind", kind), relatiemanager=relatiemanager,
                relatiemanager_login=parse_value(Unit, "relatiemanager_login", relatiemanager_login),
                hagro=hagro, municipality=municipality)
    if phases:
        unit.phases = parse_value(Unit, "phases", phases)
    click.echo(_create_unit(store, unit, group_id(group) if group else None).id)
    if store.files is not None and store.files.made_sticky:
        from cli.output import fail
        from store.i18n import t

        fail(t("top.made_sticky"))
    if not group:
        from cli.admin_commands import warn_if_shared

        warn_if_shared(store, unit.id)


@click.command()
@click.option("--server", is_flag=True)
@data_dir_option
@json_option
@click.pass_context
def check(ctx, server, data_dir, as_json):
    """`spiegel check`: one line per unit file; exit 1 if one is not in order.
    `--server`: the shared server's setup, for the administrator (exit 1 for a
    problem, 0 when there is only advice)."""
    store = make_store(settings(ctx, data_dir))
    if server:
        from cli.render import server_report

        if not server_report(store, as_json):
            ctx.exit(1)
        return
    from cli.render import check_report

    if not check_report(store, as_json):
        ctx.exit(1)


def deleted_links(store, record) -> list[str]:
    """The leerpunten an action answers that have since been deleted (tombstones):
    `show` says so rather than listing them as if they were there."""
    from store.errors import SpiegelError
    from store.model.records import Action

    if not isinstance(record, Action):
        return []
    gone = []
    for finding_id in record.findings:
        try:
            if store.get(finding_id, record.unit).deleted:
                gone.append(finding_id)
        except SpiegelError:  # a hand-edited link to nothing: shown as it is
            continue
    return gone
