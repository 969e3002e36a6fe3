"""The evaluation meeting on the command line: correct or delete a KPI's
measurement, delete a record (a tombstone that `spiegel undo` restores), and the
review queue of a unit.

    spiegel kpi correct K-3 2 --waarde 65
    spiegel kpi correct K-3 "1 nov" --datum "2 nov" --notitie "na de storing"
    spiegel kpi delete K-3 "1 nov"
    spiegel delete L-12
    spiegel review praktijk-noord --json
    spiegel review praktijk-noord --format html -o evaluatie.html

Every rule is the store's (store/moments/measurements.py, store/moments/reviews.py)."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command("correct")
@click.argument("kpi_id", metavar="KPI")
@click.argument("which", metavar="METING")
@click.option("--datum", "--date", "date", metavar="DATUM")
@click.option("--waarde", "--value", "value", metavar="WAARDE")
@click.option("--notitie", "--note", "note", metavar="TEKST")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def correct(ctx, kpi_id, which, date, value, note, rev, data_dir):
    """Een meting verbeteren: datum, waarde of notitie (gelogd; spiegel undo zet hem terug)."""
    from store.errors import InvalidValue
    from store.model.fields import parse_value
    from store.i18n import t
    from store.model.kpis import measurement_date
    from store.moments.measurements import correct_measurement
    from store.model.records import Kpi

    store = make_store(settings(ctx, data_dir))
    when = measurement_date(date, store.today()) if date is not None else None
    amount = None
    if value is not None:
        try:
            amount = parse_value(Kpi, "baseline", value)  # the KPI number parser: a decimal comma is fine
        except InvalidValue as problem:
            raise InvalidValue("value", problem.message) from None
        if amount is None:
            raise InvalidValue("value", t("value.required"))
    text = parse_value(Kpi, "name", note) if note is not None else None  # one clean line
    saved = correct_measurement(store, kpi_id, which, date=when, value=amount, note=text, rev=rev)
    click.echo(t("cli.eval.corrected", id=saved.id, rev=saved.rev))


@click.command("delete")
@click.argument("kpi_id", metavar="KPI")
@click.argument("which", metavar="METING")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def delete_measurement_command(ctx, kpi_id, which, rev, data_dir):
    """Een meting verwijderen, gekozen met haar nummer of datum (gelogd; spiegel undo zet hem terug)."""
    from store.i18n import t
    from store.moments.measurements import delete_measurement

    store = make_store(settings(ctx, data_dir))
    saved = delete_measurement(store, kpi_id, which, rev=rev)
    click.echo(t("cli.eval.measurement_deleted", id=saved.id, rev=saved.rev))


@click.command("delete")
@click.argument("record_id", metavar="ID")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def delete_record(ctx, record_id, rev, data_dir):
    """Een record verwijderen; het blijft bewaard en spiegel undo zet het terug."""
    from store.i18n import t

    store = make_store(settings(ctx, data_dir))
    gone = store.delete(record_id, rev=rev)
    click.echo(t("cli.eval.deleted", id=gone.id))


@click.command("review")
@click.argument("unit_text", metavar="EENHEID")
@click.option("--json", "as_json", is_flag=True)
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), help="Het overzicht van de bijeenkomst schrijven.")
@click.option("-o", "--output", "output", metavar="BESTAND",
              help="Het bestand (standaard evaluatie-EENHEID-DATUM.md of .html hier).")
@click.option("--datum", "--date", "held", metavar="DATUM", help="De dag van de bijeenkomst (standaard vandaag).")
@data_dir_option
@click.pass_context
def review(ctx, unit_text, as_json, fmt, output, held, data_dir):
    """De evaluatierij van een eenheid: open acties waarvan de evaluatiedatum er is of de deadline nadert.
    Met --format of -o: het overzicht van de bijeenkomst (wat die dag besloten is, en wat nog openstaat)."""
    from cli.output import echo
    from store.i18n import t
    from store.moments.reviews import queue
    from store.text import clean_line

    store = make_store(settings(ctx, data_dir))
    slug = store.resolve_unit(unit_text)
    if fmt or output:
        _write_overview(store, slug, fmt, output, held)
        return
    items = queue(store, slug)
    if as_json:
        from cli.output import print_json

        print_json([{"id": i.action.id, "title": i.action.title, "status": i.action.status.value,
                     "progress": i.action.progress, "owner": i.action.owner,
                     "review_date": i.action.review_date.isoformat() if i.action.review_date else None,
                     "deadline": i.action.deadline.isoformat() if i.action.deadline else None,
                     "review_cycle": i.action.review_cycle, "why": i.why, "kpis": [k.id for k in i.kpis]}
                    for i in items])
        return
    if not items:
        echo(t("cli.eval.queue_empty"))
    for item in items:
        echo(f"{item.action.id:<7} {clean_line(item.action.title)}  ({item.why})")


def _write_overview(store, slug: str, fmt: str | None, output: str | None, held_text: str | None) -> None:
    """The meeting's overview as the app writes it, named as every report is."""
    from store.i18n import t
    from store.model.kpis import measurement_date
    from store.exchange.reports import write_report
    from store.exchange.reports.output import report_file_name, report_path
    from store.exchange.reports.review import meeting_outcomes, review_document
    from store.text import visible_line

    today = store.today()
    held = measurement_date(held_text, today, "date") if held_text else today
    fmt = fmt or ("md" if output and output.lower().endswith(".md") else "html")
    output = report_path(report_file_name(t("report.review.file"), slug, held.isoformat(), fmt), output)
    document = review_document(store.unit(slug).name, held, meeting_outcomes(store, slug, held), today)
    click.echo(visible_line(write_report(output, document.render(fmt))))
