"""Commands that change data: add, edit, done, undo. Each write is durable when
the command returns (fsynced); a clash with someone else's edit is reported, never
overwritten."""

from __future__ import annotations

import click

from cli import spec
from cli.params import data_dir_option, options, settings
from cli.settings import make_store, today

PDSA = ("plan", "do", "study", "act")


@click.command()
@click.argument("title", metavar="TITEL")
@options(spec.ADD, show_default=True)
@click.pass_context
def add(ctx, title, data_dir, **values):
    """`spiegel add TITLE` through click (the everyday form runs in cli.fast)."""
    from cli.hot import run_add

    run_add(settings(ctx, data_dir), title, **values)


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("record_id", metavar="ID")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def edit(ctx, record_id, rev, data_dir):
    """`spiegel edit ID --field value …`: any field by its Dutch or English name;
    --plan/--do/--study/--act merge into the PDSA note."""
    from store.model.fields import editable_fields, field_name, parse_value
    from store.model.records import record_type

    chosen = settings(ctx, data_dir)
    cls = record_type(record_id)
    pairs = _option_pairs(ctx.args)
    values: dict = {}
    merge: dict = {}
    for key, text in pairs:  # every value checked before the store is opened: bad input never reaches the data
        if key in PDSA and "pdsa" in editable_fields(cls):  # merged into the notes as stored under the lock
            merge.setdefault("pdsa", {})[key] = text
        else:
            name = field_name(cls, key)
            values[name] = parse_value(cls, name, text, today(chosen))
    record = make_store(chosen).change(record_id, values, rev=rev, merge=merge)
    click.echo(f"{record.id} rev {record.rev}")


@click.command()
@click.argument("record_id", metavar="ID")
@data_dir_option
@click.pass_context
def done(ctx, record_id, data_dir):
    """`spiegel done A-…`: complete an action (store.moments.workflows.complete_action)."""
    from store.moments.workflows import complete_action

    record = complete_action(make_store(settings(ctx, data_dir)), record_id)
    click.echo(f"{record.id} {record.status.label}")


@click.command()
@click.argument("record_id", metavar="ID")
@click.option("--rev", type=int, metavar="N")
@data_dir_option
@click.pass_context
def undo(ctx, record_id, rev, data_dir):
    """`spiegel undo ID [--rev N]`: reverse the latest change, saying whose it was."""
    from cli.output import echo
    from store.model.changes import undo_message

    store = make_store(settings(ctx, data_dir))
    echo(undo_message(store.undo(record_id, rev=rev), store.today()))


def _option_pairs(args: list[str]) -> list[tuple[str, str]]:
    """['--owner', 'Sanne', '--due=vr'] -> [('owner', 'Sanne'), ('due', 'vr')]."""
    from store.i18n import t

    pairs, rest = [], list(args)
    while rest:
        key = rest.pop(0)
        if not key.startswith("--") or len(key) < 3:
            raise click.UsageError(t("edit.expected_option", arg=key))
        key, eq, value = key[2:].partition("=")
        if not eq:
            if not rest:
                raise click.UsageError(t("edit.missing_value", option=key))
            value = rest.pop(0)
        pairs.append((key, value))
    if not pairs:
        raise click.UsageError(t("edit.nothing"))
    return pairs
