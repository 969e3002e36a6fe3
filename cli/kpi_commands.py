"""`spiegel kpi`: a KPI on an action, its measurements and its run chart.

    spiegel kpi add A-12 "Terugbelverzoeken binnen een dag" --eenheid % --richting hoger --doel 90
    spiegel kpi measure K-3 "1 nov" 87,5 --notitie "na de nieuwe telefooncentrale"
    spiegel kpi edit K-3 --basis-tot 2026-03-31
    spiegel kpi show K-3 [--json]

Every rule is the store's (store/model/kpis.py, store/model/runchart): this module only reads
what was typed and prints what the store found.
"""

from __future__ import annotations

import click

from cli.lazy import LazyGroup
from cli.params import data_dir_option, options, settings
from cli.numbers import NumberArguments
from cli.settings import make_store
from cli.spec import JSON

KPI_OPTIONS = (
    ("--eenheid", "measure_unit", "EENHEID", "Meeteenheid, bv. %, min of aantal."),
    ("--richting", "direction", "hoger|lager", "Is hoger of lager beter? (standaard hoger)"),
    ("--nulmeting", "baseline", "GETAL", "De waarde bij de start."),
    ("--doel", "target", "GETAL", "De streefwaarde."),
    ("--regels", "rules", "ihi|anhoej", "Run-chartregels voor deze KPI (standaard de instelling, anders IHI)."),
    ("--basis-tot", "baseline_end", "DATUM", "Laatste dag van de basisperiode (standaard: de dag voor de start van de actie)."),
    ("--basis-eerste", "baseline_points", "N", "De basisperiode is de eerste N metingen."),
)


def kpi_options(func):
    for flag, dest, metavar, text in reversed(KPI_OPTIONS):
        func = click.option(flag, dest, metavar=metavar, help=text)(func)
    return func


# `kpi correct` and `kpi delete` live with the evaluation meeting's commands (cli/eval_commands.py).
@click.group(cls=LazyGroup, lazy={"correct": "cli.eval_commands:correct", "delete": "cli.eval_commands:delete_measurement_command"})
def kpi():
    """Indicatoren (KPI's) van een actie: toevoegen, meten, wijzigen, run chart tonen."""


@kpi.command("add")
@click.argument("action_id", metavar="ACTIE")
@click.argument("name", metavar="NAAM")
@kpi_options
@data_dir_option
@click.pass_context
def add_kpi(ctx, action_id, name, data_dir, **typed):
    """Nieuwe KPI bij een actie; drukt het id af (bv. K-12)."""
    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.records import Action, Kpi

    store = make_store(settings(ctx, data_dir))
    action = store.get(action_id)
    if not isinstance(action, Action):
        raise InvalidValue("action", t("kpi.not_action", id=action_id))
    values = _parsed(store, typed)
    click.echo(store.add(Kpi(action=action.id, name=name, **values), action.unit).id)


@kpi.command("measure", cls=NumberArguments)
@click.argument("kpi_id", metavar="KPI")
@click.argument("date", metavar="DATUM")
@click.argument("value", metavar="WAARDE")
@click.option("--notitie", "--note", "note", default="", metavar="TEKST", help="Een korte notitie bij de meting.")
@click.option("--vervang", "--replace", "same_day", flag_value="replace",
              help="Heeft de KPI al een meting op die dag: vervang die.")
@click.option("--ook", "--keep-both", "same_day", flag_value="keep",
              help="Heeft de KPI al een meting op die dag: houd beide.")
@data_dir_option
@click.pass_context
def measure(ctx, kpi_id, date, value, note, same_day, data_dir):
    """Meting toevoegen. Een datum zonder jaar ('1 nov') is de laatste zo'n datum. Heeft
    de KPI op die dag al een meting, dan vraagt spiegel wat ermee moet (of kies vooraf
    --vervang of --ook)."""
    from store.dates import describe_date
    from store.model.fields import parse_value
    from store.i18n import t
    from store.model.kpis import measurement_date
    from store.model.records import Kpi, Measurement
    from store.model.runchart import number

    store = make_store(settings(ctx, data_dir))
    when = measurement_date(date, store.today())
    from store.errors import InvalidValue

    try:
        amount = parse_value(Kpi, "baseline", value)  # the KPI number parser: a decimal comma is fine
    except InvalidValue as problem:
        raise InvalidValue("value", problem.message) from None
    if amount is None:
        raise InvalidValue("value", t("value.required"))
    note = parse_value(Kpi, "name", note)  # one clean line
    saved = _add_asking(store, kpi_id, Measurement(when, amount, note), same_day)
    click.echo(t("kpi.measure.saved", value=number(amount), date=describe_date(when, store.today()), id=saved.id))


