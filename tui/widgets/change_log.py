"""A record's change log, newest first: when (local time), who, what.

Read-only. Every part that came from the store (user names, values) is put in a
`Text` as it is; nothing here is parsed as markup.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

from store.model.changes import field_label, when_text
from store.i18n import t
from store.model.records import Record
from store.text import visible_line
from tui.widgets.field_text import value_text


def log_text(record: Record, today: dt.date) -> Text:
    """One block per log entry, newest first."""
    lines = Text()
    for entry in reversed(record.log):
        if lines:
            lines.append("\n")
        op = entry.get("op", "")
        lines.append(when_text(entry.get("at", ""), today), style="bold")
        lines.append("  ")
        lines.append(visible_line(str(entry.get("by", ""))), style="italic")
        lines.append(f"  {t('op.' + op) if op in ('create', 'update', 'undo') else visible_line(op)}")
        for name, change in (entry.get("changes") or {}).items():
            old, new = change if isinstance(change, (list, tuple)) and len(change) == 2 else (None, change)
            before = value_text(type(record), name, old, today, limit=30)
            after = value_text(type(record), name, new, today, limit=30)
            lines.append(f"\n    {field_label(name)}: {before} → {after}")
    return lines


class ChangeLog(Static):
    """Shows `log_text` of a record; `show(record, today)` replaces it."""

    DEFAULT_CSS = "ChangeLog { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)

    def show(self, record: Record, today: dt.date) -> None:
        self.update(log_text(record, today))
