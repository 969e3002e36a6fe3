"""What an administrator runs on a shared server: `spiegel units group` and
`spiegel migrate` (store/persistence/files/admin.py does the work). `spiegel units add --group`
lives with the other unit commands."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command("group")
@click.argument("name", metavar="NAAM")
@click.argument("group", metavar="GROEP")
@data_dir_option
@click.pass_context
def unit_group(ctx, name, group, data_dir):
    """`spiegel units group NAME GROUP`: the unit's directory and files to GROUP."""
    from cli.output import echo
    from store.persistence.files.admin import set_group
    from store.persistence.files.layout import group_id
    from store.i18n import t

    store = file_store(settings(ctx.parent, data_dir))
    slug = store.resolve_unit(name)
    changed = set_group(store.files, slug, group_id(group))
    echo(t("units.group_set", unit=slug, group=group, count=changed))


@click.command()
@data_dir_option
@click.pass_context
def migrate(ctx, data_dir):
    """`spiegel migrate`: the flat layout to a directory per unit (store/persistence/files/admin.py),
    and each unit's old `last visit` date made its first visit record (store/moments/visits.py)."""
    from cli.output import echo
    from store.persistence.files.admin import migrate as migrate_layout

    from store.model.fields import show_date
    from store.i18n import t
    from store.moments.visits import carry_over_visits

    store = file_store(settings(ctx, data_dir))
    for slug, outcome in migrate_layout(store.files):
        echo(f"{slug}: {outcome}")
    for slug, visit in carry_over_visits(store):  # the old `last visit` date as a record
        echo(t("visit.carried_over_done", unit=slug, date=show_date("last_visit", visit.date, store.today(), weekday=False),
                   id=visit.id))


def file_store(settings):
    """The store of a data directory; a database refused with one line (these
    commands change directories and groups)."""
    from store.errors import SpiegelError
    from store.i18n import t

    store = make_store(settings)
    if store.files is None:
        raise SpiegelError(t("db.file_only"))
    return store


def warn_if_shared(store, slug: str) -> None:
    """A unit made without --group on a shared server is readable by every member of
    the data directory's group: say so (a warning, never a refusal)."""
    from cli.output import fail
    from store.i18n import t

    if store.files is None:  # a database: who may read a unit is a matter of its roles
        return
    group = store.files.open_to_everyone(slug)
    if group:
        fail(t("units.shared_warning", unit=slug, group=group))