def _add_asking(store, kpi_id, measurement, same_day):
    """add_measurement; a day that already has a value is asked about at a terminal,
    and without one it is one line naming the value there and the two options."""
    import sys

    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.kpis import add_measurement
    from store.moments.measurements import SameDayValue

    try:
        return add_measurement(store, kpi_id, measurement, same_day=same_day or "ask")
    except SameDayValue as asked:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise InvalidValue("value", t("kpi.measure.same_day_hint", question=asked.message)) from None
        choice = click.prompt(asked.message, type=click.Choice(["v", "b", "n"]), default="n",
                              prompt_suffix=" " + t("kpi.measure.same_day_choices") + " ", err=True)
        if choice == "n":
            raise InvalidValue("value", t("kpi.measure.same_day_none")) from None
        return add_measurement(store, kpi_id, measurement, same_day={"v": "replace", "b": "keep"}[choice])


@kpi.command("edit")
@click.argument("kpi_id", metavar="KPI")
@click.option("--naam", "--name", "name", metavar="NAAM", help="Nieuwe naam.")
@kpi_options
@click.option("--rev", type=int, metavar="N", help="Alleen wijzigen als de KPI nog op revisie N staat.")
@data_dir_option
@click.pass_context
def edit_kpi(ctx, kpi_id, name, rev, data_dir, **typed):
    """Velden van een KPI wijzigen; --basis-tot of --basis-eerste legt de basisperiode
    opnieuw vast (gelogd), '-' zet hem terug op de start van de actie."""
    from store.i18n import t

    store = make_store(settings(ctx, data_dir))
    values = _parsed(store, typed)
    if name is not None:
        from store.model.fields import parse_value
        from store.model.records import Kpi

        values["name"] = parse_value(Kpi, "name", name)
    if not values:
        raise click.UsageError(t("edit.nothing"))
    if "baseline_end" in values and "baseline_points" not in values:
        values["baseline_points"] = None  # a date replaces a 'first N points' choice
    elif "baseline_points" in values and "baseline_end" not in values:
        values["baseline_end"] = None
    record = store.change(kpi_id, values, rev=rev)
    click.echo(f"{record.id} rev {record.rev}")


@kpi.command("show")
@click.argument("kpi_id", metavar="KPI")
@data_dir_option
@options((JSON,))
@click.pass_context
def show_kpi(ctx, kpi_id, data_dir, as_json):
    """Een KPI met metingen en run-chartanalyse (basisperiode, mediaan, runs, signalen)."""
    from cli.kpi_render import kpi_json, kpi_text
    from store.errors import InvalidValue
    from store.i18n import t
    from store.model.kpis import analyse_kpi, started_on
    from store.model.records import Kpi

    store = make_store(settings(ctx, data_dir))
    record = store.get(kpi_id)
    if not isinstance(record, Kpi):
        raise InvalidValue("id", t("kpi.expected", id=kpi_id))
    analysis = analyse_kpi(record, started_on(store, record))
    if as_json:
        from cli.output import print_json

        print_json(kpi_json(record, analysis))
    else:
        kpi_text(record, analysis)


def _parsed(store, typed: dict) -> dict:
    """The options that were given, parsed by the store's field parsers."""
    from store.model.fields import parse_value
    from store.model.kpis import parse_direction
    from store.model.records import Kpi

    values = {name: text for name, text in typed.items() if text is not None}
    if "direction" in values:
        values["direction"] = parse_direction(values["direction"])
    return {name: text if name == "direction" else parse_value(Kpi, name, text, store.today())
            for name, text in values.items()}
