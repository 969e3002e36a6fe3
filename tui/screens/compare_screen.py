"""Two meetings of one unit compared (the repeat cycle, seed 004): the themes that
came back, the earlier leerpunten solved since (every action done), those still
open, and what is new. One column of sections, so it reads at 80 columns; the
matching is the store's (store/model/compare.py), the same as `spiegel compare`."""

from __future__ import annotations

import re

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from store.errors import SpiegelError
from store.i18n import t
from store.persistence.repository import Store
from store.text import visible
from tui.bindings import localize_bindings
from tui.widgets.fitting_footer import FittingFooter


class CompareScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "tui.key.back", tooltip="tui.tip.back", id="compare.back"),
        Binding("up", "scroll('up')", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "scroll('down')", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("pageup", "scroll('page_up')", "tui.key.page_up", tooltip="tui.tip.page_up", show=False),
        Binding("pagedown", "scroll('page_down')", "tui.key.page_down", tooltip="tui.tip.page_down", show=False),
    ]
    DEFAULT_CSS = """
    #compare-body { padding: 0 1; }
    """

    class Loaded(Message):
        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    def __init__(self, store: Store, unit_name: str, first_id: str, second_id: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.first_id, self.second_id = store, first_id, second_id
        self.sub_title = t("tui.compare.subtitle", unit=unit_name)  # Header: literal

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare-body"):
            yield Static(t("tui.compare.loading"), id="compare-text", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def load(self) -> None:
        from store.model.compare import compare_meetings, comparison_lines

        try:
            found = compare_meetings(self.store, self.first_id, self.second_id)
            lines = comparison_lines(found, self.store.today())
        except SpiegelError as error:
            lines = [visible(str(error))]
        self.post_message(self.Loaded(lines))

    def on_compare_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#compare-text", Static).update(shown_lines(message.lines))

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#compare-body", VerticalScroll)
        getattr(body, f"scroll_{how}")()


# "  L-14  text" and "      eerder: L-3  text": the id in its own column, so a long
# leerpunt wraps under its text and the ids stay one column at 80 columns.
_ITEM = re.compile(r"^(\s+(?:\S+: )?[A-Z]-\d+)  (.*)$")


def shown_lines(lines: list[str]) -> Group:
    """The comparison's lines as the screen shows them: section headings in bold (the
    words carry the meaning, so nothing depends on colour), items with a hanging indent."""
    parts: list = []
    grid: Table | None = None
    for line in lines:
        item = _ITEM.match(line)
        if item:
            if grid is None:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(no_wrap=True)
                grid.add_column(ratio=1)
                parts.append(grid)
            grid.add_row(Text(item.group(1)), Text(item.group(2)))
            continue
        grid = None
        style = "bold" if line and not line.startswith(" ") else ""
        parts.append(Text(line, style=style))
    return Group(*parts)
