"""A team's fields as a modal form: name, kind, coordinator, care providers (named),
patients and partners (counted, never named), assignment. The rules of thumb show
live below the fields as advice; ctrl+s returns the team whatever they say. The
screen that opened it saves (store.moments.teams.save_team: names unique per unit)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from store.errors import InvalidValue
from store.model.fields import parse_value
from store.i18n import t
from store.model.records import Team
from store.moments.teams import team_advice
from store.text import clean_line
from store.model.vocab import TeamKind
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.dialogs.discard_dialog import KeepsTypedWork
from tui.dialogs.stored_text import StoredTextFields
from tui.widgets.form_row import FormRow

NUMBERS = ("patients", "partners")


class TeamDialog(StoredTextFields, KeepsTypedWork, ModalScreen[Team | None]):
    BINDINGS = [
        Binding("ctrl+s", "submit", "tui.key.save", tooltip="tui.tip.save", id="team_dialog.save"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="team_dialog.cancel"),
        *FIELD_KEYS,
    ]
    DEFAULT_CSS = """
    TeamDialog { align: center middle; }
    TeamDialog > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
                            border: round $primary; background: $surface; padding: 0 1; }
    TeamDialog .team-title { text-style: bold; }
    TeamDialog Input, TeamDialog Select { width: 1fr; }
    TeamDialog Input.number { width: 10; }
    TeamDialog FormRow .form-label { width: 15; }
    TeamDialog FormRow:focus-within .form-label { text-style: bold underline; }
    TeamDialog #team-advice, TeamDialog .team-hint { color: $text-muted; }
    """

    def __init__(self, team: Team | None) -> None:
        super().__init__()
        localize_bindings(self)
        self.team = team

    def compose(self) -> ComposeResult:
        team = self.team or Team()
        title = t("tui.team.edit", id=team.id) if team.id else t("tui.team.new")
        kinds = [(Text(kind.label), kind.value) for kind in TeamKind]  # Select labels: Text, never markup
        with Vertical():
            yield Static(title, classes="team-title", markup=False)
            yield FormRow("name", t("tui.team.name"), self.stored_text_input("name", team.name))
            yield FormRow("kind", t("tui.team.kind"),
                          Select(kinds, value=team.kind.value, allow_blank=False, id="in-kind", compact=True))
            yield FormRow("coordinator", t("tui.team.coordinator"), self.stored_text_input("coordinator", team.coordinator))
            yield FormRow("providers", t("tui.team.providers"), self.stored_text_input("providers", "; ".join(team.providers)))
            for name in NUMBERS:
                yield FormRow(name, t(f"tui.team.{name}"), _input(name, str(getattr(team, name)), "number"))
            yield FormRow("assignment", t("tui.team.assignment"), self.stored_text_input("assignment", clean_line(team.assignment)))
            yield Static("", id="team-advice", markup=False)
            yield Static(t("tui.team.hint"), classes="team-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#in-name", Input).focus()
        self._show_advice()

    def parsed(self) -> tuple[Team, dict[str, str]]:
        """A copy of the team (same id and rev) with what is typed, and the errors."""
        team = Team.from_doc(self.team.to_doc(), self.team.unit) if self.team else Team()
        errors: dict[str, str] = {}
        team.name = parse_value(Team, "name", self.text("name"))
        if not team.name:
            errors["name"] = t("value.required")
        team.kind = TeamKind(self.query_one("#in-kind", Select).value)
        team.coordinator = parse_value(Team, "coordinator", self.text("coordinator"))
        team.providers = [clean_line(p).strip() for p in self.text("providers").split(";") if p.strip()]
        team.assignment = self.text("assignment").strip()
        for name in NUMBERS:
            try:
                value = parse_value(Team, name, self.text(name) or "0")
                if value < 0:
                    raise InvalidValue(name, t("value.not_negative"))
                setattr(team, name, value)
            except InvalidValue as problem:
                errors[name] = problem.message
        return team, errors

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self._show_advice()

    def _show_advice(self) -> None:
        team, _ = self.parsed()
        advice = team_advice(team)
        lines = [f"! {a.message}" for a in advice] or [t("tui.team.no_advice")]
        self.query_one("#team-advice", Static).update(Text("\n".join(lines)))

    def action_submit(self) -> None:
        team, errors = self.parsed()
        for row in self.query(FormRow):
            row.set_error(errors.get(row.field, ""))
        if errors:
            self.query_one(f"#in-{next(iter(errors))}").focus()
            return
        self.dismiss(team)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    def action_cancel(self) -> None:
        self.cancel_keeping_work()


def _input(name: str, value: str = "", classes: str = "") -> Input:
    return Input(value, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)
