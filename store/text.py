"""The store boundary's text sanitiser.

No Textual or Rich widget neutralises escape sequences (see shared/pitfalls.md), so
every string that enters the store, every string loaded from a unit file (another
member of the group may have edited it by hand), and everything else we echo to a
terminal, passes through `clean_text`. Written by hand: it is one translate table, and
no library strips exactly the C0/DEL/C1 set while keeping tabs, newlines and all other
Unicode.

Characters that reorder or hide text (bidi overrides and isolates, zero-width
characters, the byte-order mark) and lone surrogates (bytes that were not UTF-8) are
not dropped but shown, as `⟨U+202E⟩`: a title that reads differently from what it
holds is a trick the reader should see, on input and on load alike.
"""

from __future__ import annotations

# C0 controls except TAB and LF, DEL, and the C1 block (U+0080–U+009F).
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]}
# Bidi embeddings/overrides/isolates and marks, zero-width space/joiners, word
# joiner, BOM, and the surrogate block (lone surrogates come from undecodable bytes).
_HIDDEN = [0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF,
           *range(0xD800, 0xE000)]
_TABLES: dict[str, dict] = {}


def _table(name: str) -> dict:
    """The translate tables, made when first needed: their 2,100 entries cost ~1 ms
    of every command's start, and most text has nothing to change."""
    if not _TABLES:
        text = {**_CONTROL, **{c: f"⟨U+{c:04X}⟩" for c in _HIDDEN}}
        # Single-line fields fold tabs and newlines to a space instead of dropping them.
        _TABLES.update(text=text, one_line={**text, 0x09: " ", 0x0A: " "})
    return _TABLES[name]


def clean_text(value: str) -> str:
    """Drop terminal control characters and show hidden ones; keep tabs, newlines
    and everything printable."""
    if value.isprintable():  # C fast path: the common case has nothing to change
        return value
    return value.translate(_table("text"))


def clean_line(value: str) -> str:
    """Like `clean_text`, for one-line fields (titles, names): tabs/newlines become spaces."""
    if value.isprintable():
        return value.strip()
    return value.translate(_table("one_line")).strip()
