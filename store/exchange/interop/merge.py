"""A row exported at an older revision, edited and imported again: merged field by
field with what changed in spiegel since, using the record's own log.

The record's log holds, for every revision after the first, the fields it changed
with their old values (store/persistence/transaction.py), so the record as it was at the
file's revision can be rebuilt. Against that base:
- a field changed only in spiegel is kept;
- a field changed only in the file is applied;
- a field changed on both sides (to different values) is a conflict that names
  the field with both values, and nothing of the row is written.
"""

from __future__ import annotations

import datetime as dt

from store.i18n import t
from store.model.records import Record


def base_fields(current: Record, rev: int) -> dict | None:
    """The record's fields as they were at revision `rev`; None when the log cannot
    say (a revision from the future, or a log that does not reach back)."""
    log = current.log
    if not 1 <= rev < current.rev or len(log) != current.rev:
        return None
    doc = current.fields_doc()
    for entry in reversed(log[rev:]):  # log[i] made revision i + 1
        changes = entry.get("changes")
        if entry.get("op") == "delete" or not isinstance(changes, dict):
            return None
        for name, pair in changes.items():
            if isinstance(pair, (list, tuple)) and len(pair) == 2:
                doc[name] = pair[0]
    return doc


def merge(current: Record, edited: Record, rev: int) -> tuple[Record | None, list[str]]:
    """(the merged record, []) or (None, [fields changed on both sides]). None and
    [] together: the log cannot tell, so the whole row is a conflict."""
    base = base_fields(current, rev)
    if base is None:
        return None, []
    now, after = current.fields_doc(), edited.fields_doc()
    merged = type(current).from_doc(current.to_doc(), current.unit)
    both = []
    for name, value in after.items():
        if value == now.get(name) or value == base.get(name):
            continue  # the same, or changed only in spiegel: spiegel's value stays
        if now.get(name) == base.get(name):
            setattr(merged, name, getattr(edited, name))  # changed only in the file
        else:
            both.append(name)
    return (None, both) if both else (merged, [])


def conflict_text(current: Record, edited: Record, rev: int, both: list[str], today: dt.date) -> str:
    """'A-3 … (revisie 1 in het bestand, nu 2, door …): eigenaar in spiegel 'Piet', in
    het bestand 'Sanne'; niets van deze rij opgeslagen'."""
    from store.model.changes import field_label, value_text

    cls = type(current)
    now, after = current.fields_doc(), edited.fields_doc()
    fields = "; ".join(t("interop.conflict.field", field=field_label(name),
                         spiegel=value_text(cls, name, now.get(name), today),
                         file=value_text(cls, name, after.get(name), today)) for name in both)
    return t("interop.conflict.fields", id=current.id, rev=rev, now=current.rev, who=current.updated_by,
             fields=fields)
