"""A new action with owner and deadline: from the dashboard or the actions list
(`n`), as an agreement during a visit (`a`), and, with one title per line, from a
leerpunt in the inbox (`a`). Returns an `ActionDraft` (a list of them from a
leerpunt); saving is the caller's, through store/visits.py or store/workflows.py."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, Static, TextArea

from store.errors import InvalidValue
from store.fields import parse_field_date, show_date
from store.i18n import t
from store.records import Finding
from store.repository import Store
from store.text import clean_line
from store.visits import ActionDraft
from store.vocab import phase_label, route_label
from tui.dialogs.form_dialog import FormDialog, line_input
from tui.form_keys import FIELD_KEYS
from tui.widgets.field_text import field_label
from tui.widgets.finding_dialogs import TitlesDialog
from tui.widgets.form_row import FormRow


def known_owners(store: Store, slug: str) -> list[str]:
    """Owners of the unit's actions and its relatiemanager, for completion."""
    actions = store.listed_actions(slug)
    return sorted({a.owner for a in actions if a.owner} | {store.unit(slug).relatiemanager} - {""}, key=str.casefold)


def owner_input(owners: list[str], value: str = "") -> Input:
    field = line_input("owner", value, t("dialog.owner_placeholder"))
    field.suggester = SuggestFromList(owners, case_sensitive=False)  # completion from known owners
    return field


def parse_deadline(text: str, today: dt.date) -> dt.date | None:
    """A deadline as typed ('vr', '15 jan': the next such date); '' is none."""
    return parse_field_date("deadline", text, today) if text.strip() else None


def deadline_aside(text: str, today: dt.date) -> str:
    try:
        day = parse_deadline(text, today)
    except InvalidValue:
        return "?"
    return f"→ {show_date('deadline', day, today)}" if day else ""


class ActionDialog(FormDialog):
    """Title, owner, deadline, route, phase -> ActionDraft."""

    def __init__(self, title: str, today: dt.date, owners: list[str], route: int = 1, phase: int = 1,
                 store: Store | None = None, slug: str = "") -> None:
        """`store` and `slug`: load the unit's known owners for completion (in a worker)."""
        super().__init__(title)
        self.today, self.owners, self.route, self.phase = today, owners, route, phase
        self.store, self.slug = store, slug

    class OwnersLoaded(Message):
        def __init__(self, owners: list[str]) -> None:
            super().__init__()
            self.owners = owners

    @work(thread=True, exclusive=True, exit_on_error=False, group="action-dialog-owners")
    def _load_owners(self) -> None:
        self.post_message(self.OwnersLoaded(known_owners(self.store, self.slug)))

    def on_action_dialog_owners_loaded(self, message: OwnersLoaded) -> None:
        self.query_one("#in-owner", Input).suggester = SuggestFromList(message.owners, case_sensitive=False)

    def rows(self) -> ComposeResult:
        yield FormRow("title", field_label("title"), line_input("title"))
        yield FormRow("owner", field_label("owner"), owner_input(self.owners))
        yield FormRow("deadline", field_label("deadline"),
                      line_input("deadline", "", t("dialog.deadline_placeholder"), "date"), aside=True)
        yield FormRow("route", field_label("route"), Select(
            [(Text(f"{r}. {route_label(r)}"), r) for r in (1, 2, 3, 4)], value=self.route, allow_blank=False,
            id="in-route", compact=True))
        yield FormRow("phase", field_label("phase"), Select(
            [(Text(f"{p}. {phase_label(p)}"), p) for p in (1, 2, 3, 4)], value=self.phase, allow_blank=False,
            id="in-phase", compact=True))

    def on_mount(self) -> None:
        self.query_one("#in-title", Input).focus()
        if self.store is not None:
            self._load_owners()

    @on(Input.Changed, "#in-deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        self.query_one("#row-deadline", FormRow).set_aside(deadline_aside(event.value, self.today))

    def parsed(self) -> tuple[ActionDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        title = clean_line(self.text("title")).strip()
        if not title:
            errors["title"] = t("value.required")
        deadline = None
        try:
            deadline = parse_deadline(self.text("deadline"), self.today)
        except InvalidValue as problem:
            errors["deadline"] = problem.message
        if errors:
            return None, errors
        return ActionDraft(title, clean_line(self.text("owner")).strip(), deadline,
                           self.query_one("#in-route", Select).value, self.query_one("#in-phase", Select).value), {}


class FindingActionsDialog(TitlesDialog):
    """The inbox's `a`: one action title per line, each with the owner and deadline
    typed below; returns a list of ActionDraft, or None."""

    HINT = "dialog.finding_actions_hint"
    # Tab as a priority binding: typed in a burst, the owner's letters must not reach
    # the titles (tui/form_keys.py says why).
    BINDINGS = [*FIELD_KEYS]

    def __init__(self, title: str, finding: Finding, today: dt.date, owners: list[str] = (),
                 store: Store | None = None) -> None:
        """`store`: load the unit's known owners for completion (in a worker)."""
        super().__init__(title, finding)
        self.today, self.owners, self.store = today, list(owners), store

    def on_mount(self) -> None:
        if self.store is not None:
            self._load_owners()

    @work(thread=True, exclusive=True, exit_on_error=False, group="finding-actions-owners")
    def _load_owners(self) -> None:
        self.post_message(ActionDialog.OwnersLoaded(known_owners(self.store, self.finding.unit)))

    def on_action_dialog_owners_loaded(self, message: ActionDialog.OwnersLoaded) -> None:
        self.query_one("#in-owner", Input).suggester = SuggestFromList(message.owners, case_sensitive=False)

    def editor(self) -> ComposeResult:
        yield from super().editor()
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("owner"), classes="finding-actions-label", markup=False)
            yield owner_input(self.owners)
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("deadline"), classes="finding-actions-label", markup=False)
            yield line_input("deadline", "", t("dialog.deadline_placeholder"), "date")
            yield Static("", id="deadline-aside", markup=False)

    @on(Input.Changed, "#in-deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        self.query_one("#deadline-aside", Static).update(deadline_aside(event.value, self.today))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        titles = [line for line in (clean_line(x) for x in self.query_one(TextArea).text.splitlines()) if line]
        if not titles:
            self.show_error(t("tui.dialog.titles_required"))
            return
        try:
            deadline = parse_deadline(self.query_one("#in-deadline", Input).value, self.today)
        except InvalidValue as problem:
            self.show_error(f"{field_label('deadline')}: {problem.message}")
            return
        owner = clean_line(self.query_one("#in-owner", Input).value).strip()
        self.dismiss([ActionDraft(title, owner, deadline) for title in titles])
