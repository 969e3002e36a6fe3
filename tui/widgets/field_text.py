"""Field names and stored values as a user reads them: 'Deadline: vr 27 nov',
'Status: afgerond'. Shared by the change log and the conflict dialog.

Works on the stored form (`Record.fields_doc()`, the log's `changes`), so a value
from a log entry and one from a live record read the same. Plain strings only; the
widgets that show them wrap them in `Text`, never in markup.
"""

from __future__ import annotations

from store.model.changes import MAX_VALUE, PDSA_PARTS, field_label, value_text

__all__ = ["MAX_VALUE", "PDSA_PARTS", "field_label", "value_text"]  # store/model/changes.py, shared with the CLI
