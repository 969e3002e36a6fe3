"""A practice visit (the portfolio's `b`): it opens on what changed since the last
visit and what there is to discuss (store/moments/visit_agenda.py: the previous visit's
agreements, pilots, every overdue action, open leerpunten, each KPI against its
baseline and target), then records this one. Keys: `w` date, who was there, notes
and the next visit; `a` an agreement (it becomes an action with owner and deadline,
its phase the unit's for its route, maybe answering a leerpunt); `f` the phase per
route; `v` the summary for the practice's development plan (in a worker); ctrl+s
saves. Nothing is written before ctrl+s, and Escape or ctrl+q ask first while
something typed is not saved (`has_unsaved_changes`)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import Worker, WorkerState

from store.errors import SpiegelError
from store.model.fields import show_date
from store.i18n import t
from store.model.records import Action, Finding, Kpi, Unit, Visit
from store.exchange.reports.visit import since_lines, since_title
from store.persistence.repository import Store
from store.moments.since import Since, since_last_visit
from store.text import visible, visible_line
from store.moments.visit_agenda import Agenda, agenda_lines, visit_agenda
from store.moments.visits import ActionDraft, record_visit, update_visit
from tui.bindings import localize_bindings
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter


SECTION_LINES = 6  # per section of "since the last visit" on screen; the summary lists all


class VisitScreen(Screen):
    BINDINGS = [
        Binding("escape", "leave", "tui.key.back", tooltip="tui.tip.back", id="visit.back"),
        Binding("w", "who", "visit.key.who", tooltip="visit.tip.who", id="visit.who"),
        Binding("a", "agreement", "visit.key.agreement", tooltip="visit.tip.agreement", id="visit.agreement"),
        Binding("f", "phase", "visit.key.phase", tooltip="visit.tip.phase", id="visit.phase"),
        Binding("v", "report", "visit.key.report", tooltip="visit.tip.report", id="visit.report"),
        Binding("ctrl+s", "save", "visit.key.save", tooltip="visit.tip.save", id="visit.save"),
    ]
    AUTO_FOCUS = "#visit-body"

    class Loaded(Message):
        def __init__(self, unit: Unit, since: Since, owners: list[str], agenda: Agenda) -> None:
            super().__init__()
            self.unit, self.since, self.owners, self.agenda = unit, since, owners, agenda

    class Saved(Message):
        def __init__(self, visit: Visit, unit: Unit, actions: dict[str, Action]) -> None:
            super().__init__()
            self.visit, self.unit, self.actions = visit, unit, actions

    class Written(Message):
        def __init__(self, text: str, ok: bool, reload: bool = False) -> None:
            super().__init__()
            self.text, self.ok, self.reload = text, ok, reload

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = t("visit.title", unit=unit_name)  # Header shows titles literally
        self.today = store.today()
        self.unit: Unit | None = None
        self.since: Since | None = None
        self.owners: list[str] = []
        self.agenda: Agenda | None = None
        self.visit: Visit | None = None  # once saved
        self.actions: dict[str, Action] = {}  # the saved agreements' actions
        self.values = {"date": self.today, "present": [], "notes": "", "next_visit": None}
        self.saved_values = dict(self.values)
        self.drafts: list[ActionDraft] = []
        self.phase_changes: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="visit-body"):
            yield Static("", id="visit-head", markup=False)
            yield Static(t("visit.loading"), id="visit-since", markup=False)
            yield Static("", id="visit-agenda", markup=False)
            yield Static(t("visit.record"), classes="visit-heading", markup=False)
            yield Static("", id="visit-record", markup=False)
            yield Static(t("visit.keys"), id="visit-keys", classes="visit-heading", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#visit-body").loading = True
        self._show_record()
        self.load()

    # loading ---------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="visit-load")
    def load(self) -> None:
        unit = self.store.unit(self.slug)
        previous, since = since_last_visit(self.store, self.slug)
        actions = self.store.records(Action, self.slug)
        owners = sorted({a.owner for a in actions if a.owner} | {unit.relatiemanager} - {""}, key=str.casefold)
        agenda = visit_agenda(previous, actions, self.store.records(Finding, self.slug), self.store.records(Kpi, self.slug),
                              self.today)
        self.post_message(self.Loaded(unit, since, owners, agenda))

    def on_visit_screen_loaded(self, message: Loaded) -> None:
        self.query_one("#visit-body").loading = False
        self.unit, self.since, self.owners, self.agenda = message.unit, message.since, message.owners, message.agenda
        self.query_one("#visit-since", Static).update(self._since_text(message.since))
        self.query_one("#visit-agenda", Static).update(self._agenda_text(message.agenda))
        self._show_record()

    def _agenda_text(self, agenda: Agenda) -> Text:
        """What there is to discuss, every line (the screen scrolls): a relatiemanager
        needs all overdue actions and open leerpunten, not the first few."""
        from store.dates import describe_date

        text = Text(t("agenda.title"), style="bold")
        sections = agenda_lines(agenda, lambda day: describe_date(day, self.today, weekday=False))
        if not sections:
            text.append("\n" + t("agenda.nothing"))
        for name, lines in sections:
            text.append(f"\n{name}", style="underline")
            for line in lines:
                text.append(f"\n  {line}")
        return text

    def _since_text(self, since: Since) -> Text:
        text = Text(since_title(since, self.today), style="bold")
        sections = since_lines(since, self.today, short=True, most=SECTION_LINES)
        if not sections:
            text.append("\n" + (t("since.nothing") if since.since else t("since.nothing_first")))
        for name, lines in sections:
            text.append(f"\n{name}", style="underline")
            for line in lines:
                text.append(f"\n  {line}")
        return text

    # what this visit holds ---------------------------------------------------------
    def _show_record(self) -> None:
        date = show_date("date", self.values["date"], self.today)
        if self.visit is None:
            head = t("visit.head_new", date=date)
        else:
            head = t("visit.head_changed" if self.has_unsaved_changes() else "visit.head_saved", id=self.visit.id, date=date)
        self.query_one("#visit-head", Static).update(Text(head))
        lines = [t("visit.present", names=", ".join(self.values["present"]) or t("visit.nobody"))]
        upcoming = self.values.get("next_visit")
        lines.append(t("visit.next", date=show_date("next_visit", upcoming, self.today)) if upcoming else t("visit.next_none"))
        if self.values["notes"].strip():
            lines.append(t("visit.notes", notes=" ".join(self.values["notes"].split())))
        agreements = [*self._saved_agreements(), *(self._agreement_line(d.title, d.owner, d.deadline, t("visit.agreement_new"),
                                                                        d.finding) for d in self.drafts)]
        lines += [t("visit.agreements"), *agreements] if agreements else [t("visit.no_agreements")]
        lines.append(t("visit.phases", phases=self._phases_text()))
        self.query_one("#visit-record", Static).update(Text(visible("\n".join(lines))))

    def _saved_agreements(self) -> list[str]:
        found = []
        for agreement in self.visit.agreements if self.visit else []:
            action = self.actions.get(agreement.get("action", ""))
            state = t("visit.agreement_saved", id=action.id) if action else ""
            found.append(self._agreement_line(agreement["text"], action.owner if action else "",
                                              action.deadline if action else None, state, agreement.get("finding", "")))
        return found

    def _agreement_line(self, title: str, owner: str, deadline: dt.date | None, state: str, finding: str = "") -> str:
        line = t("visit.agreement_line", title=visible_line(title), owner=visible_line(owner) or t("vreport.no_owner"),
                 deadline=show_date("deadline", deadline, self.today) if deadline else t("vreport.no_deadline"), state=state)
        return line + (t("visit.for_leerpunt", id=finding) if finding else "")

    def _phases_text(self) -> str:
        if self.unit is None:
            return "…"
        parts = []
        for route in (1, 2, 3, 4):
            old = self.unit.phase(route)
            new = self.phase_changes.get(route, old)
            parts.append(t("visit.phase_moved", route=route, old=old, new=new) if new != old else f"{route}: {old}")
        return " · ".join(parts)

    def has_unsaved_changes(self) -> bool:
        return bool(self.drafts or self.phase_changes or self.values != self.saved_values)

    # keys --------------------------------------------------------------------------
    def action_who(self) -> None:
        from tui.dialogs.visit_dialogs import WhoDialog

        v = self.values
        self.app.push_screen(WhoDialog(self.today, v["date"], v["present"], v["notes"], v.get("next_visit")),
                             self._who_chosen)

    def _who_chosen(self, values: dict | None) -> None:
        if values:
            self.values = values
            self._show_record()

    def action_agreement(self) -> None:
        from tui.dialogs.action_dialog import ActionDialog

        if self.unit is None:
            return
        phases = {r: self.phase_changes.get(r, self.unit.phase(r)) for r in (1, 2, 3, 4)}  # as agreed in this visit
        findings = self.agenda.leerpunten if self.agenda else []
        self.app.push_screen(ActionDialog(t("dialog.agreement_title"), self.today, self.owners, phases=phases,
                                          findings=findings), self._agreed)

    def _agreed(self, draft: ActionDraft | None) -> None:
        if draft is not None:
            self.drafts.append(draft)
            if draft.owner and draft.owner not in self.owners:
                self.owners.append(draft.owner)
            self._show_record()

    def action_phase(self) -> None:
        if self.unit is None:
            return
        from tui.dialogs.visit_dialogs import PhaseDialog

        now = {r: self.phase_changes.get(r, self.unit.phase(r)) for r in (1, 2, 3, 4)}
        self.app.push_screen(PhaseDialog(now), lambda changed: changed is not None and self._phased(now, changed))

    def _phased(self, shown: dict[int, int], changed: dict[int, int]) -> None:
        wanted = {**shown, **changed}
        self.phase_changes = {r: p for r, p in wanted.items() if p != self.unit.phase(r)}
        self._show_record()

    def action_save(self) -> None:
        if self.unit is None or (self.visit is not None and not self.has_unsaved_changes()):
            return
        self._save(dict(self.values), list(self.drafts), dict(self.phase_changes))

    @work(thread=True, exclusive=True, exit_on_error=False, group="visit-save")
    def _save(self, values: dict, drafts: list[ActionDraft], phases: dict[int, int]) -> None:
        try:
            if self.visit is None:
                visit = record_visit(self.store, self.slug, Visit(**values), drafts, phases,
                                     unit_rev=self.unit.rev if phases else None)
            else:
                visit = update_visit(self.store, self.visit.id, values, drafts, phases, rev=self.visit.rev)
            ids = [a["action"] for a in visit.agreements if a["action"]]
            actions = {a.id: a for a in self.store.records(Action, self.slug) if a.id in ids}
            self.post_message(self.Saved(visit, self.store.unit(self.slug), actions))
        except SpiegelError as error:  # a colleague changed the unit or the visit: nothing written
            self.post_message(self.Written(t("tui.write_failed", error=visible(str(error))), ok=False, reload=True))

    def on_visit_screen_saved(self, message: Saved) -> None:
        self.visit, self.unit, self.actions = message.visit, message.unit, message.actions
        self.values = {"date": message.visit.date, "present": list(message.visit.present), "notes": message.visit.notes,
                       "next_visit": message.visit.next_visit}
        self.saved_values = dict(self.values)
        self.drafts, self.phase_changes = [], {}
        self._show_record()
        self.notify(t("visit.saved", id=message.visit.id), markup=False)

    def action_report(self) -> None:
        if self.visit is None or self.has_unsaved_changes():
            self.notify(t("visit.report_needs_save"), severity="warning", markup=False)
            return
        from store.exchange.reports.output import report_path  # the settings' reports folder, else where spiegel started
        from tui.dialogs.visit_dialogs import ReportDialog

        name = f"bezoekverslag-{self.slug}-{self.visit.id}.html"  # as `spiegel visit report` names it
        self.app.push_screen(ReportDialog(report_path(name)),
                             lambda path: path and self._start_report(self.visit.id, path))

    def _start_report(self, visit_id: str, path: str) -> None:
        self.notify(t("visit.report_writing"), markup=False, timeout=3)
        self._write_report(visit_id, path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="visit-report")
    def _write_report(self, visit_id: str, path: str) -> None:
        from store.exchange.reports import write_report
        from store.exchange.reports.visit import visit_report

        try:
            fmt = "md" if path.lower().endswith(".md") else "html"
            written = write_report(path, visit_report(self.store, visit_id).render(fmt))
            self.post_message(self.Written(t("visit.report_written", path=visible_line(written)), ok=True))
        except SpiegelError as error:
            self.post_message(self.Written(t("tui.write_failed", error=visible(str(error))), ok=False))

    def on_visit_screen_written(self, message: Written) -> None:
        self.notify(message.text, severity="information" if message.ok else "error", markup=False,
                    timeout=6 if message.ok else 10)
        if message.reload:  # the unit as it is now: what was typed here stays, ctrl+s tries again
            self.load()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group.startswith("visit-"):
            self.query_one("#visit-body").loading = False
            self.notify(t("tui.load_failed", error=describe_error(event.worker.error)), severity="error", markup=False)

    def action_leave(self) -> None:
        if not self.has_unsaved_changes():
            self.app.pop_screen()
            return
        from tui.dialogs.discard_dialog import DiscardDialog

        self.app.push_screen(DiscardDialog(t("visit.ask_leave")), lambda discard: discard and self.app.pop_screen())
