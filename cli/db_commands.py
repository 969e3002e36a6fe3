"""`spiegel db …`: the PostgreSQL backend's administration (store/persistence/pg/)."""

from __future__ import annotations

import click

from cli.params import settings


@click.group("db")
def db() -> None:
    """De PostgreSQL-database van spiegel (zie README, "Naar PostgreSQL")."""


@db.command("upgrade")
@click.option("--db", "url", metavar="URL", help="De database (anders --db voor de opdracht, of $SPIEGEL_DB).")
@click.pass_context
def upgrade(ctx, url):
    """Breng het schema van de database bij (maakt het bij de eerste keer aan).

    Voor de beheerder (eigenaar van de database of van schema spiegel); nog eens
    uitvoeren verandert niets. Weigert een database waarin iedereen objecten mag
    maken in schema public, en zegt dan welke REVOKE de beheerder uitvoert.
    """
    from cli.output import echo
    from store.errors import SpiegelError
    from store.persistence.backend import is_database
    from store.i18n import t
    from store.persistence.pg.admin import upgrade_schema

    location = url or settings(ctx.parent.parent, None).data_dir
    if not is_database(location):
        raise SpiegelError(t("db.not_configured"))
    applied, version = upgrade_schema(location)
    echo(t("db.upgraded", version=version, count=len(applied)) if applied else t("db.up_to_date", version=version))


@db.command("copy")
@click.argument("source", metavar="BRON")
@click.argument("target", metavar="DOEL")
@click.option("--make-groups", is_flag=True, help="Maak ontbrekende Unix-groepen (als root, naar een datamap).")
@click.pass_context
def copy(ctx, source, target, make_groups):
    """Kopieer alle eenheden van BRON naar DOEL: een datamap naar een database
    (postgresql://…) of terug, record voor record gecontroleerd.

    Een eenheid die DOEL al heeft wordt vergeleken, nooit overschreven; nog eens
    uitvoeren verandert niets. Vooraf worden de id's van beide kanten vergeleken: een
    id dat in DOEL al van een andere eenheid is, weigert de hele kopie. Op een
    database kopieert alleen de beheerder (eigenaar van schema spiegel).
    """
    from cli.output import echo, fail
    from store.persistence.copy import copy_units
    from store.i18n import t
    from store.persistence.repository import Store

    import os

    today = settings(ctx.parent.parent, None).today
    source_store = Store(os.path.expanduser(source), today=today)
    target_store = Store(os.path.expanduser(target), today=today)
    try:
        outcomes, complete = copy_units(source_store, target_store, make_groups=make_groups)
    finally:
        source_store.close()
        target_store.close()
    for slug, outcome in outcomes:
        echo(f"{slug}: {outcome}")
    if not complete:
        fail(t("copy.incomplete", target=target_store.location))
        ctx.exit(1)
    echo(t("copy.done", count=len(outcomes), target=target_store.location))
