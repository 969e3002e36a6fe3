"""Textual's own words in the UI language: the one place that translates them.

Textual's widgets bring bindings with English descriptions ("Move cursor left",
"Dismiss menu", "Paste text from the clipboard") that our footer and help screen
show, and a few messages of their own (ctrl+c's "Do you want to quit?", Select's
prompt). Textual has no translation hook, so `translate_textual()` rewrites the
descriptions in every Textual widget class's merged bindings (`_merged_bindings`:
Textual's class-level table, copied into each new widget) to catalog words, keyed by
Textual's English text (`textual.<text>`, tui/words/). It runs in make_app,
after the language is chosen and before any widget exists, and again before each
screen is pushed (for the widget classes its module imported); the English
originals are kept, so a change of language works too. A test collects every description
from the installed Textual's BINDINGS and checks each has its Dutch word, and that
no screen shows one in English.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from store.i18n import CATALOGS, t

PREFIX = "textual."
_ORIGINALS: dict[tuple[type, str, int], str] = {}  # (class, key, position) -> Textual's English


def textual_word(english: str) -> str:
    """Textual's English `english` in the UI language (itself when we lack it)."""
    key = PREFIX + english
    return t(key) if key in CATALOGS["nl"] else english


def _widget_classes() -> list[type[DOMNode]]:
    """Every widget class loaded now (Textual's and ours), via the public class tree.
    Nothing is imported for it: importing TextArea and the rest up front cost start-up
    15 ms; the app calls `translate_textual` again whenever a screen is pushed, by
    when that screen's module has brought in its widgets (about 1 ms)."""
    found, todo = [], [DOMNode]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def translate_textual() -> int:
    """Put every Textual binding description into the UI language; how many bindings.
    Both tables: `_merged_bindings`, which new widgets of a class copy, and the public
    `BINDINGS`, from which a subclass defined later (ours, in a screen imported on
    first use) merges its own."""
    changed = 0
    for cls in _widget_classes():
        own = cls.__dict__.get("BINDINGS")
        if own:
            cls.BINDINGS = [_translated_entry(cls, n, entry) for n, entry in enumerate(own)]
        merged = cls.__dict__.get("_merged_bindings")
        if merged is None:
            continue
        for key, bindings in merged.key_to_bindings.items():
            merged.key_to_bindings[key] = [_translated(cls, key, n, b) for n, b in enumerate(bindings)]
            changed += len(bindings)
    return changed


def _translated_entry(cls: type, n: int, entry):
    """A BINDINGS entry (a Binding or Textual's tuple form) with its description translated."""
    if isinstance(entry, Binding):
        return _translated(cls, "BINDINGS", n, entry)
    if isinstance(entry, tuple) and len(entry) >= 3 and isinstance(entry[2], str):
        english = _ORIGINALS.setdefault((cls, "BINDINGS", n), entry[2])
        return (*entry[:2], textual_word(english), *entry[3:])
    return entry


def _translated(cls: type, key: str, n: int, binding: Binding) -> Binding:
    english = _ORIGINALS.setdefault((cls, key, n), binding.description)
    if PREFIX + english not in CATALOGS["nl"]:
        return binding  # ours (already in the UI language) or one Textual has added since
    return replace(binding, description=textual_word(english), tooltip=textual_word(binding.tooltip)
                   if binding.tooltip else binding.tooltip)
