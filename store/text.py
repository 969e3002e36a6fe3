"""Text kept as typed, and shown so that nothing hides.

Two jobs, two sets of functions:

- **Storing** (`clean_text`, `clean_line`): what enters the store and what is loaded
  from a unit file loses only terminal control characters (C0 except tab and
  newline, DEL, C1): no Textual or Rich widget neutralises escape sequences (see
  shared/pitfalls.md). Everything else is kept as given -- an emoji with a
  zero-width joiner pasted from a phone (`👩‍⚕️ huisarts`), a Persian or Hindi name
  with U+200C/U+200D -- so exports, `--json` and a round trip carry exactly what was
  typed. Only lone surrogates (bytes that were not UTF-8, which no file can hold)
  become a visible `⟨U+DC80⟩`.
- **Showing** (`visible`, `visible_line`): the one function every terminal line and
  every HTML/Markdown report passes through; an edit field shows a stored text the
  same way (`for_editing`) and saves what it showed (`edited`). Characters that hide or reorder text,
  or look like nothing, are shown as `⟨U+202E⟩`, so one unit name cannot pass for
  another: bidi controls, zero-width characters (a joiner only outside a joined
  emoji or a script that needs it), U+2061-2064, U+180E, the soft hyphen U+00AD,
  line and paragraph separators, Hangul fillers, a byte-order mark, and tag
  characters outside a flag emoji.

Written by hand: no library marks exactly this set while keeping the joiners that
belong where they are.
"""

from __future__ import annotations

# C0 controls except TAB and LF, DEL, and the C1 block (U+0080–U+009F).
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]}
_SURROGATES = range(0xD800, 0xE000)
_TABLES: dict[str, dict] = {}


def _table(name: str) -> dict:
    """What the store keeps, as translate tables made when first needed: their 2,100
    entries cost ~1 ms of every command's start, and most text has nothing to change."""
    if not _TABLES:
        text = {**_CONTROL, **{c: f"⟨U+{c:04X}⟩" for c in _SURROGATES}}
        # Single-line fields fold tabs and newlines to a space instead of dropping them.
        _TABLES.update(text=text, one_line={**text, 0x09: " ", 0x0A: " "})
    return _TABLES[name]

ZWNJ, ZWJ = 0x200C, 0x200D
# Always shown as a mark: bidi marks, embeddings, overrides and isolates; zero-width
# space, word joiner and invisible operators (U+2063 among them); the Mongolian
# vowel separator; the soft hyphen; line/paragraph separators; Hangul fillers; BOM.
HIDDEN = frozenset([0x00AD, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029,
                    *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0x3164, 0xFEFF,
                    0xFFA0, 0xE0001])  # and lone surrogates (_SURROGATES, a range: no 2,048 entries to build)
