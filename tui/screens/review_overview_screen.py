"""The end of the evaluation meeting: what was decided about each action, and what
was skipped. `m` and `h` ask for a file name (suggested as every report is named,
in the reports folder) and write it as Markdown or HTML
(store/exchange/reports/review.py) in a worker, and say where."""

from __future__ import annotations

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
from store.persistence.repository import Store
from store.moments.reviews import Outcome
from store.text import visible_line
from store.model.vocab import Status
from tui.bindings import localize_bindings
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter


def overview_lines(outcomes: list[Outcome], total: int, today) -> list[Text]:
    """One line per action and what became of it; an empty queue says so."""
    if not total:
        return [Text(t("tui.review.empty"), style="bold")]
    lines = [Text(t("tui.review.overview_head", n=sum(not o.skipped for o in outcomes), total=total), style="bold")]
    for outcome in outcomes:
        action = outcome.action
        lines.append(Text(f"{action.id:<6} {visible_line(action.title)}", no_wrap=True, overflow="ellipsis"))
        lines.append(Text(f"       {outcome_words(outcome, today)}", no_wrap=True, overflow="ellipsis"))
        for name, value in outcome.values:
            lines.append(Text(f"       {name}: {value}", no_wrap=True, overflow="ellipsis"))
    return lines


def outcome_words(outcome: Outcome, today) -> str:
    """What became of one action: skipped, stopped (why), done, or continued or
    adjusted with its progress and next review (none planned is said loudly)."""
    action = outcome.action
    if outcome.skipped:
        return t("tui.review.was_skipped")
    if action.status == Status.STOPPED:
        return t("tui.review.was_stopped", reason=visible_line(action.pdsa.get("act", "")))
    if action.status == Status.DONE:
        return t("tui.review.was_done")
    nxt = show_date("review_date", action.review_date, today) if action.review_date else t("tui.review.no_next")
    what = t("tui.review.was_decided", status=action.status.label, progress=action.progress, next=nxt)
    if outcome.verdict == "adjust" and action.pdsa.get("act"):
        what = f"{t('tui.review.was_adjusted', act=visible_line(action.pdsa['act']))} · {what}"
    return what


class ReviewOverviewScreen(Screen):
    BINDINGS = [
        Binding("m", "write('md')", "tui.review.key.markdown", tooltip="tui.review.tip.markdown", id="review.md"),
        Binding("h", "write('html')", "tui.review.key.html", tooltip="tui.review.tip.html", id="review.html"),
        Binding("escape", "app.pop_screen", "tui.key.back", tooltip="tui.tip.back", id="review.back"),
    ]
    AUTO_FOCUS = "#rv-overview"

    class Written(Message):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

    def __init__(self, store: Store, slug: str, unit_name: str, outcomes: list[Outcome], total: int) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.outcomes, self.total = outcomes, total
        self.sub_title = t("tui.review.overview_title", unit=unit_name)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="rv-overview"):
            yield Static(Text("\n").join(overview_lines(self.outcomes, self.total, self.store.today())),
                         id="rv-overview-text")
        yield FittingFooter()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review-write")
    def write(self, path: str) -> None:
        from store.exchange.reports import write_report
        from store.exchange.reports.review import review_document

        today = self.store.today()
        doc = review_document(self.unit_name, today, self.outcomes, today)
        fmt = "md" if path.lower().endswith(".md") else "html"
        self.post_message(self.Written(write_report(path, doc.render(fmt))))

    def action_write(self, fmt: str) -> None:
        """Ask for the file's name first (suggested as every report is named)."""
        from store.exchange.reports.output import report_file_name, report_path
        from tui.dialogs.review_file_dialog import OverviewFileDialog

        name = report_file_name(t("report.review.file"), self.slug, self.store.today().isoformat(), fmt)

        def chosen(path: str | None) -> None:
            if path:
                self.notify(t("tui.review.writing"), markup=False)
                self.write(path)

        self.app.push_screen(OverviewFileDialog(report_path(name)), chosen)  # in the reports folder

    def on_review_overview_screen_written(self, message: Written) -> None:
        self.notify(t("tui.review.written", path=visible_line(message.path)), markup=False, timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            severity = "warning" if isinstance(error, SpiegelError) else "error"
            self.notify(t("tui.write_failed", error=describe_error(error)), severity=severity, markup=False)
