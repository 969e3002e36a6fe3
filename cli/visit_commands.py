"""`spiegel visit`: a relatiemanager's practice visit, its list, its details and
its summary for the practice's development plan.

    spiegel visit add hoek --datum vandaag --aanwezig Els --aanwezig "dr. Jansen" \\
        --notities "..." --afspraak "Terugbelservice;Sanne;15 jan" --fase 1=2
    spiegel visit list [EENHEID]
    spiegel visit show B-3
    spiegel visit report B-3 --format html -o bezoek.html

Every rule is the store's (store/moments/visits.py, store/moments/since.py, store/exchange/reports/visit.py).
"""

from __future__ import annotations

import click

from cli.params import data_dir_option, options, settings
from cli.settings import make_store
from cli.spec import JSON


@click.group()
def visit():
    """Praktijkbezoeken: vastleggen, bekijken, verslag maken."""


@visit.command("add")
@click.argument("unit", metavar="EENHEID")
@click.option("--datum", "--date", "date", default="vandaag", metavar="DATUM", help="Datum van het bezoek.")
@click.option("--aanwezig", "--present", "present", multiple=True, metavar="NAAM", help="Wie er was.")
@click.option("--notities", "--notes", "notes", default="", metavar="TEKST", help="Notities.")
@click.option("--afspraak", "--agreement", "agreements", multiple=True, metavar="TEKST", help="Afspraak.")
@click.option("--fase", "--phase", "phases", multiple=True, metavar="ROUTE=FASE", help="Fase per route.")
@click.option("--volgend-bezoek", "--next-visit", "next_visit", default=None, metavar="DATUM", help="Volgend bezoek.")
@data_dir_option
@click.pass_context
def add_visit(ctx, unit, date, present, notes, agreements, phases, next_visit, data_dir):
    """Nieuw bezoek; elke afspraak wordt een actie. Drukt het id af (bv. B-3)."""
    from store.model.fields import parse_field_date
    from store.model.records import Visit
    from store.text import clean_line, visible_line
    from store.moments.visits import record_visit

    store = make_store(settings(ctx, data_dir))
    slug = store.resolve_unit(unit)
    today = store.today()
    drafts = [_agreement(text, today) for text in agreements]
    upcoming = parse_field_date("next_visit", next_visit, today) if next_visit else None
    made = record_visit(store, slug, Visit(date=parse_field_date("date", date, today),
                                           present=[clean_line(p) for p in present if clean_line(p)], notes=notes,
                                           next_visit=upcoming),
                        drafts, dict(_phase(text) for text in phases))
    click.echo(made.id)
    from cli.output import fail
    from store.i18n import t

    for draft in drafts:  # saved all the same (a warning, never a wall), but said plainly
        if not draft.owner or draft.deadline is None:
            missing = [t("vreport.no_owner")] * (not draft.owner) + [t("vreport.no_deadline")] * (draft.deadline is None)
            fail(t("cli.visit.agreement_missing", title=visible_line(draft.title), missing=", ".join(missing)))


@visit.command("list")
@click.argument("unit", metavar="EENHEID", required=False)
@data_dir_option
@options((JSON,))
@click.pass_context
def list_visits(ctx, unit, data_dir, as_json):
    """Bezoeken, nieuwste eerst (van één eenheid of van alle)."""
    from cli.output import table
    from store.errors import SpiegelError
    from store.i18n import t
    from store.model.records import Visit
    from store.moments.visits import history

    store = make_store(settings(ctx, data_dir))
    slugs = [store.resolve_unit(unit)] if unit else store.slugs()
    rows, docs = [], []
    for slug in slugs:
        try:
            found = history(store.unit(slug), store.records(Visit, slug))
        except SpiegelError:
            if unit:
                raise
            continue  # `spiegel check` reports units that cannot be read
        rows += [[v.id or "-", v.date.isoformat() if v.date else "", slug, ", ".join(v.present),
                  str(len(v.agreements))] for v in found]
        docs += [{**v.to_doc(), "unit": slug} for v in found]
    if as_json:
        from cli.output import print_json

        print_json(docs)
        return
    if not rows:
        click.echo(t("cli.visit.none"))
        return
    table([t("cli.visit.col.id"), t("cli.visit.col.date"), t("cli.visit.col.unit"), t("cli.visit.col.present"),
           t("cli.visit.col.agreements")], rows, shrink=(3,))


