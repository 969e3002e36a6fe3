"""The evaluation meeting: the unit's actions due for review (store/reviews.py), one
at a time, large enough for a shared screen or projector.

Per action: status, progress and owner at the top; the run chart of the KPI whose
value field has focus; this period's value for each KPI (Enter saves it at once and
the chart redraws); status, progress, PDSA study and act and the next review date
(empty: from the action's cycle). ctrl+s records the decision (one transaction,
checked against the revision shown) and shows the next action; ctrl+o skips it
(it comes back after the others); ctrl+t stops it with a reason. Escape, or the
end of the queue, opens the overview of what was decided."""

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
from store.fields import parse_value, show_date
from store.i18n import t
from store.kpis import analyse_kpi, started_on
from store.measurements import enter_period
from store.records import Action, Kpi
from store.repository import Store
from store.reviews import Decision, Outcome, ReviewItem, decide, queue
from store.runchart import Analysis, quantity
from store.text import visible_line
from store.vocab import Status
from tui.bindings import localize_bindings
from tui.form_keys import FIELD_KEYS
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.form_row import FormRow
from tui.widgets.review_form import cycle_hint, kpi_line, review_widgets
from tui.widgets.run_chart import RunChart

class ReviewScreen(Screen):
    AUTO_FOCUS = ""
    BINDINGS = [
        *FIELD_KEYS,
        Binding("ctrl+s", "decide", "tui.review.key.decide", tooltip="tui.review.tip.decide", id="review.decide"),
        Binding("ctrl+o", "skip", "tui.review.key.skip", tooltip="tui.review.tip.skip", id="review.skip"),
        Binding("ctrl+t", "stop", "tui.review.key.stop", tooltip="tui.review.tip.stop", id="review.stop"),
        Binding("escape", "finish", "tui.review.key.finish", tooltip="tui.review.tip.finish", id="review.finish"),
    ]

    class Loaded(Message):
        def __init__(self, items: list[ReviewItem]) -> None:
            super().__init__()
            self.items = items

    class Decided(Message):
        def __init__(self, action: Action) -> None:
            super().__init__()
            self.action = action

    class ValueSaved(Message):
        def __init__(self, kpis: list[Kpi], analyses: dict[str, Analysis], problems: dict[str, str]) -> None:
            super().__init__()
            self.kpis, self.analyses, self.problems = kpis, analyses, problems

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = t("tui.review.subtitle", unit=unit_name)
        self.pending: list[ReviewItem] = []
        self.outcomes: dict[str, Outcome] = {}  # action id -> what the meeting did with it
        self.total = 0
        self.item: ReviewItem | None = None
        self.analyses: dict[str, Analysis] = {}
        self._shown: tuple = ()
        self._busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="rv-title", markup=False)
        yield Static("", id="rv-facts", markup=False)
        yield VerticalScroll(id="rv-body")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#rv-body").loading = True
        self.load()

    # workers ---------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="review-load")
    def load(self) -> None:
        self.post_message(self.Loaded(queue(self.store, self.slug)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-save")
    def save_decision(self, action: Action, decision: Decision) -> None:
        self.post_message(self.Decided(decide(self.store, action.id, action.rev, decision)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-save")
    def save_values(self, values: dict[str, str]) -> None:
        result = enter_period(self.store, self.slug, self.store.today(), values)
        analyses = {k.id: analyse_kpi(k, started_on(self.store, k)) for k in result.saved}
        self.post_message(self.ValueSaved(result.saved, analyses, result.problems))

    # handlers -----------------------------------------------------------------------------
    def on_review_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#rv-body").loading = False
        self.pending, self.total = list(message.items), len(message.items)
        self._show_next()

    async def _show_item(self, item: ReviewItem) -> None:
        self.item = item
        action, today = item.action, self.store.today()
        done = self.total - len(self.pending)  # this one is already taken from `pending`
        self.query_one("#rv-title", Static).update(Text.assemble(
            (f"{action.id} · {t('tui.review.position', n=done, total=self.total)} · ", "bold"),
            (visible_line(action.title), "bold")))
        facts = [action.status.label, f"{action.progress}%", visible_line(action.owner) or t("tui.no_owner"), item.why]
        if action.review_cycle:
            facts.append(t("tui.review.cycle", cycle=visible_line(action.review_cycle)))
        self.query_one("#rv-facts", Static).update(Text(" · ".join(facts)))
        body = self.query_one("#rv-body", VerticalScroll)
        await body.remove_children()
        self.analyses = {k.id: analyse_kpi(k, action.started_on) for k in item.kpis}
        widgets = review_widgets(action, item.kpis, cycle_hint(action, today))
        await body.mount_all(widgets)
        for kpi in item.kpis:
            self.query_one(f"#row-kpi-{kpi.id}", FormRow).set_aside(kpi_line(kpi, today))
        if item.kpis:
            self._show_chart(item.kpis[0])
        body.scroll_home(animate=False)
        first = f"#in-kpi-{item.kpis[0].id}" if item.kpis else "#in-progress"
        self.set_focus(self.query_one(first, Input))
        self._shown = self._typed()

    def _show_chart(self, kpi: Kpi) -> None:
        charts = self.query("#rv-chart")
        if charts and kpi.id in self.analyses:
            charts.first(RunChart).show(kpi, self.analyses[kpi.id])

    def _show_next(self) -> None:
        if not self.pending:
            self._open_overview()
            return
        self.run_worker(self._show_item(self.pending.pop(0)), exclusive=True, group="review-show")

    def on_review_screen_decided(self, message: Decided) -> None:
        self._busy = False
        previous = self.outcomes.get(message.action.id)
        self.outcomes[message.action.id] = Outcome(message.action, values=previous.values if previous else [])
        self.notify(t("tui.review.saved", id=message.action.id), markup=False)
        self._show_next()

    def on_review_screen_value_saved(self, message: ValueSaved) -> None:
        if self.item is None:
            return
        for kpi_id, problem in message.problems.items():
            self.query_one(f"#row-kpi-{kpi_id}", FormRow).set_error(problem)
        for kpi in message.kpis:
            self.analyses[kpi.id] = message.analyses[kpi.id]
            self.item.kpis = [kpi if k.id == kpi.id else k for k in self.item.kpis]
            row = self.query_one(f"#row-kpi-{kpi.id}", FormRow)
            row.set_error("")
            row.set_aside(kpi_line(kpi, self.store.today()))
            field = self.query_one(f"#in-kpi-{kpi.id}", Input)
            outcome = self.outcomes.setdefault(self.item.action.id, Outcome(self.item.action, skipped=True))
            outcome.values.append((visible_line(kpi.name), quantity(kpi.measurements[-1].value if kpi.measurements else None, kpi.measure_unit)))
            field.value = ""
            self._show_chart(kpi)
            self.notify(t("tui.review.value_saved", id=kpi.id), markup=False)
        self._shown = self._typed()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        self._busy = False
        self.query_one("#rv-body").loading = False
        error = event.worker.error
        if isinstance(error, Conflict) and self.item is not None:
            self.notify(t("tui.review.conflict", id=self.item.action.id), severity="warning", markup=False, timeout=8)
            self.run_worker(self._reload_item(self.item.action.id), exclusive=True, group="review-show")
            return
        problems = error.problems if isinstance(error, InvalidRecord) else [error] if isinstance(error, InvalidValue) else []
        for problem in problems:  # beside its field where the form has one
            field = {"progress": "progress", "review_date": "next", "status": "status"}.get(problem.field)
            if field and self.query(f"#row-{field}"):
                self.query_one(f"#row-{field}", FormRow).set_error(problem.message)
        key = "tui.load_failed" if event.worker.group == "review-load" else "tui.write_failed"
        severity = "warning" if isinstance(error, SpiegelError) else "error"
        self.notify(t(key, error=describe_error(error)), severity=severity, markup=False)

    async def _reload_item(self, action_id: str) -> None:
        """The action as a colleague left it (what was typed is shown again only
        from their version: the team decides again on what is there now)."""
        import asyncio

        fresh = {i.action.id: i for i in await asyncio.to_thread(queue, self.store, self.slug)}
        if action_id in fresh:
            await self._show_item(fresh[action_id])
        else:
            self._show_next()

    # typing -------------------------------------------------------------------------------
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a KPI's field saves that value (the chart redraws); elsewhere it
        moves on: the decision is saved with ctrl+s, never by Enter alone."""
        name = (event.input.id or "").removeprefix("in-")
        if name.startswith("kpi-") and event.value.strip():
            self.save_values({name.removeprefix("kpi-"): event.value})
            return
        self.app.action_focus_next()

    @on(Input.Changed, "#in-next")
    def _next_changed(self, event: Input.Changed) -> None:
        try:
            when = parse_value(Action, "review_date", event.value, self.store.today())
            aside = f"→ {show_date('review_date', when, self.store.today())}" if when else ""
        except InvalidValue:
            aside = "?"
        self.query_one("#row-next", FormRow).set_aside(aside)

    def on_descendant_focus(self, event) -> None:
        name = (getattr(event.widget, "id", "") or "").removeprefix("in-kpi-")
        if self.item is not None and name != getattr(event.widget, "id", ""):
            for kpi in self.item.kpis:
                if kpi.id == name:
                    self._show_chart(kpi)

    def _typed(self) -> tuple:
        return tuple((i.id, i.value) for i in self.query(Input)) + tuple(
            (s.id, s.value) for s in self.query(Select))

    def has_unsaved_changes(self) -> bool:
        return self.item is not None and self.is_mounted and self._typed() != self._shown

    # actions ------------------------------------------------------------------------------
    def _decision(self) -> Decision | None:
        """The form as a Decision, or None with the problems shown beside their fields."""
        errors: dict[str, str] = {}
        values: dict = {}
        for name, field in (("progress", "progress"), ("next", "review_date")):
            try:
                values[name] = parse_value(Action, field, self.query_one(f"#in-{name}", Input).value, self.store.today())
            except InvalidValue as problem:
                errors[name] = problem.message
        if values.get("progress") is not None and not 0 <= values["progress"] <= 100:
            errors["progress"] = t("value.range", low=0, high=100)
        for row in self.query(FormRow):
            if not row.field.startswith("kpi-"):
                row.set_error(errors.get(row.field, ""))
        if errors:
            return None
        study = parse_value(Action, "description", self.query_one("#in-study", Input).value)
        act = parse_value(Action, "description", self.query_one("#in-act", Input).value)
        return Decision(status=Status(self.query_one("#in-status", Select).value), progress=values["progress"],
                        study=study or None, act=act or None, next_review=values["next"])

    def action_decide(self) -> None:
        if self.item is None or self._busy:
            return
        decision = self._decision()
        if decision is None:
            return
        self._busy = True
        self.save_decision(self.item.action, decision)

    def action_skip(self) -> None:
        if self.item is None or self._busy:
            return
        self.outcomes.setdefault(self.item.action.id, Outcome(self.item.action, skipped=True))
        self.pending.append(self.item)  # it comes back after the others
        self._show_next()

    def action_stop(self) -> None:
        from tui.dialogs.reason_dialog import ReasonDialog

        if self.item is None or self._busy:
            return
        item = self.item

        def given(reason: str | None) -> None:
            if reason and self.item is item:
                self._busy = True
                self.save_decision(item.action, Decision(stop_reason=reason))

        self.app.push_screen(ReasonDialog(t("tui.review.stop_title", id=item.action.id), item.action.title), given)

    def action_finish(self) -> None:
        if not self.has_unsaved_changes():
            self._open_overview()
            return
        from tui.widgets.discard_dialog import DiscardDialog

        self.app.push_screen(DiscardDialog(t("tui.form.unsaved")), lambda leave: self._open_overview() if leave else None)

    def _open_overview(self) -> None:
        from tui.screens.review_overview_screen import ReviewOverviewScreen

        still = [i for i in ([self.item] if self.item else []) + self.pending if i.action.id not in self.outcomes]
        outcomes = list(self.outcomes.values()) + [Outcome(i.action, skipped=True) for i in still]
        self.item = None
        self.app.switch_screen(ReviewOverviewScreen(self.store, self.slug, self.unit_name, outcomes, self.total))

