"""The command palette (ctrl+p): what the current screen can do, and every screen
of every unit, found by typing part of its name.

Textual's `Matcher.highlight` parses the candidate as markup, so a unit called
`[@click=app.quit]x` would become a link; hits here are built from plain `Content`
and styled at the matched offsets instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from store.i18n import t
from store.text import visible_line
from tui.navigation import UNIT_SCREENS, open_all_inbox, open_portfolio, open_unit_screen

SKIP_ACTIONS = {"command_palette", "app.command_palette"}
# Moving the cursor is not a command; keys hidden from the Footer only for room
# (/, S, R, r, …) are, so they are listed.
MOVEMENT_KEYS = {"up", "down", "left", "right", "pageup", "pagedown", "home", "end", "tab", "shift+tab"}


@dataclass(frozen=True)
class Command:
    text: str
    run: Callable[[], object]
    help: str = ""


class SpiegelCommands(Provider):
    async def startup(self) -> None:
        # Unit names are read once per palette opening, off the event loop, and the
        # commands built once: `search` runs on every keystroke typed in the palette.
        self._units = await asyncio.to_thread(self._readable_units)
        self._screen = self._screen_commands()
        self._all = [*self._screen, *self._navigation_commands()]

    def _readable_units(self) -> list[tuple[str, str]]:
        """(slug, name as shown): a unit open to the whole shared group is marked and
        every name says its group, since anyone there may call a unit anything."""
        from store.persistence.unit_names import unit_access

        found = []
        for entry in self.app.store.units():
            if entry.unit is None:
                continue
            group, open_to_all = unit_access(self.app.store, entry.slug)
            shown = visible_line(entry.unit.name)
            if group:
                mark = f"{t('units.open_mark')} " if open_to_all else ""
                shown = f"{mark}{shown} ({t('unit.group_of', group=visible_line(group))})"
            found.append((entry.slug, shown))
        return found

    def _screen_commands(self) -> list[Command]:
        """The bindings of the screen the palette was opened on, in the Footer's words."""
        found, seen = [], set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key in MOVEMENT_KEYS or not binding.description or binding.action in SKIP_ACTIONS or not active.enabled:
                continue
            if (binding.action, active.node) in seen:
                continue
            seen.add((binding.action, active.node))
            shown_key = self.app.get_key_display(binding)
            run = partial(self.app.run_action, binding.action, active.node)
            found.append(Command(binding.description, run, t("tui.palette.key", keys=shown_key)))
        return found

    def _navigation_commands(self) -> list[Command]:
        app = self.app
        found = [
            Command(t("tui.palette.portfolio"), partial(open_portfolio, app)),
            Command(t("tui.palette.all_inbox"), partial(open_all_inbox, app)),
        ]
        for slug, name in self._units:
            for kind, label_key in UNIT_SCREENS.items():
                found.append(Command(f"{t(label_key)}: {name}", partial(open_unit_screen, app, kind, slug, name)))
        return found

    async def discover(self) -> Hits:
        for command in self._screen:
            yield DiscoveryHit(Content(command.text), command.run, text=command.text, help=command.help)

    async def search(self, query: str) -> Hits:
        """Every typed word matches somewhere, in any order: `hoek bijeenk` finds
        'Bijeenkomsten: … De Hoek'. The score is the words' average."""
        matchers = [self.matcher(word) for word in query.split()] or [self.matcher(query)]
        for command in self._all:
            scores = [matcher.match(command.text) for matcher in matchers]
            if all(score > 0 for score in scores):
                yield Hit(sum(scores) / len(scores), self._highlight(matchers, command.text), command.run,
                          text=command.text, help=command.help)

    @staticmethod
    def _highlight(matchers, text: str) -> Content:
        """Like `Matcher.highlight` for each word, without reading the text as markup."""
        content = Content(text)
        for matcher in matchers:
            _, offsets = matcher.fuzzy_search.match(matcher.query, text)
            for offset in offsets:
                if not text[offset].isspace():
                    content = content.stylize(matcher.match_style, offset, offset + 1)
        return content


class SpiegelPalette(CommandPalette):
    """Textual's palette, with its one English sentence ('No matches found') said in
    the UI language. Textual offers no setting for it, so the method that shows it
    is repeated here with our words (checked against textual 8.2.8)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("tui.palette.none"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
