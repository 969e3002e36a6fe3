"""Export on the lists (`e`: actions, leerpunten, meetings) and import on the actions
list (`i`): a mixin, so a list screen keeps to its rows. Export writes the records the
filter shows, in a thread worker; import opens the import screen with its dry run
(tui/screens/import_screen.py)."""

from __future__ import annotations

import os

from textual import work
from textual.message import Message

from store.errors import SpiegelError
from store.i18n import t
from store.text import visible_line


class ListExportImport:
    """For a screen with `store`, `slug`, `unit_name` and a RowTable `table`; `EXPORT_WHAT`
    names the records its rows hold (store/exchange/interop/exporter.py), `exported` picks the
    record from a row's item."""

    EXPORT_WHAT = "actions"

    def exported(self, item: object) -> object:
        return item

    class Exported(Message):
        """The export worker's outcome: rows written, or the problem."""

        def __init__(self, path: str, count: int, error: str = "") -> None:
            super().__init__()
            self.path, self.count, self.error = path, count, error

    def action_export(self) -> None:
        from tui.dialogs.file_dialogs import ExportDialog

        what = self.EXPORT_WHAT
        actions = [self.exported(row.item) for row in self.table.rows]  # type: ignore[attr-defined]  (as filtered now)
        suggested = f"{t(f'tui.io.file.{what}')}-{self.slug or t('tui.io.file.all')}-{self.store.today().isoformat()}.xlsx"  # type: ignore[attr-defined]

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            path, fmt = answer
            if os.path.lexists(path):
                self._ask_overwrite(path, fmt, actions)
            else:
                self._start_export(path, fmt, actions)

        self.app.push_screen(ExportDialog(len(actions), suggested, _noun(what, len(actions))), chosen)  # type: ignore[attr-defined]

    def _ask_overwrite(self, path: str, fmt: str, actions: list) -> None:
        from tui.dialogs.yes_no_dialog import YesNoDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_export(path, fmt, actions)

        question = t("tui.io.overwrite", path=visible_line(path))
        self.app.push_screen(YesNoDialog(question, t("tui.io.overwrite.yes"), t("tui.io.overwrite.no")),  # type: ignore[attr-defined]
                             answered)

    def _start_export(self, path: str, fmt: str, actions: list) -> None:
        self.notify(t("tui.io.exporting", count=len(actions), noun=_noun(self.EXPORT_WHAT, len(actions))), markup=False)  # type: ignore[attr-defined]
        self.write_export(path, fmt, actions)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def write_export(self, path: str, fmt: str, actions: list) -> None:
        from store.exchange import interop as _interop_words  # noqa: F401  (registers its words)
        from store.exchange.interop.exporter import export_bytes
        from store.exchange.interop.outfile import write_file

        try:
            payload, count = export_bytes(self.EXPORT_WHAT, fmt, actions)
            write_file(path, payload)
        except SpiegelError as problem:
            self.post_message(self.Exported(path, 0, str(problem)))  # type: ignore[attr-defined]
            return
        self.post_message(self.Exported(path, count))  # type: ignore[attr-defined]

    def on_list_export_import_exported(self, message: Exported) -> None:
        if message.error:
            self.notify(t("tui.io.failed", error=visible_line(message.error)), severity="error",  # type: ignore[attr-defined]
                        markup=False)
        else:
            self.notify(t("tui.io.exported", count=message.count, noun=_noun(self.EXPORT_WHAT, message.count),
                          path=visible_line(message.path)),  # type: ignore[attr-defined]
                        markup=False, timeout=8)

    def action_import(self) -> None:
        from tui.dialogs.file_dialogs import ImportDialog
        from tui.screens.import_screen import ImportScreen

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                path, kind = answer
                self.app.push_screen(ImportScreen(self.store, self.slug, self.unit_name, path, kind))  # type: ignore[attr-defined]

        self.app.push_screen(ImportDialog(self.unit_name), chosen)  # type: ignore[attr-defined]


def _noun(what: str, count: int) -> str:
    """'acties' / '1 actie': the records a list exports, in the UI's language."""
    return t(f"tui.io.noun.{what}", n=count)
