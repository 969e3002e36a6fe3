"""The phase board of one unit: its actions in four columns, one per phase, and
the unit's phase per route on top. `/` filters the cards by words (the key rule of
every list: tui/screens/key_rule.py). `<` / `>` move the highlighted action one phase
back or on; the save goes through the Store with the revision the board loaded, and
a Conflict opens the same field-by-field dialog as the action detail screen."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState

from store.model.advice import action_advice
from store.model.fields import show_date
from store.errors import SpiegelError
from store.i18n import t
from store.model.queries import search_text, search_words, words_match
from store.model.records import Action, Record, Unit
from store.persistence.repository import Store
from store.text import visible_line
from store.model.vocab import ROUTES, phase_label, route_label
from tui.bindings import localize_bindings
from tui.screens.key_rule import KeyRule
from tui.screens.live_refresh import LiveRefresh
from tui.screens.record_saving import SAVE_GROUP, SaveConflicted, SavesRecords
from tui.screens.table_screen import describe_error
from tui.widgets.fitting_footer import FittingFooter
from tui.widgets.phase_board import PhaseBoard, board_columns


class BoardScreen(KeyRule, SavesRecords, LiveRefresh, Screen):
    HINT_AT = "#board-status"
    BINDINGS = [
        Binding("slash", "focus_filter", "tui.key.filter", tooltip="tui.tip.filter", id="board.filter"),
        Binding("escape", "escape", "tui.key.back", tooltip="tui.tip.to_dashboard", id="board.back_screen"),
        # Not in the footer (Quit would not fit at 80 columns); the status line names it.
        Binding("r", "route", "tui.key.route", tooltip="tui.tip.route", id="board.route", show=False),
    ]
    AUTO_FOCUS = "PhaseBoard"

    class Loaded(Message):
        def __init__(self, unit: Unit, actions: list[Action]) -> None:
            super().__init__()
            self.unit, self.actions = unit, actions

    class Saved(Message):
        def __init__(self, action: Action) -> None:
            super().__init__()
            self.action = action

    class SaveFailed(Message):
        def __init__(self, error: SpiegelError) -> None:
            super().__init__()
            self.error = error

    class Conflicted(SaveConflicted):
        pass

    def __init__(self, store: Store, slug: str, unit_name: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.store, self.slug, self.unit_name = store, slug, unit_name
        self.sub_title = f"{t('tui.board.title')} · {unit_name}"  # what first: a long unit name is cut, not it
        self.actions: list[Action] = []
        self.route: int | None = None  # None: every route
        self.busy = False  # a save is under way; a second move would conflict with it
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="board-phases", markup=False)
        yield Input(placeholder=t("tui.board.filter"), id="filter", select_on_focus=False)
        yield PhaseBoard(id="board")
        yield Static("", id="board-detail", markup=False)
        yield Static(t("tui.loading"), id="board-status", markup=False)
        yield FittingFooter()

    @property
    def board(self) -> PhaseBoard:
        return self.query_one(PhaseBoard)

    filtered = board

    def on_mount(self) -> None:
        self.start_watching()

    def on_screen_resume(self) -> None:
        self.set_focus(self.board)  # back from an action: the board has the keys, the filter stays
        self.reload()

    # workers ---------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="board-load")
    def load(self) -> None:
        self.post_message(self.Loaded(self.store.unit(self.slug), self.store.records(Action, self.slug)))

    # messages --------------------------------------------------------------------
    def on_board_screen_loaded(self, message: Loaded) -> None:
        self.actions, self.loaded = message.actions, True
        self.query_one("#board-phases", Static).update(phases_line(message.unit))
        self._show()

    def _show(self, keep: str | None = None) -> None:
        words = search_words(self.filter_input.value)
        actions = [a for a in self.actions if words_match(search_text(a), words)] if words else self.actions
        self.board.set_columns(board_columns(actions, self.store.today(), self.route), keep)
        self.restore_status()

    def restore_status(self) -> None:
        if not self.loaded:
            self.query_one("#board-status", Static).update(t("tui.loading"))
            return
        shown = sum(len(c) for c in self.board.columns)
        flagged = sum(bool(card.flags) for column in self.board.columns for card in column)
        route = t("tui.board.all_routes") if self.route is None else f"R{self.route} {route_label(self.route)}"
        status = t("tui.board.status", n=shown, flagged=flagged, route=route) if self.actions else t("tui.board.empty")
        self.query_one("#board-status", Static).update(Text(status))

    def on_phase_board_highlighted(self, message: PhaseBoard.Highlighted) -> None:
        action = message.card.action if message.card else None
        self.query_one("#board-detail", Static).update(self._describe(action, message.phase))

    def _describe(self, action: Action | None, phase: int) -> Text:
        if action is None:
            return Text(t("tui.board.column_empty", phase=phase, label=phase_label(phase)))
        today = self.store.today()
        facts = t(
            "tui.board.detail", id=action.id, status=action.status.label,
            owner=visible_line(action.owner) or t("tui.no_owner"),
            deadline=show_date("deadline", action.deadline, today) if action.deadline else t("tui.no_deadline"),
            phase=action.phase, phase_label=phase_label(action.phase), route=action.route,
        )
        text = Text.assemble((visible_line(action.title), "bold"), "\n", facts)
        for advice in action_advice(action, today):
            text.append(f"\n! {advice.message}")
        return text

    def on_phase_board_move_requested(self, message: PhaseBoard.MoveRequested) -> None:
        if self.busy:
            self.notify(t("tui.board.busy"), severity="warning", markup=False)
            return
        base = message.action
        edited = Action.from_doc(base.to_doc(), base.unit)
        edited.phase = message.phase
        self.busy = True
        self.save_record(edited, base)

    def on_phase_board_opened(self, message: PhaseBoard.Opened) -> None:
        from tui.screens.action_detail_screen import ActionDetailScreen

        self.app.push_screen(ActionDetailScreen(self.store, message.action.id, self.slug))

    def on_board_screen_saved(self, message: Saved) -> None:
        self.busy = False
        saved = message.action
        self.actions = [saved if a.id == saved.id else a for a in self.actions]
        self._show(keep=saved.id)
        self.notify(t("tui.board.moved", id=saved.id, phase=saved.phase, label=phase_label(saved.phase)), markup=False)

    def on_board_screen_save_failed(self, message: SaveFailed) -> None:
        self.busy = False
        self.notify(t("tui.detail.save_failed", error=describe_error(message.error)), severity="error", markup=False)

    def on_board_screen_conflicted(self, message: Conflicted) -> None:
        from tui.screens.conflict_screen import resolve_conflict

        self.busy = False

        def save(merged: Record, base: Record) -> None:
            self.busy = True
            self.save_record(merged, base)

        resolve_conflict(self, message.conflict, message.base, save, t("tui.board.conflict_kept"), self.reload)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group in ("board-load", SAVE_GROUP):
            self.busy = False
            key = "tui.load_failed" if event.worker.group == "board-load" else "tui.detail.save_failed"
            message = t(key, error=describe_error(event.worker.error))
            self.query_one("#board-status", Static).update(Text(message))
            self.notify(message, severity="error", markup=False)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.set_focus(self.board)

    # actions -----------------------------------------------------------------------
    def action_escape(self) -> None:
        """Clear the filter first, then back to the dashboard."""
        if not self.leave_filter():
            self.app.pop_screen()

    def action_route(self) -> None:
        """Show one route at a time (r cycles: all, R1 … R4, all)."""
        order = [None, *ROUTES]
        self.route = order[(order.index(self.route) + 1) % len(order)]
        self._show()


def phases_line(unit: Unit) -> Text:
    """The unit's phase per route, two routes per line."""
    parts = [f"R{r} {route_label(r)}: F{unit.phase(r)}" for r in ROUTES]
    width = max(len(p) for p in parts[::2]) + 2
    return Text("\n".join(f"{parts[i]:<{width}}{parts[i + 1]}" for i in range(0, len(parts), 2)),
                no_wrap=True, overflow="ellipsis")
