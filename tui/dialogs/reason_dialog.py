"""One line of reason (to stop an action, to delete something): returns the reason,
or None when cancelled. An empty reason is refused in place: the team owes one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.i18n import t
from store.text import clean_line, visible_line
from tui.bindings import localize_bindings
from tui.dialogs.discard_dialog import KeepsTypedWork


class ReasonDialog(KeepsTypedWork, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="reason.cancel")]

    def __init__(self, title: str, quote: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text, self.quote = title, quote

    def compose(self) -> ComposeResult:
        with Vertical(classes="sp-dialog"):
            yield Static(Text(self.title_text), classes="sp-dialog-title")
            yield Static(Text(visible_line(self.quote)), classes="sp-dialog-quote")
            yield Input(placeholder=t("tui.reason.placeholder"), id="reason-input", compact=True)
            yield Static("", classes="sp-dialog-error", markup=False)
            yield Static(t("tui.reason.hint"), classes="sp-dialog-hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _confirm(self, event: Input.Submitted) -> None:
        reason = clean_line(event.value).strip()
        if not reason:
            self.query_one(".sp-dialog-error", Static).update(Text(t("review.stop_reason")))
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.cancel_keeping_work()
