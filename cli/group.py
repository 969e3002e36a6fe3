"""The click command group: every command (imported only when it is asked for,
cli/lazy.py), its help and its usage errors. The everyday `list` and `add` lines are
also run without click (cli.fast); both take their options from cli.spec."""

from __future__ import annotations

import click

from cli.catalog_after_en import CLI_AFTER_EN
from cli.catalog_after_nl import CLI_AFTER_NL
from cli.catalog_backup_en import CLI_BACKUP_EN
from cli.catalog_backup_nl import CLI_BACKUP_NL
from cli.catalog_en import CLI_EN
from cli.catalog_eval_en import CLI_EVAL_EN
from cli.catalog_eval_nl import CLI_EVAL_NL
from cli.catalog_io_en import IO_EN
from cli.catalog_io_nl import IO_NL
from cli.catalog_nl import CLI_NL
from cli.catalog_units_en import CLI_UNITS_EN
from cli.catalog_units_nl import CLI_UNITS_NL
from cli.catalog_visit_en import CLI_VISIT_EN
from cli.catalog_visit_nl import CLI_VISIT_NL
from cli.catalog_work_en import CLI_WORK_EN
from cli.catalog_work_nl import CLI_WORK_NL
from cli.lazy import LazyGroup
# options, data_dir_option and settings live in cli/params.py; importable from here too.
from cli.params import CONTEXT, data_dir_option, options, settings  # noqa: F401
from cli.settings import settings_from
from cli.spec import GLOBAL
from store.i18n import register

register({"nl": CLI_NL, "en": CLI_EN})
register({"nl": CLI_UNITS_NL, "en": CLI_UNITS_EN})
register({"nl": CLI_WORK_NL, "en": CLI_WORK_EN})  # meetings, findings, serve
register({"nl": CLI_AFTER_NL, "en": CLI_AFTER_EN})
register({"nl": CLI_EVAL_NL, "en": CLI_EVAL_EN})
# Also registered by their command modules; here too so that `spiegel --help` lists
# those commands without importing them (cli/lazy.py).
register({"nl": IO_NL, "en": IO_EN})
register({"nl": CLI_VISIT_NL, "en": CLI_VISIT_EN})
register({"nl": CLI_BACKUP_NL, "en": CLI_BACKUP_EN})

# Every command, in the order a user meets them: imported only when it is asked for
# (cli/lazy.py). A new command module adds its commands here.
COMMANDS = {
    "list": "cli.read_commands:list_actions",
    "show": "cli.read_commands:show",
    "units": "cli.read_commands:units",
    "check": "cli.read_commands:check",
    "migrate": "cli.admin_commands:migrate",
    "db": "cli.db_commands:db",
    "import": "cli.io_commands:import_",
    "export": "cli.io_commands:export",
    "ical": "cli.io_commands:ical",
    "kpi": "cli.kpi_commands:kpi",
    "add": "cli.write_commands:add",
    "edit": "cli.write_commands:edit",
    "done": "cli.write_commands:done",
    "undo": "cli.write_commands:undo",
    "meetings": "cli.meeting_commands:meetings",
    "findings": "cli.finding_commands:findings",
    "serve": "cli.serve_command:serve",
    "visit": "cli.visit_commands:visit",
    "compare": "cli.compare_commands:compare",
    "feedback": "cli.feedback_commands:feedback",
    "teams": "cli.team_commands:teams",
    "delete": "cli.eval_commands:delete_record",
    "review": "cli.eval_commands:review",
    "backup": "cli.backup_commands:backup",
    "restore": "cli.backup_commands:restore",
    "demo": "cli.demo_command:demo",
}


@click.group(cls=LazyGroup, lazy=COMMANDS, ordered=True, context_settings=CONTEXT, invoke_without_command=True)
@options(GLOBAL)
@click.version_option(package_name="spiegel")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, db: str | None, lang: str | None) -> None:
    """The group: settings for every command; without one, the app."""
    ctx.obj = settings_from(data_dir, lang, db)
    if ctx.invoked_subcommand is None:
        from cli.app_launch import open_app

        open_app(ctx.obj)


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
    from cli.click_words import install, translate_help
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
