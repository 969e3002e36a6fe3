"""Editing and deleting what was captured (a mixin of CaptureScreen): the arrows
choose a finding in the list while the field keeps focus, F6 edits it as the field
reads it (`+`, `t:`, `!` change kind and quick win), F8 deletes it after asking (a
tombstone: `spiegel undo` restores it). Each is one store call checked against the
revision shown: a colleague's change in between is refused and the list reloads."""

from __future__ import annotations

from textual import work
from textual.message import Message

from store.i18n import t
from store.model.records import Finding
from store.text import visible_line
from store.model.vocab import FindingKind
from tui.widgets.capture_list import FindingList, parse_capture


class CaptureEdits:
    def action_move(self, step: int) -> None:
        table = self.query_one(FindingList)
        if table.rows:
            table.cursor = max(0, min(len(table.rows) - 1, table.cursor + step))
            self._chosen = True

    def _chosen_finding(self) -> Finding | None:
        row = self.query_one(FindingList).current
        finding = row.item if row is not None else None
        if not isinstance(finding, Finding) or not finding.id:  # still being saved
            self.notify(t("tui.capture.choose"), severity="warning", markup=False)
            return None
        return finding

    def action_edit(self) -> None:
        from tui.dialogs.line_dialog import LineDialog

        finding = self._chosen_finding()
        if finding is None:
            return
        line = capture_line(finding)

        def edited(text: str | None) -> None:
            captured = parse_capture(text, finding.kind) if text else None
            if captured is not None and text != line:
                self.save_edit(finding, captured.kind, captured.text, captured.quick_win)

        self.app.push_screen(LineDialog(t("tui.capture.edit_title", id=finding.id), line, t("tui.capture.edit_hint")),
                             edited)

    def action_delete(self) -> None:
        from tui.dialogs.yes_no_dialog import YesNoDialog

        finding = self._chosen_finding()
        if finding is None:
            return
        question = t("tui.capture.ask_delete", id=finding.id, text=visible_line(finding.text)[:60])
        self.app.push_screen(YesNoDialog(question, t("tui.capture.yes_delete"), t("tui.confirm.stay")),
                             lambda yes: self.delete_finding(finding) if yes else None)

    @work(thread=True, exit_on_error=False, group="capture-edit")
    def save_edit(self, finding: Finding, kind: FindingKind, text: str, quick_win: bool) -> None:
        saved = self.store.change(finding.id, {"kind": kind, "text": text, "quick_win": quick_win}, rev=finding.rev)
        self.post_message(self.Changed(t("tui.capture.edited", id=saved.id)))

    @work(thread=True, exit_on_error=False, group="capture-edit")
    def delete_finding(self, finding: Finding) -> None:
        self.store.delete(finding.id, rev=finding.rev)
        self.post_message(self.Changed(t("tui.capture.deleted", id=finding.id)))

    class Changed(Message):
        def __init__(self, note: str) -> None:
            super().__init__()
            self.note = note

    def on_capture_edits_changed(self, message: Changed) -> None:
        self.notify(message.note, markup=False)
        self.reload()

    def on_worker_state_changed(self, event) -> None:
        """An edit or delete refused (a colleague changed the finding: Conflict) is
        said in one line, and the list shows the finding as it is now."""
        from textual.worker import WorkerState

        from tui.screens.table_screen import describe_error

        if event.state == WorkerState.ERROR and event.worker.group in ("capture-edit", "capture-load"):
            self.notify(t("tui.write_failed", error=describe_error(event.worker.error)), severity="warning",
                        markup=False)
            if event.worker.group == "capture-edit":
                self.reload()



_PREFIX = {FindingKind.POSITIVE: "+ ", FindingKind.TIP: "t: ", FindingKind.RECOMMENDATION: "a: ", FindingKind.LEERPUNT: "- "}


def capture_line(finding: Finding) -> str:
    """A finding as the capture field reads it back (parse_capture's inverse)."""
    return f"{_PREFIX[finding.kind]}{'! ' if finding.quick_win else ''}{visible_line(finding.text)}"
