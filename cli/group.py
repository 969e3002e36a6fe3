"""The click command group: every command (imported only when it is asked for,
cli/lazy.py), its help and its usage errors. The everyday `list` and `add` lines are
also run without click (cli.fast); both take their options from cli.spec."""

from __future__ import annotations

import click

from cli import words
from cli.lazy import LazyGroup
# options, data_dir_option and settings live in cli/params.py; importable from here too.
from cli.params import CONTEXT, data_dir_option, options, settings  # noqa: F401
from cli.settings import settings_from
from cli.spec import GLOBAL
from store.i18n import add_layer

# Every command's words, so that `spiegel --help` lists them without importing one
# (cli/lazy.py).
add_layer(words.load)

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
