"""`spiegel units edit NAME …`: a unit's display name, relatiemanager (name and
login), Hagro, municipality, contact line (under the feedback document) and phase
per route. The rules (the slug stays, a phase
change is logged) are store/moments/units.py's, which the app's visit mode calls too."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command("edit")
@click.argument("name", metavar="NAAM")
@click.option("--naam", "--name", "new_name", metavar="NAAM")
@click.option("--rm", "--relatiemanager", "relatiemanager", metavar="NAAM")
@click.option("--rm-login", "relatiemanager_login", metavar="LOGIN")
@click.option("--hagro", metavar="HAGRO")
@click.option("--gemeente", "--municipality", "municipality", metavar="GEMEENTE")
@click.option("--contact", metavar="TEKST")
@click.option("--fase", "--phases", "phases", metavar="F,F,F,F")
@click.option("--fase-route", "--route-phase", "route_phase", multiple=True, metavar="ROUTE=FASE")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def edit_unit(ctx, name, new_name, relatiemanager, relatiemanager_login, hagro, municipality, contact, phases,
              route_phase, rev, data_dir):
    """`spiegel units edit NAME --naam … --fase-route 2=3`: prints the unit's slug
    and revision, and each route whose phase changed."""
    from cli.output import echo
    from store.model.fields import parse_value
    from store.i18n import t
    from store.model.records import Unit
    from store.moments.units import change_unit, parse_route_phases

    store = make_store(settings(ctx.parent, data_dir))
    slug = store.resolve_unit(name)
    typed = {"name": new_name, "relatiemanager": relatiemanager, "relatiemanager_login": relatiemanager_login,
             "hagro": hagro, "municipality": municipality, "contact": contact, "phases": phases}
    values = {field: parse_value(Unit, field, text) for field, text in typed.items() if text is not None}
    before = store.unit(slug).phases
    saved = change_unit(store, slug, rev, route_phases=parse_route_phases(route_phase), **values)
    echo(t("unit.changed", unit=saved.id, rev=saved.rev))
    for route in "1234":
        old, new = before.get(route, 1), saved.phase(int(route))
        if old != new:
            echo(t("unit.phase_changed", unit=saved.id, route=route, old=old, new=new))
