"""`spiegel backup [-o ARCHIVE]` and `spiegel restore ARCHIVE [--replace]`: a data
directory to one verified archive and back (store/persistence/files/backup.py, restore.py); on a
database, backup runs pg_dump (store/persistence/pg/dump.py) and restore points at pg_restore."""

from __future__ import annotations

import click

from cli.params import data_dir_option, settings
from cli.settings import make_store


@click.command()
@click.option("-o", "--output", "output", metavar="ARCHIEF", help="Waar de back-up komt (buiten de datamap).")
@data_dir_option
@click.pass_context
def backup(ctx, output, data_dir):
    """Schrijf een back-up van de datamap: één archief, elke eenheid onder haar eigen slot."""
    import os

    from cli.output import echo, fail
    from store.errors import NoAccess
    from store.i18n import t
    from store.text import clean_line

    store = make_store(settings(ctx, data_dir))
    try:
        if store.files is None:
            from store.persistence.files.backup import default_name
            from store.persistence.pg.dump import dump

            path = os.path.abspath(os.path.expanduser(output or default_name().replace(".tar.gz", ".dump")))
            echo(t("backup.pg.doing", db=store.location, path=clean_line(path)))
            dump(store.backend.url, path)
            echo(t("backup.pg.done", path=clean_line(path)))
            return
        from store.persistence.files.backup import backup as write_backup, default_name

        path, manifest, left_out = write_backup(store.files, output or default_name())
    finally:
        store.close()
    for slug, entry in manifest["units"].items():
        echo(t("backup.unit", unit=slug, count=sum(entry["counts"].values())))
    for slug, problem in left_out:
        fail(t("backup.left_out", unit=slug, problem=clean_line(problem.problem)))
    if any(isinstance(problem, NoAccess) for _, problem in left_out):
        fail(t("backup.left_out_note"))
    echo(t("backup.done", path=clean_line(path), count=len(manifest["units"])))


@click.command()
@click.argument("archive", metavar="ARCHIEF")
@click.option("--replace", is_flag=True, help="Vervang eenheden die de datamap al heeft.")
@click.option("--unit", "units", multiple=True, metavar="SLUG", help="Alleen deze eenheid (herhaalbaar).")
@click.option("--make-groups", is_flag=True, help="Maak ontbrekende groepen, ook als het archief niet van root is.")
@data_dir_option
@click.pass_context
def restore(ctx, archive, replace, units, make_groups, data_dir):
    """Zet een back-up terug: eerst helemaal gecontroleerd, dan pas iets vervangen."""
    from cli.output import echo
    from store.errors import SpiegelError
    from store.i18n import t
    from store.text import clean_line

    store = make_store(settings(ctx, data_dir), create=True)
    try:
        if store.files is None:
            raise SpiegelError(t("restore.pg"))
        from store.persistence.files.restore import restore as restore_archive

        outcomes = restore_archive(store.files, archive, replace=replace, only=list(units) or None,
                                   make_groups=make_groups)
    finally:
        store.close()
    from cli.admin_commands import warn_if_shared

    echo(outcomes.whose)  # an archive a member made says so before anything else
    for slug, outcome in outcomes:
        echo(f"{slug}: {outcome}")
        warn_if_shared(store, slug)  # a unit every member of the data directory's group may read: said
    import os

    echo(t("restore.done", path=clean_line(os.path.abspath(archive)), count=len(outcomes)))
