"""The evaluation meeting: the unit's actions due for review (store/moments/reviews.py), one
at a time, large enough for a shared screen or projector.

Per action: its number in the queue, status, progress, owner and why it is due (in
words) at the top; the run chart of the KPI whose value field has focus, with its
legend; this period's value for each KPI (Enter saves it at once and the chart
redraws; a day that has a value already is asked about; ctrl+z takes the last
value back); the decision (continue, adjust, done, stop), progress, PDSA study and
act, a new owner or deadline, and the next review date (empty: the planned one).
ctrl+s records the decision (one transaction, checked against the revision shown;
a colleague's save in between opens the field-by-field merge of the action detail
screen); ctrl+o skips it, keeping what was typed for when it comes back; ctrl+t
stops it with a reason. Escape, or the end of the queue, opens the overview."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Select, Static
from textual.worker import Worker, WorkerState

from store.errors import Conflict, InvalidRecord, InvalidValue, SpiegelError
from store.model.fields import parse_value, show_date
from store.i18n import t
from store.model.kpis import analyse_kpi
from store.model.records import Action, Kpi
from store.persistence.repository import Store
from store.moments.reviews import Decision, Outcome, ReviewItem, apply_decision, decide, queue, review_item
from store.model.runchart import Analysis
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.screens.live_refresh import LiveRefresh
from tui.screens.record_saving import SAVE_GROUP, SaveConflicted, SavesRecords
from tui.screens.review_values import ReviewValues
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.form_row import FormRow
from tui.widgets.review_form import form_decision, kpi_line, review_widgets
from tui.widgets.run_chart import RunChart, legend

FORM_FIELDS = {"progress": "progress", "review_date": "next", "deadline": "deadline", "owner": "owner",
               "status": "verdict", "act": "act", "verdict": "verdict"}  # a store field -> the form row it is typed in


class ReviewScreen(ReviewValues, SavesRecords, LiveRefresh, Screen):
    AUTO_FOCUS = ""
    BINDINGS = [
        *FIELD_KEYS,
        Binding("ctrl+s", "decide", "tui.review.key.decide", tooltip="tui.review.tip.decide", id="review.decide"),
        Binding("ctrl+o", "skip", "tui.review.key.skip", tooltip="tui.review.tip.skip", id="review.skip"),
        Binding("ctrl+t", "stop", "tui.review.key.stop", tooltip="tui.review.tip.stop", id="review.stop"),
        Binding("ctrl+z", "undo_value", "tui.review.key.undo", tooltip="tui.review.tip.undo", id="review.undo",
                priority=True),
        Binding("escape", "finish", "tui.review.key.finish", tooltip="tui.review.tip.finish", id="review.finish"),
    ]

    class Loaded(Message):
        def __init__(self, items: list[ReviewItem]) -> None:
            super().__init__()
            self.items = items

    class Saved(Message):  # the decision, as saved (also after a merge)
        def __init__(self, action: Action) -> None:
            super().__init__()
            self.action = action

    class SaveFailed(Message):
        def __init__(self, error: SpiegelError) -> None:
            super().__init__()
            self.error = error

    class Conflicted(SaveConflicted):
        pass

    class ItemLoaded(Message):  # the action on screen, as stored now
        def __init__(self, item: ReviewItem) -> None:
            super().__init__()
            self.item = item

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = t("tui.review.subtitle", unit=unit_name)
        self.pending: list[ReviewItem] = []
        self.outcomes: dict[str, Outcome] = {}  # action id -> what the meeting did with it
        self.numbers: dict[str, int] = {}  # action id -> its place in the queue (stays while skipping)
        self.drafts: dict[str, dict[str, object]] = {}  # action id -> what was typed when it was skipped
        self.total = 0
        self.item: ReviewItem | None = None
        self.analyses: dict[str, Analysis] = {}
        self._shown: tuple = ()
        self._busy = False
        self._verdict: str | None = None
        self.entered = []  # ReviewValues: the values entered, for ctrl+z

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="rv-title", markup=False)
        yield Static("", id="rv-facts", markup=False)
        yield VerticalScroll(id="rv-body", can_focus=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#rv-body").loading = True
        self.start_watching()
        self.reload()  # the fingerprint first, then the queue: no colleague's save slips by

    # workers ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="review-load")
    def load(self) -> None:
        self.post_message(self.Loaded(queue(self.store, self.slug)))

    @work(thread=True, exclusive=True, exit_on_error=False, group=SAVE_GROUP)
    def save_decision(self, shown: Action, decision: Decision) -> None:
        """The decision against the revision shown; a colleague's save in between
        comes back as Conflicted with the form applied to what was shown ("mine")."""
        try:
            self.post_message(self.Saved(decide(self.store, shown.id, shown.rev, decision)))
        except Conflict as conflict:
            mine = apply_decision(Action.from_doc(shown.to_doc(), shown.unit), decision, self.store.today())
            self.post_message(self.Conflicted(Conflict(mine, conflict.theirs), shown))
        except SpiegelError as error:
            self.post_message(self.SaveFailed(error))

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-item")
    def load_item(self, action_id: str) -> None:
        self.post_message(self.ItemLoaded(review_item(self.store, self.slug, action_id)))

    # a colleague's save ----------------------------------------------------------------------
    def on_live_refresh_data_changed(self, message: LiveRefresh.DataChanged) -> None:
        """Someone saved the unit: the action on screen is shown as stored now, unless
        something is typed for it (that stays, and saving it shows both versions field
        by field). The queue stays in the order the meeting found it."""
        message.prevent_default()  # not LiveRefresh's reload: that would start the queue anew
        self._seen = self.store.fingerprint(self.slug)  # the watcher waits against this one now
        if self.is_current and self.item is not None:
            self.load_item(self.item.action.id)  # judged when it is in: our own saves are shown by then

    def on_review_screen_item_loaded(self, message: ItemLoaded) -> None:
        shown, item = self.item, message.item
        if shown is None or shown.action.id != item.action.id or self._busy:
            return  # moved on meanwhile, or a decision is being saved (its revision check decides)
        if (item.action.rev, [k.rev for k in item.kpis]) == (shown.action.rev, [k.rev for k in shown.kpis]):
            return  # nothing of this action changed (another one did, or it was our own save)
        if self.has_unsaved_changes():  # the typing stays; saving it shows both versions field by field
            self.notify(t("tui.detail.changed_elsewhere", id=item.action.id), severity="warning", markup=False)
            return
        focused = self.focused.id if self.focused is not None else None
        self.run_worker(self._show_item(item, focused), exclusive=True, group="review-show")
        self.notify(t("tui.detail.refreshed", id=item.action.id, who=visible_line(item.action.updated_by)),
                    markup=False)

    # the queue ------------------------------------------------------------------------------
    def on_review_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#rv-body").loading = False
        self.pending, self.total = list(message.items), len(message.items)
        self.numbers = {item.action.id: n for n, item in enumerate(message.items, 1)}
        self._show_next()

    async def _show_item(self, item: ReviewItem, focus: str | None = None) -> None:
        self.item = item
        action, today = item.action, self.store.today()
        self._show_heading(item)
        body = self.query_one("#rv-body", VerticalScroll)
        await body.remove_children()
        self.analyses = {k.id: analyse_kpi(k, action.started_on) for k in item.kpis}
        await body.mount_all(review_widgets(action, item.kpis, today))
        for kpi in item.kpis:
            self.query_one(f"#row-kpi-{kpi.id}", FormRow).set_aside(kpi_line(kpi, today))
        if item.kpis:
            self._show_chart(item.kpis[0])
        body.scroll_home(animate=False)
        self._shown = self._typed()
        self._restore(self.drafts.pop(action.id, {}))
        first = f"#in-kpi-{item.kpis[0].id}" if item.kpis else "#in-progress"
        kept = self.query(f"#{focus}") if focus else None  # shown anew: the field the user was in
        self.set_focus(kept.first() if kept else self.query_one(first, Input))

    def _show_heading(self, item: ReviewItem) -> None:
        action = item.action
        position = t("tui.review.position", n=self.numbers.get(action.id, 0), total=self.total,
                     left=len(self.pending) + 1)
        self.query_one("#rv-title", Static).update(Text.assemble(
            (f"{action.id} · {position} · ", "bold"), (visible_line(action.title), "bold")))
        facts = [action.status.label, f"{action.progress}%", visible_line(action.owner) or t("tui.no_owner")]
        if action.review_cycle:
            facts.append(t("tui.review.cycle", cycle=visible_line(action.review_cycle)))
        facts.append(t("tui.review.why", why=item.why))
        self.query_one("#rv-facts", Static).update(Text(" · ".join(facts)))

    def _show_chart(self, kpi: Kpi) -> None:
        charts = self.query("#rv-chart")
        if charts and kpi.id in self.analyses:
            charts.first(RunChart).show(kpi, self.analyses[kpi.id])
            self.query_one("#rv-legend", Static).update(legend(kpi, self.analyses[kpi.id]))

    def _show_next(self) -> None:
        if not self.pending:
            self._open_overview()
            return
        self.run_worker(self._show_item(self.pending.pop(0)), exclusive=True, group="review-show")

    # the decision saved, merged or refused --------------------------------------------------
    def on_review_screen_saved(self, message: Saved) -> None:
        self._busy = False
        previous = self.outcomes.get(message.action.id)
        self.outcomes[message.action.id] = Outcome(message.action, values=previous.values if previous else [],
                                                   verdict=self._verdict)
        self.notify(t("tui.review.saved", id=message.action.id), markup=False)
        self._show_next()

    def on_review_screen_conflicted(self, message: Conflicted) -> None:
        """A colleague saved the action while it was shown: their version and the
        team's side by side, field by field (what only they changed is theirs by
        default, what the team decided is the team's); cancel keeps the form."""
        from tui.screens.conflict_screen import resolve_conflict

        self._busy = False
        resolve_conflict(self, message.conflict, message.base, self._save_merged, t("tui.detail.conflict_kept"))

    def _save_merged(self, merged: Action, theirs: Action) -> None:
        from store.moments.reviews import refresh_next_review

        self._busy = True
        typed_next = bool(self.query_one("#in-next", Input).value.strip())
        self.save_record(refresh_next_review(merged, typed_next, self.store.today()), theirs)

    def on_review_screen_save_failed(self, message: SaveFailed) -> None:
        self._busy = False
        self._report(message.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._busy = False
            self.query_one("#rv-body").loading = False
            self._report(event.worker.error, event.worker.group == "review-load")

    def _report(self, error: BaseException, loading: bool = False) -> None:
        problems = error.problems if isinstance(error, InvalidRecord) else [error] if isinstance(error, InvalidValue) else []
        for problem in problems:  # beside its field where the form has one
            field = FORM_FIELDS.get(problem.field)
            if field and self.query(f"#row-{field}"):
                self.query_one(f"#row-{field}", FormRow).set_error(problem.message)
        severity = "warning" if isinstance(error, SpiegelError) else "error"
        key = "tui.load_failed" if loading else "tui.write_failed"
        self.notify(t(key, error=describe_error(error)), severity=severity, markup=False)

    # typing -------------------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a KPI's field saves that value (the chart redraws); elsewhere it
        moves on: the decision is saved with ctrl+s, never by Enter alone."""
        name = (event.input.id or "").removeprefix("in-")
        if name.startswith("kpi-") and event.value.strip():
            self.enter_value(name.removeprefix("kpi-"), event.value)
            return
        self.app.action_focus_next()

    @on(Input.Changed, "#in-next")
    @on(Input.Changed, "#in-deadline")
    def _date_changed(self, event: Input.Changed) -> None:
        field = "review_date" if event.input.id == "in-next" else "deadline"
        try:
            when = parse_value(Action, field, event.value, self.store.today())
            aside = f"→ {show_date(field, when, self.store.today())}" if when else ""
        except InvalidValue:
            aside = "?"
        self.query_one(f"#row-{event.input.id.removeprefix('in-')}", FormRow).set_aside(aside)

    def on_descendant_focus(self, event) -> None:
        name = (getattr(event.widget, "id", "") or "").removeprefix("in-kpi-")
        if self.item is not None and name != getattr(event.widget, "id", ""):
            for kpi in self.item.kpis:
                if kpi.id == name:
                    self._show_chart(kpi)

    def _typed(self) -> tuple:
        return tuple((i.id, i.value) for i in self.query(Input)) + tuple(
            (s.id, s.value) for s in self.query(Select))

    def _restore(self, draft: dict[str, object]) -> None:
        """What was typed before the action was skipped, back in its fields."""
        for widget in [*self.query(Input), *self.query(Select)]:
            if widget.id in draft:
                widget.value = draft[widget.id]

    def has_unsaved_changes(self) -> bool:
        return self.item is not None and self.is_mounted and self._typed() != self._shown

    # actions ------------------------------------------------------------------------------
    def _decision(self) -> Decision | None:
        """The form as a Decision, or None with the problems shown beside their fields."""
        decision, errors = form_decision(self, self.item.action, self.store.today())
        for row in self.query(FormRow):
            if not row.field.startswith("kpi-"):
                row.set_error(errors.get(row.field, ""))
        return decision

    def action_decide(self) -> None:
        if self.item is None or self._busy:
            return
        decision = self._decision()
        if decision is None:
            return
        self._busy, self._verdict = True, decision.verdict
        self.save_decision(self.item.action, decision)

    def action_skip(self) -> None:
        """Skip: it comes back after the others, with what was typed still in it."""
        if self.item is None or self._busy:
            return
        item = self.item
        if self.has_unsaved_changes():
            typed = dict(self._typed())
            self.drafts[item.action.id] = {k: v for k, v in typed.items() if v != dict(self._shown).get(k)}
            self.notify(t("tui.review.skipped_kept", id=item.action.id), markup=False)
        self.outcomes.setdefault(item.action.id, Outcome(item.action, skipped=True))
        self.pending.append(item)
        self._show_next()

    def action_stop(self) -> None:
        from tui.dialogs.reason_dialog import ReasonDialog

        if self.item is None or self._busy:
            return
        item = self.item

        def given(reason: str | None) -> None:
            if reason and self.item is item:
                self._busy, self._verdict = True, "stop"
                self.save_decision(item.action, Decision(stop_reason=reason))

        self.app.push_screen(ReasonDialog(t("tui.review.stop_title", id=item.action.id), item.action.title), given)

    def action_finish(self) -> None:
        if not self.has_unsaved_changes() and not self.drafts:
            self._open_overview()
            return
        from tui.dialogs.discard_dialog import DiscardDialog

        self.app.push_screen(DiscardDialog(t("tui.form.unsaved")), lambda leave: self._open_overview() if leave else None)

    def _open_overview(self) -> None:
        from tui.screens.review_overview_screen import ReviewOverviewScreen

        still = [i for i in ([self.item] if self.item else []) + self.pending if i.action.id not in self.outcomes]
        outcomes = list(self.outcomes.values()) + [Outcome(i.action, skipped=True) for i in still]
        self.item = None
        self.app.switch_screen(ReviewOverviewScreen(self.store, self.slug, self.unit_name, outcomes, self.total))