@visit.command("show")
@click.argument("visit_id", metavar="BEZOEK")
@data_dir_option
@options((JSON,))
@click.pass_context
def show_visit(ctx, visit_id, data_dir, as_json):
    """Een bezoek: wie er was, afspraken, en wat er veranderde sinds het vorige."""
    from cli.output import echo
    from store.i18n import t
    from store.exchange.reports.visit import since_lines, since_title
    from store.moments.since import since_last_visit
    from store.moments.visits import locate_visit

    store = make_store(settings(ctx, data_dir))
    visit_id, slug = locate_visit(store, visit_id)
    found = store.get(visit_id, slug)
    today = store.today()
    if as_json:
        _show_json(store, slug, found, today)
        return
    echo(f"{found.id}  {found.date.isoformat() if found.date else ''}  {store.unit(slug).name}")
    echo(f"{t('vreport.present')}: {', '.join(found.present) or t('vreport.nobody')}")
    if found.notes.strip():
        echo(f"{t('vreport.notes')}: {found.notes}")
    echo(t("vreport.next_visit", date=found.next_visit.isoformat()) if found.next_visit else t("vreport.next_visit_none"))
    for agreement in found.agreements:
        echo(f"{t('vreport.agreements')}: {agreement['text']}" + (f" → {agreement['action']}" if agreement["action"] else "")
             + (t("vreport.for_leerpunt", id=agreement["finding"]) if agreement.get("finding") else ""))
    for move in found.phase_moves:
        echo(t("cli.visit.move", route=move["route"], old=move["from"], new=move["to"]))
    _previous, since = since_last_visit(store, slug, found)
    echo("")
    echo(since_title(since, today))
    sections = since_lines(since, today)
    if not sections:
        echo(t("since.nothing"))
    for name, lines in sections:
        echo(f"{name}:")
        for line in lines:
            echo(f"  {line}")


def _show_json(store, slug: str, found, today) -> None:
    """The visit as stored, and what changed since the previous one, as the text shows it."""
    from cli.output import print_json
    from store.exchange.reports.visit import since_lines
    from store.moments.since import since_last_visit

    previous, since = since_last_visit(store, slug, found)
    print_json({**found.to_doc(), "unit": slug, "previous": previous.id if previous else None,
                "since": since.since.isoformat() if since.since else None,
                "changes": [{"section": name, "lines": lines} for name, lines in since_lines(since, today)]})


@visit.command("report")
@click.argument("visit_id", metavar="BEZOEK")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", help="md of html.")
@click.option("-o", "--output", "output", metavar="BESTAND", help="Het bestand.")
@data_dir_option
@click.pass_context
def report(ctx, visit_id, fmt, output, data_dir):
    """Het bezoekverslag voor het praktijkontwikkelplan, als Markdown of HTML (A4)."""
    from store.exchange.reports import write_report
    from store.exchange.reports.output import report_path
    from store.exchange.reports.visit import visit_report

    from store.moments.visits import locate_visit

    store = make_store(settings(ctx, data_dir))
    visit_id, slug = locate_visit(store, visit_id)
    document = visit_report(store, visit_id)
    # -o, else the reports folder (settings file `reports_dir`), else where spiegel started
    output = report_path(f"bezoekverslag-{slug}-{visit_id}.{fmt}", output)
    click.echo(write_report(output, document.render(fmt)))


def _agreement(text: str, today):
    """'titel;eigenaar;deadline' (owner and deadline may be left out) as a draft action."""
    from store.moments.workflows import parse_action_line

    return parse_action_line(text, today)


def _phase(text: str) -> tuple[int, int]:
    """'1=2': route 1 to phase 2."""
    from store.errors import InvalidValue
    from store.i18n import t
    from store.text import clean_line

    route, _, phase = text.partition("=")
    if route.strip() not in ("1", "2", "3", "4") or phase.strip() not in ("1", "2", "3", "4"):
        raise InvalidValue("fase", t("cli.visit.phase_format", text=clean_line(text)))
    return int(route), int(phase)
