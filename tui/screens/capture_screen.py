"""Fast capture for the minute-taker: one line per finding, Enter saves it.

The input never loses focus and never waits for the disk: Enter queues the finding
and clears the field, and one thread worker at a time drains the queue in batches
(one transaction per batch), so thirty findings typed in a row cost a few writes.

Up and down choose a finding in the list (the field does not use them); F6 edits
it (the line as the field reads it: `+`, `t:`, `!` change kind and quick win) and
F8 deletes it after asking (a tombstone: `spiegel undo` restores it). What a
colleague captures into the same meeting appears within about two seconds
(LiveRefresh), and what is being typed stays in the field."""

from __future__ import annotations

import threading

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from store.moments.capture import finding_from_line, save_findings
from store.i18n import t
from store.model.records import Finding, Meeting, id_number
from store.persistence.repository import Store
from store.text import visible
from store.model.vocab import FindingKind
from tui.bindings import localize_bindings
from tui.widgets.capture_input import CaptureInput
from tui.widgets.capture_list import FindingList, finding_row
from tui.dialogs.discard_dialog import DiscardDialog
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.meeting_table import meeting_label
from tui.screens.capture_edits import CaptureEdits
from tui.screens.live_refresh import LiveRefresh


def _kind_binding(key: str, kind: FindingKind) -> Binding:
    return Binding(key, f"kind('{kind.value}')", f"tui.key.kind_{kind.value}",
                   tooltip=f"tui.tip.kind_{kind.value}", id=f"capture.kind_{kind.value}")


