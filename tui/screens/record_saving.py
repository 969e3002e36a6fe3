"""The save worker shared by screens that edit an action (the detail screen, the
phase board): the store's answer comes back as the screen's own `Saved`,
`Conflicted` or `SaveFailed` message, so each screen keeps its own handlers. A
Conflicted goes to conflict_screen.resolve_conflict."""

from __future__ import annotations

from textual import work
from textual.message import Message

from store.errors import Conflict, SpiegelError
from store.model.records import Record

SAVE_GROUP = "record-save"  # one group per screen: a new save or undo cancels the one before


class SaveConflicted(Message):
    """Someone saved the record since the screen read it. Each editing screen
    subclasses it as its own `Conflicted` (its handler is named after the screen)."""

    def __init__(self, conflict: Conflict, base: Record) -> None:
        super().__init__()
        self.conflict, self.base = conflict, base


class SavesRecords:
    """Mixin for a Screen with `store` and the three message classes above."""

    @work(thread=True, exclusive=True, exit_on_error=False, group=SAVE_GROUP)
    def save_record(self, record: Record, base: Record) -> None:
        try:
            self.post_message(self.Saved(self.store.save(record)))  # type: ignore[attr-defined]
        except Conflict as conflict:
            self.post_message(self.Conflicted(conflict, base))  # type: ignore[attr-defined]
        except SpiegelError as error:
            self.post_message(self.SaveFailed(error))  # type: ignore[attr-defined]
