"""A yes/no question as a small modal that returns its answer through `dismiss`
(textual `modal03.py`). Used by the action detail screen and the app's quit
check. The safe answer has focus: Enter alone never discards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.bindings import localize_bindings


class YesNoDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("j,y", "answer(True)", "tui.key.yes", tooltip="tui.tip.yes", id="yesno.yes"),
        Binding("n,escape", "answer(False)", "tui.key.no", tooltip="tui.tip.no", id="yesno.no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="yesno-box"):
            yield Static(self.question, id="yesno-question", markup=False)
            with Horizontal(id="yesno-buttons"):
                # Button labels are markup; these are catalog strings of ours.
                yield Button(self.no, id="yesno-no", variant="primary", compact=True)
                yield Button(self.yes, id="yesno-yes", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#yesno-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yesno-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
