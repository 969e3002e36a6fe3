"""A new action with owner and deadline: from the dashboard or the actions list
(`n`), as an agreement during a visit (`a`), and, with one title per line, from a
leerpunt in the inbox (`a`). Returns an `ActionDraft` (a list of them from a
leerpunt); saving is the caller's, through store/moments/visits.py or store/moments/workflows.py."""

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
from store.model.fields import parse_field_date, show_date
from store.i18n import t
from store.model.records import Finding
from store.persistence.repository import Store
from store.text import clean_line, edited, visible_line
from store.moments.visits import ActionDraft
from store.model.vocab import phase_label, route_label
from tui.dialogs.form_dialog import FormDialog
from tui.form_keys import FIELD_KEYS
from tui.dialogs.discard_dialog import field_values
from tui.widgets.marking_input import line_input
from tui.widgets.field_text import field_label
from tui.dialogs.finding_dialogs import TitlesDialog
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
    """Title, owner, deadline, route, phase -> ActionDraft.

    As a visit's agreement (`phases` given: the unit's phase per route) it also
    offers the open leerpunten it may answer, its phase follows the chosen route's
    phase until the phase is chosen by hand, Enter moves on to the next field (the
    last one saves), and an agreement without an owner or a deadline is saved only
    when ctrl+s is pressed again after the dialog said so: it then says plainly that
    it has none, never silently."""

    def __init__(self, title: str, today: dt.date, owners: list[str], route: int = 1, phase: int = 1,
                 store: Store | None = None, slug: str = "", *, phases: dict[int, int] | None = None,
                 findings: list[Finding] = ()) -> None:
        """`store` and `slug`: load the unit's known owners for completion (in a worker)."""
        super().__init__(title)
        self.today, self.owners, self.route, self.phase = today, owners, route, phase
        self.store, self.slug = store, slug
        self.phases, self.findings = phases, list(findings)
        self.agreement = phases is not None
        if self.agreement:
            self.phase = phases.get(route, phase)
            self.HINT = "dialog.agreement_hint"
        self._phase_chosen = False
        self._warned_missing: tuple[bool, bool] | None = None  # what was missing when the dialog said so

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
        if self.agreement:
            options = [(Text(t("dialog.no_leerpunt")), "")] + [
                (Text(_one_line(f"{f.id} {visible_line(f.text)}", 46)), f.id) for f in self.findings]
            yield FormRow("finding", t("dialog.leerpunt"), Select(options, value="", allow_blank=False, id="in-finding",
                                                                 compact=True))

    @on(Select.Changed, "#in-route")
    def _route_changed(self, event: Select.Changed) -> None:
        """The phase follows the route's phase in the unit until chosen by hand."""
        if self.agreement and not self._phase_chosen and isinstance(event.value, int):
            phase = self.query_one("#in-phase", Select)
            self._following = self.phases.get(event.value, 1)
            phase.value = self._following

    @on(Select.Changed, "#in-phase")
    def _phase_changed(self, event: Select.Changed) -> None:
        if event.value != getattr(self, "_following", self.phase):
            self._phase_chosen = True

    @on(Input.Submitted)
    def _enter_moves_on(self, event: Input.Submitted) -> None:
        """An agreement: Enter moves on to the next field; in the deadline it saves
        (asking first when the owner or deadline is empty). Elsewhere: saves."""
        event.prevent_default()  # not FormDialog's Enter-saves as well
        if self.agreement and event.input.id != "in-deadline":
            self.focus_next()
            return
        self.action_submit()

    def on_mount(self) -> None:
        self.query_one("#in-title", Input).focus()
        if self.store is not None:
            self._load_owners()

    @on(Input.Changed, "#in-deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        self.query_one("#row-deadline", FormRow).set_aside(deadline_aside(event.value, self.today))

    @on(Input.Changed, "#in-owner")
    @on(Input.Changed, "#in-deadline")
    def _filled_in(self, event: Input.Changed) -> None:
        """A field typed into since the dialog said it was empty: that line goes."""
        if self.agreement and event.value.strip():
            self.query_one(f"#row-{event.input.id.removeprefix('in-')}", FormRow).set_error("")

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
        owner = clean_line(self.text("owner")).strip()
        if not errors and self.agreement:
            errors = self._missing(owner, deadline)
        if errors:
            return None, errors
        finding = self.query_one("#in-finding", Select).value if self.agreement else ""
        return ActionDraft(title, owner, deadline, self.query_one("#in-route", Select).value,
                           self.query_one("#in-phase", Select).value, finding or ""), {}

    def _missing(self, owner: str, deadline: dt.date | None) -> dict[str, str]:
        """An agreement needs an owner and a deadline: the first save without them
        says so beside the field; saving again keeps it without (a warning, never a
        wall), and the visit then says plainly that it has none."""
        missing = (not owner, deadline is None)
        if not any(missing) or self._warned_missing == missing:
            return {}
        self._warned_missing = missing
        found = {}
        if missing[0]:
            found["owner"] = t("dialog.agreement_no_owner")
        if missing[1]:
            found["deadline"] = t("dialog.agreement_no_deadline")
        return found


def _one_line(text: str, width: int) -> str:
    """Cut to fit one line of a compact Select (which wraps rather than cuts)."""
    return text if len(text) <= width else text[:width - 1] + "…"


class FindingActionsDialog(TitlesDialog):
    """The inbox's `a`: one action per line, 'titel; eigenaar; deadline' (a line
    without its own owner or deadline takes the ones typed below); the route and
    phase are chosen once for the batch, the phase following the unit's phase for
    the route until chosen by hand. Returns (drafts, route, phase), or None."""

    HINT = "dialog.finding_actions_hint"
    # Tab as a priority binding: typed in a burst, the owner's letters must not reach
    # the titles (tui/form_keys.py says why).
    BINDINGS = [*FIELD_KEYS]

    class UnitLoaded(Message):
        def __init__(self, owners: list[str], phases: dict[int, int]) -> None:
            super().__init__()
            self.owners, self.phases = owners, phases

    def __init__(self, title: str, finding: Finding, today: dt.date, owners: list[str] = (),
                 store: Store | None = None) -> None:
        """`store`: load the unit's known owners and phases (in a worker)."""
        super().__init__(title, finding)
        self.today, self.owners, self.store = today, list(owners), store
        self.phases: dict[int, int] = {}
        self._phase_chosen = False

    def on_mount(self) -> None:  # TitlesDialog's on_mount runs as well (focus in the titles)
        area = self.query_one(TextArea)
        if ";" in area.text:  # the leerpunt's own words start the first line: a ';' there is no owner
            area.text = area.text.replace(";", ",")
            area.move_cursor(area.document.end)
            self._shown = field_values(self)  # what the dialog opened with is nothing typed
        if self.store is not None:
            self._load_owners()

    @work(thread=True, exclusive=True, exit_on_error=False, group="finding-actions-owners")
    def _load_owners(self) -> None:
        unit = self.store.unit(self.finding.unit)
        self.post_message(self.UnitLoaded(known_owners(self.store, self.finding.unit),
                                          {r: unit.phase(r) for r in (1, 2, 3, 4)}))

    def on_finding_actions_dialog_unit_loaded(self, message: UnitLoaded) -> None:
        self.query_one("#in-owner", Input).suggester = SuggestFromList(message.owners, case_sensitive=False)
        self.phases = message.phases
        untouched = not self.has_unsaved_changes()
        self._follow_route(self.query_one("#in-route", Select).value)
        if untouched:  # the phase the unit is in is no typed work to ask about
            self._shown = field_values(self)

    def editor(self) -> ComposeResult:
        yield from super().editor()
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("owner"), classes="finding-actions-label", markup=False)
            yield owner_input(self.owners)
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("deadline"), classes="finding-actions-label", markup=False)
            yield line_input("deadline", "", t("dialog.deadline_placeholder"), "date")
            yield Static("", id="deadline-aside", markup=False)
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("route"), classes="finding-actions-label", markup=False)
            yield Select([(Text(f"{r}. {route_label(r)}"), r) for r in (1, 2, 3, 4)], value=1, allow_blank=False,
                         id="in-route", compact=True)
        with Horizontal(classes="finding-actions-line"):
            yield Static(field_label("phase"), classes="finding-actions-label", markup=False)
            yield Select([(Text(f"{p}. {phase_label(p)}"), p) for p in (1, 2, 3, 4)], value=1, allow_blank=False,
                         id="in-phase", compact=True)

    @on(Select.Changed, "#in-route")
    def _route_changed(self, event: Select.Changed) -> None:
        self._follow_route(event.value)

    def _follow_route(self, route: object) -> None:
        if not self._phase_chosen and isinstance(route, int) and route in self.phases:
            self._following = self.phases[route]
            self.query_one("#in-phase", Select).value = self._following

    @on(Select.Changed, "#in-phase")
    def _phase_changed(self, event: Select.Changed) -> None:
        if event.value != getattr(self, "_following", 1) and event.control.has_focus:
            self._phase_chosen = True

    @on(Input.Changed, "#in-deadline")
    def _deadline_changed(self, event: Input.Changed) -> None:
        self.query_one("#deadline-aside", Static).update(deadline_aside(event.value, self.today))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        from store.moments.workflows import parse_action_line

        typed = edited(self.query_one(TextArea).text, self.source)  # the finding's text, as shown
        lines = [line for line in (clean_line(x) for x in typed.splitlines()) if line.strip()]
        if not lines:
            self.show_error(t("tui.dialog.titles_required"))
            return
        try:
            deadline = parse_deadline(self.query_one("#in-deadline", Input).value, self.today)
        except InvalidValue as problem:
            self.show_error(f"{field_label('deadline')}: {problem.message}")
            return
        owner = clean_line(edited(self.query_one("#in-owner", Input).value, "")).strip()  # as typed
        drafts = []
        for number, line in enumerate(lines, 1):
            try:
                draft = parse_action_line(line, self.today)
            except InvalidValue as problem:
                self.show_error(t("dialog.finding_actions_line", n=number, error=problem.message))
                return
            draft.owner = draft.owner or owner
            draft.deadline = draft.deadline or deadline
            drafts.append(draft)
        self.dismiss((drafts, self.query_one("#in-route", Select).value, self.query_one("#in-phase", Select).value))
