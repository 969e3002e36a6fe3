"""click's own texts in Dutch, and English (help included) with --lang en."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from cli.words.en import WORDS as CLI_EN
from cli.words.nl import WORDS as CLI_NL

# click's texts a user of spiegel can meet: help, usage errors, bad values.
USER_FACING = [
    "Show this message and exit.", "Show the version and exit.", "Usage:", "Options", "Commands",
    "No such command {name!r}.", "No such option {name!r}.", "Missing argument", "Missing option",
    "Invalid value for {param_hint}: {message}", "Did you mean {possibility}?",
    "(Did you mean one of: {possibilities}?)", "Got unexpected extra argument ({args})",
    "Got unexpected extra arguments ({args})", "Option {name!r} requires an argument.",
    "Option {name!r} does not take a value.", "{value} is not in the range {range}.",
    "{value!r} is not one of {choices}.", "{value!r} is not a valid {number_type}.", "default: {default}",
    "Aborted!",
]


def click_messages() -> set[str]:
    """Every text the installed click passes to gettext/ngettext."""
    found = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_user_facing_click_text_has_a_dutch_word_in_this_click():
    installed = click_messages()
    missing = [m for m in USER_FACING if m in installed and f"click:{m}" not in CLI_NL]
    assert not missing
    assert len([m for m in USER_FACING if m in installed]) >= len(USER_FACING) - 3  # the list tracks click


def test_every_command_and_option_has_help_in_both_languages():
    from cli import admin_commands, db_commands, io_commands, kpi_commands, read_commands, unit_commands, write_commands  # noqa: F401
    from cli import finding_commands, meeting_commands, serve_command  # noqa: F401
    from cli import compare_commands, feedback_commands, team_commands  # noqa: F401
    from cli.demo_command import demo  # noqa: F401
    from cli.group import cli
    from store.i18n import CATALOGS

    CLI_NL = CATALOGS["nl"]  # the command line's catalogs and those its parts register

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, name if path == "spiegel" else f"{path}.{name}")

    from store.i18n import CATALOGS  # cli/words/, added by cli.group

    for path, command in walk(cli, "spiegel"):
        for words in (CATALOGS["nl"], CATALOGS["en"]):
            assert f"cli.help.{path}" in words, path
            for param in command.params:
                if isinstance(param, click.Option) and param.name not in ("help",):
                    assert f"cli.opt.{path}.{param.name}" in words or f"cli.opt.{param.name}" in words, (path, param.name)


@pytest.mark.parametrize("args, dutch, english", [
    (["--help"], ["Gebruik:", "Opties:", "Opdrachten:", "Toon dit bericht en stop."], ["Usage:", "Show this message"]),
    (["show", "--help"], ["Alles van één record", "Datamap voor deze opdracht."], ["Everything about one record"]),
    (["add", "--help"], ["TITEL", "[standaard: 1"], ["TITLE", "[default: 1"]),
])
def test_help_in_dutch_and_in_english(run, two_units, args, dutch, english):
    nl = run(*args).stdout
    en = run("--lang", "en", *args).stdout
    for word in dutch:
        assert word in nl and word not in en
    for word in english:
        assert word in en and word not in nl
    for english_word in ("Usage:", "Show this message", "Options:", "Commands:", "[OPTIONS]"):
        assert english_word not in nl


@pytest.mark.parametrize("args, dutch, english", [
    (["nosuch"], "Opdracht 'nosuch' bestaat niet", "No such command 'nosuch'"),
    (["show"], "Argument ontbreekt 'ID'", "Missing argument 'ID'"),
    (["list", "--phase", "9"], "ligt niet in het bereik", "is not in the range"),
    (["list", "--bogus"], "Optie '--bogus' bestaat niet", "No such option"),
    (["units", "ad"], "Bedoelde je 'add'?", "Did you mean 'add'?"),
])
def test_usage_errors_in_dutch_and_in_english(run, two_units, args, dutch, english):
    nl = run(*args, ok=False)
    en = run("--lang", "en", *args, ok=False)
    assert nl.returncode == en.returncode == 2
    assert dutch in nl.stderr and "(zie 'spiegel" in nl.stderr, nl.stderr
    assert english in en.stderr and "(see 'spiegel" in en.stderr, en.stderr
    assert nl.stderr.count("\n") == en.stderr.count("\n") == 1
