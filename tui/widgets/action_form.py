"""The editable fields of one improvement action, as a column of `FormRow`s.

The form knows nothing about saving: `fill` shows a record, `raw` is what is typed
now (for "are there unsaved edits?"), `parse` turns it into field values with the
same parser the CLI uses (`store.model.fields.parse_value`: 'vr', '+2w', 'wk 12'), and
`show_errors` puts messages next to the fields they belong to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Select, TextArea

from store.errors import InvalidValue
from store.model.fields import parse_value, read_back, show_date
from store.i18n import t
from store.model.records import Action
from store.model.vocab import PHASES, ROUTES, Status, phase_label, route_label
from store.text import edited, for_editing
from tui.widgets.field_text import PDSA_PARTS, field_label
from tui.widgets.form_row import FormRow
from tui.widgets.marking_input import MarkingInput

DATE_FIELDS = ("deadline", "review_date", "started_on", "done_on", "evaluated_on")
TEXT_FIELDS = ("title", "owner", "progress", "findings", "review_cycle", *DATE_FIELDS)
SELECT_FIELDS = ("status", "phase", "route")
# Free text, shown with hidden characters marked and saved as shown (store.text.edited).
FREE_TEXT = ("title", "owner", "description", *(f"pdsa-{part}" for part in PDSA_PARTS))
FINDING_ID = re.compile(r"L-\d+")


class ActionForm(Vertical):
    DEFAULT_CSS = "ActionForm { height: auto; }"

    def __init__(self, today: dt.date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.today = today
        self.findings: dict[str, str] = {}
        self.linked_before: set[str] = set()
        self.stored: dict[str, str] = {}  # each free-text field's stored value, as filled

    # composition -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield self._row("title", MarkingInput(compact=True))
        yield self._row("description", TextArea(compact=True, classes="area"))
        yield self._row("owner", MarkingInput(compact=True))
        yield self._row("deadline", Input(compact=True, classes="date"), aside=True)
        yield self._row("status", Select([(Text(s.label), s) for s in Status], allow_blank=False, compact=True))
        phases = [(Text(f"{n} · {phase_label(n)}"), n) for n in PHASES]
        yield self._row("phase", Select(phases, allow_blank=False, compact=True))
        routes = [(Text(f"{n} · {route_label(n)}"), n) for n in ROUTES]
        yield self._row("route", Select(routes, allow_blank=False, compact=True))
        yield self._row("progress", Input(compact=True, classes="number"), aside=True)
        yield self._row("review_date", Input(compact=True, classes="date"), aside=True)
        yield self._row("review_cycle", Input(compact=True, placeholder=t("tui.detail.cycle_hint")))
        yield self._row("findings", Input(compact=True, placeholder=t("tui.detail.findings_hint")))
        for part in PDSA_PARTS:
            yield self._row(f"pdsa-{part}", TextArea(compact=True, classes="area pdsa"))
        for name in ("started_on", "done_on", "evaluated_on"):
            yield self._row(name, Input(compact=True, classes="date"), aside=True)

    def _row(self, field: str, editor: Widget, aside: bool = False) -> FormRow:
        editor.id = f"f-{field}"
        return FormRow(field, field_label(field.replace("-", ".")), editor, aside)

    def editor(self, field: str) -> Any:
        return self.query_one(f"#f-{field}")

    def row(self, field: str) -> FormRow:
        return self.query_one(f"#row-{field}", FormRow)

    # public API ------------------------------------------------------------------
    def fill(self, action: Action, findings: dict[str, str] | None = None, owners: list[str] | None = None) -> None:
        """Show `action`; `findings` (id -> text) and `owners` when they are known."""
        if findings is not None:
            self.findings = findings
        if owners is not None:
            self.editor("owner").suggester = SuggestFromList(owners, case_sensitive=False)
        self.linked_before = set(action.findings)
        self.stored = {"title": action.title, "owner": action.owner, "description": action.description,
                       **{f"pdsa-{part}": str(action.pdsa.get(part, "")) for part in PDSA_PARTS}}
        for name in TEXT_FIELDS:
            text = self.stored[name] if name in self.stored else as_text(name, getattr(action, name), self.today)
            self.editor(name).value = for_editing(text)
        for name in SELECT_FIELDS:
            self.editor(name).value = getattr(action, name)
        self.editor("description").load_text(for_editing(action.description))
        for part in PDSA_PARTS:
            self.editor(f"pdsa-{part}").load_text(for_editing(self.stored[f"pdsa-{part}"]))
        self.show_errors({})

    def raw(self) -> dict[str, Any]:
        """Everything as typed or chosen now; equal to an earlier `raw()` = no edits."""
        found: dict[str, Any] = {name: self.editor(name).value for name in (*TEXT_FIELDS, *SELECT_FIELDS)}
        found["description"] = self.editor("description").text
        found.update({f"pdsa-{p}": self.editor(f"pdsa-{p}").text for p in PDSA_PARTS})
        return found

    def parse(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(field values, {field: error}) for everything in the form."""
        raw = self.raw()
        raw.update({name: edited(raw[name], self.stored.get(name, "")) for name in FREE_TEXT})
        values: dict[str, Any] = {name: raw[name] for name in SELECT_FIELDS}
        errors: dict[str, str] = {}
        for name in (*TEXT_FIELDS, "description"):
            try:
                values[name] = parse_value(Action, name, raw[name], self.today)
            except InvalidValue as problem:
                errors[name] = problem.message
        values["pdsa"] = {p: raw[f"pdsa-{p}"] for p in PDSA_PARTS if raw[f"pdsa-{p}"].strip()}
        problem = self._findings_problem(values.get("findings", []))
        if problem:
            errors["findings"] = problem
        return values, errors

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Put each message beside its field; returns fields the form has no row for."""
        errors = {("pdsa-plan" if k == "pdsa" else k): v for k, v in errors.items()}
        for row in self.query(FormRow):
            row.set_error(errors.get(row.field, ""))
        return [name for name in errors if not self.query(f"#row-{name}")]

    def first_invalid(self) -> Widget | None:
        return next((row.editor for row in self.query(FormRow) if row.error), None)

    # as you type -------------------------------------------------------------------
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("f-")
        if field in DATE_FIELDS:
            self.row(field).set_aside(self._date_note(field, event.value))
        elif field == "progress":
            self.row(field).set_aside("%")
        elif field == "findings":
            self._show_linked(event.value)
        if field:
            self.row(field).set_error("")

    @on(TextArea.Changed)
    @on(Select.Changed)
    def _other_changed(self, event: TextArea.Changed | Select.Changed) -> None:
        widget = event.text_area if isinstance(event, TextArea.Changed) else event.select
        if widget.id:
            self.row(widget.id.removeprefix("f-")).set_error("")

    def _date_note(self, field: str, text: str) -> str:
        """The date a phrase means ('vr' -> '→ vr 27 nov'); nothing when the text
        already says it the way the form writes dates."""
        try:
            parsed = parse_value(Action, field, text, self.today)
        except InvalidValue:
            return t("tui.detail.no_such_date")
        if parsed is None:
            return t("tui.detail.no_date") if text.strip() else ""
        shown = show_date(field, parsed, self.today)
        return "" if " ".join(text.split()).casefold() == shown.casefold() else f"→ {read_back(field, parsed, self.today)}"

    def _show_linked(self, text: str) -> None:
        try:
            ids = parse_value(Action, "findings", text, self.today)
        except InvalidValue:
            ids = []
        lines = Text()
        for ident in ids:
            if lines:
                lines.append("\n")
            found = self.findings.get(ident)
            lines.append(f"{ident}: {found}" if found is not None else t("tui.detail.finding_unknown", id=ident))
        self.row("findings").set_info(lines)

    def _findings_problem(self, ids: list[str]) -> str:
        bad = [i for i in ids if not FINDING_ID.fullmatch(i)]
        if bad:
            return t("tui.detail.finding_bad", id=bad[0])
        unknown = [i for i in ids if i not in self.findings and i not in self.linked_before]
        return t("tui.detail.finding_unknown", id=unknown[0]) if unknown else ""



def as_text(name: str, value: Any, today: dt.date) -> str:
    """A field value as the form shows it; dates as 'di 15 dec', which parse back."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return show_date(name, value, today)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)
