"""A change-log entry as a user reads it: who made it, when (local time), which
fields. Shared by the CLI's and the app's undo messages, the change log and the
conflict dialog, so they all name a change the same way."""

from __future__ import annotations

import datetime as dt

from store.catalog_nl import NL
from store.dates import describe_date
from store.i18n import t
from store.text import clean_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from store.records import Record


def field_label(name: str) -> str:
    """The field's name in the UI language ('owner' -> 'Eigenaar'); unknown: as is."""
    key = f"tui.field.{name}"
    return t(key) if key in NL else name


def when_text(at: str, today: dt.date) -> str:
    """'ma 23 nov 10:20' in the local time zone ('at' is stored in UTC)."""
    try:
        moment = dt.datetime.fromisoformat(at).astimezone()
    except (TypeError, ValueError):
        return clean_line(str(at))
    return f"{describe_date(moment.date(), today, yearless='past')} {moment:%H:%M}"


def change_facts(entry: dict, today: dt.date) -> dict[str, str]:
    """{'who', 'when', 'fields'} of one log entry, ready for a message template.
    Every part is cleaned: a unit file can be edited by hand."""
    changes = entry.get("changes")
    names = changes if isinstance(changes, dict) else {}
    return {
        "who": clean_line(str(entry.get("by", ""))) or "?",
        "when": when_text(entry.get("at", ""), today),
        "fields": ", ".join(field_label(clean_line(str(name))) for name in names) or "-",
    }


def undone_entry(record: Record) -> dict:
    """The log entry that the record's latest entry (an undo) reversed."""
    latest = record.log[-1]
    return record.log[latest["undoes"]]


def undo_message(record: Record, today: dt.date) -> str:
    """What the CLI and the app say after an undo: whose change, from when, which
    fields, and the record's new revision."""
    return t("undo.done", id=record.id, rev=record.rev, **change_facts(undone_entry(record), today))
