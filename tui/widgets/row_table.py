"""`RowTable`: a keyboard-first table that renders only the rows on screen.

A `DataTable` with 10k rows takes seconds to its first paint (shared/pitfalls.md),
so this is a Line API `ScrollView` like toolong's `log_lines.py`: `render_line`
draws one row from a list of plain-string cells, and finished strips are kept in
an LRU cache keyed by (row key, is-cursor), cleared when rows, widths or styles
change. Cells become `Segment`s directly, so user text is never parsed as markup.
"""

from __future__ import annotations

from typing import Any, Callable, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.i18n import t
from tui.bindings import localize_bindings
from tui.widgets.table_model import GAP, GUTTER, Column, Row, fit



class RowTable(ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "cursor_down", "tui.key.down", tooltip="tui.tip.down", show=False),
        Binding("pageup", "page_up", "tui.key.page_up", tooltip="tui.tip.page_up", show=False),
        Binding("pagedown", "page_down", "tui.key.page_down", tooltip="tui.tip.page_down", show=False),
        Binding("home", "first", "tui.key.first", tooltip="tui.tip.first", show=False),
        Binding("end", "last", "tui.key.last", tooltip="tui.tip.last", show=False),
        Binding("enter", "select", "tui.key.open", tooltip="tui.tip.open", id="table.open"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header", "row-table--cursor", "row-table--alert", "row-table--cursor-alert",
    }
    DEFAULT_CSS = """
    RowTable { overflow-x: hidden; overflow-y: scroll; scrollbar-size-vertical: 1; }
    RowTable > .row-table--header { text-style: bold underline; }
    RowTable > .row-table--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    RowTable:focus > .row-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RowTable > .row-table--alert { color: $text-error; text-style: bold; }
    RowTable > .row-table--cursor-alert { background: $block-cursor-blurred-background; text-style: bold reverse; }
    """

    SELECTABLE: ClassVar[bool] = True
    """False: Enter does nothing here (yet), so it is neither shown nor listed in help."""

    cursor: reactive[int] = reactive(0, init=False, always_update=True, repaint=False)  # watch_cursor repaints

    class RowHighlighted(Message):
        """The cursor moved to `row` (None: the table is empty)."""

        def __init__(self, table: "RowTable", row: Row | None) -> None:
            super().__init__()
            self.table, self.row = table, row

    class RowSelected(Message):
        """Enter (or a click on the cursor row) chose `row`."""

        def __init__(self, table: "RowTable", row: Row) -> None:
            super().__init__()
            self.table, self.row = table, row

    def __init__(self, columns: list[Column], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        localize_bindings(self)
        self.BINDING_GROUP_TITLE = t("tui.group.table")
        self.columns = columns
        self._all: list[Row] = []
        self._seen_filters: dict[str, list[Row]] = {}
        self._rows: list[Row] = []
        self._keep: Callable[[Row], bool] | None = None
        # The rows as shown -> the rows to draw (same keys, same order): for cells that
        # depend on the neighbours shown, such as the portfolio's group heads.
        self.decorate: Callable[[list[Row]], list[Row]] | None = None
        self._order: Callable[[Row], Any] | None = None
        self._reverse = False
        self._sorted_column: int | None = None
        self._natural: list[int] = [0] * len(columns)
        self._widths: list[int] = []
        self._cache: LRUCache[tuple[str, bool], Strip] = LRUCache(1024)
        self.loaded = False  # set_rows has been called
        self._select_when_loaded = False  # Enter typed ahead of the rows

    # public API ------------------------------------------------------------
    @property
    def rows(self) -> list[Row]:
        """The rows shown now (after the filter)."""
        return self._rows

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def current(self) -> Row | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: list[Row]) -> None:
        """Replace every row. Column widths are measured over all rows, not the
        filtered ones, so columns do not jump while someone types a filter."""
        self._all = self._sorted(rows)
        self._seen_filters: dict[str, list[Row]] = {}  # filter text -> its rows, for these rows only
        measured = self.decorate(self._all) if self.decorate is not None else self._all  # as drawn
        self._natural = [self._measure(i, col, measured) for i, col in enumerate(self.columns)]
        self._layout()
        self._apply(keep_key=self.current.key if self.current else None)
        self.loaded = True
        if self._select_when_loaded:
            self._select_when_loaded = False
            self.action_select()

    def set_columns(self, columns: list[Column], rows: list[Row]) -> None:
        """Other columns (as many cells in each of `rows`), and those rows."""
        self.columns = columns
        self._cache.clear()
        self.set_rows(rows)

    def set_order(self, key: Callable[[Row], Any] | None, reverse: bool = False, column: int | None = None) -> None:
        """Sort every row by `key` (None: the order `set_rows` got); `column` gets an
        arrow in the header (an arrow, not colour, says which column sorts)."""
        self._order, self._reverse, self._sorted_column = key, reverse, column
        self._all = self._sorted(self._all)
        self._seen_filters = {}  # they hold rows in the old order
        self._cache.clear()
        self._apply(keep_key=self.current.key if self.current else None)

    def set_filter(self, keep: Callable[[Row], bool] | None, narrowing: bool = False, text: str = "") -> None:
        """Show the rows `keep` accepts. `narrowing`: the new filter is stricter than
        the old one, so only the rows shown now need testing (fast while typing).
        `text` names the filter: backspacing to a text seen before reuses its rows."""
        self._keep = keep
        self._apply(keep_key=self.current.key if self.current else None, narrowing=narrowing, text=text)

    # internals ---------------------------------------------------------------
    def _sorted(self, rows: list[Row]) -> list[Row]:
        return sorted(rows, key=self._order, reverse=self._reverse) if self._order else rows

    def _apply(self, keep_key: str | None, narrowing: bool = False, text: str = "") -> None:
        if self._keep is None:
            self._rows = self._all
        elif text and text in self._seen_filters:
            self._rows = self._seen_filters[text]
        else:
            candidates = self._rows if narrowing else self._all
            self._rows = [r for r in candidates if self._keep(r)]
            if text:
                self._seen_filters[text] = self._rows
        if self.decorate is not None:  # e.g. group heads, which depend on what is shown and in which order
            self._rows = self.decorate(self._rows)
            self._cache.clear()
        self.virtual_size = Size(self.virtual_size.width, len(self._rows) + 1)  # + 1: the header
        self.refresh()
        keys = [r.key for r in self._rows] if keep_key is not None else []
        self.cursor = keys.index(keep_key) if keep_key in keys else 0

    def _measure(self, index: int, column: Column, rows: list[Row]) -> int:
        widest = max((cell_len(r.cells[index]) for r in rows if r.span_from is None or index < r.span_from), default=0)
        if column.hide_empty and widest == 0:
            return 0
        widest = max(widest, cell_len(column.label) + (1 if column.sortable else 0))  # room for the arrow
        return min(widest, column.max_width) if column.max_width else widest

    def _layout(self) -> None:
        """Column widths for the current width; drawn rows are stale after this."""
        width = self.scrollable_content_region.width or self.size.width
        widths = list(self._natural)
        flex = next((i for i, c in enumerate(self.columns) if c.max_width is None), None)
        droppable = sorted((c.drop_order, i) for i, c in enumerate(self.columns) if c.drop_order)
        while True:
            fixed = sum(w + len(GAP) for i, w in enumerate(widths) if w and i != flex)
            room = width - len(GUTTER[0]) - fixed
            if flex is None or room >= self.columns[flex].min_width or not droppable:
                break
            widths[droppable.pop(0)[1]] = 0  # the detail line still shows what it held
        if flex is not None:
            widths[flex] = max(self.columns[flex].min_width, room)
        self._widths = widths
        self._cache.clear()
        self.virtual_size = Size(width, len(self._rows) + 1)  # + 1: the header line
        self.refresh()

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + self._page:
            self.scroll_to(y=self.cursor - self._page + 1, animate=False, immediate=True)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        top = round(self.scroll_offset.y)
        self._scroll_to_cursor()
        if round(self.scroll_offset.y) == top:  # only the two rows changed: repaint just them
            width = self.size.width  # over SSH a full repaint per arrow key cost 3-9 KB
            self.refresh(*(Region(0, index - top + 1, width, 1) for index in {old, new}))  # + 1: the header
        else:
            self.refresh()
        self.post_message(self.RowHighlighted(self, self.current))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def on_resize(self, _: events.Resize) -> None:
        self._layout()
        self._scroll_to_cursor()

    # rendering ---------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            labels = tuple(self._label(i, c) for i, c in enumerate(self.columns))
            return self._strip(labels, None, self.get_component_rich_style("row-table--header"), False, width)
        index = round(self.scroll_offset.y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        row, is_cursor = self._rows[index], index == self.cursor
        strip = self._cache.get((row.key, is_cursor))
        if strip is None:
            style = self._row_style(row, is_cursor)
            strip = self._strip(row.cells, row.span_from, style, is_cursor, width)
            self._cache[(row.key, is_cursor)] = strip
        return strip

    def _label(self, index: int, column: Column) -> str:
        if index != self._sorted_column:
            return column.label
        return column.label + ("↑" if self._reverse else "↓")

    def _row_style(self, row: Row, is_cursor: bool) -> Style:
        if not (is_cursor or row.alert):
            return self.rich_style
        name = "cursor-alert" if is_cursor and row.alert else "cursor" if is_cursor else "alert"
        return self.rich_style + self.get_component_rich_style(f"row-table--{name}")

    def _strip(self, cells: tuple[str, ...], span_from: int | None, style: Style, is_cursor: bool, width: int) -> Strip:
        parts = [GUTTER[is_cursor]]
        for i, (cell, col, w) in enumerate(zip(cells, self.columns, self._widths)):
            if span_from is not None and i >= span_from:
                parts.append(cell)  # a spanning cell takes what is left; cut below
                break
            if w:
                parts.append(fit(cell, w, col.align) + GAP)
        text = set_cell_size("".join(parts), width)
        return Strip([Segment(text, style)], width)

    # events and actions --------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.SELECTABLE if action == "select" else True

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = round(self.scroll_offset.y) + offset.y - 1
        if index < len(self._rows):
            if index == self.cursor:
                self.action_select()
            self.cursor = index

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= self._page

    def action_page_down(self) -> None:
        self.cursor += self._page

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_select(self) -> None:
        """Open the cursor row; typed before the rows are there, once they are."""
        if not self.loaded:
            self._select_when_loaded = self.SELECTABLE
        elif self.SELECTABLE and self.current is not None:
            self.post_message(self.RowSelected(self, self.current))
