"""click's own texts ("Usage:", "Show this message and exit.", "No such command")
and our commands' help, in the UI language.

click looks its texts up with `gettext` through a name `_` (and `ngettext`) bound in
each of its modules at import; those module globals are replaced here by lookups in
our catalogs (`click:<English text>` keys, cli/words/), so no .mo files and no
locale are involved, and LANG plays no part. A text click adds in a later version and
we lack stays English: the test over every click `_()` call in the installed click
names it. Our own help texts are set on the command tree from `cli.help.*` and
`cli.opt.*` keys, after the language is known and before click formats anything.
"""

from __future__ import annotations

import importlib

import click

from store.i18n import t

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
                 "shell_completion", "_termui_impl")


def click_text(message: str) -> str:
    """click's English `message` in the UI language (itself when we have no word)."""
    key = "click:" + message
    found = t(key)
    return message if found == key else found


def click_plural(singular: str, plural: str, n: int) -> str:
    return click_text(singular if n == 1 else plural)


def install() -> None:
    """Make every click module look its texts up in our catalogs."""
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a Windows-only module, or one a click version lacks
            continue
        if hasattr(module, "_"):
            module._ = click_text
        if hasattr(module, "ngettext"):
            module.ngettext = click_plural


def translate_help(command: click.Command, path: str = "spiegel") -> None:
    """Set the help of `command`, its options and its subcommands from the catalogs."""
    command.help = _text(f"cli.help.{path}", command.help)
    command.short_help = None  # made from the help, in the same language
    command.options_metavar = t("cli.metavar.options")
    if isinstance(command, click.Group):
        command.subcommand_metavar = t("cli.metavar.command")
    for param in command.params:
        if param.metavar:  # written in Dutch in the code: TITEL, NAAM, MAP
            param.metavar = _text(f"cli.metavar.{param.metavar}", param.metavar)
        if isinstance(param, click.Option):
            param.help = _text(f"cli.opt.{path}.{param.name}", None) or _text(f"cli.opt.{param.name}", param.help)
    if isinstance(command, click.Group):
        def sub_path(name: str) -> str:
            return name if path == "spiegel" else f"{path}.{name}"

        subcommands = command.commands
        if hasattr(command, "on_load"):  # a lazy group (cli/lazy.py): the rest as they are imported
            command.on_load = lambda name, sub: translate_help(sub, sub_path(name))
            command.help_texts = lambda name: _text(f"cli.help.{sub_path(name)}", None)
            subcommands = command.commands.loaded
        for name, sub in list(subcommands.items()):
            translate_help(sub, sub_path(name))


def _text(key: str, fallback: str | None) -> str | None:
    found = t(key)
    return fallback if found == key else found
