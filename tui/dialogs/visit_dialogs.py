"""The visit's own dialogs: its date, who was there and notes (`w`); the phase
per route (`f`); where to write the summary (`v`). Each returns plain values; the
visit screen keeps them until ctrl+s saves the visit."""

from __future__ import annotations

import datetime as dt
import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from store.errors import InvalidValue
from store.fields import parse_field_date, read_back, show_date
from store.i18n import t
from store.text import clean_line, clean_text
from store.vocab import phase_label, route_label
from tui.dialogs.form_dialog import FormDialog, line_input
from tui.widgets.field_text import field_label
from tui.widgets.form_row import FormRow


class WhoDialog(FormDialog):
    """{"date", "present", "notes"} of the visit."""

    def __init__(self, today: dt.date, date: dt.date, present: list[str], notes: str) -> None:
        super().__init__(t("dialog.who_title"))
        self.today, self.date, self.present, self.notes = today, date, present, notes

    def rows(self) -> ComposeResult:
        yield FormRow("date", field_label("date"), line_input("date", show_date("date", self.date, self.today), "",
                                                              "date"), aside=True)
        yield FormRow("present", field_label("present"),
                      line_input("present", ", ".join(self.present), t("dialog.present_placeholder")))
        yield FormRow("notes", field_label("notes"), TextArea(self.notes, id="in-notes", soft_wrap=True,
                                                              tab_behavior="focus", show_line_numbers=False))

    def on_mount(self) -> None:
        self.query_one("#in-present", Input).focus()

    @on(Input.Changed, "#in-date")
    def _date_changed(self, event: Input.Changed) -> None:
        try:
            aside = f"→ {read_back('date', parse_field_date('date', event.value, self.today), self.today)}"
        except InvalidValue:
            aside = "?"
        self.query_one("#row-date", FormRow).set_aside(aside)

    def parsed(self) -> tuple[dict | None, dict[str, str]]:
        try:
            date = parse_field_date("date", self.text("date"), self.today)
        except InvalidValue as problem:
            return None, {"date": problem.message}
        present = [p for p in (clean_line(x).strip() for x in self.text("present").replace(";", ",").split(",")) if p]
        return {"date": date, "present": present, "notes": clean_text(self.query_one(TextArea).text)}, {}


class PhaseDialog(FormDialog):
    """{route: phase} for every route whose phase was changed from `phases`."""

    HINT = "dialog.phase_hint"

    def __init__(self, phases: dict[int, int]) -> None:
        super().__init__(t("dialog.phase_title"))
        self.phases = phases

    def rows(self) -> ComposeResult:
        for route in (1, 2, 3, 4):
            yield FormRow(f"route{route}", f"{route}. {route_label(route)}"[:14], Select(
                [(Text(f"{p}. {phase_label(p)}"), p) for p in (1, 2, 3, 4)], value=self.phases.get(route, 1),
                allow_blank=False, id=f"in-route{route}", compact=True))

    def on_mount(self) -> None:
        self.query_one("#in-route1", Select).focus()

    def parsed(self) -> tuple[dict[int, int], dict[str, str]]:
        chosen = {r: self.query_one(f"#in-route{r}", Select).value for r in (1, 2, 3, 4)}
        return {r: p for r, p in chosen.items() if p != self.phases.get(r, 1)}, {}


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
