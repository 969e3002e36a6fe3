"""The dashboard's lists (overdue, next deadlines, feedback owed, pilots to
evaluate) with a cursor on the lines that are about a record: Enter opens that
action or meeting. Up and down go from one such line to the next; past the first
or the last they scroll the page, so the arrows still reach the whole dashboard."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget

from store.model.records import Action, Meeting
from tui.bindings import localize_bindings

Target = Action | Meeting


class DashLinks(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "step(-1)", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "step(1)", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("enter", "open", "tui.key.open", tooltip="tui.tip.dash_open", id="dash.open", show=False),  # help lists it
    ]
    COMPONENT_CLASSES = {"dash-links--cursor"}
    DEFAULT_CSS = """
    DashLinks { height: auto; }
    DashLinks > .dash-links--cursor { text-style: bold; }
    DashLinks:focus > .dash-links--cursor { text-style: bold reverse; }
    """

    class Opened(Message):
        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.lines: list[tuple[Text, Target | None]] = []
        self.cursor: int | None = None  # index into lines, always a line with a target

    def show(self, lines: list[tuple[Text, Target | None]]) -> None:
        """New lines; the cursor stays on the same record if it is still listed."""
        kept = self.current
        self.lines = lines
        chosen = [i for i, (_, target) in enumerate(lines) if target is not None]
        same = [i for i in chosen if kept is not None and _same(lines[i][1], kept)]
        self.cursor = (same or chosen or [None])[0]
        self.can_focus = bool(chosen)
        self.refresh(layout=True)

    @property
    def current(self) -> Target | None:
        return self.lines[self.cursor][1] if self.cursor is not None else None

    def render(self) -> Group:
        cursor_style = self.get_component_rich_style("dash-links--cursor")
        texts = []
        for index, (text, _) in enumerate(self.lines):
            if index == self.cursor:
                text = text.copy()
                text.stylize(cursor_style)
            texts.append(text)
        return Group(*texts)

    def action_step(self, step: int) -> None:
        targets = [i for i, (_, target) in enumerate(self.lines) if target is not None]
        if self.cursor is None or not targets:
            return
        position = targets.index(self.cursor) + step
        page = self.parent
        if not 0 <= position < len(targets):  # past the ends: the page scrolls
            if page is not None:
                (page.scroll_up if step < 0 else page.scroll_down)(animate=False)  # type: ignore[attr-defined]
            return
        self.cursor = targets[position]
        self.refresh()
        if page is not None:
            line = Region(0, self.virtual_region.y + self.cursor, 1, 1)
            page.scroll_to_region(line, animate=False)  # type: ignore[attr-defined]

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))


def _same(a: Target | None, b: Target) -> bool:
    return a is not None and type(a) is type(b) and a.id == b.id
