"""`spiegel demo`: fill a demo data directory with realistic Dutch data, then open it."""

from __future__ import annotations

import click

from cli.settings import Settings, demo_dir_from


@click.command()
@click.option("--data-dir", metavar="MAP")
@click.option("--no-tui", is_flag=True)
@click.option("--actions", type=click.IntRange(1, 200_000), metavar="N")
@click.option("--fresh", is_flag=True)
@click.pass_context
def demo(ctx, data_dir, no_tui, actions, fresh):
    """`spiegel demo`: fill the demo directory (or the one named) and open the app."""
    from store.i18n import t

    base: Settings = ctx.obj
    # `spiegel --data-dir X demo` means X as much as `spiegel demo --data-dir X` does.
    named = data_dir or ctx.find_root().params.get("data_dir")
    settings = base._replace(data_dir=demo_dir_from(named), named=bool(named))
    from store.persistence.repository import Store

    store = Store(settings.data_dir, today=settings.today)
    if fresh:
        _remove_spiegel_files(store)
    if store.slugs():
        click.echo(t("demo.exists", path=settings.data_dir), err=True)
    else:
        from store.moments.demo import build_demo

        slugs = build_demo(store, actions=actions, progress=_progress_printer())
        click.echo(t("demo.made", count=len(slugs), path=settings.data_dir), err=True)
    if not no_tui:
        from cli.app_launch import open_app

        open_app(settings)


def _progress_printer():
    import sys

    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done}/{total}")
        if done >= total:
            sys.stderr.write("\n")

    return show


def _remove_spiegel_files(store) -> None:
    """Only the unit directories (those holding a unit.json) and the id registry:
    nothing else in the map. rmtree never follows a link out of them."""
    import shutil

    for path in store.data_dir.iterdir():
        if path.is_dir() and not path.is_symlink() and ((path / "unit.json").is_file() or path.name == ".ids"):
            shutil.rmtree(path)
