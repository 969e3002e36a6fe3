"""'Throw away unsaved changes?' as a small modal: returns True (discard) or False (stay)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import t
from tui.bindings import localize_bindings


class DiscardDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("j,y,enter", "answer(True)", "tui.key.discard", tooltip="tui.tip.discard", id="discard.yes"),
        Binding("n,escape", "answer(False)", "tui.key.stay", tooltip="tui.tip.stay", id="discard.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="sp-dialog"):
            yield Static(self.question, classes="sp-dialog-title", markup=False)
            yield Static(t("tui.discard.hint"), classes="sp-dialog-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
