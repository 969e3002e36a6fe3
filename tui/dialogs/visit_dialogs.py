"""The visit's own dialogs: its date, who was there and notes (`w`); the phase
per route (`f`); where to write the summary (`v`). Each returns plain values; the
visit screen keeps them until ctrl+s saves the visit."""

from __future__ import annotations

import datetime as dt
import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from store.errors import InvalidValue
from store.model.fields import parse_field_date, read_back, show_date
from store.i18n import t
from store.text import clean_line, clean_text
from store.model.vocab import phase_label
from tui.dialogs.form_dialog import FormDialog
from tui.widgets.marking_input import line_input
from tui.widgets.field_text import field_label
from tui.widgets.form_row import FormRow


class WhoDialog(FormDialog):
    """{"date", "present", "notes", "next_visit"} of the visit. Enter in a one-line
    field is done; in the notes it starts a new line, and the hint says so."""

    HINT = "dialog.who_hint"

    def __init__(self, today: dt.date, date: dt.date, present: list[str], notes: str,
                 next_visit: dt.date | None = None) -> None:
        super().__init__(t("dialog.who_title"))
        self.today, self.date, self.present, self.notes = today, date, present, notes
        self.next_visit = next_visit

    def rows(self) -> ComposeResult:
        yield FormRow("date", field_label("date"), line_input("date", show_date("date", self.date, self.today), "",
                                                              "date"), aside=True)
        yield FormRow("present", field_label("present"),
                      self.stored_text_input("present", ", ".join(self.present), t("dialog.present_placeholder")))
        yield FormRow("notes", field_label("notes"), self.stored_text_area("notes", self.notes))
        shown = show_date("next_visit", self.next_visit, self.today) if self.next_visit else ""
        yield FormRow("next_visit", field_label("next_visit"),
                      line_input("next_visit", shown, t("dialog.next_visit_placeholder"), "date"), aside=True)


    def on_mount(self) -> None:
        self.query_one("#in-present", Input).focus()

    @on(Input.Changed, "#in-date")
    @on(Input.Changed, "#in-next_visit")
    def _date_changed(self, event: Input.Changed) -> None:
        name = "date" if event.input.id == "in-date" else "next_visit"
        try:
            day = parse_field_date(name, event.value, self.today) if event.value.strip() else None
            aside = f"→ {read_back(name, day, self.today)}" if day else ""
        except InvalidValue:
            aside = "?"
        self.query_one(f"#row-{name}", FormRow).set_aside(aside)

    def parsed(self) -> tuple[dict | None, dict[str, str]]:
        errors: dict[str, str] = {}
        date = next_visit = None
        try:
            date = parse_field_date("date", self.text("date"), self.today)
        except InvalidValue as problem:
            errors["date"] = problem.message
        try:
            typed = self.text("next_visit").strip()
            next_visit = parse_field_date("next_visit", typed, self.today) if typed else None
        except InvalidValue as problem:
            errors["next_visit"] = problem.message
        if errors:
            return None, errors
        present = [p for p in (clean_line(x).strip() for x in self.text("present").replace(";", ",").split(",")) if p]
        return {"date": date, "present": present, "notes": clean_text(self.text("notes")),
                "next_visit": next_visit}, {}


class PhaseDialog(FormDialog):
    """{route: phase} for every route whose phase was changed from `phases`."""

    HINT = "dialog.phase_hint"

    def __init__(self, phases: dict[int, int]) -> None:
        super().__init__(t("dialog.phase_title"))
        self.add_class("phase-dialog")
        self.phases = phases

    def rows(self) -> ComposeResult:
        for route in (1, 2, 3, 4):
            yield FormRow(f"route{route}", short_route_label(route), Select(
                [(Text(f"{p}. {phase_label(p)}"), p) for p in (1, 2, 3, 4)], value=self.phases.get(route, 1),
                allow_blank=False, id=f"in-route{route}", compact=True))

    def on_mount(self) -> None:
        self.query_one("#in-route1", Select).focus()

    def parsed(self) -> tuple[dict[int, int], dict[str, str]]:
        chosen = {r: self.query_one(f"#in-route{r}", Select).value for r in (1, 2, 3, 4)}
        return {r: p for r, p in chosen.items() if p != self.phases.get(r, 1)}, {}


def short_route_label(route: int) -> str:
    """A route's label in whole words ('4. Anders organiseren', not '4. Anders organ'):
    the phase dialog gives its label column the room (tui/styles/dialogs.tcss)."""
    from store.model.vocab import route_short_label

    return f"{route}. {route_short_label(route)}"


class ReportDialog(FormDialog):
    """The path of the report to write: `.md` is Markdown, anything else HTML."""

    HINT = "dialog.report_hint"

    def __init__(self, suggested: str) -> None:
        super().__init__(t("dialog.report_title"))
        self.suggested = suggested

    def rows(self) -> ComposeResult:
        yield FormRow("path", t("dialog.report_path"), line_input("path", self.suggested))

    def on_mount(self) -> None:
        self.query_one("#in-path", Input).focus()

    def parsed(self) -> tuple[str | None, dict[str, str]]:
        path = self.text("path").strip()
        if not path:
            return None, {"path": t("value.required")}
        return os.path.abspath(os.path.expanduser(path)), {}
