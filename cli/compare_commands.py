"""`spiegel compare M-1 M-4`: two meetings of one unit side by side (the repeat
cycle, seed 004): themes that came back, leerpunten since solved, still open, new.
The matching is the store's (store/model/compare.py)."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command()
@click.argument("first", metavar="BIJEENKOMST")
@click.argument("second", metavar="BIJEENKOMST")
@click.option("--json", "as_json", is_flag=True)
@data_dir_option
@click.pass_context
def compare(ctx, first, second, as_json, data_dir):
    """Vergelijk twee bijeenkomsten van een eenheid: terugkerende thema's, opgeloste, open en nieuwe leerpunten."""
    from cli.output import echo, print_json
    from store.model.compare import compare_meetings, comparison_lines

    store = make_store(settings(ctx, data_dir))
    found = compare_meetings(store, first, second)
    if as_json:
        print_json({
            "first": found.first.id, "second": found.second.id,
            "returned": [{"later": r.later.id, "earlier": [f.id for f in r.earlier], "theme": r.theme}
                         for r in found.returned],
            "solved": [f.id for f in found.solved], "still_open": [f.id for f in found.still_open],
            "new": [f.id for f in found.new],
        })
        return
    for line in comparison_lines(found, store.today()):
        echo(line)
