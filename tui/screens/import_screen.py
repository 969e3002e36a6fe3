"""The import of a spreadsheet into a unit: first the dry run's preview (rows to
create, update, and every problem with its row number), then, on `i` and a
deliberate yes, the import itself in one transaction. Both run in a thread worker
with a progress bar, so thousands of rows never freeze the screen. Enter does
nothing here: nothing is saved without the question."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, ProgressBar, RichLog, Static
from textual.worker import Worker, WorkerState

from store.exchange import interop as _interop_words  # noqa: F401  (registers its words)
from store.i18n import t
from store.persistence.repository import Store
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter


class ImportScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "tui.key.back", tooltip="tui.tip.back", id="import.back"),
        Binding("i", "confirm", "tui.io.key.confirm", tooltip="tui.io.tip.confirm", id="import.confirm"),
        Binding("k", "map_column", "tui.io.key.column", tooltip="tui.io.tip.column", id="import.column"),
    ]

    class Progressed(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Planned(Message):
        """A worker's result: the dry run's (written False) or the import's."""

        def __init__(self, result) -> None:
            super().__init__()
            self.result = result

    def __init__(self, store: Store, slug: str, unit_name: str, path: str, kind: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name, self.path, self.kind = store, slug, unit_name, path, kind
        self.sub_title = visible_line(os.path.basename(path))
        self.result = None
        self.busy = True
        self.columns: dict[str, str] = {}  # columns mapped by hand (k), as `--kolom` does
        self.trying: dict[str, str] = {}  # the mapping of the dry run under way; kept once it reads

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(t("tui.io.reading", file=visible_line(self.path))), id="import-summary")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield RichLog(id="import-rows", wrap=True, markup=False, highlight=False, auto_scroll=False)  # literal text
        yield Static("", id="import-hint", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.title = t("tui.io.screen.title", unit=visible_line(self.unit_name))
        self.run_import(write=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def run_import(self, write: bool) -> None:
        from store.exchange.interop import importer

        def progress(done: int, total: int) -> None:
            self.post_message(self.Progressed(done, total))

        step = importer.run if write else importer.preview
        self.post_message(self.Planned(step(self.store, self.slug, self.path, self.kind, progress=progress,
                                            columns=dict(self.trying) or None)))

    def on_import_screen_progressed(self, message: Progressed) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(message.total, 1), progress=message.done)
        self.query_one("#import-summary", Static).update(Text(t("tui.io.planning", done=message.done,
                                                                 all_rows=message.total)))

    def on_import_screen_planned(self, message: Planned) -> None:
        self.result, self.busy = message.result, False
        self.columns = dict(self.trying)
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=1)
        self.query_one("#import-summary", Static).update(Text(message.result.summary()))
        rows = self.query_one(RichLog)
        rows.clear()
        for line in message.result.lines():
            rows.write(Text(visible_line(line)))
        if message.result.written:
            hint = "tui.io.done.hint"
            self.notify(message.result.summary(), markup=False)
        else:
            hint = "tui.io.preview.hint" if self._writable() else "tui.io.nothing.hint"
        self.query_one("#import-hint", Static).update(t(hint))
        self.refresh_bindings()

    def _writable(self) -> bool:
        result = self.result
        return result is not None and not result.written and (result.count("create") + result.count("update")) > 0

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "confirm":
            return self._writable() and not self.busy
        if action == "map_column":
            return not self.busy and not (self.result is not None and self.result.written)
        return True

    def action_map_column(self) -> None:
        """Map a column by hand ('Gereed per=deadline'), then the dry run again."""
        from store.errors import SpiegelError
        from store.exchange.interop.column_report import by_hand, field_label
        from store.exchange.interop.columns import KIND_FIELDS
        from tui.dialogs.line_dialog import LineDialog

        def answered(typed: str | None) -> None:
            if not typed or self.busy:
                return
            try:
                self.trying = {**self.columns, **by_hand([typed], self.kind)}
            except SpiegelError as problem:
                self.notify(describe_error(problem), severity="error", markup=False)
                return
            self.busy = True
            self.refresh_bindings()
            self.run_import(write=False)

        fields = ", ".join(field_label(name) for name in KIND_FIELDS.get(self.kind, ()))
        hint = t("tui.io.column.hint", fields=fields)
        self.app.push_screen(LineDialog(t("tui.io.column.title"), "", hint), answered)

    def action_confirm(self) -> None:
        from tui.dialogs.yes_no_dialog import YesNoDialog

        question = t("tui.io.confirm", create=self.result.count("create"), update=self.result.count("update"),
                     unit=visible_line(self.unit_name))

        def answered(yes: bool | None) -> None:
            if yes and self._writable() and not self.busy:
                self.busy = True
                self.refresh_bindings()
                self.query_one("#import-summary", Static).update(Text(t("tui.io.writing")))
                self.run_import(write=True)

        self.app.push_screen(YesNoDialog(question, t("tui.io.confirm.yes"), t("tui.io.confirm.no")), answered)

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place a failed read or import is reported (an unreadable file, a
        busy unit): nothing was written, and the screen says why."""
        if event.state == WorkerState.ERROR:
            self.busy = False
            self.trying = dict(self.columns)  # a mapping that did not read is dropped
            message = t("tui.io.failed", error=describe_error(event.worker.error))
            self.query_one("#import-summary", Static).update(Text(message))
            self.query_one("#import-hint", Static).update(t("tui.io.nothing.hint"))
            self.notify(message, severity="error", markup=False)
            self.refresh_bindings()
