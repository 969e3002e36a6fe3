"""Someone saved the same record while you edited it: show, for every field that
differs, their value and yours side by side, and let the user keep either one per
field. Returns the merged record (with their revision, so it can be saved over
theirs) or None for "cancel, keep my form as typed".

Default per field: mine where I changed it (compared with `base`, the version my
edit started from), theirs where only they did, so accepting the defaults loses
nobody's edit. Without a `base`, every field defaults to mine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from store.model.changes import when_text
from store.errors import Conflict
from store.i18n import t
from store.model.records import Record
from store.text import visible_line
from tui.bindings import localize_bindings
from tui.widgets.field_text import field_label, value_text
from tui.widgets.merge_row import LEFT_WIDTH, MergeRow


def differing_fields(mine: Record, theirs: Record) -> list[str]:
    """User fields whose stored form differs, in the record's field order."""
    a, b = mine.fields_doc(), theirs.fields_doc()
    return [name for name in b if a.get(name) != b.get(name)]


class ConflictScreen(ModalScreen[Record | None]):
    BINDINGS = [
        Binding("T", "all(False)", "tui.key.all_theirs", tooltip="tui.tip.all_theirs", id="conflict.all_theirs"),
        Binding("M", "all(True)", "tui.key.all_mine", tooltip="tui.tip.all_mine", id="conflict.all_mine"),
        Binding("enter,ctrl+s", "apply", "tui.key.merge", tooltip="tui.tip.merge", id="conflict.apply"),
        Binding("escape", "cancel", "tui.key.cancel", tooltip="tui.tip.cancel", id="conflict.cancel"),
        Binding("up", "app.focus_previous", "tui.key.up", tooltip="tui.tip.up", show=False),
        Binding("down", "app.focus_next", "tui.key.down", tooltip="tui.tip.down", show=False),
    ]

    def __init__(self, mine: Record, theirs: Record, base: Record | None = None, today: dt.date | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.mine, self.theirs, self.base = mine, theirs, base
        self.today = today or dt.date.today()
        self.fields = differing_fields(mine, theirs)

    # composition -------------------------------------------------------------
    def compose(self) -> ComposeResult:
        theirs = self.theirs
        who = visible_line(theirs.updated_by)
        with Vertical(id="conflict-box"):
            title = t("tui.conflict.title", id=theirs.id, who=who, when=when_text(theirs.updated_at, self.today))
            yield Static(Text(title, style="bold"), id="conflict-title")
            yield Static(self._header(who), id="conflict-header")
            with VerticalScroll(id="conflict-rows"):
                for name in self.fields:
                    yield self._row(name)
                if not self.fields:
                    yield Static(t("tui.conflict.same"), markup=False)
            yield Static(t("tui.conflict.hint"), id="conflict-hint", markup=False)
            with Horizontal(id="conflict-buttons"):
                # Button labels are parsed as markup: these are catalog strings of ours.
                yield Button(t("tui.conflict.apply"), id="conflict-apply", variant="primary", compact=True)
                yield Button(t("tui.conflict.all_theirs"), id="conflict-all-theirs", compact=True)
                yield Button(t("tui.conflict.all_mine"), id="conflict-all-mine", compact=True)
                yield Button(t("tui.conflict.cancel"), id="conflict-cancel", compact=True)

    def _header(self, who: str) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=LEFT_WIDTH - 1, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(Text(t("tui.conflict.field")), Text(t("tui.conflict.theirs", who=who)), Text(t("tui.conflict.mine")))
        return grid

    def _row(self, name: str) -> MergeRow:
        cls = type(self.theirs)
        mine, theirs = self.mine.fields_doc(), self.theirs.fields_doc()
        changed_by_me = self.base is None or self.base.fields_doc().get(name) != mine.get(name)
        return MergeRow(
            name, field_label(name),
            theirs=value_text(cls, name, theirs.get(name), self.today, limit=200),
            mine=value_text(cls, name, mine.get(name), self.today, limit=200),
            take_mine=changed_by_me, changed_by_me=self.base is not None and changed_by_me,
        )

    def on_mount(self) -> None:
        rows = self.query(MergeRow)
        (rows.first() if rows else self.query_one("#conflict-apply", Button)).focus()

    # result ------------------------------------------------------------------
    def choices(self) -> dict[str, bool]:
        """Field -> True when my value is kept."""
        return {row.field: row.take_mine for row in self.query(MergeRow)}

    def merged(self) -> Record:
        """Their record with my value in every field where mine is chosen; their rev."""
        doc, mine = self.theirs.to_doc(), self.mine.to_doc()
        for name, take_mine in self.choices().items():
            if take_mine:
                doc[name] = mine[name]
        return type(self.theirs).from_doc(doc, self.theirs.unit)

    # events and actions ---------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        action = {
            "conflict-apply": self.action_apply,
            "conflict-cancel": self.action_cancel,
            "conflict-all-theirs": lambda: self.action_all(False),
            "conflict-all-mine": lambda: self.action_all(True),
        }.get(event.button.id or "")
        if action:
            action()

    def action_all(self, mine: bool) -> None:
        for row in self.query(MergeRow):
            row.take_mine = mine

    def action_apply(self) -> None:
        self.dismiss(self.merged())

    def action_cancel(self) -> None:
        self.dismiss(None)


def resolve_conflict(screen: Screen, conflict: Conflict, base: Record, save: Callable[[Record, Record], None],
                     kept: str, on_kept: Callable[[], None] | None = None) -> None:
    """Open the dialog for a failed save: a merged record is saved with `save(merged,
    theirs)` (theirs is its new base); cancelling says `kept` and calls `on_kept`."""

    def resolved(merged: Record | None) -> None:
        if merged is not None:
            save(merged, conflict.theirs)
            return
        screen.notify(kept, severity="warning", markup=False)
        if on_kept is not None:
            on_kept()

    screen.app.push_screen(ConflictScreen(conflict.mine, conflict.theirs, base, screen.store.today()), resolved)
