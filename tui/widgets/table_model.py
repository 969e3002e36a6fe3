"""The data a `RowTable` shows: columns, rows, and how a cell is fitted to its width.

Plain data with no Textual in it, so row builders can run in worker threads and be
tested on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len, set_cell_size

from store.model.queries import search_words, words_match

GAP = " "
GUTTER = ("  ", "> ")  # the cursor row is marked with text too, for NO_COLOR terminals


@dataclass(frozen=True)
class Column:
    label: str
    max_width: int | None = None
    """None: this column takes the width the others leave (at least `min_width`)."""
    min_width: int = 4
    align: str = "left"
    hide_empty: bool = False
    """Drop the column when no row has anything in it (saves room at 80 columns)."""
    sortable: bool = False
    """The header leaves room for a sort arrow after the label."""
    drop_order: int = 0
    """When the flexible column would get less than its `min_width`, columns with
    drop_order 1, 2, … are left out in that order (0: never)."""


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    cells: tuple[str, ...]
    item: Any = None
    alert: bool = False
    """Drawn emphasised; the cells must say why in words (never colour alone)."""
    span_from: int | None = None
    """Cell at this index fills the rest of the line (e.g. a unit file's problem)."""
    search: str = ""
    """Casefolded text a filter looks in, built with the row (not per keystroke)."""


def word_filter(text: str) -> Callable[[Row], bool] | None:
    """The lists' filter: every typed word occurs in the row's `search` text (in any
    order, as part of a word); None when nothing is typed. A longer text never
    shows a row a shorter one hid, which lets the table narrow while typing."""
    words = search_words(text)
    if not words:
        return None
    if len(words) == 1:  # the common case, tested 10k times per keystroke: no call inside
        word = words[0]
        return lambda row: word in row.search
    return lambda row: words_match(row.search, words)


def fit(text: str, width: int, align: str) -> str:
    """Pad or cut `text` to exactly `width` cells, marking a cut with an ellipsis."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return " " * (width - cell_len(text)) + text if align == "right" else set_cell_size(text, width)
