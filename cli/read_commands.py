"""Commands that only read: list, show, units, check. Each has --json."""

from __future__ import annotations

import click

from cli import spec
from cli.group import cli, data_dir_option, options, settings
from cli.settings import make_store

json_option = options((spec.JSON,))


@cli.command("list")
@options(spec.LIST)
@click.pass_context
def list_actions(ctx, data_dir, **values):
    """Verbeteracties, op deadline gesorteerd."""
    from cli.hot import run_list

    run_list(settings(ctx, data_dir), **values)


@cli.command()
@click.argument("record_id", metavar="ID")
@data_dir_option
@json_option
@click.pass_context
def show(ctx, record_id, data_dir, as_json):
    """Alles van één record (actie, bevinding, bijeenkomst, indicator), met wijzigingslog."""
    store = make_store(settings(ctx, data_dir))
    record = store.get(record_id)
    if as_json:
        from cli.output import print_json

        print_json({**record.to_doc(), "unit": record.unit})
        return
    from cli.render import record_details

    record_details(record, store.today())


@cli.group(invoke_without_command=True)
@data_dir_option
@json_option
@click.pass_context
def units(ctx, data_dir, as_json):
    """De eenheden (praktijk, hagro, gemeente) met fase per route en open/te late acties.

    'spiegel units add NAAM' maakt een nieuwe eenheid.
    """
    if ctx.invoked_subcommand is not None:
        return
    from cli.render import unit_summaries

    store = make_store(settings(ctx, data_dir))
    unit_summaries(store, as_json)


@units.command("add")
@click.argument("name", metavar="NAAM")
@click.option("--kind", default="practice", metavar="SOORT", help="praktijk, hagro of gemeente.")
@click.option("--relatiemanager", "--rm", default="", metavar="NAAM", help="De relatiemanager van de zorggroep.")
@click.option("--phases", metavar="F,F,F,F", help="Fase per route 1–4, bv. 2,1,1,3 (standaard 1,1,1,1).")
@click.option("--group", metavar="GROEP", help="Unix-groep die de eenheid mag lezen en schrijven (beheerder).")
@data_dir_option
@click.pass_context
def add_unit(ctx, name, kind, relatiemanager, phases, group, data_dir):
    """Nieuwe eenheid in een eigen map; drukt de korte naam (slug) af waarmee je hem aanwijst.

    Op een gedeelde server maakt de beheerder (root of de eigenaar van de datamap)
    elke eenheid met --group, zodat alleen die groep haar gegevens kan lezen.
    """
    from store.fields import parse_value
    from store.files.layout import group_id
    from store.records import Unit

    store = make_store(settings(ctx.parent, data_dir), create=True)  # the first unit makes the directory
    unit = Unit(name=name, kind=parse_value(Unit, "kind", kind), relatiemanager=relatiemanager)
    if phases:
        unit.phases = parse_value(Unit, "phases", phases)
    click.echo(store.create_unit(unit, group=group_id(group) if group else None).id)
    if not group:
        from cli.admin_commands import warn_if_shared

        warn_if_shared(store, unit.id)


@cli.command()
@data_dir_option
@json_option
@click.pass_context
def check(ctx, data_dir, as_json):
    """Controleer elk bestand in de datamap; exit 1 als er één niet in orde is."""
    from cli.render import check_report

    store = make_store(settings(ctx, data_dir))
    if not check_report(store, as_json):
        ctx.exit(1)
