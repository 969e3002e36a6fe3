"""What every command shares: the options made from cli.spec's table, the command-level
--data-dir, and the settings a command reads (the group's, with its own --data-dir).
The command modules import this, never the group that lists them (cli/group.py)."""

from __future__ import annotations

import click

from cli.settings import Settings, with_data_dir
from cli.spec import DATA_DIR, LANGUAGES, Opt

CONTEXT = {"help_option_names": ["-h", "--help"]}


def options(spec: tuple[Opt, ...], show_default: bool = False):
    """A decorator adding every option of `spec` as a click option."""

    def decorate(func):
        for opt in reversed(spec):
            extra: dict = {}  # the help text comes from the catalogs (cli.click_words)
            if opt.kind == "flag":
                extra["is_flag"] = True
            elif opt.kind == "multi":
                extra["multiple"] = True
            elif opt.kind == "1-4":
                extra["type"] = click.IntRange(1, 4)
                extra["metavar"] = "1-4"  # not click's "INTEGER RANGE", which no language changes
                extra["show_default"] = show_default and opt.default is not None
            elif opt.kind == "nl|en":
                extra["type"] = click.Choice(LANGUAGES)
            if opt.metavar:
                extra["metavar"] = opt.metavar
            if opt.kind in ("text", "1-4") and opt.default is not None:
                extra["default"] = opt.default
            func = click.option(*opt.flags, opt.dest, **extra)(func)
        return func

    return decorate


data_dir_option = options((DATA_DIR,))


def settings(ctx: click.Context, data_dir: str | None) -> Settings:
    """The group's settings, with a command-level --data-dir taking precedence."""
    return with_data_dir(ctx.obj, data_dir)