TAGS = range(0xE0020, 0xE0080)  # tag characters: only inside a flag (black flag + tags + cancel tag)
BLACK_FLAG, CANCEL_TAG = 0x1F3F4, 0xE007F
# Scripts whose spelling needs ZWJ/ZWNJ between letters: Arabic (Persian, Urdu),
# Syriac, Thaana, N'Ko, the Indic scripts (Devanagari to Sinhala), Myanmar, Khmer,
# Mongolian, and the Arabic presentation forms.
JOINING_SCRIPTS = ((0x0600, 0x07FF), (0x0860, 0x08FF), (0x0900, 0x0DFF), (0x1000, 0x109F), (0x1780, 0x18AF),
                   (0xA8E0, 0xA8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
_EMOJI_PARTS = (0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400))  # presentation selector, keycap, skin tones


def clean_text(value: str) -> str:
    """What the store keeps: `value` without terminal control characters; tabs,
    newlines and every other character as typed."""
    if value.isprintable():  # C fast path: the common case has nothing to change
        return value
    return value.translate(_table("text"))


def clean_line(value: str) -> str:
    """Like `clean_text`, for one-line fields (titles, names): tabs/newlines become
    spaces, and the ends are trimmed."""
    if value.isprintable():
        return value.strip()
    return value.translate(_table("one_line")).strip()


_CONTROL_LINE = {**_CONTROL, 0x09: " ", 0x0A: " "}  # one line: tabs and newlines become spaces
_PRINTABLE_HIDDEN: list[frozenset] = []  # see _nothing_to_mark


def visible(value: str) -> str:
    """`value` as a terminal or a report shows it: controls dropped, hidden and
    look-alike characters marked (module doc); tabs and newlines kept."""
    return value if _nothing_to_mark(value) else _marked(value, _CONTROL)


def visible_line(value: str) -> str:
    """`visible` for one line: tabs and newlines become spaces."""
    return value.strip() if _nothing_to_mark(value) else _marked(value, _CONTROL_LINE).strip()


def _nothing_to_mark(value: str) -> bool:
    """Whether `_marked` would return `value` unchanged, decided in C: `spiegel list`
    shows thousands of cells, most with nothing to mark and many with an accent
    (é, ë) that is no reason to look at each character in Python. Controls, tabs,
    newlines, joiners, tag characters and nearly every hidden character are not
    printable; the few that Python's Unicode tables call printable (the Hangul
    fillers) are looked for in a set made when first needed."""
    if not value.isprintable():
        return False
    if value.isascii():
        return True
    if not _PRINTABLE_HIDDEN:
        judged = (*HIDDEN, *TAGS, ZWJ, ZWNJ)  # lone surrogates are never printable
        _PRINTABLE_HIDDEN.append(frozenset(chr(c) for c in judged if chr(c).isprintable()))
    return _PRINTABLE_HIDDEN[0].isdisjoint(value)


def _marked(value: str, controls: dict) -> str:
    """Character by character (module doc)."""
    text = value.translate(controls)
    out: list[str] = []
    flag_until = -1
    for i, ch in enumerate(text):
        code = ord(ch)
        if code == BLACK_FLAG:
            flag_until = _flag_end(text, i)
        if code in HIDDEN or code in _SURROGATES or (code in TAGS and i > flag_until) \
                or (code in (ZWJ, ZWNJ) and not _joins(text, i)):
            out.append(f"⟨U+{code:04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


def _flag_end(text: str, start: int) -> int:
    """The index of the cancel tag closing a tag sequence after a black flag
    (England's flag: 🏴 + tags 'gbeng' + cancel tag), or -1."""
    for j in range(start + 1, len(text)):
        code = ord(text[j])
        if code == CANCEL_TAG:
            return j if j > start + 1 else -1
        if code not in TAGS:
            return -1
    return -1


def _joins(text: str, i: int) -> bool:
    """Whether the joiner at `i` does its work: between two parts of an emoji
    (ZWJ only), or between letters of a script that uses joiners."""
    if i == 0 or i + 1 >= len(text):
        return False
    before, after = ord(text[i - 1]), ord(text[i + 1])
    if ord(text[i]) == ZWJ and _emoji(before, text, i - 1) and _emoji(after, text, i + 1):
        return True
    return _joining_script(before) and _joining_script(after)


def _emoji(code: int, text: str, at: int) -> bool:
    if code in _EMOJI_PARTS:  # a selector or skin tone: judge the character it belongs to
        return at > 0 and _emoji(ord(text[at - 1]), text, at - 1)
    import unicodedata  # only when a joiner is judged: not on every CLI start

    return unicodedata.category(chr(code)) == "So"


def _joining_script(code: int) -> bool:
    return any(low <= code <= high for low, high in JOINING_SCRIPTS)


def for_editing(value: str) -> str:
    """A stored text as an edit field shows it: `visible` (a field is a line on the
    terminal like any other), tabs and newlines kept for a text area."""
    return visible(value)


def edited(text: str, stored: str) -> str:
    """What an edit field that was filled with `for_editing(stored)` saves: `stored`
    itself while the field still shows exactly that (an untouched field changes
    nothing, whatever it holds), else `text` with each mark of a hidden character
    turned back into the character, so a field saves what it showed."""
    if text == visible(stored):
        return stored
    if "⟨U+" not in text:
        return text
    import re  # only for a field that holds a mark

    return re.sub(r"⟨U\+([0-9A-F]{4,6})⟩", _unmarked, text)


def _unmarked(mark) -> str:
    code = int(mark[1], 16)
    hidden = code in HIDDEN or code in TAGS or code in (ZWJ, ZWNJ)  # never a lone surrogate: no file holds one
    return chr(code) if hidden else mark[0]


_JOINER_MARKS = {"⟨U+200D⟩": chr(ZWJ), "⟨U+200C⟩": chr(ZWNJ)}


def restore_joiners(value: str) -> str:
    """Undo what older versions stored: a joiner typed in an emoji or a joining
    script had been saved as its mark `⟨U+200D⟩`/`⟨U+200C⟩`. Each such mark
    becomes the joiner again where, as a joiner, it joins (`visible` would keep it);
    every other mark stays as it was stored."""
    if "⟨U+200" not in value:
        return value
    out = value
    start = 0
    while True:
        found = [(out.find(mark, start), mark) for mark in _JOINER_MARKS]
        found = [(at, mark) for at, mark in found if at >= 0]
        if not found:
            return out
        at, mark = min(found)
        candidate = out[:at] + _JOINER_MARKS[mark] + out[at + len(mark):]
        if _joins(candidate, at):
            out, start = candidate, at + 1
        else:
            start = at + len(mark)
