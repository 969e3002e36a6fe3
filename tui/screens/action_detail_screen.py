"""One improvement action: every field editable, the change log below.

The screen keeps the record it loaded (and so its `rev`). Saving goes through a
thread worker; the store answers with the saved record, a validation error (shown
beside the field) or a `Conflict`, which opens the `ConflictScreen`. Typed edits
are never dropped without asking: Escape, undo over edits and quitting all ask.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from store.errors import InvalidRecord, InvalidValue, SpiegelError
from store.model.changes import undo_message
from store.i18n import t
from store.model.records import Action, Finding, Team
from store.persistence.repository import Store
from store.model.rules import check_transition
from store.moments.teams import owner_suggestions
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.screens.live_refresh import LiveRefresh
from tui.screens.record_saving import SAVE_GROUP, SaveConflicted, SavesRecords
from tui.screens.table_screen import describe_error
from tui.widgets.action_form import ActionForm
from tui.widgets.change_log import ChangeLog
from tui.widgets.fitting_footer import FittingFooter
from tui.dialogs.yes_no_dialog import YesNoDialog
from tui.widgets.field_text import field_label


class ActionDetailScreen(SavesRecords, LiveRefresh, Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "tui.key.save", tooltip="tui.tip.save", id="detail.save"),
        # priority: TextArea binds ctrl+z to its own undo, which would hide this one.
        Binding("ctrl+z", "undo", "tui.key.undo", tooltip="tui.tip.undo", id="detail.undo", priority=True),
        Binding("escape", "back", "tui.key.back", tooltip="tui.tip.detail_back", id="detail.back"),
        # Not plain `k`: a text field always has focus here and would take the letter.
        Binding("ctrl+t", "kpis", "kpi.key.kpis", tooltip="kpi.tip.kpis", id="detail.kpis"),
        *FIELD_KEYS,
    ]
    AUTO_FOCUS = "#f-title"

    class Loaded(Message):
        def __init__(self, action: Action, findings: dict[str, str], owners: list[str]) -> None:
            super().__init__()
            self.action, self.findings, self.owners = action, findings, owners

    class Saved(Message):
        def __init__(self, action: Action, undone: bool = False) -> None:
            super().__init__()
            self.action, self.undone = action, undone

    class SaveFailed(Message):
        def __init__(self, error: SpiegelError, undoing: bool = False) -> None:
            super().__init__()
            self.error, self.undoing = error, undoing

    class Conflicted(SaveConflicted):
        pass

    def __init__(self, store: Store, action_id: str, unit: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.action_id, self.unit = store, action_id, unit
        self.action: Action | None = None
        self.baseline: dict | None = None
        self.busy = False  # a save or undo is under way: a second one would conflict with it
        self.sub_title = action_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield ActionForm(self.store.today(), id="detail-form")
            yield Static(t("tui.detail.log_title"), id="detail-log-title", markup=False)
            yield ChangeLog(id="detail-log")
        yield FittingFooter()

    @property
    def form(self) -> ActionForm:
        return self.query_one(ActionForm)

    def on_mount(self) -> None:
        self.query_one("#detail-body").loading = True
        self.start_watching()
        self.reload()

    @property
    def watched_unit(self) -> str | None:
        return self.action.unit if self.action is not None else self.unit

    def on_live_refresh_data_changed(self, _: LiveRefresh.DataChanged) -> None:
        """Someone saved the unit: show their version, unless the form holds typed
        edits; those stay, and saving them shows both versions field by field."""
        if not self.is_current or self.busy or self.action is None:
            return
        if self.has_unsaved_changes():
            self._seen = self.store.fingerprint(self.watched_unit)  # say it once per change
            self.notify(t("tui.detail.changed_elsewhere", id=self.action.id), severity="warning", markup=False)
            return
        self.reload()

    def has_unsaved_changes(self) -> bool:
        return self.baseline is not None and self.form.raw() != self.baseline

    # workers (store calls only; results come back as messages; save_record: SavesRecords)
    @work(thread=True, exclusive=True, exit_on_error=False, group="detail-load")
    def load(self) -> None:
        action = self.store.get(self.action_id, self.unit)
        findings = {f.id: (t("tui.detail.deleted_link", id=f.id) + " " if f.deleted else "") + visible_line(f.text)
                    for f in self.store.records(Finding, unit=action.unit, deleted=True)}  # a deleted link says so
        actions = self.store.records(Action, unit=action.unit)
        teams = self.store.records(Team, unit=action.unit)  # a team can own an action (store/moments/teams.py)
        owners = owner_suggestions(actions, teams, self.store.unit(action.unit).relatiemanager)
        self.post_message(self.Loaded(action, findings, owners))

    @work(thread=True, exclusive=True, exit_on_error=False, group=SAVE_GROUP)
    def undo_last(self, rev: int) -> None:
        """Undo at `rev`, the revision on screen: a colleague's newer change is never
        reverted unseen (StaleUndo names it; the live refresh then shows it)."""
        try:
            self.post_message(self.Saved(self.store.undo(self.action_id, rev=rev), undone=True))  # type: ignore[arg-type]
        except SpiegelError as error:
            self.post_message(self.SaveFailed(error, undoing=True))

    # message handlers -----------------------------------------------------------------
    def on_action_detail_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#detail-body").loading = False
        shown = self.action
        if shown is not None and self.has_unsaved_changes():
            return  # typed while the refresh was loading: the typing wins
        self._show(message.action, message.findings, message.owners)
        if shown is None:
            self.form.editor("title").focus()
        elif message.action.rev != shown.rev:
            who = visible_line(message.action.updated_by)
            self.notify(t("tui.detail.refreshed", id=shown.id, who=who), markup=False)

    def on_action_detail_screen_saved(self, message: Saved) -> None:
        self.busy = False
        action = message.action
        self._show(action)
        if message.undone:
            self.notify(undo_message(action, self.store.today()), markup=False)
        else:
            self.notify(t("tui.detail.saved", id=action.id, rev=action.rev), markup=False)

    def on_action_detail_screen_save_failed(self, message: SaveFailed) -> None:
        self.busy = False
        error = message.error
        if message.undoing:  # nothing left to undo, or someone changed it since (StaleUndo)
            self.notify(describe_error(error), severity="warning", markup=False)
            return
        problems = error.problems if isinstance(error, InvalidRecord) else [error] if isinstance(error, InvalidValue) else []
        if problems:
            self._report({p.field: p.message for p in problems})
        else:
            self.notify(t("tui.detail.save_failed", error=describe_error(error)), severity="error", markup=False)

    def on_action_detail_screen_conflicted(self, message: Conflicted) -> None:
        from tui.screens.conflict_screen import resolve_conflict

        self.busy = False
        save = lambda merged, base: self._start(self.save_record, merged, base)  # noqa: E731
        resolve_conflict(self, message.conflict, message.base, save, t("tui.detail.conflict_kept"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Unexpected failures of any worker here (expected ones arrive as messages)."""
        if event.state == WorkerState.ERROR:
            self.busy = False
            self.query_one("#detail-body").loading = False
            key = "tui.load_failed" if event.worker.group == "detail-load" else "tui.detail.save_failed"
            self.notify(t(key, error=describe_error(event.worker.error)), severity="error", markup=False)

    # helpers --------------------------------------------------------------------------
    def _show(self, action: Action, findings: dict[str, str] | None = None, owners: list[str] | None = None) -> None:
        self.action = action
        self.sub_title = f"{action.id} · {visible_line(action.title)}"  # Header: literal
        self.form.fill(action, findings, owners)
        self.baseline = self.form.raw()
        self.query_one(ChangeLog).show(action, self.store.today())

    def _start(self, worker, *args) -> None:
        self.busy = True
        worker(*args)

    def _report(self, errors: dict[str, str]) -> None:
        """Errors beside their fields, and all of them in one notification."""
        self.form.show_errors(errors)
        invalid = self.form.first_invalid()
        if invalid is not None:
            invalid.focus()
            self.query_one("#detail-body", VerticalScroll).scroll_to_widget(invalid.parent or invalid)
        summary = "; ".join(f"{field_label(name)}: {text}" for name, text in errors.items())
        self.notify(t("tui.detail.invalid", problems=summary), severity="error", markup=False)

    def _edited(self) -> Action | None:
        """The loaded record with the form's values, or None (errors are shown)."""
        assert self.action is not None
        values, errors = self.form.parse()
        edited = Action.from_doc(self.action.to_doc(), self.action.unit)
        for name, value in values.items():  # only what parsed: the rest keeps its old value
            setattr(edited, name, value)
        problems = edited.problems()
        try:
            check_transition(self.action.status, edited.status)
        except InvalidValue as problem:
            problems.append(problem)
        errors = {**{p.field: p.message for p in problems}, **errors}  # a typing error wins
        if errors:
            self._report(errors)
            return None
        return edited

    # actions ----------------------------------------------------------------------------
    def action_save(self) -> None:
        if self.action is None or self.busy:
            return
        if not self.has_unsaved_changes():
            self.notify(t("tui.detail.unchanged"), markup=False)
            return
        edited = self._edited()
        if edited is not None:
            self._start(self.save_record, edited, self.action)

    def action_undo(self) -> None:
        if self.action is None or self.busy:
            return
        shown = self.action.rev
        if not self.has_unsaved_changes():
            self._start(self.undo_last, shown)
            return
        question = YesNoDialog(t("tui.detail.ask_undo"), t("tui.confirm.discard"), t("tui.confirm.stay"))
        self.app.push_screen(question, lambda yes: self._start(self.undo_last, shown) if yes else None)

    def action_back(self) -> None:
        if not self.has_unsaved_changes():
            self.app.pop_screen()
            return
        question = YesNoDialog(t("tui.detail.ask_discard"), t("tui.confirm.discard"), t("tui.confirm.stay"))
        self.app.push_screen(question, lambda yes: self.app.pop_screen() if yes else None)

    def action_kpis(self) -> None:
        from tui.screens.kpi_screen import KpiListScreen

        if self.action is not None:
            self.app.push_screen(KpiListScreen(self.store, self.action.unit, self.action.id))
