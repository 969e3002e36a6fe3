"""Form fields that edit stored free text: filled with its hidden characters marked
(`store.text.for_editing`: a bidi override in a name reaches the terminal from a
field no more than from a list), and read back as what they showed
(`store.text.edited`: an untouched field gives the stored value itself)."""

from __future__ import annotations

from textual.widgets import TextArea

from store.text import edited, for_editing
from tui.widgets.marking_input import MarkingInput, line_input


class StoredTextFields:
    """For a form whose fields are `#in-<name>`: `text(name)` is what a field holds,
    for a field made by `stored_text_input`/`stored_text_area` what it saves, and for
    any `MarkingInput` what was typed (its marks turned back into the characters)."""

    @property
    def stored(self) -> dict[str, str]:
        """The stored value of each field made for stored text, by name."""
        return self.__dict__.setdefault("_stored_text", {})

    def stored_text_input(self, name: str, stored: str, placeholder: str = "", classes: str = "") -> MarkingInput:
        self.stored[name] = stored
        return line_input(name, for_editing(stored), placeholder, classes)

    def stored_text_area(self, name: str, stored: str) -> TextArea:
        self.stored[name] = stored
        return TextArea(for_editing(stored), id=f"in-{name}", soft_wrap=True, tab_behavior="focus",
                        show_line_numbers=False)

    def text(self, name: str) -> str:
        field = self.query_one(f"#in-{name}")  # type: ignore[attr-defined]
        typed = field.text if isinstance(field, TextArea) else field.value
        if name in self.stored or isinstance(field, MarkingInput):
            return edited(typed, self.stored.get(name, ""))
        return typed
