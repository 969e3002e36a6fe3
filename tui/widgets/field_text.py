"""Field names and stored values as a user reads them: 'Deadline: vr 27 nov',
'Status: afgerond'. Shared by the change log and the conflict dialog.

Works on the stored form (`Record.fields_doc()`, the log's `changes`), so a value
from a log entry and one from a live record read the same. Plain strings only; the
widgets that show them wrap them in `Text`, never in markup.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from store import vocab
from store.changes import field_label
from store.fields import show_date
from store.i18n import t
from store.records import Record, field_kinds
from store.text import clean_line

PDSA_PARTS = ("plan", "do", "study", "act")
MAX_VALUE = 60


__all__ = ["PDSA_PARTS", "field_label", "value_text"]  # field_label: store/changes.py, shared with the CLI


def value_text(cls: type[Record], name: str, value: Any, today: dt.date, limit: int = MAX_VALUE) -> str:
    """One line for a stored value; '(leeg)' for nothing, long text cut short."""
    if value in (None, "", [], {}):
        return t("tui.value.empty")
    kind = field_kinds(cls).get(name, "")
    if name in ("phase", "route") and isinstance(value, int):
        label = vocab.phase_label(value) if name == "phase" else vocab.route_label(value)
        return f"{value} {label}"
    text = _describe(name, kind, value, today)
    text = clean_line(text)  # from the store, so already clean; cheap insurance
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(name: str, kind: str, value: Any, today: dt.date) -> str:
    if kind == "OptDate" and isinstance(value, str):
        try:
            return show_date(name, dt.date.fromisoformat(value), today)
        except ValueError:
            return value
    code = getattr(vocab, kind, None)
    if isinstance(code, type) and issubclass(code, vocab.Code):
        try:
            return code(value).label
        except ValueError:
            return str(value)
    if isinstance(value, dict):
        parts = [p for p in PDSA_PARTS if value.get(p)] or sorted(value)
        return "; ".join(f"{p}: {value.get(p, '')}" for p in parts)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)

