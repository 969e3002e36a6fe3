"""One differing field in the conflict dialog: their value and mine side by side,
and which one to keep. The choice is shown with a marker ('●' kept, '○' not) and
the focused row with '>', so nothing depends on colour."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from store.i18n import t
from tui.bindings import localize_bindings


LEFT_WIDTH = 17  # gutter, label and the padding between them


class MergeRow(Widget, can_focus=True):
    BINDINGS = [
        Binding("t,left", "choose(False)", "tui.key.theirs", tooltip="tui.tip.theirs", id="merge.theirs"),
        Binding("m,right", "choose(True)", "tui.key.mine", tooltip="tui.tip.mine", id="merge.mine"),
        Binding("space", "toggle", "tui.key.toggle", tooltip="tui.tip.toggle", id="merge.toggle", show=False),
    ]
    DEFAULT_CSS = """
    MergeRow { height: auto; }
    MergeRow:focus { background: $boost; }
    """

    take_mine: reactive[bool] = reactive(True)

    def __init__(self, field: str, label: str, theirs: str, mine: str, take_mine: bool, changed_by_me: bool) -> None:
        super().__init__(id=f"merge-{field}")
        localize_bindings(self)
        self.field, self.label = field, label
        self.theirs, self.mine = theirs, mine
        self.changed_by_me = changed_by_me
        self.set_reactive(MergeRow.take_mine, take_mine)

    def render(self) -> RenderableType:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(width=14)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        gutter = ">" if self.has_focus else " "
        label = Text(self.label, style="bold")
        if self.changed_by_me:
            label.append(f"\n{t('tui.conflict.yours')}", style="italic")
        grid.add_row(gutter, label, self._side(self.theirs, not self.take_mine), self._side(self.mine, self.take_mine))
        return grid

    def _side(self, value: str, kept: bool) -> Text:
        return Text.assemble(("● " if kept else "○ "), (value, "bold" if kept else "dim"))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_choose(self, mine: bool) -> None:
        self.take_mine = mine

    def action_toggle(self) -> None:
        self.take_mine = not self.take_mine

    def on_click(self, event: events.Click) -> None:
        """A click on a value keeps that value."""
        self.focus()
        offset = event.get_content_offset(self)
        values_from = LEFT_WIDTH
        if offset is not None and offset.x >= values_from:
            self.take_mine = offset.x >= values_from + (self.content_size.width - values_from) // 2
