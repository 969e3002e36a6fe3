"""A change-log entry as a user reads it: who made it, when (local time), which
fields. Shared by the CLI's and the app's undo messages, the change log and the
conflict dialog, so they all name a change the same way."""

from __future__ import annotations

import datetime as dt

from store.model import vocab
from store.dates import describe_date
from store.i18n import NL, t
from store.text import visible_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from store.model.records import Record

PDSA_PARTS = ("plan", "do", "study", "act")
MAX_VALUE = 60


def field_label(name: str) -> str:
    """The field's name in the UI language ('owner' -> 'Eigenaar'); unknown: as is."""
    key = f"field.{name}"
    return t(key) if key in NL else name


def when_text(at: str, today: dt.date) -> str:
    """'ma 23 nov 10:20' in the local time zone ('at' is stored in UTC)."""
    try:
        moment = dt.datetime.fromisoformat(at).astimezone()
    except (TypeError, ValueError):
        return visible_line(str(at))
    return f"{describe_date(moment.date(), today)} {moment:%H:%M}"


def change_facts(entry: dict, today: dt.date) -> dict[str, str]:
    """{'who', 'when', 'fields'} of one log entry, ready for a message template.
    Every part is cleaned: a unit file can be edited by hand."""
    changes = entry.get("changes")
    names = changes if isinstance(changes, dict) else {}
    return {
        "who": visible_line(str(entry.get("by", ""))) or "?",
        "when": when_text(entry.get("at", ""), today),
        "fields": ", ".join(field_label(visible_line(str(name))) for name in names) or "-",
    }


def undone_entry(record: Record) -> dict:
    """The log entry that the record's latest entry (an undo) reversed."""
    latest = record.log[-1]
    return record.log[latest["undoes"]]


def undo_message(record: Record, today: dt.date) -> str:
    """What the CLI and the app say after an undo: whose change, from when, which
    fields, and the record's new revision."""
    return t("undo.done", id=record.id, rev=record.rev, **change_facts(undone_entry(record), today))


def value_text(cls: type[Record], name: str, value: Any, today: dt.date, limit: int = MAX_VALUE,
               empty: str | None = None) -> str:
    """One line for a stored value (`Record.fields_doc()`, a log entry's `changes`), as
    a user reads it: labels for codes, ja/nee, 'vr 27 nov', 'L-1, L-4'; `empty`
    (default '(leeg)') for nothing; long text cut short. Plain text, never markup."""
    from store.model.records import field_kinds

    if value in (None, "", [], {}):
        return t("value.empty") if empty is None else empty
    kind = field_kinds(cls).get(name, "")
    if name in ("phase", "route") and isinstance(value, int):
        label = vocab.phase_label(value) if name == "phase" else vocab.route_label(value)
        return f"{value} {label}"
    text = visible_line(_describe(name, kind, value, today))  # from the store, so clean; cheap insurance
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(name: str, kind: str, value: Any, today: dt.date) -> str:
    if kind == "OptDate" and isinstance(value, str):
        from store.model.fields import DATE_RULES

        try:
            return describe_date(dt.date.fromisoformat(value), today, yearless=DATE_RULES.get(name, "year"))
        except ValueError:
            return value
    code = getattr(vocab, kind, None)
    if isinstance(code, type) and issubclass(code, vocab.Code):
        try:
            return code(value).label
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return t("value.yes") if value else t("value.no")
    if kind == "Phases" and isinstance(value, dict):
        return ", ".join(f"{t('value.route')} {k}: {t('value.phase')} {v}" for k, v in sorted(value.items()))
    if kind == "Measurements" and isinstance(value, list):
        return t("value.measurements", count=len(value))
    if kind in ("Agreements", "PhaseMoves") and isinstance(value, list):  # a visit's (store/moments/visits.py)
        from store.model.visit_history import describe_items

        return describe_items(kind, value)
    if isinstance(value, dict):
        parts = [p for p in PDSA_PARTS if value.get(p)] or sorted(value)
        return "; ".join(f"{p}: {value.get(p, '')}" for p in parts)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
