"""Asking for a file: where to export the list to, and which spreadsheet to
import (and whether it holds actions or leerpunten). Each returns what was typed,
checked, through `dismiss`; None when cancelled. Neither writes anything itself."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from store.i18n import t
from store.text import visible_line
from tui.bindings import localize_bindings

EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json"}


def full_path(typed: str) -> str:
    return os.path.abspath(os.path.expanduser(typed.strip()))


class _FileDialog(ModalScreen):
    BINDINGS = [
        Binding("ctrl+s", "submit", "tui.io.key.go", tooltip="tui.io.tip.go", id="file_dialog.go"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.close_dialog", id="file_dialog.cancel"),
    ]
    TITLE_KEY = HINT_KEY = ""

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="sp-dialog"):
            yield Static(self.title_text, classes="sp-dialog-title", markup=False)
            yield Input(self.value, id="file", select_on_focus=False)
            yield from self.extra()
            yield Static("", id="file-error", classes="sp-dialog-error", markup=False)
            yield Static(t(self.HINT_KEY), classes="sp-dialog-hint", markup=False)

    def extra(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.show_error("")
        self.query_one("#file", Input).focus()

    def show_error(self, message: str) -> None:
        error = self.query_one("#file-error", Static)
        error.update(Text(visible_line(message)))
        error.display = bool(message)

    @on(Input.Submitted, "#file")
    def _submitted(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(_FileDialog):
    """Returns (path, format) for the list as it is filtered; the extension says the format."""

    HINT_KEY = "tui.io.export.hint"

    def __init__(self, count: int, suggested: str, noun: str) -> None:
        super().__init__(t("tui.io.export.title", count=count, noun=noun), suggested)

    def action_submit(self) -> None:
        typed = self.query_one("#file", Input).value
        fmt = EXTENSIONS.get(os.path.splitext(typed.strip())[1].lower())
        if not typed.strip():
            self.show_error(t("tui.io.no_file"))
        elif fmt is None:
            self.show_error(t("tui.io.bad_extension"))
        elif not os.path.isdir(os.path.dirname(full_path(typed))):
            self.show_error(t("tui.io.no_folder"))
        else:
            self.dismiss((full_path(typed), fmt))


class ImportDialog(_FileDialog):
    """Returns (path, kind) of the spreadsheet to preview; kind is actions, findings, meetings or measurements."""

    HINT_KEY = "tui.io.import.hint"

    def __init__(self, unit_name: str) -> None:
        super().__init__(t("tui.io.import.title", unit=visible_line(unit_name)), "")

    def extra(self) -> ComposeResult:
        options = [(t(f"tui.io.kind.{kind}"), kind) for kind in ("actions", "findings", "meetings", "measurements")]
        yield Select(options, value="actions", allow_blank=False, id="kind", compact=True)

    def action_submit(self) -> None:
        typed = self.query_one("#file", Input).value
        if not typed.strip():
            self.show_error(t("tui.io.no_file"))
        elif not os.path.isfile(full_path(typed)):
            self.show_error(t("tui.io.no_such_file"))
        else:
            self.dismiss((full_path(typed), self.query_one("#kind", Select).value))
