"""A click group that imports a command's module only when that command is asked for
(click's documented "LazyGroup"): `spiegel --help` and every command line import only
what they use, and no command module imports the group that lists it, so the command
line has no import circle (docs/architecture.md).

A group's `lazy` map names each command as "module:attribute", in the order a user
meets them. Commands defined beside the group may still be added with
`@group.command()`. The help's command list takes each command's one-line help from
the catalogs (`cli.help.<path>`) without importing it; a command whose words are not
registered yet is imported.
"""

from __future__ import annotations

import importlib
from collections.abc import MutableMapping

import click

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterator


class LazyCommands(MutableMapping):
    """A group's commands by name: the lazy ones imported on first use, the rest as
    added. Walking it (`items()`) imports every command, as a test of the whole tree
    wants; `list_commands` and `name in` do not."""

    def __init__(self, group: LazyGroup, lazy: dict[str, str]) -> None:
        self.group, self.lazy, self.loaded = group, dict(lazy), {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.loaded:
            if name not in self.lazy:
                raise KeyError(name)
            module, _, attribute = self.lazy[name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy[name]} is no click command")
            self.loaded[name] = command
            if self.group.on_load is not None:
                self.group.on_load(name, command)
        return self.loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self.lazy.pop(name, None)
        del self.loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in self.lazy or name in self.loaded

    def __iter__(self) -> Iterator[str]:
        yield from self.lazy
        yield from (name for name in self.loaded if name not in self.lazy)

    def __len__(self) -> int:
        return len(set(self.lazy) | set(self.loaded))


class LazyGroup(click.Group):
    """`lazy`: name -> "module:attribute". `ordered`: list the commands in the map's
    order (else alphabetically, as click does). `on_load(name, command)` is called for
    each command as it is imported (cli.click_words puts its help into the UI language)."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, ordered: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        eager = self.commands
        self.commands = LazyCommands(self, lazy or {})
        self.commands.update(eager)
        self.ordered = ordered
        self.on_load: Callable[[str, click.Command], None] | None = None
        self.help_texts: Callable[[str], str | None] | None = None
        self._listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands) if self.ordered else sorted(self.commands)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True  # click's own listing, with stand-ins for commands not imported
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if self._listing and cmd_name in self.commands.lazy and cmd_name not in self.commands.loaded:
            text = self.help_texts(cmd_name) if self.help_texts is not None else None
            if text is not None:  # all a listing reads of a command: its one-line help
                stand_in = click.Command(cmd_name)
                stand_in.help = text
                return stand_in
        return self.commands.get(cmd_name)
