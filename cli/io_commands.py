"""`spiegel import`, `spiegel export` and `spiegel ical`: spreadsheets in, files
and a calendar out. The store does the work (store/exchange/interop/); this module reads
the options and prints what the store found.

    spiegel import plan.xlsx --unit linde --dry-run
    spiegel export --format xlsx --what actions --unit linde -o acties.xlsx
    spiegel ical --owner Sanne -o sanne.ics
"""

from __future__ import annotations

import sys

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command("import")
@click.argument("file", metavar="BESTAND")
@click.option("--unit", "-u", metavar="EENHEID")
@click.option("--kind", default="actions", metavar="actions|findings|meetings|measurements")
@click.option("--meeting", metavar="M-ID")
@click.option("--dry-run", "dry_run", is_flag=True)
@click.option("--kolom", "kolom", multiple=True, metavar="\"KOP=VELD\"")
@click.option("--sheet", "tab", metavar="BLAD")
@click.option("--actie", "action", metavar="A-NR")
@data_dir_option
@click.pass_context
def import_(ctx, file, unit, kind, meeting, dry_run, kolom, tab, action, data_dir):
    """`spiegel import FILE --unit U`: the columns, one line per row that does something, then the sum."""
    from store.exchange import interop as _interop_words  # noqa: F401  (registers its words)
    from cli.output import echo
    from store.exchange.interop import importer
    from store.exchange.interop.column_report import by_hand

    from store.i18n import t

    if not unit:  # not click's required=True: its "[required]" has no word in our catalogs
        raise click.UsageError(t("interop.unit_required"))
    store = make_store(settings(ctx, data_dir))
    slug = store.resolve_unit(unit)
    kind = kind.strip().lower()
    columns = by_hand(kolom, kind) if kolom else None
    result = (importer.preview if dry_run else importer.run)(store, slug, file, kind, meeting,
                                                             columns=columns, tab=tab, action=action or "")
    for line in result.lines():
        echo(line)
    echo(result.summary())
    if result.problems():
        ctx.exit(1)  # a script sees that rows were skipped


@click.command()
@click.option("--format", "fmt", metavar="csv|xlsx|json")
@click.option("--what", default="actions", metavar="actions|findings|meetings|measurements")
@click.option("--unit", "-u", metavar="EENHEID")
@click.option("-o", "--output", metavar="BESTAND")
@data_dir_option
@click.pass_context
def export(ctx, fmt, what, unit, output, data_dir):
    """`spiegel export`: one unit, or every unit the user may read (the others named on stderr)."""
    from store.exchange import interop as _interop_words  # noqa: F401  (registers its words)
    from store.errors import InvalidValue
    from store.i18n import t
    from store.exchange.interop import exporter

    if not fmt:  # the file's extension says it (acties.xlsx), else CSV
        import os

        fmt = os.path.splitext(output or "")[1].lstrip(".").lower()
        fmt = fmt if fmt in exporter.FORMATS else "csv"
    fmt, what = fmt.strip().lower(), what.strip().lower()
    exporter.check(what, fmt)
    if fmt == "xlsx" and not output:
        raise InvalidValue("-o", t("interop.xlsx_needs_file"))
    store = make_store(settings(ctx, data_dir))
    skipped: list = []
    records = exporter.gather(store, what, store.resolve_unit(unit) if unit else None, skipped)
    payload, count = exporter.export_bytes(what, fmt, records)
    _deliver(payload, output, t("interop.written", count=count, path=output or "-"), skipped)


@click.command()
@click.option("--unit", "-u", metavar="EENHEID")
@click.option("--owner", metavar="NAAM")
@click.option("-o", "--output", metavar="BESTAND")
@data_dir_option
@click.pass_context
def ical(ctx, unit, owner, output, data_dir):
    """`spiegel ical`: deadlines, review dates and feedback due dates as iCalendar."""
    from store.exchange import interop as _interop_words  # noqa: F401  (registers its words)
    from store.i18n import t
    from store.exchange.interop import ical as calendar

    store = make_store(settings(ctx, data_dir))
    skipped: list = []
    found = calendar.events(store, store.resolve_unit(unit) if unit else None, owner, skipped)
    payload = calendar.calendar_bytes(found)
    _deliver(payload, output, t("interop.ical.written", count=len(found), path=output or "-"), skipped)


def _deliver(payload: bytes, output: str | None, done: str, skipped: list) -> None:
    """To the file (0600, store/exchange/interop/outfile.py) with a line on stderr, or to stdout."""
    from cli.output import fail
    from store.i18n import t

    for problem in skipped:
        fail(t("interop.skipped_unit", problem=str(problem)))
    if not output or output == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    from store.exchange.interop.outfile import write_file

    write_file(output, payload)
    sys.stderr.write(f"spiegel: {done}\n")
