"""One line of a form: a label, the editor, an optional note beside it (e.g. the
date a phrase means), and below it an info line and an error line that take no
room while empty. All three texts are shown literally."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static


class FormRow(Vertical):
    DEFAULT_CSS = """
    FormRow { height: auto; }
    FormRow > .form-line { height: auto; }
    FormRow .form-label { width: 15; padding-right: 1; }
    FormRow .form-aside { width: auto; max-width: 24; padding-left: 1; }
    FormRow > .form-info, FormRow > .form-error { padding-left: 15; height: auto; }
    """

    def __init__(self, field: str, label: str, editor: Widget, aside: bool = False) -> None:
        super().__init__(id=f"row-{field}")
        self.field = field
        self.label = label
        self.editor = editor
        self.has_aside = aside
        self.error = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-line"):
            yield Static(self.label, classes="form-label", markup=False)
            yield self.editor
            if self.has_aside:
                yield Static("", classes="form-aside", markup=False)
        yield Static("", classes="form-info", markup=False)
        yield Static("", classes="form-error", markup=False)

    def on_mount(self) -> None:
        self.set_info("")
        self.set_error("")

    def set_aside(self, text: str | Text) -> None:
        if self.has_aside:
            self.query_one(".form-aside", Static).update(text)

    def set_info(self, text: str | Text) -> None:
        self._set(".form-info", text)

    def set_error(self, text: str) -> None:
        self.error = text
        self._set(".form-error", f"! {text}" if text else "")
        self.set_class(bool(text), "-invalid")

    def _set(self, selector: str, text: str | Text) -> None:
        static = self.query_one(selector, Static)
        static.update(text)
        static.display = bool(str(text))
