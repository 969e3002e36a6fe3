"""The portfolio's table: one row per unit file, readable or not, and the orders
it can be sorted in (the first, "needs attention first", is the default). Grouped
by Hagro or municipality, the kind column shows the group instead and rows of a
group stand together (store/moments/portfolio.py decides names and filter words)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable

from store.dates import short_date
from store.i18n import t
from store.moments.portfolio import UnitFacts, all_facts, attention_key, column_name, group_column_name, group_words, natural_key
from store.persistence.repository import Store
from store.text import visible_line
from store.model.vocab import ROUTES
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


# What the portfolio can be grouped by, in the order G cycles through (None: not).
GROUPINGS: tuple[str | None, ...] = (None, "hagro", "municipality")
_GROUP_LABEL = {"hagro": "tui.col.hagro", "municipality": "tui.col.municipality"}


def unit_columns(group: str | None = None) -> list[Column]:
    """Grouped, the group takes the kind's place, its first row saying the group's
    count and name ('(3) Noord': the count first, a narrow column never cuts it) as
    a header would; the name then gives up width so
    the last meeting stays (the detail line has the whole name)."""
    second = (Column(t("tui.col.kind"), max_width=9, sortable=True, drop_order=1) if group is None
              else Column(t(_GROUP_LABEL[group]), max_width=12, min_width=6))
    return [
        # "Praktijk Het Kastanjehof" whole at 80 columns; grouped, the meetings column keeps its place
        Column(t("tui.col.name"), min_width=24 if group is None else 12, sortable=True),
        second,
        Column(t("tui.col.phases"), max_width=11, sortable=True),
        # narrow fixed columns (their values are short): the name gets the room
        Column(t("tui.col.leerpunten"), max_width=6, align="right", sortable=True),
        Column(t("tui.col.open_actions"), max_width=6, align="right", sortable=True),
        Column(t("tui.col.overdue"), max_width=9, sortable=True),
        Column(t("tui.col.last_meeting"), max_width=8, sortable=True),
        Column(t("tui.col.last_visit"), max_width=7, sortable=True),
    ]


def with_group_heads(rows: list[Row]) -> list[Row]:
    """Rows already in group order: the first of each group says the group's name
    and its count ('(3) Noord'), the others leave that cell empty, so a group reads
    as a block under its head without colour."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[_group_of_row(row)] = counts.get(_group_of_row(row), 0) + 1
    found, seen = [], set()
    for row in rows:
        group = _group_of_row(row)
        if row.item.unit is None or len(row.cells) < 2:
            found.append(row)
            continue
        name = group_column_name(group)
        head = t("tui.portfolio.group_head", name=name, n=counts[group]) if name else t(
            "tui.portfolio.no_group_head", n=counts[group])
        cell = "" if group in seen else head
        seen.add(group)
        found.append(replace(row, cells=(row.cells[0], cell, *row.cells[2:])))
    return found


def _group_of_row(row: Row) -> str:
    return row.item.group_name if row.item.unit is not None else ""


class UnitTable(RowTable):
    def __init__(self, **kwargs) -> None:
        super().__init__(unit_columns(), **kwargs)


@dataclass(frozen=True)
class UnitOrder:
    """One way to sort the portfolio: its name (catalog key), the column it marks
    (None: no one column) and the key. Unreadable files always come last."""

    name: str
    column: int | None
    key: Callable[[UnitFacts], Any]

    def row_key(self, reverse: bool) -> Callable[[Row], Any]:
        def key(row: Row) -> Any:
            facts: UnitFacts = row.item
            broken = facts.unit is None
            return (broken != reverse, self.key(facts) if not broken else natural_key(facts.slug))
        return key


def _oldest_first(day: dt.date | None) -> dt.date:
    return day or dt.date.min  # never: first


