"""`spiegel feedback`: the feedback to a meeting's participants (*terugkoppeling*).

    spiegel feedback document M-3 --format html -o terugkoppeling.html
    spiegel feedback sent M-3 [--datum gisteren] [--onbekend]
    spiegel feedback list [--unit hoek] [--late]

The duty rule and the document are the store's (store/model/feedback_duty.py,
store/exchange/reports/feedback.py); this module reads what was typed and prints what it found.
"""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.group()
def feedback():
    """Terugkoppeling aan de deelnemers: document schrijven, als verstuurd vastleggen, overzicht."""


@feedback.command("document")
@click.argument("meeting_id", metavar="BIJEENKOMST")
@click.option("--format", "fmt", type=click.Choice(("md", "html")), default="md", metavar="md|html")
@click.option("-o", "--output", "output", metavar="BESTAND")
@data_dir_option
@click.pass_context
def document(ctx, meeting_id, fmt, output, data_dir):
    """Schrijf de terugkoppeling voor de deelnemers (Markdown of HTML); drukt het pad af."""
    from store.i18n import t
    from store.exchange.reports.feedback import write_feedback
    from store.exchange.reports.output import report_path

    store = make_store(settings(ctx.parent, data_dir))
    # -o, else the reports folder (settings file `reports_dir`), else where spiegel started
    path = report_path(f"{t('feedback.file', id=meeting_id.strip().upper())}.{fmt}", output)
    click.echo(write_feedback(store, meeting_id, path, fmt))


@feedback.command("sent")
@click.argument("meeting_id", metavar="BIJEENKOMST")
@click.option("--datum", "--date", "date", default="", metavar="DATUM")
@click.option("--onbekend", "--unknown", "unknown", is_flag=True)
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def sent(ctx, meeting_id, date, unknown, rev, data_dir):
    """Leg vast dat de terugkoppeling is verstuurd (vandaag, op --datum, of --onbekend: gegeven, datum onbekend)."""
    from store.model.feedback_duty import duty_words, mark_sent
    from store.model.fields import parse_field_date

    store = make_store(settings(ctx.parent, data_dir))
    on = parse_field_date("feedback_sent", date, store.today()) if date.strip() else None
    meeting = mark_sent(store, meeting_id, on=on, unknown=unknown, rev=rev)
    click.echo(f"{meeting.id} rev {meeting.rev}: {duty_words(meeting, store.today())}")


@feedback.command("list")
@click.option("--unit", "unit", default="", metavar="EENHEID")
@click.option("--late", "--te-laat", "late", is_flag=True)
@click.option("--json", "as_json", is_flag=True)
@data_dir_option
@click.pass_context
def list_duties(ctx, unit, late, as_json, data_dir):
    """Bijeenkomsten met hun terugkoppeling: te laat eerst, dan op datum."""
    from cli.output import echo, print_json, table
    from store.model.feedback_duty import duties, duty_words
    from store.model.fields import show_date
    from store.i18n import t

    store = make_store(settings(ctx.parent, data_dir))
    slug = store.resolve_unit(unit) if unit.strip() else None
    today = store.today()
    found = duties(store, slug, late_only=late)
    if as_json:
        print_json([{"id": m.id, "unit": m.unit, "date": m.date.isoformat() if m.date else None,
                     "theme": m.theme, "state": d.state, "due": d.due.isoformat() if d.due else None}
                    for m, d in found])
        return
    if not found:
        echo(t("cli.feedback.none"))
        return
    headers = [t("cli.feedback.col.id"), t("cli.feedback.col.unit"), t("cli.feedback.col.date"),
               t("cli.feedback.col.state"), t("cli.feedback.col.theme")]
    rows = [[m.id, m.unit, show_date("date", m.date, today, weekday=False) if m.date else "",
             ("! " if d.late else "") + duty_words(m, today), m.theme] for m, d in found]
    table(headers, rows, shrink=(4, 1))
