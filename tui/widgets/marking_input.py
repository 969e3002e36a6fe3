"""A one-line field that shows a hidden character typed or pasted into it as its mark
(`store.text.for_editing`), as it shows a stored one: a bidi override never reaches the
terminal from what is being typed either. The forms that use it read it back with
`store.text.edited`, which turns the marks into the characters again."""

from __future__ import annotations

from textual.widgets import Input

from store.text import for_editing


class MarkingInput(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion (a key, a paste, a cut's undo) passes here."""
        super().replace(for_editing(text), start, end)


def line_input(name: str, value: str = "", placeholder: str = "", classes: str = "") -> MarkingInput:
    """A form's one-line field `#in-<name>`; a form reads it back with
    `store.text.edited` (tui/dialogs/stored_text.py does for a dialog)."""
    return MarkingInput(value, placeholder=placeholder, id=f"in-{name}", classes=classes, select_on_focus=False,
                        compact=True)
