"""The `spiegel` command. Subcommands import only what they use: start-up is most of
the cost of `spiegel add` and `spiegel list` (shared/pitfalls.md)."""

from __future__ import annotations

import sys

import click

from cli.settings import Settings, data_dir_from, today_from_env

CONTEXT = {"help_option_names": ["-h", "--help"]}
data_dir_option = click.option("--data-dir", metavar="MAP", help="Datamap voor deze opdracht.")


class Group(click.Group):
    """Commands listed in the order a user meets them, not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=Group, context_settings=CONTEXT, invoke_without_command=True)
@click.option("--data-dir", metavar="MAP", help="Datamap (anders $SPIEGEL_DATA of de standaardmap).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Taal van de uitvoer (standaard nl; LANG=en… geeft Engels).")
@click.version_option(package_name="spiegel")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, lang: str | None) -> None:
    """spiegel: van spiegelgesprek naar leerpunt naar verbeteractie.

    Zonder opdracht opent spiegel het dashboard op de datamap.
    """
    from store.i18n import language_from_env

    ctx.obj = Settings(data_dir_from(data_dir), language_from_env(lang), today_from_env())
    if ctx.invoked_subcommand is None:
        from cli.app_launch import open_app

        open_app(ctx.obj)


def settings(ctx: click.Context, data_dir: str | None) -> Settings:
    """The group's settings, with a command-level --data-dir taking precedence."""
    base: Settings = ctx.obj
    if data_dir:
        return Settings(data_dir_from(data_dir), base.lang, base.today)
    return base


def main() -> None:
    from cli import read_commands, write_commands  # noqa: F401  (registers commands)
    from cli.demo_command import demo  # noqa: F401

    code = 0
    try:
        result = cli.main(standalone_mode=False, prog_name="spiegel")
        code = result if isinstance(result, int) else 0  # ctx.exit(n) comes back as n
    except click.exceptions.Abort:
        code = 130
    except click.ClickException as exc:
        from cli.output import fail

        hint = f" (zie 'spiegel {exc.ctx.command_path.partition(' ')[2]} --help')".replace("  ", " ") if getattr(exc, "ctx", None) else ""
        fail(exc.format_message() + hint)
        code = exc.exit_code
    except Exception as exc:  # a SpiegelError is the user's to fix: one line, no traceback
        from store.errors import SpiegelError

        if not isinstance(exc, SpiegelError):
            raise
        from cli.output import fail

        fail(str(exc))
        code = 1
    sys.exit(code)
