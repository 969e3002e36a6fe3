"""The first screen: every unit the user may read, with where it stands."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from store.model.fields import show_date
from store.i18n import t
from store.moments.portfolio import UnitFacts, all_facts, group_column_name, is_mine
from store.persistence.repository import Store
from store.text import visible_line
from tui.screens.table_screen import TableScreen
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Row
from tui.widgets.unit_table import (ORDERS as UNIT_ORDERS, GROUPINGS, UnitTable, group_key, rows_of, unit_columns,
                                   with_group_heads)


class PortfolioScreen(TableScreen):
    FILTER_PLACEHOLDER = "tui.portfolio.filter"
    ORDERS = UNIT_ORDERS  # needs attention first, then each column
    BINDINGS = [
        # Not in the footer either (Quit would go in English); the detail line names it.
        Binding("B", "visit", "visit.key.visit", tooltip="visit.tip.visit", id="portfolio.visit", show=False),
        Binding("L", "inbox", "tui.key.inbox", tooltip="tui.tip.inbox_all", id="portfolio.inbox"),
        Binding("F", "phases", "tui.key.phases", tooltip="tui.tip.phases", id="portfolio.phases", show=False),
        # Capitals: lower-case letters typed on the table go to the name filter.
        # Not in the footer (it would push Quit off at 80 columns): the status line names them.
        Binding("S", "sort", "tui.key.sort", tooltip="tui.tip.sort", id="portfolio.sort", show=False),
        Binding("R", "reverse", "tui.key.reverse", tooltip="tui.tip.reverse", id="portfolio.reverse", show=False),
        Binding("M", "mine", "tui.key.my_units", tooltip="tui.tip.my_units", id="portfolio.mine", show=False),
        Binding("G", "group", "tui.key.group", tooltip="tui.tip.group", id="portfolio.group", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.sub_title = t("tui.portfolio.title")
        self.mine = False  # only the units whose relatiemanager logs in as the user (M)
        self.group: str | None = None  # GROUPINGS (G)
        self._loaded_rows: list[Row] = []  # every unit's row as loaded, before "mine"

    def make_table(self) -> RowTable:
        return UnitTable(id="units")

    def compose_extra(self) -> ComposeResult:
        legend = f"{t('tui.legend.routes')}\n{t('tui.legend.phases')}"
        yield Static(legend, id="legend", markup=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="portfolio")
    def load(self) -> None:
        self.post_message(self.RowsLoaded(rows_of(all_facts(self.store, self.store.today()), self.store.today(),
                                                  self.group)))

    def show_rows(self, rows: list[Row]) -> None:
        """Every unit's row as loaded; the table shows mine or all of them."""
        self._loaded_rows = rows
        super().show_rows(self._shown(rows))

    def _shown(self, rows: list[Row]) -> list[Row]:
        return [row for row in rows if is_mine(row.item.unit, self.store.user)] if self.mine else rows

    def action_mine(self) -> None:
        self.mine = not self.mine
        if self.table.loaded:
            self.show_rows(self._loaded_rows)

    def action_group(self) -> None:
        """The next grouping: by Hagro, by municipality, none. Rows are rebuilt from
        the facts at hand (no reload), in the group's order."""
        self.group = GROUPINGS[(GROUPINGS.index(self.group) + 1) % len(GROUPINGS)]
        self._apply_order(status=False)
        rows = rows_of([row.item for row in self._loaded_rows], self.store.today(), self.group)
        self._loaded_rows = rows
        self.table.decorate = with_group_heads if self.group is not None else None
        self.table.set_columns(unit_columns(self.group), self._shown(rows))
        self._update_status()

    def _apply_order(self, status: bool = True) -> None:
        """The chosen order, within each group when grouped (groups by name)."""
        order = self.ORDERS[self.order]
        key = order.row_key(self.reverse)
        if self.group is not None:
            by_group, within = group_key(self.group), key
            key = lambda row: (by_group(row), within(row))  # noqa: E731
        self.table.set_order(key, self.reverse, order.column)
        if status:
            self._update_status()

    def describe_nothing(self) -> Text:
        if self.table.loaded and not self.table.total:  # the way on: the administrator's command
            return Text(t("tui.portfolio.how_to_add", data_dir=visible_line(str(self.store.data_dir))))
        return Text("")

    def count_text(self, shown: int, total: int) -> str:
        if not shown:
            if self.mine and not total:
                return t("tui.portfolio.mine_none", user=visible_line(self.store.user))
            return t("tui.portfolio.empty")
        count = t("tui.portfolio.mine_count" if self.mine else "tui.portfolio.count", shown=shown, total=total)
        if self.group is not None:
            count += " " + t("tui.portfolio.grouped", what=t(f"tui.col.{self.group}").casefold())
        hints = f"{t('tui.portfolio.phases_hint')} · {t('tui.portfolio.keys_hint')}"
        text = f"{count} · {self.order_text()} · {hints}"
        damaged = sum(1 for row in self.table.rows if row.item.bad_records)
        return f"{t('tui.portfolio.damaged', n=damaged)} · {text}" if damaged else text

    def filter_applied(self, text: str) -> None:
        """Typing a unit's name puts the cursor on that unit, ahead of units the
        words match only through their Hagro or municipality (`Gemeente Best` also
        finds every practice in `gemeente-best`): Enter then opens the unit named."""
        wanted = " ".join(text.casefold().split())
        if not wanted:
            return
        named = [row.item for row in self.table.rows if isinstance(row.item, UnitFacts) and row.item.unit is not None
                 and " ".join(row.item.unit.name.casefold().split()) == wanted]
        if len(named) > 1:  # one name, several units: anyone may name a unit anything; say which is whose
            from store.persistence.unit_names import describe_candidate

            self.notify("; ".join(describe_candidate(self.store, f.slug, f.unit.name) for f in named[:8]),
                        title=t("tui.portfolio.same_name"), markup=False)
            return
        for index, row in enumerate(self.table.rows):
            unit = row.item.unit if isinstance(row.item, UnitFacts) else None
            if unit is not None and wanted in " ".join(unit.name.casefold().split()):
                self.table.cursor = index
                return

    def describe(self, row: Row) -> Text:
        facts: UnitFacts = row.item
        if facts.unit is None:
            place, problem = (facts.problem.place, facts.problem.problem) if facts.problem else (facts.slug, "")
            return Text(t("tui.unit_problem", unit=visible_line(place), problem=visible_line(problem)))
        unit, today = facts.unit, self.store.today()
        visit = show_date("last_visit", facts.last_visit, today) if facts.last_visit else t("tui.portfolio.no_visit")
        visit = f"{visit} ({t('visit.b_hint')})"
        rm = visible_line(unit.relatiemanager) or t("tui.portfolio.nobody")
        if unit.relatiemanager_login:
            rm = t("tui.portfolio.rm_login", rm=rm, login=visible_line(unit.relatiemanager_login))
        text = t("tui.portfolio.detail", name=visible_line(unit.name), kind=unit.kind.label, rm=rm, visit=visit)
        if unit.hagro or unit.municipality:
            names = {r.item.slug: r.item.unit.name for r in self._loaded_rows if r.item.unit is not None}
            hagro, municipality = (visible_line(group_column_name(names.get(v, v))) or t("tui.portfolio.no_group")
                                   for v in (unit.hagro, unit.municipality))
            text += " · " + t("tui.portfolio.belongs", hagro=hagro, municipality=municipality)
        if facts.readers:
            text += " · " + (t("unit.group_open", group=visible_line(facts.readers)) if facts.open_to_all
                             else t("unit.group_of", group=visible_line(facts.readers)))
        if facts.duties:
            text += " · " + t("tui.portfolio.duties", n=facts.duties)
        if facts.bad_records:
            text += " · " + t("tui.bad_records", n=facts.bad_records)
        return Text(text)

    @on(RowTable.RowSelected)
    def _open_unit(self, event: RowTable.RowSelected) -> None:
        facts: UnitFacts = event.row.item
        if facts.unit is None:
            self.notify(self.describe(event.row).plain, severity="warning", markup=False)
            return
        from tui.screens.dashboard_screen import DashboardScreen  # imported when first needed

        self.app.push_screen(DashboardScreen(self.store, facts.slug, visible_line(facts.unit.name)))

    def action_visit(self) -> None:
        """A practice visit on the highlighted unit (tui/screens/visit_screen.py)."""
        row = self.table.current
        if row is None:
            return
        facts: UnitFacts = row.item
        if facts.unit is None:
            self.notify(self.describe(row).plain, severity="warning", markup=False)
            return
        from tui.screens.visit_screen import VisitScreen  # imported when first needed

        self.app.push_screen(VisitScreen(self.store, facts.slug, visible_line(facts.unit.name)))

    def action_phases(self) -> None:
        from tui.screens.phases_screen import PhasesScreen  # imported when first needed

        self.app.push_screen(PhasesScreen(self.store))

    def action_inbox(self) -> None:
        from tui.navigation import open_all_inbox

        open_all_inbox(self.app)
