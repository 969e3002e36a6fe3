"""A KPI already has a value on the day a new one is for: replace it, keep both,
or save nothing (store.moments.measurements.with_measurement decides what each means).
Returns "replace", "keep" or None. The safe answer has focus: Enter alone saves
nothing, and the typed value stays in its field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store.i18n import t
from tui.bindings import localize_bindings


class SameDayDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("v,r", "answer('replace')", "tui.sameday.key.replace", tooltip="tui.sameday.tip.replace",
                id="sameday.replace"),
        Binding("b,k", "answer('keep')", "tui.sameday.key.keep", tooltip="tui.sameday.tip.keep", id="sameday.keep"),
        Binding("n,escape", "answer(None)", "tui.sameday.key.none", tooltip="tui.sameday.tip.none", id="sameday.none"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="yesno-box"):
            yield Static(self.question, id="yesno-question", markup=False)
            with Horizontal(id="yesno-buttons"):
                # Button labels are markup; these are catalog strings of ours.
                yield Button(t("tui.sameday.none"), id="sameday-none", variant="primary", compact=True)
                yield Button(t("tui.sameday.replace"), id="sameday-replace", compact=True)
                yield Button(t("tui.sameday.keep"), id="sameday-keep", compact=True)

    def on_mount(self) -> None:
        self.query_one("#sameday-none", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"sameday-replace": "replace", "sameday-keep": "keep"}.get(event.button.id or ""))

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


def same_day_question(lines: list[str]) -> str:
    """One question for every KPI that already has a value that day."""
    return "\n".join([*lines, "", t("tui.sameday.question")])
