"""Which actions a list shows: one filter the CLI and the TUI both use."""

from __future__ import annotations

import datetime as dt

from store.model import rules
from store.model.records import Action, id_number
from store.model.vocab import Status


class ActionFilter:
    """Empty fields match everything. `text` matches id, title, owner or description.
    (A plain class: dataclasses costs CLI start-up, see store/model/recordtype.py.)"""

    __slots__ = ("text", "owner", "status", "phase", "route", "overdue", "due_soon")

    def __init__(self, *, text: str = "", owner: str = "", status: tuple[Status, ...] = (), phase: int | None = None,
                 route: int | None = None, overdue: bool = False, due_soon: bool = False) -> None:
        self.text, self.owner, self.status = text, owner, status
        self.phase, self.route, self.overdue, self.due_soon = phase, route, overdue, due_soon

    def matches(self, action: Action, today: dt.date) -> bool:
        if self.overdue and not rules.is_overdue(action, today):
            return False
        if self.due_soon and not rules.is_due_soon(action, today):
            return False
        if self.status and action.status not in self.status:
            return False
        if self.phase is not None and action.phase != self.phase:
            return False
        if self.route is not None and action.route != self.route:
            return False
        if self.owner and self.owner.casefold() not in action.owner.casefold():
            return False
        return not self.text or words_match(search_text(action), search_words(self.text))

    def doc_prefilter(self, today: dt.date):
        """A cheap test on stored documents, applied before records are built (or
        None). Its `rows`, if it has one, narrows list rows the same way before they
        become documents (Store.listed_actions)."""
        if self.overdue:
            from store.model.schema import LIST_FIELDS as FIELDS  # the list rows' shape, whichever backend

            today_iso = today.isoformat()
            status_at, deadline_at = FIELDS.index("status"), FIELDS.index("deadline")
            test = lambda doc: rules.overdue_doc(doc, today_iso)  # noqa: E731
            test.rows = lambda rows: rules.overdue_rows(rows, today_iso, status_at, deadline_at)
            return test
        return None


def search_text(action: Action, *shown: str) -> str:
    """What a text filter looks in: id, title, owner, description and whatever else a
    list shows (`shown`), casefolded. Lists build it once per row, not per keystroke."""
    return " ".join((action.id, action.title, action.owner, action.description, *shown)).casefold()


def search_words(text: str) -> list[str]:
    return text.casefold().split()


def words_match(haystack: str, words: list[str]) -> bool:
    """Every word occurs somewhere in the haystack (in any order, as part of a word)."""
    return all(word in haystack for word in words)


def sort_key(action: Action) -> tuple:
    """Deadline first (none last), then id number: the order a to-do list reads in."""
    return (action.deadline or dt.date.max, id_number(action.id))


def select(actions: list[Action], flt: ActionFilter, today: dt.date) -> list[Action]:
    return sorted((a for a in actions if flt.matches(a, today)), key=sort_key)