ORDERS = [
    UnitOrder("tui.sort.attention", None, attention_key),
    UnitOrder("tui.col.name", 0, lambda f: natural_key(f.name)),
    UnitOrder("tui.col.kind", 1, lambda f: (f.unit.kind.label, natural_key(f.name))),
    UnitOrder("tui.col.phases", 2, lambda f: (sum(f.unit.phase(r) for r in ROUTES), natural_key(f.name))),
    UnitOrder("tui.col.leerpunten", 3, lambda f: (-f.open_leerpunten, natural_key(f.name))),
    UnitOrder("tui.col.open_actions", 4, lambda f: (-f.open_actions, natural_key(f.name))),
    UnitOrder("tui.col.overdue", 5, lambda f: (-f.overdue, natural_key(f.name))),
    UnitOrder("tui.col.last_meeting", 6, lambda f: (_oldest_first(f.last_meeting), natural_key(f.name))),
    UnitOrder("tui.col.last_visit", 7, lambda f: (_oldest_first(f.last_visit), natural_key(f.name))),
]


def unit_rows(store: Store, today: dt.date, group: str | None = None) -> list[Row]:
    """Rows for every unit file; runs in a worker thread. The table sorts them.

    A file that cannot be read becomes a row that says why, so one broken or
    forbidden file never hides the others."""
    return rows_of(all_facts(store, today), today, group)


def rows_of(facts: list[UnitFacts], today: dt.date, group: str | None) -> list[Row]:
    """A row per unit's facts; `group`: the kind column shows that group's name."""
    names = {f.slug: f.unit.name for f in facts if f.unit is not None}
    return [_unit_row(f, today, group, names) for f in facts]


def group_of(facts: UnitFacts, group: str, names: dict[str, str]) -> str:
    """The Hagro or municipality a unit belongs to, by its unit's name when it names
    one by slug; "" for none."""
    value = getattr(facts.unit, group, "") if facts.unit is not None else ""
    return names.get(value, value)


def group_key(group: str) -> Callable[[Row], Any]:
    """Rows of one group together, groups by name, units in no group last."""
    def key(row: Row) -> Any:
        value = row.item.group_name if row.item.unit is not None else ""
        return (value == "", natural_key(value))
    return key


def _unit_row(facts: UnitFacts, today: dt.date, group: str | None = None, names: dict[str, str] | None = None) -> Row:
    if facts.unit is None:
        problem = facts.problem.problem if facts.problem else ""
        text = t("tui.portfolio.problem", problem=visible_line(problem))
        return Row(facts.slug, (facts.slug, text), item=facts, alert=True, span_from=1, search=_search(facts.slug, facts))
    unit = facts.unit
    name = visible_line(column_name(unit.name))
    if facts.open_to_all:  # two rows alike: the one anyone in the shared group may have made is marked
        name = f"{t('units.open_mark')} {name}"
    facts.group_name = visible_line(group_of(facts, group, names or {})) if group else ""
    cells = (
        f"{name}  {t('tui.bad_records_cell', n=facts.bad_records)}" if facts.bad_records else name,
        unit.kind.label if group is None else group_column_name(facts.group_name) or t("tui.portfolio.no_group"),
        " ".join(f"F{unit.phase(route)}" for route in ROUTES),
        str(facts.open_leerpunten),
        str(facts.open_actions),
        t("tui.overdue_count", n=facts.overdue) if facts.overdue else "",
        short_date(facts.last_meeting, today) if facts.last_meeting else "-",
        short_date(facts.last_visit, today) if facts.last_visit else "-",
    )
    return Row(facts.slug, cells, item=facts, alert=facts.overdue > 0 or facts.bad_records > 0,
               search=_search(f"{visible_line(unit.name)} {name} {group_words(unit)}", facts))


def _search(name: str, facts: UnitFacts) -> str:
    """Name (whole and as shown), file name (slug: a broken file can only be found
    by it) and the group words (`hagro-noord`, `gemeente-best`)."""
    return f"{name} {facts.slug}".casefold()
