"""The store boundary's text sanitiser.

No Textual or Rich widget neutralises escape sequences (see shared/pitfalls.md), so
every string that enters the store, and everything else we echo to a terminal, passes
through `clean_text`. Written by hand: it is one translate table, and no library
strips exactly the C0/DEL/C1 set while keeping tabs, newlines and all other Unicode.
"""

from __future__ import annotations

# C0 controls except TAB and LF, DEL, and the C1 block (U+0080–U+009F).
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]}
# Single-line fields fold tabs and newlines to a space instead of dropping them.
_ONE_LINE = {**_CONTROL, 0x09: " ", 0x0A: " "}


def clean_text(value: str) -> str:
    """Drop terminal control characters; keep tabs, newlines and everything printable."""
    if value.isprintable():  # C fast path: the common case has nothing to strip
        return value
    return value.translate(_CONTROL)


def clean_line(value: str) -> str:
    """Like `clean_text`, for one-line fields (titles, names): tabs/newlines become spaces."""
    if value.isprintable():
        return value.strip()
    return value.translate(_ONE_LINE).strip()
