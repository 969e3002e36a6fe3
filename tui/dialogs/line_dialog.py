"""One line of text to edit (a captured finding, as the capture field reads it):
returns the new line, or None when cancelled. Enter keeps the dialog's one job
(it is the edit being confirmed); Escape with typed changes asks first."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.i18n import t
from store.text import edited, for_editing
from tui.bindings import localize_bindings
from tui.dialogs.discard_dialog import KeepsTypedWork
from tui.widgets.marking_input import MarkingInput


class LineDialog(KeepsTypedWork, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="line.cancel")]

    def __init__(self, title: str, value: str, hint: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="sp-dialog"):
            yield Static(Text(self.title_text), classes="sp-dialog-title")
            yield MarkingInput(for_editing(self.value), id="line-input", compact=True, select_on_focus=False)
            yield Static("", classes="sp-dialog-error", markup=False)
            yield Static(self.hint, classes="sp-dialog-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _confirm(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one(".sp-dialog-error", Static).update(Text(t("value.required")))
            return
        self.dismiss(edited(event.value, self.value))  # what the field showed (store.text.edited)

    def action_cancel(self) -> None:
        self.cancel_keeping_work()