class CaptureScreen(CaptureEdits, LiveRefresh, Screen):
    AUTO_FOCUS = "#capture-input"
    BINDINGS = [
        Binding("escape", "back", "tui.key.back", tooltip="tui.tip.back_capture", id="capture.back"),
        _kind_binding("f2", FindingKind.POSITIVE),
        _kind_binding("f3", FindingKind.LEERPUNT),
        _kind_binding("f4", FindingKind.TIP),
        _kind_binding("f5", FindingKind.RECOMMENDATION),
        Binding("f6", "edit", "tui.capture.key.edit", tooltip="tui.capture.tip.edit", id="capture.edit"),
        Binding("f8", "delete", "tui.capture.key.delete", tooltip="tui.capture.tip.delete", id="capture.delete"),
        Binding("up", "move(-1)", "tui.key.up", tooltip="tui.capture.tip.choose", show=False, id="capture.up"),
        Binding("down", "move(1)", "tui.key.down", tooltip="tui.capture.tip.choose", show=False, id="capture.down"),
    ]

    class Loaded(Message):
        def __init__(self, findings: list[Finding], batches: int = 0) -> None:
            super().__init__()
            self.findings, self.batches = findings, batches  # batches: our saves known when it read

    class BatchSaved(Message):
        def __init__(self, keys: list[str], findings: list[Finding]) -> None:
            super().__init__()
            self.keys, self.findings = keys, findings

    class BatchFailed(Message):
        def __init__(self, keys: list[str], error: str) -> None:
            super().__init__()
            self.keys, self.error = keys, error

    def __init__(self, store: Store, meeting: Meeting) -> None:
        super().__init__()
        localize_bindings(self)
        self.store = store
        self.meeting = meeting
        self._saved: list[Finding] = []
        self._waiting: dict[str, Finding] = {}  # typed, not yet saved (main thread's view)
        self._failed: set[str] = set()
        self._queue: list[tuple[str, Finding]] = []  # shared with the worker, under _lock
        self._lock = threading.Lock()
        self._draining = False
        self._typed = 0
        self._chosen = False  # the user moved the list's cursor (else it follows the newest)
        self._batches = 0  # batches of ours saved so far; a load older than one keeps its findings
        self._arrived: dict[str, int] = {}  # finding id -> the batch that saved it
        self.sub_title = t("tui.capture.subtitle", meeting=meeting_label(meeting, store.today()))

    def compose(self) -> ComposeResult:
        yield Header()
        yield CaptureInput(placeholder=t("tui.capture.placeholder"), id="capture-input")
        yield Static("", id="capture-hint", markup=False)
        yield FindingList(id="capture-list")
        yield Static(t("tui.loading"), id="capture-status", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self._show_hint()
        self.start_watching()
        self.reload()

    @property
    def watched_unit(self) -> str | None:
        return self.meeting.unit

    # loading ---------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="capture-load")
    def load(self) -> None:
        wanted, batches = self.meeting.id, self._batches
        found = self.store.records(Finding, unit=self.meeting.unit, where=lambda doc: doc.get("meeting") == wanted)
        self.post_message(self.Loaded(sorted(found, key=lambda f: id_number(f.id)), batches))

    def on_capture_screen_loaded(self, message: Loaded) -> None:
        """The meeting's findings as stored now (a colleague's new, edited or deleted
        ones included). A batch of ours saved while the load ran is newer than
        anything it read: kept."""
        loaded = {f.id: f for f in message.findings}
        racing = [f for f in self._saved if f.id not in loaded and self._arrived.get(f.id, 0) > message.batches]
        self._saved = sorted([*loaded.values(), *racing], key=lambda f: id_number(f.id))
        self._render_list()

    # typing ----------------------------------------------------------------------
    @on(CaptureInput.Captured)
    def _captured(self, event: CaptureInput.Captured) -> None:
        finding = finding_from_line(self.meeting, event.line, event.kind)
        if finding is None:
            return
        self._typed += 1
        key = f"new-{self._typed}"
        self._waiting[key] = finding
        retry = [(k, self._waiting[k]) for k in sorted(self._failed, key=id_number)]
        self._failed.clear()
        self._enqueue([*retry, (key, finding)])
        self._render_list()

    def _enqueue(self, items: list[tuple[str, Finding]]) -> None:
        with self._lock:
            self._queue.extend(items)
            start, self._draining = not self._draining, True
        if start:
            self._drain()

    @work(thread=True, exit_on_error=False, group="capture-save")
    def _drain(self) -> None:
        """Save what is queued, batch by batch, until the queue is empty. Runs to the
        end even if the screen is closed meanwhile: typed findings must not be lost."""
        while True:
            with self._lock:
                batch = list(self._queue)
                if not batch:
                    self._draining = False
                    return
            keys = [key for key, _ in batch]
            try:
                saved = save_findings(self.store, self.meeting, [finding for _, finding in batch])
            except Exception as error:  # noqa: BLE001 - reported, kept for a retry
                for _, finding in batch:
                    finding.id, finding.rev = "", 0
                with self._lock:
                    del self._queue[: len(batch)]
                self.post_message(self.BatchFailed(keys, visible(str(error))))
                continue
            with self._lock:
                del self._queue[: len(batch)]
            self.post_message(self.BatchSaved(keys, saved))

    def on_capture_screen_batch_saved(self, message: BatchSaved) -> None:
        for key in message.keys:
            self._waiting.pop(key, None)
        known = {f.id for f in self._saved}  # the first load may have read them already
        self._saved.extend(f for f in message.findings if f.id not in known)
        self._batches += 1
        self._arrived.update({f.id: self._batches for f in message.findings})
        self._render_list()

    def on_capture_screen_batch_failed(self, message: BatchFailed) -> None:
        self._failed.update(message.keys)
        self.notify(t("tui.capture.save_failed", error=message.error), severity="error", markup=False, timeout=10)
        self._render_list()

    # showing ---------------------------------------------------------------------
    def _render_list(self) -> None:
        rows = [finding_row(f) for f in self._saved]
        for key, finding in self._waiting.items():
            state = t("tui.capture.failed") if key in self._failed else t("tui.capture.saving")
            rows.append(finding_row(finding, key, state))
        table = self.query_one(FindingList)
        chosen = table.current.key if table.current is not None and self._chosen else None
        table.show(rows)
        if chosen is not None:  # a refresh keeps the finding the user chose
            keys = [row.key for row in rows]
            table.cursor = keys.index(chosen) if chosen in keys else len(rows) - 1
        status = t("tui.capture.count", n=len(self._saved))
        if self._waiting:
            status += " · " + t("tui.capture.waiting", n=len(self._waiting))
        self.query_one("#capture-status", Static).update(Text(status))

    @on(CaptureInput.KindChosen)
    def _show_hint(self) -> None:
        hint = t("tui.capture.hint", kind=self.query_one(CaptureInput).kind.label)
        self.query_one("#capture-hint", Static).update(Text(hint))

    # actions ---------------------------------------------------------------------
    def action_kind(self, code: str) -> None:
        """The footer's and help's way in; with the field focused, it handles the keys itself."""
        field = self.query_one(CaptureInput)
        field.choose(FindingKind(code))
        field.focus()

    def has_unsaved_changes(self) -> bool:
        """A line typed but not entered, or entered and not saved yet (failed, or
        still on its way: quitting would end the worker that saves it)."""
        return bool(self._waiting) or bool(self.is_mounted and self.query_one(CaptureInput).value.strip())

    def action_back(self) -> None:
        typed = self.query_one(CaptureInput).value.strip()
        if not self._failed and not typed:
            self.app.pop_screen()  # findings still being saved are saved all the same
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        question = t("tui.capture.unsaved", n=len(self._failed)) if self._failed else t("tui.capture.unsaved_line")
        self.app.push_screen(DiscardDialog(question), answered)

