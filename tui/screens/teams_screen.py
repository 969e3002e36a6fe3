"""A unit's teams (seed 004): the core team and the project teams, which can own
actions (an action's owner is the team's name). n new, Enter edit; the rules of
thumb (6-8 members, two patients or partners per care provider) show as advice in
words, never a wall. Patients and partners are counted, never named."""

from __future__ import annotations

from rich.text import Text
from textual import on, work

from textual.binding import Binding

from store.errors import Conflict, SpiegelError
from store.i18n import t
from store.model.records import Action, Team
from store.persistence.repository import Store
from store.model.rules import is_open
from store.moments.teams import member_count, save_team, team_actions, team_advice
from store.text import visible, visible_line
from tui.navigation import OpensUnitScreens
from tui.screens.table_screen import TableScreen
from tui.widgets.row_table import RowTable
from tui.widgets.table_model import Column, Row


def team_columns() -> list[Column]:
    return [
        Column(t("tui.col.team"), min_width=16),
        Column(t("tui.col.kind"), max_width=12),
        Column(t("tui.col.members"), max_width=6, align="right"),
        Column(t("tui.col.people"), max_width=11, align="right", drop_order=2),
        Column(t("tui.col.team_actions"), max_width=7, align="right", drop_order=1),
        Column(t("tui.col.advice"), max_width=12),
    ]


class TeamItem:
    __slots__ = ("team", "open_actions")

    def __init__(self, team: Team, open_actions: int) -> None:
        self.team, self.open_actions = team, open_actions


def team_rows(teams: list[Team], actions: list[Action]) -> list[Row]:
    """The core team first, then project teams by name; advice said in words."""
    rows = []
    for team in sorted(teams, key=lambda x: (x.kind.value != "core", x.name.casefold())):
        advice = team_advice(team)
        count = sum(1 for a in team_actions(team, actions) if is_open(a))
        cells = (visible_line(team.name), team.kind.label, str(member_count(team)), f"{team.patients}/{team.partners}",
                 str(count), t("tui.teams.advice_cell") if advice else "")
        search = " ".join((team.id, *cells, team.coordinator, *team.providers)).casefold()
        rows.append(Row(team.id, cells, item=TeamItem(team, count), alert=bool(advice), search=search))
    return rows


class TeamsScreen(OpensUnitScreens, TableScreen):
    FILTER_PLACEHOLDER = "tui.teams.filter"
    BINDINGS = [
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.back", id="teams.back"),
        Binding("n", "new_team", "tui.key.new", tooltip="tui.tip.teams", id="teams.new"),
    ]

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = t("tui.teams.subtitle", unit=unit_name)  # Header: literal

    def make_table(self) -> RowTable:
        return RowTable(team_columns(), id="teams")

    @work(thread=True, exclusive=True, exit_on_error=False, group="teams")
    def load(self) -> None:
        teams = self.store.records(Team, unit=self.slug)
        actions = self.store.records(Action, unit=self.slug)
        self.post_message(self.RowsLoaded(team_rows(teams, actions)))

    def count_text(self, shown: int, total: int) -> str:
        return t("tui.teams.count", shown=shown, total=total) if total else t("tui.teams.empty")

    def describe(self, row: Row) -> Text:
        item: TeamItem = row.item
        team = item.team
        facts = t("tui.teams.detail", id=team.id, kind=team.kind.label, members=t("tui.teams.members", n=member_count(team)),
                  coordinator=visible_line(team.coordinator) or t("tui.nobody"), actions=item.open_actions)
        advice = "\n".join(f"! {a.message}" for a in team_advice(team))
        return Text.assemble((visible_line(team.name), "bold"), "\n", facts, "\n" if advice else "", advice)

    can_go_back = True

    @on(RowTable.RowSelected)
    def _edit(self, event: RowTable.RowSelected) -> None:
        self._open_dialog(event.row.item.team)

    def action_new_team(self) -> None:
        self._open_dialog(None)

    def _open_dialog(self, team: Team | None) -> None:
        from tui.dialogs.team_dialog import TeamDialog

        def done(result: Team | None) -> None:
            if result is not None:
                self._save(result)

        self.app.push_screen(TeamDialog(team), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="team-save")
    def _save(self, team: Team) -> None:
        try:
            saved = save_team(self.store, team, self.slug)
        except Conflict:
            message, severity = t("tui.team.conflict", id=team.id), "error"
        except SpiegelError as error:
            message, severity = t("tui.form.save_failed", error=visible(str(error))), "error"
        else:
            message, severity = t("tui.team.saved", id=saved.id), "information"
        self.app.call_from_thread(self.notify, message, severity=severity, markup=False, timeout=8)
        self.app.call_from_thread(self.reload)
