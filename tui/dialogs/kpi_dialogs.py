"""Two small forms as modal dialogs: a new measurement, and a KPI's own fields.

Both parse what was typed with the store's parsers (dates as Dutch phrases like the
action's deadline, numbers with a decimal comma) and show a problem beside its
field; they return plain values and leave saving to the screen that opened them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from store.errors import InvalidValue
from store.model.fields import parse_value, show_date
from store.i18n import language, t
from store.model.kpis import measurement_date, value_problem
from store.model.records import Kpi, Measurement
from store.model.runchart import RULE_SETS, number
from store.model.vocab import Direction
from tui.bindings import localize_bindings
from tui.dialogs.discard_dialog import KeepsTypedWork
from tui.dialogs.stored_text import StoredTextFields
from tui.widgets.field_text import field_label
from tui.widgets.form_row import FormRow


class _Dialog(StoredTextFields, KeepsTypedWork, ModalScreen):
    BINDINGS = [
        Binding("ctrl+s", "submit", "tui.key.save", tooltip="tui.tip.save", id="kpi_dialog.save"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="kpi_dialog.cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text = title

    def rows(self) -> list[FormRow]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="kpi-dialog"):
            yield Static(self.title_text, classes="kpi-dialog-title", markup=False)
            yield from self.rows()
            yield Static(self.hint(), classes="kpi-dialog-hint", markup=False)

    def hint(self) -> str:
        return t("kpi.form.hint")

    def row(self, name: str) -> FormRow:
        return self.query_one(f"#row-{name}", FormRow)

    def parsed(self) -> tuple[dict[str, Any], dict[str, str]]:
        raise NotImplementedError

    def action_submit(self) -> None:
        values, errors = self.parsed()
        for row in self.query(FormRow):
            row.set_error(errors.get(row.field, ""))
        if errors:
            self.query_one(f"#in-{next(iter(errors))}").focus()
            return
        self.dismiss(values)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    @on(Input.Changed)
    def _clear_stale_error(self, event: Input.Changed) -> None:
        """A field typed in again: its old error no longer holds (ctrl+s checks anew)."""
        row = next((a for a in event.input.ancestors if isinstance(a, FormRow)), None)
        if row is not None and row.error:
            row.set_error("")

    def action_cancel(self) -> None:
        self.cancel_keeping_work()


def field_input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> Input:
    return Input(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False, compact=True)


def parse_number(name: str, text: str, measure_unit: str = "", required: bool = False) -> float | None:
    """A number as typed ('7,5' or '7.5') that a KPI with this unit may hold;
    InvalidValue when it is none."""
    if required and not text.strip():
        raise InvalidValue(name, t("value.required"))
    value = parse_value(Kpi, "baseline", text)  # the store's OptFloat parser (decimal comma)
    problem = value_problem(value, measure_unit) if value is not None else None
    if problem:
        raise InvalidValue(name, problem)
    return value


class NewMeasurement(_Dialog):
    """Returns {"measurement": Measurement}, or None when cancelled."""

    def __init__(self, today: dt.date, measure_unit: str = "") -> None:
        super().__init__(t("kpi.measure.title"))
        self.today, self.measure_unit = today, measure_unit

    def rows(self) -> list[FormRow]:
        date = field_input("date", "vandaag" if language() == "nl" else "today",
                      t("kpi.measure.date_placeholder"), "date")
        return [
            FormRow("date", field_label("date"), date, aside=True),
            FormRow("value", field_label("value"), field_input("value", "", t("kpi.measure.value_placeholder"), "number")),
            FormRow("note", field_label("note"), field_input("note")),
        ]

    def hint(self) -> str:
        return t("kpi.measure.hint")

    def on_mount(self) -> None:
        self._show_date(self.text("date"))
        self.query_one("#in-value", Input).focus()

    @on(Input.Changed, "#in-date")
    def _date_changed(self, event: Input.Changed) -> None:
        self._show_date(event.value)

    def _show_date(self, text: str) -> None:
        try:
            aside = f"→ {show_date('measurement', measurement_date(text, self.today), self.today)}"
        except InvalidValue:
            aside = "?"
        self.row("date").set_aside(aside)

    def parsed(self) -> tuple[dict[str, Any], dict[str, str]]:
        errors: dict[str, str] = {}
        date = value = None
        try:
            date = measurement_date(self.text("date"), self.today)
        except InvalidValue as problem:
            errors["date"] = problem.message
        try:
            value = parse_number("value", self.text("value"), self.measure_unit, required=True)
        except InvalidValue as problem:
            errors["value"] = problem.message
        note = parse_value(Kpi, "name", self.text("note"))  # one clean line
        return ({"measurement": Measurement(date, value, note)} if not errors else {}), errors


class KpiForm(_Dialog):
    """A KPI's own fields; returns {field: value} ready to set on a `Kpi`."""

    NUMBERS = ("baseline", "target")

    def __init__(self, title: str, kpi: Kpi | None = None, today: dt.date | None = None) -> None:
        super().__init__(title)
        self.kpi = kpi or Kpi()
        self.today = today

    def rows(self) -> list[FormRow]:
        kpi = self.kpi
        directions = [(Text(d.label), d.value) for d in Direction]
        return [
            FormRow("name", field_label("name"), self.stored_text_input("name", kpi.name)),
            FormRow("measure_unit", field_label("measure_unit"),
                    self.stored_text_input("measure_unit", kpi.measure_unit, "%, min, aantal")),
            FormRow("direction", field_label("direction"),
                    Select(directions, value=kpi.direction.value, allow_blank=False, id="in-direction", compact=True)),
            *(FormRow(n, field_label(n), field_input(n, _number_text(getattr(kpi, n)), classes="number")) for n in self.NUMBERS),
            FormRow("baseline_points", field_label("baseline_points"),
                    field_input("baseline_points", str(kpi.baseline_points or ""), classes="number")),
            FormRow("baseline_end", field_label("baseline_end"),
                    field_input("baseline_end", kpi.baseline_end.isoformat() if kpi.baseline_end else "",
                           t("kpi.form.baseline_hint"), "date")),
            FormRow("rules", field_label("rules"),
                    Select([(Text(t(f"kpi.form.rules_{r or 'default'}")), r) for r in ("", *RULE_SETS)],
                           value=kpi.rules if kpi.rules in RULE_SETS else "", allow_blank=False, id="in-rules",
                           compact=True)),
        ]

    def on_mount(self) -> None:
        self.query_one("#in-name", Input).focus()

    def parsed(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name in ("name", "measure_unit"):
            values[name] = parse_value(Kpi, name, self.text(name))
        if not values["name"]:
            errors["name"] = t("value.required")
        values["direction"] = Direction(self.query_one("#in-direction", Select).value)
        for name in self.NUMBERS:
            try:
                values[name] = parse_number(name, self.text(name), values["measure_unit"])
            except InvalidValue as problem:
                errors[name] = problem.message
        for name in ("baseline_points", "baseline_end"):  # choosing the baseline period again is a logged edit
            try:
                values[name] = parse_value(Kpi, name, self.text(name), self.today)
            except InvalidValue as problem:
                errors[name] = problem.message
        values["rules"] = self.query_one("#in-rules", Select).value
        return values, errors


def _number_text(value: float | None) -> str:
    return "" if value is None else number(value)
