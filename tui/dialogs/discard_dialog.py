"""'Throw away unsaved changes?' as a small modal: returns True (discard) or False
(stay). Only a deliberate j or y discards: Enter (a stray one after Escape, say)
keeps the work, like n and Escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from store.i18n import t
from tui.bindings import localize_bindings


class DiscardDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("j,y", "answer(True)", "tui.key.discard", tooltip="tui.tip.discard", id="discard.yes"),
        Binding("n,escape,enter", "answer(False)", "tui.key.stay", tooltip="tui.tip.stay", id="discard.no"),
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


def field_values(node: DOMNode) -> tuple:
    """What every editor below `node` holds now, in screen order."""
    values = []
    for widget in node.query("Input, Select, TextArea, Checkbox"):
        values.append(widget.text if isinstance(widget, TextArea) else widget.value)  # type: ignore[attr-defined]
    return tuple(values)


class KeepsTypedWork:
    """For a modal form (a ModalScreen): it remembers what its fields held when it
    opened, answers `has_unsaved_changes()` from that (what the user typed, not
    whether a field has a value), and Escape asks before throwing typing away."""

    _shown: tuple | None = None

    def on_mount(self) -> None:
        self._shown = field_values(self)  # type: ignore[arg-type]

    def has_unsaved_changes(self) -> bool:
        return self._shown is not None and field_values(self) != self._shown  # type: ignore[arg-type]

    def cancel_keeping_work(self) -> None:
        """Close without a result; with typed work, only after a deliberate yes."""
        if not self.has_unsaved_changes():
            self.dismiss(None)  # type: ignore[attr-defined]
            return
        self.app.push_screen(  # type: ignore[attr-defined]
            DiscardDialog(t("tui.form.unsaved")), lambda discard: self.dismiss(None) if discard else None  # type: ignore[attr-defined]
        )
