"""The click command group: every command, its help and its usage errors. The
everyday `list` and `add` lines are also run without click (cli.fast); both take
their options from cli.spec."""

from __future__ import annotations

import click

from cli.catalog_after_en import CLI_AFTER_EN
from cli.catalog_after_nl import CLI_AFTER_NL
from cli.catalog_en import CLI_EN
from cli.catalog_eval_en import CLI_EVAL_EN
from cli.catalog_eval_nl import CLI_EVAL_NL
from cli.catalog_nl import CLI_NL
from cli.catalog_units_en import CLI_UNITS_EN
from cli.catalog_units_nl import CLI_UNITS_NL
from cli.catalog_work_en import CLI_WORK_EN
from cli.catalog_work_nl import CLI_WORK_NL
from cli.settings import Settings, settings_from, with_data_dir
from cli.spec import DATA_DIR, GLOBAL, LANGUAGES, Opt
from store.i18n import register

register({"nl": CLI_NL, "en": CLI_EN})
register({"nl": CLI_UNITS_NL, "en": CLI_UNITS_EN})
register({"nl": CLI_WORK_NL, "en": CLI_WORK_EN})  # meetings, findings, serve
register({"nl": CLI_AFTER_NL, "en": CLI_AFTER_EN})
register({"nl": CLI_EVAL_NL, "en": CLI_EVAL_EN})

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


class Group(click.Group):
    """Commands listed in the order a user meets them, not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=Group, context_settings=CONTEXT, invoke_without_command=True)
@options(GLOBAL)
@click.version_option(package_name="spiegel")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, db: str | None, lang: str | None) -> None:
    """The group: settings for every command; without one, the app."""
    ctx.obj = settings_from(data_dir, lang, db)
    if ctx.invoked_subcommand is None:
        from cli.app_launch import open_app

        open_app(ctx.obj)


def settings(ctx: click.Context, data_dir: str | None) -> Settings:
    """The group's settings, with a command-level --data-dir taking precedence."""
    return with_data_dir(ctx.obj, data_dir)


def lang_option(argv: list[str]) -> str | None:
    """The value of --lang on a command line (wherever it stands), or None."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def run_click(argv: list[str]) -> int:
    """Run the command line through click; its exit code."""
    from cli import admin_commands, db_commands, io_commands, kpi_commands, read_commands, write_commands  # noqa: F401  (registers commands)
    from cli import unit_commands  # noqa: F401  (units edit)
    from cli import meeting_commands, finding_commands, serve_command  # noqa: F401  (in the order users meet them)
    from cli import visit_commands  # noqa: F401  (practice visits)
    from cli import compare_commands, feedback_commands, team_commands  # noqa: F401  (after a meeting)
    from cli import eval_commands  # noqa: F401  (evaluation: review queue, measurements, delete)
    from cli import backup_commands  # noqa: F401  (backup and restore)
    from cli.click_words import install, translate_help
    from cli.demo_command import demo  # noqa: F401
    from cli.settings import language_from

    # The language first: click writes --help and usage errors while it parses,
    # before the group's callback could read --lang.
    language_from(lang_option(argv))
    install()
    translate_help(cli)

    try:
        result = cli.main(args=argv, standalone_mode=False, prog_name="spiegel")
        return result if isinstance(result, int) else 0  # ctx.exit(n) comes back as n
    except click.exceptions.Abort:
        return 130
    except click.ClickException as exc:
        from cli.output import fail, fail_usage

        if getattr(exc, "ctx", None):
            fail_usage(exc.format_message(), exc.ctx.command_path.partition(" ")[2])
        else:
            fail(exc.format_message())
        return exc.exit_code
