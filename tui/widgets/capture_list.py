"""Fast capture: what a typed line means, and the list of findings captured so far.

`parse_capture` reads one line as the minute-taker types it:
`+` positief punt, `-` (or nothing: the default kind) leerpunt, `?` or `t:` tip,
`a:` aanbeveling; a leading or trailing `!` marks a quick win. Pure, so it is
tested on its own."""

from __future__ import annotations

from dataclasses import dataclass

from store.i18n import t
from store.records import Finding
from store.text import clean_line
from store.vocab import FindingKind
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row

PREFIXES = (
    ("t:", FindingKind.TIP),
    ("a:", FindingKind.RECOMMENDATION),
    ("+", FindingKind.POSITIVE),
    ("-", FindingKind.LEERPUNT),
    ("?", FindingKind.TIP),
)


@dataclass(frozen=True)
class Captured:
    kind: FindingKind
    quick_win: bool
    text: str


def parse_capture(line: str, default: FindingKind) -> Captured | None:
    """The finding a typed line stands for; None when nothing but marks is left."""
    text = clean_line(line)
    kind: FindingKind | None = None
    quick = False
    while text:
        if text.startswith("!"):
            quick, text = True, text[1:].lstrip()
            continue
        if kind is None:
            low = text.casefold()
            hit = next(((p, k) for p, k in PREFIXES if low.startswith(p)), None)
            if hit is not None:
                kind, text = hit[1], text[len(hit[0]):].lstrip()
                continue
        break
    if text.endswith("!"):
        quick, text = True, text.rstrip("!").rstrip()
    if not text:
        return None
    return Captured(kind or default, quick, text)


def capture_columns() -> list[Column]:
    return [
        Column(t("tui.col.id"), max_width=6),
        Column(t("tui.col.kind"), max_width=13),
        Column(t("tui.col.quick_win"), max_width=9, hide_empty=True),
        Column(t("tui.col.text"), min_width=20),
    ]


class FindingList(RowTable, can_focus=False):
    """The findings of one meeting, newest last; never takes focus from the input."""

    SELECTABLE = False

    def __init__(self, **kwargs) -> None:
        super().__init__(capture_columns(), **kwargs)

    def show(self, rows: list[Row]) -> None:
        self.set_rows(rows)
        self.cursor = len(rows) - 1  # the newest one, scrolled into view


def finding_row(finding: Finding, key: str | None = None, state: str = "") -> Row:
    """A row for a saved finding, or (with `state`) one still being saved or failed."""
    ident = state or finding.id
    cells = (
        ident,
        finding.kind.label,
        t("tui.quick_win") if finding.quick_win else "",
        clean_line(finding.text),
    )
    return Row(key or finding.id, cells, item=finding, alert=state.startswith("!"))
