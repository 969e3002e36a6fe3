"""A small modal form: labelled rows (tui/widgets/form_row.py), a problem shown
beside its field, ctrl+s (or Enter in a one-line field) to finish, Escape to
cancel (asking first when something was typed: KeepsTypedWork)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.i18n import t
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.dialogs.discard_dialog import KeepsTypedWork
from tui.dialogs.stored_text import StoredTextFields
from tui.widgets.form_row import FormRow


class FormDialog(StoredTextFields, KeepsTypedWork, ModalScreen):
    BINDINGS = [
        *FIELD_KEYS,
        Binding("ctrl+s", "submit", "tui.key.save", tooltip="tui.tip.save", id="form_dialog.save"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="form_dialog.cancel"),
    ]
    HINT = "dialog.hint_form"

    def __init__(self, title: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text = title

    def rows(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog"):
            yield Static(self.title_text, classes="form-dialog-title", markup=False)
            yield from self.rows()
            yield Static(t(self.HINT), classes="form-dialog-hint", markup=False)

    def parsed(self) -> tuple[object, dict[str, str]]:
        """The result, and problems by field name (none: the dialog closes with it)."""
        raise NotImplementedError

    def action_submit(self) -> None:
        result, errors = self.parsed()
        for row in self.query(FormRow):
            row.set_error(errors.get(row.field, ""))
        if errors:
            self.query_one(f"#in-{next(iter(errors))}").focus()
            return
        self.dismiss(result)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_submit()

    def action_cancel(self) -> None:
        self.cancel_keeping_work()
